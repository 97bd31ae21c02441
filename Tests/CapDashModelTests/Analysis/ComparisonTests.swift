import Testing
@testable import CapDashModel

@Suite("Comparing two scenarios")
struct ComparisonTests {
    @Test("figures are both evaluations, and deltas their differences; only changed facilities are listed")
    func compare() throws {
        let a = ScenarioLoader.builtInExample()
        var overrides = ScenarioOverrides()
        overrides.set(.divest, ids: "us-prineville-1")
        overrides.set(.leaseback, ids: "eu-frankfurt-1")
        let b = try overrides.apply(to: a).get()
        let comparison = ScenarioComparison(a, b)
        let capex = try #require(comparison.figures.first { $0.key == "capex_freed" })
        #expect(capex.a == evaluate(a).finance.capexFreed)
        #expect(capex.b == evaluate(b).finance.capexFreed)
        #expect(capex.delta == capex.b - capex.a)
        #expect(comparison.changes.map(\.id) == ["us-prineville-1", "eu-frankfurt-1"])
        #expect(comparison.changes[0].a == .retain && comparison.changes[0].b == .divest)
        #expect(comparison.figures.contains { $0.key == "runs_per_year: Llama 3.1 405B" })
        #expect(comparison.figures.first { $0.key == "retained_equity" }?.a == 142e6)
    }

    @Test("facilities in only one scenario are listed as absent from the other")
    func absent() {
        let a = ScenarioLoader.builtInExample()
        var b = a
        b.facilities.removeFirst()
        let comparison = ScenarioComparison(a, b)
        #expect(comparison.changes.map(\.id) == ["us-prineville-1"])
        #expect(comparison.changes[0].b == nil)
        #expect(ScenarioComparison(b, a).changes[0].a == nil)
    }

    @Test("a scenario compared with itself changes nothing")
    func identity() {
        let a = ScenarioLoader.builtInExample()
        let comparison = ScenarioComparison(a, a)
        #expect(comparison.changes.isEmpty)
        #expect(comparison.figures.allSatisfy { $0.delta == 0 })
    }
}
