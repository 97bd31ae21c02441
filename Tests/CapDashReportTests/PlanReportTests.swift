import Foundation
import Testing
@testable import CapDashModel
@testable import CapDashReport

@Suite("Goal-seek plan report")
struct PlanReportTests {
    /// A small scenario with one development the plan moves to partner financing.
    static func scenario() -> Scenario {
        var scenario = ScenarioLoader.builtInExample()
        scenario.developments = [
            Development(
                id: "dev-a", name: "Campus A", region: "US", capacityMW: 300, developmentCost: 2e9, buildYears: 3, financing: .own,
                lease: .init(yieldOnCost: 0.09, firmYears: 5, expectedYears: 15, exitProbability: 0.1))
        ]
        return scenario
    }

    /// A plan by hand: one facility divested, the development partner-financed.
    static func plan(_ scenario: Scenario, exact: Bool, gap: Optimizer.Gap?) -> Optimizer.Plan {
        var planned = scenario
        planned.facilities[0].disposition = planned.facilities[0].disposition == .divest ? .retain : .divest
        planned.developments[0].financing = .partner
        return Optimizer.Plan(
            dispositions: planned.facilities.map(\.disposition), financings: planned.developments.map(\.financing), scenario: planned,
            evaluation: evaluate(planned), exact: exact, nodes: 12, gap: gap, seconds: 1, timeLimit: 30)
    }

    /// The status paragraph wraps at 98 columns; read it as one line.
    static func unwrapped(_ text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    struct JSONPlan: Decodable {
        struct Change: Decodable, Equatable { var id: String; var from: String; var to: String }
        struct Gap: Decodable { var objective: String; var value: Double; var lower_bound: Double?; var upper_bound: Double? }
        var exact: Bool
        var nodes: Int
        var gap: Gap?
        var rent_pv: Double
        var leaseback_rent_pv: Double
        var development_rent_pv: Double
        var rvg_expected_pv: Double
        var changes: [Change]
    }

    @Test("a proven plan says CBC proved it, and lists facility and development changes in text and JSON")
    func proven() throws {
        let scenario = Self.scenario()
        let plan = Self.plan(scenario, exact: true, gap: nil)
        let text = PlanReport.text(plan, scenario, goal: "test")
        #expect(text.contains("Optimal (proven by the CBC MILP solver; 12 branch-and-bound nodes)."))
        #expect(text.contains("Development rent PV"))
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.contains("dev-a") && $0.contains("Campus A") && $0.contains("own") && $0.contains("partner") })
        #expect(text.contains("CHANGES (2)"))
        let json = try JSONDecoder().decode(JSONPlan.self, from: Data(PlanReport.json(plan, scenario, goal: "test").utf8))
        #expect(json.exact && json.gap == nil && json.nodes == 12)
        #expect(json.changes.last == .init(id: "dev-a", from: "own", to: "partner"))
        #expect(json.changes.first?.id == scenario.facilities[0].id)
        #expect(abs(json.rent_pv - (json.leaseback_rent_pv + json.development_rent_pv + json.rvg_expected_pv)) <= 1e-6 * json.rent_pv)
    }

    @Test("a plan not proven optimal gives the solver's bound: below for rent, above for capex freed, null when unknown")
    func bestFound() throws {
        let scenario = Self.scenario()
        let rent = Self.plan(scenario, exact: false, gap: .init(objective: .rentPV, value: 200e6, bound: 150e6))
        let text = Self.unwrapped(PlanReport.text(rent, scenario, goal: "test"))
        #expect(text.contains("Best plan found, not proven optimal: the CBC MILP solver stopped at its 30 s time limit"))
        #expect(text.contains("Proven gap on rent_pv: $200.0M found, no plan below $150.0M (25.00%)."))
        let json = try JSONDecoder().decode(JSONPlan.self, from: Data(PlanReport.json(rent, scenario, goal: "test").utf8))
        #expect(!json.exact && json.gap?.objective == "rent_pv" && json.gap?.lower_bound == 150e6 && json.gap?.upper_bound == nil)

        let capex = Self.plan(scenario, exact: false, gap: .init(objective: .capexFreed, value: 2e9, bound: 2.0000001e9))
        #expect(Self.unwrapped(PlanReport.text(capex, scenario, goal: "test")).contains("no plan above $2.00B (under 0.01%)"))
        let capexJSON = try JSONDecoder().decode(JSONPlan.self, from: Data(PlanReport.json(capex, scenario, goal: "test").utf8))
        #expect(capexJSON.gap?.upper_bound == 2.0000001e9 && capexJSON.gap?.lower_bound == nil)

        let unknown = Self.plan(scenario, exact: false, gap: .init(objective: .divestedMW, value: 40, bound: nil))
        #expect(Self.unwrapped(PlanReport.text(unknown, scenario, goal: "test")).contains("divested_mw (40.0 MW) was not optimised"))
        #expect(PlanReport.json(unknown, scenario, goal: "test").contains("\"lower_bound\": null"))
    }

    @Test("every failure reads as one line naming what to do")
    func failures() {
        let lines = [
            PlanReport.describe(.cancelled, currency: "USD"),
            PlanReport.describe(.noPlanWithinTimeLimit(0.5), currency: "USD"),
            PlanReport.describe(.tooLarge(decisions: 1_000_000, limit: 25_000), currency: "USD"),
        ]
        #expect(lines[0] == "goal-seek cancelled")
        #expect(lines[1] == "the CBC MILP solver found no plan within the 0.5 s time limit")
        #expect(lines[2].hasPrefix("1,000,000 facilities and developments to decide"))
        #expect(lines[2].contains("at most 25,000"))
        #expect(lines.allSatisfy { !$0.contains("\n") })
    }
}
