import Testing
@testable import CapDashModel

@Suite("Command-line overrides")
struct OverridesTests {
    let example = ScenarioLoader.builtInExample()

    private func apply(_ build: (inout ScenarioOverrides) -> Void) -> Result<Scenario, ScenarioLoadError> {
        var overrides = ScenarioOverrides()
        build(&overrides)
        return overrides.apply(to: example)
    }

    private func messages(_ result: Result<Scenario, ScenarioLoadError>) -> [String] {
        if case .failure(let error) = result { return error.diagnostics.map(\.description) }
        return []
    }

    @Test("--divest, --retain and --leaseback set dispositions, comma lists included")
    func dispositions() throws {
        let scenario = try apply {
            $0.set(.divest, ids: "us-prineville-1,eu-paris-1")
            $0.set(.retain, ids: "us-dallas-1")
            $0.set(.leaseback, ids: "eu-frankfurt-1")
        }.get()
        let byID = Dictionary(uniqueKeysWithValues: scenario.facilities.map { ($0.id, $0.disposition) })
        #expect(byID["us-prineville-1"] == .divest)
        #expect(byID["eu-paris-1"] == .divest)
        #expect(byID["us-dallas-1"] == .retain)
        #expect(byID["eu-frankfurt-1"] == .leaseback)
    }

    @Test("--set changes assumptions, dotted keys for the GPU")
    func settings() throws {
        let scenario = try apply {
            $0.addSetting("discount_rate=0.1")
            $0.addSetting("gpu.unit_capex=35K")
            $0.addSetting("gpu.name=B200")
            $0.addSetting("horizon_years=10")
        }.get()
        #expect(scenario.assumptions.discountRate == 0.1)
        #expect(scenario.assumptions.gpu.unitCapex == 35_000)
        #expect(scenario.assumptions.gpu.name == "B200")
        #expect(scenario.assumptions.horizonYears == 10)
    }

    @Test("an unknown id names the close matches")
    func unknownID() {
        #expect(messages(apply { $0.set(.divest, ids: "us-ashbrun-2") }) == [
            "--divest: unknown facility id \"us-ashbrun-2\"; did you mean us-ashburn-2?"
        ])
    }

    @Test("did-you-mean passes are budgeted: every shown error up to 10,000 ids, 20 at 100,000, 3 at a million")
    func suggestionsAreBudgeted() {
        #expect(ScenarioOverrides.suggestionCount(among: 14) == 200)
        #expect(ScenarioOverrides.suggestionCount(among: 10_000) == 200)
        #expect(ScenarioOverrides.suggestionCount(among: 100_000) == 20)
        #expect(ScenarioOverrides.suggestionCount(among: 1_000_000) == 3)
        // Past the budget an unknown id is still reported, without the pass.
        var small = example
        small.facilities = Array(repeating: example.facilities[0], count: 2)
        small.facilities[1].id = "us-prineville-2"
        var overrides = ScenarioOverrides()
        overrides.set(.divest, ids: (0..<203).map { "us-prineville-\($0 + 3)" }.joined(separator: ","))
        let lines = messages(overrides.apply(to: small))
        #expect(lines.first == "--divest: unknown facility id \"us-prineville-3\"; did you mean us-prineville-1 or us-prineville-2?")
        #expect(lines.count == 201)
    }

    @Test("an unknown key names the close matches")
    func unknownKey() {
        #expect(messages(apply { $0.addSetting("gpu.unitcapex=1") }) == [
            "--set: unknown assumption \"gpu.unitcapex\"; did you mean gpu.unit_capex?"
        ])
    }

    @Test("values are validated like the file's")
    func invalidValue() {
        #expect(messages(apply { $0.addSetting("mfu=0.5"); $0.addSetting("gpu.mfu=2") }) == [
            "--set: unknown assumption \"mfu\"; did you mean gpu.mfu?",
            "--set gpu.mfu: expected an MFU in (0, 1] (like 0.40), found \"2\"",
        ])
    }

    @Test("a facility without a sale price cannot be sold")
    func noSalePrice() {
        #expect(messages(apply { $0.set(.divest, ids: "us-council-bluffs-3") }) == [
            "--divest: us-council-bluffs-3 has no sale_price, so it cannot be sold; add one to the scenario"
        ])
    }

    @Test("the same id given two dispositions is an error")
    func conflicting() {
        #expect(messages(apply { $0.set(.divest, ids: "us-dallas-1"); $0.set(.retain, ids: "us-dallas-1") }) == [
            "--retain: \"us-dallas-1\" is also given to --divest; choose one"
        ])
    }

    @Test("warnings follow the overrides")
    func warningsFollow() throws {
        let scenario = try apply { $0.set(.leaseback, ids: "eu-frankfurt-1,us-phoenix-2") }.get()
        #expect(evaluate(scenario).warningCount == 1)  // phoenix still sells below book
    }
}
