import Testing
@testable import CapDashModel

/// One valid development in YAML, laid out so every position is known:
///
///     1  schema: capdash/v1
///     2  name: Test
///     3  developments:
///     4    - id: d1                     values at column 9
///     5      name: Campus               11
///     6      region: US                 13
///     7      capacity_mw: 100           18
///     8      development_cost: 1B       23
///     9      build_years: 4             18
///    10      financing: partner         16
///    11      (added keys, sorted)       then lease: with yield_on_cost (col 22) and
///            firm_years (col 19), added lease keys, then the guarantee if any:
///            amount (col 15), decline_years (col 22), fair_value_ratio (col 25).
///
/// A value of `<absent>` removes a key; `lease: ...` among `fields` replaces the block.
func developmentYAML(
    _ fields: [String: String] = [:], lease: [String: String] = [:], guarantee: [String: String]? = nil,
    header: String = "schema: capdash/v1\nname: Test\ndevelopments:\n"
) -> String {
    func merge(_ base: [(String, String)], _ overrides: [String: String]) -> [(String, String)] {
        var result = base
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            if let index = result.firstIndex(where: { $0.0 == key }) { result[index].1 = value } else { result.append((key, value)) }
        }
        return result.filter { $0.1 != "<absent>" }
    }
    let top = merge(
        [("id", "d1"), ("name", "Campus"), ("region", "US"), ("capacity_mw", "100"), ("development_cost", "1B"),
         ("build_years", "4"), ("financing", "partner")], fields)
    var lines = top.enumerated().map { index, field in (index == 0 ? "  - " : "    ") + "\(field.0): \(field.1)" }
    if fields["lease"] == nil {
        lines.append("    lease:")
        lines += merge([("yield_on_cost", "0.09"), ("firm_years", "4")], lease).map { "      \($0.0): \($0.1)" }
    }
    if let guarantee {
        lines.append("    residual_value_guarantee:")
        lines += merge([("amount", "1B"), ("decline_years", "16"), ("fair_value_ratio", "0.6")], guarantee).map { "      \($0.0): \($0.1)" }
    }
    return header + lines.joined(separator: "\n") + "\n"
}

/// Every field and range of docs/scenario-format.md section 7, each with its exact one-line diagnostic,
/// and the scenario-level rules for developments and section 8's GPU keys.
@Suite("Development diagnostics (docs/scenario-format.md sections 7 and 8)")
struct DevelopmentDiagnosticsTests {
    @Test("the layout loads as is, with the defaults of section 7")
    func validDevelopment() throws {
        let scenario = try loadYAML(developmentYAML())
        #expect(scenario.facilities.isEmpty)
        let development = try #require(scenario.developments.first)
        #expect(development.id == "d1" && development.developmentCost == 1e9 && development.buildYears == 4)
        #expect(development.aiReady)  // default true for developments
        #expect(development.financing == .partner && development.retainedStake == nil)
        #expect(development.lease.escalation == 0 && development.lease.startYear == nil)
        #expect(development.lease.expectedYears == nil && development.lease.exitProbability == 0)
        #expect(development.guarantee == nil)
        #expect(scenario.loadWarnings.isEmpty)
    }

    @Test("boundary values load", arguments: [
        ["capacity_mw": "0", "build_years": "1", "retained_stake": "0", "ai_ready": "false"],
        ["build_years": "20", "retained_stake": "0.999", "development_cost": "$27,000M"],
        ["financing": "own"],
    ])
    func boundaries(fields: [String: String]) {
        #expect(errors(developmentYAML(fields)) == [])
    }

    @Test("lease and guarantee boundary values load")
    func leaseBoundaries() {
        #expect(errors(developmentYAML(lease: [
            "yield_on_cost": "1", "escalation": "0", "start_year": "100", "firm_years": "50", "expected_years": "50",
            "exit_probability": "1",
        ])) == [])
        #expect(errors(developmentYAML(lease: ["firm_years": "1", "expected_years": "1", "exit_probability": "0", "start_year": "5"])) == [])
        #expect(errors(developmentYAML(guarantee: ["amount": "0", "decline_years": "1", "fair_value_ratio": "0"])) == [])
        #expect(errors(developmentYAML(guarantee: ["decline_years": "100", "fair_value_ratio": "2.5"])) == [])
    }

    // MARK: The development's own keys

    @Test("id: 1-64 letters, digits, '.', '_' or '-'")
    func idRules() {
        #expect(errors(developmentYAML(["id": "\"a b\""])) == [
            "t.yaml:4:9: developments[0].id: expected an id of 1-64 letters, digits, '.', '_' or '-', found \"a b\""
        ])
        #expect(errors(developmentYAML(["id": String(repeating: "x", count: 65)])) == [
            "t.yaml:4:9: developments[0].id: expected an id of 1-64 letters, digits, '.', '_' or '-', found \"\(String(repeating: "x", count: 40))…\""
        ])
        #expect(errors(developmentYAML(["id": String(repeating: "x", count: 64)])) == [])
    }

    @Test("ids are unique across developments, and across facilities and developments")
    func uniqueIDs() {
        let two = developmentYAML() + developmentYAML(header: "")
        #expect(errors(two) == [
            "t.yaml:14:9: developments[1].id: duplicate id \"d1\" (first used at line 4); ids are unique across facilities and developments"
        ])
        let facility = "schema: capdash/v1\nname: Test\nfacilities:\n" + facilityYAML(id: "d1") + "developments:\n"
        #expect(errors(developmentYAML(header: facility)) == [
            "t.yaml:14:9: developments[0].id: duplicate id \"d1\" (first used at line 4); ids are unique across facilities and developments"
        ])
    }

    @Test("name and region: non-empty text")
    func nameAndRegion() {
        #expect(errors(developmentYAML(["name": "\"\""])) == [
            "t.yaml:5:11: developments[0].name: expected a development name, found an empty string"
        ])
        #expect(errors(developmentYAML(["region": "[1]"])) == [
            "t.yaml:6:13: developments[0].region: expected a region like US or EU, found a list"
        ])
    }

    @Test("capacity_mw >= 0")
    func capacity() {
        #expect(errors(developmentYAML(["capacity_mw": "-1"])) == [
            "t.yaml:7:18: developments[0].capacity_mw: expected a capacity in MW >= 0, found \"-1\""
        ])
        #expect(errors(developmentYAML(["capacity_mw": "lots"])) == [
            "t.yaml:7:18: developments[0].capacity_mw: expected a capacity in MW >= 0, found \"lots\""
        ])
    }

    @Test("ai_ready: true or false")
    func aiReady() {
        #expect(errors(developmentYAML(["ai_ready": "maybe"])) == [
            "t.yaml:11:15: developments[0].ai_ready: expected true or false, found \"maybe\""
        ])
    }

    @Test("development_cost: money > 0; zero and negative amounts get the same words", arguments: ["0", "-5", "-1B"])
    func costPositive(value: String) {
        #expect(errors(developmentYAML(["development_cost": value])) == [
            "t.yaml:8:23: developments[0].development_cost: expected a development cost > 0 like 27B, found \"\(value)\""
        ])
    }

    @Test("development_cost: money")
    func costMoney() {
        #expect(errors(developmentYAML(["development_cost": "lots"])) == [
            "t.yaml:8:23: developments[0].development_cost: expected money like 450M, found \"lots\""
        ])
    }

    @Test("build_years: a whole number in 1...20", arguments: ["0", "21", "2.5"])
    func buildYears(value: String) {
        #expect(errors(developmentYAML(["build_years": value])) == [
            "t.yaml:9:18: developments[0].build_years: expected a whole number of build years from 1 to 20, found \"\(value)\""
        ])
    }

    @Test("financing: partner or own, with a did-you-mean")
    func financing() {
        #expect(errors(developmentYAML(["financing": "partnr"])) == [
            "t.yaml:10:16: developments[0].financing: expected one of partner, own, found \"partnr\"; did you mean partner?"
        ])
        #expect(errors(developmentYAML(["financing": "3"])) == [
            "t.yaml:10:16: developments[0].financing: expected one of partner, own, found \"3\""
        ])
    }

    @Test("retained_stake: 0 <= s < 1", arguments: ["1", "-0.1"])
    func stake(value: String) {
        #expect(errors(developmentYAML(["retained_stake": value])) == [
            "t.yaml:11:21: developments[0].retained_stake: expected a stake from 0 up to (not including) 1, like 0.2, found \"\(value)\""
        ])
    }

    @Test("every required key, each at the development's first line")
    func requiredKeys() {
        #expect(errors("schema: capdash/v1\nname: T\ndevelopments:\n  - ai_ready: true\n") == [
            "t.yaml:4:5: developments[0].id: missing required key 'id'",
            "t.yaml:4:5: developments[0].name: missing required key 'name'",
            "t.yaml:4:5: developments[0].region: missing required key 'region'",
            "t.yaml:4:5: developments[0].capacity_mw: missing required key 'capacity_mw'",
            "t.yaml:4:5: developments[0].development_cost: missing required key 'development_cost'",
            "t.yaml:4:5: developments[0].build_years: missing required key 'build_years'",
            "t.yaml:4:5: developments[0].financing: missing required key 'financing'",
            "t.yaml:4:5: developments[0].lease: missing required key 'lease'",
        ])
        #expect(errors(developmentYAML(["name": "<absent>"])) == ["t.yaml:4:5: developments[0].name: missing required key 'name'"])
    }

    @Test("developments and each item have the right shapes")
    func shapes() {
        #expect(errors("schema: capdash/v1\nname: T\ndevelopments: 5\n") == [
            "t.yaml:3:15: developments: expected a list of developments, found \"5\""
        ])
        #expect(errors("schema: capdash/v1\nname: T\ndevelopments:\n  - 5\n") == [
            "t.yaml:4:5: developments[0]: expected a mapping, found \"5\""
        ])
        #expect(errors(developmentYAML(["lease": "5"])) == ["t.yaml:11:12: developments[0].lease: expected a mapping, found \"5\""])
    }

    // MARK: The lease

    @Test("yield_on_cost: 0 < y <= 1, required", arguments: ["0", "1.5"])
    func yieldOnCost(value: String) {
        #expect(errors(developmentYAML(lease: ["yield_on_cost": value])) == [
            "t.yaml:12:22: developments[0].lease.yield_on_cost: expected a yield on cost in (0, 1] like 0.09, found \"\(value)\""
        ])
    }

    @Test("the lease's required keys at the lease's first line")
    func leaseRequired() {
        #expect(errors(developmentYAML(lease: ["yield_on_cost": "<absent>"])) == [
            "t.yaml:12:7: developments[0].lease.yield_on_cost: missing required key 'yield_on_cost'"
        ])
        #expect(errors(developmentYAML(lease: ["firm_years": "<absent>"])) == [
            "t.yaml:12:7: developments[0].lease.firm_years: missing required key 'firm_years'"
        ])
        #expect(errors(developmentYAML(["lease": "<absent>"])) == ["t.yaml:4:5: developments[0].lease: missing required key 'lease'"])
    }

    @Test("escalation: 0 <= g < 1", arguments: ["1", "-0.01"])
    func escalation(value: String) {
        #expect(errors(developmentYAML(lease: ["escalation": value])) == [
            "t.yaml:14:19: developments[0].lease.escalation: expected a yearly escalation from 0 up to (not including) 1, like 0.02, found \"\(value)\""
        ])
    }

    @Test("start_year: a whole number in 1...100", arguments: ["0", "101", "5.5"])
    func startYear(value: String) {
        #expect(errors(developmentYAML(lease: ["start_year": value])) == [
            "t.yaml:14:19: developments[0].lease.start_year: expected a first rent year from 1 to 100, found \"\(value)\""
        ])
    }

    @Test("firm_years: a whole number in 1...50", arguments: ["0", "51"])
    func firmYears(value: String) {
        #expect(errors(developmentYAML(lease: ["firm_years": value])) == [
            "t.yaml:13:19: developments[0].lease.firm_years: expected a whole number of firm years from 1 to 50, found \"\(value)\""
        ])
    }

    @Test("expected_years: a whole number from firm_years to 50", arguments: ["3", "51"])
    func expectedYears(value: String) {
        #expect(errors(developmentYAML(lease: ["expected_years": value])) == [
            "t.yaml:14:23: developments[0].lease.expected_years: expected a whole number of years (firm_years or more) from 4 to 50, found \"\(value)\""
        ])
    }

    @Test("exit_probability: 0 <= p <= 1", arguments: ["1.1", "-0.1"])
    func exitProbability(value: String) {
        #expect(errors(developmentYAML(lease: ["exit_probability": value])) == [
            "t.yaml:14:25: developments[0].lease.exit_probability: expected a probability from 0 to 1 (like 0.1), found \"\(value)\""
        ])
    }

    // MARK: The residual value guarantee

    @Test("amount: money >= 0")
    func guaranteeAmount() {
        #expect(errors(developmentYAML(guarantee: ["amount": "-1"])) == [
            "t.yaml:15:15: developments[0].residual_value_guarantee.amount: expected money >= 0, found \"-1\""
        ])
        #expect(errors(developmentYAML(guarantee: ["amount": "lots"])) == [
            "t.yaml:15:15: developments[0].residual_value_guarantee.amount: expected money like 450M, found \"lots\""
        ])
    }

    @Test("decline_years: a whole number in 1...100", arguments: ["0", "101"])
    func declineYears(value: String) {
        #expect(errors(developmentYAML(guarantee: ["decline_years": value])) == [
            "t.yaml:16:22: developments[0].residual_value_guarantee.decline_years: expected a whole number of years from 1 to 100, found \"\(value)\""
        ])
    }

    @Test("fair_value_ratio >= 0")
    func fairValueRatio() {
        #expect(errors(developmentYAML(guarantee: ["fair_value_ratio": "-0.1"])) == [
            "t.yaml:17:25: developments[0].residual_value_guarantee.fair_value_ratio: expected a fair value ratio >= 0 (expected value at exit / cost, like 0.6), found \"-0.1\""
        ])
    }

    @Test("the guarantee's keys are all required, at its first line")
    func guaranteeRequired() {
        #expect(errors(developmentYAML(guarantee: ["amount": "<absent>", "decline_years": "<absent>"])) == [
            "t.yaml:15:7: developments[0].residual_value_guarantee.amount: missing required key 'amount'",
            "t.yaml:15:7: developments[0].residual_value_guarantee.decline_years: missing required key 'decline_years'",
        ])
    }

    // MARK: Unknown and repeated keys at every level

    @Test("unknown keys with a did-you-mean, at each level")
    func unknownKeys() {
        #expect(errors(developmentYAML(["capacity_mv": "3"])) == [
            "t.yaml:11:5: developments[0].capacity_mv: unknown key; did you mean capacity_mw?"
        ])
        #expect(errors(developmentYAML(lease: ["firm_year": "3"])) == [
            "t.yaml:14:7: developments[0].lease.firm_year: unknown key; did you mean firm_years?"
        ])
        #expect(errors(developmentYAML(guarantee: ["amout": "3"])) == [
            "t.yaml:18:7: developments[0].residual_value_guarantee.amout: unknown key; did you mean amount?"
        ])
        let typo = developmentYAML().replacingOccurrences(of: "developments:", with: "developmnts:")
        #expect(errors(typo) == [
            "t.yaml:1:1: facilities: missing required key 'facilities' (or facilities_csv, or developments)",
            "t.yaml:3:1: developmnts: unknown key; did you mean developments?",
        ])
    }

    @Test("a key given twice in a lease")
    func repeatedKey() {
        #expect(errors(developmentYAML(lease: ["firm_years": "4\n      firm_years: 5"])) == [
            "t.yaml:14:7: developments[0].lease.firm_years: key given twice in one mapping (first at line 13); remove one"
        ])
    }

    @Test("every error of a development at once, in file order")
    func allErrors() {
        let text = developmentYAML(
            ["capacity_mw": "-1", "financing": "rent"], lease: ["firm_years": "0", "exit_probability": "2"],
            guarantee: ["decline_years": "0"])
        #expect(errors(text) == [
            "t.yaml:7:18: developments[0].capacity_mw: expected a capacity in MW >= 0, found \"-1\"",
            "t.yaml:10:16: developments[0].financing: expected one of partner, own, found \"rent\"",
            "t.yaml:13:19: developments[0].lease.firm_years: expected a whole number of firm years from 1 to 50, found \"0\"",
            "t.yaml:14:25: developments[0].lease.exit_probability: expected a probability from 0 to 1 (like 0.1), found \"2\"",
            "t.yaml:17:22: developments[0].residual_value_guarantee.decline_years: expected a whole number of years from 1 to 100, found \"0\"",
        ])
    }

    // MARK: Facilities or developments

    @Test("developments alone make a scenario: facilities absent, null or empty")
    func developmentsOnly() throws {
        for facilities in ["", "facilities:\n", "facilities: []\n", "facilities: ~\n"] {
            let scenario = try loadYAML(developmentYAML(header: "schema: capdash/v1\nname: Test\n" + facilities + "developments:\n"))
            #expect(scenario.facilities.isEmpty && scenario.developments.count == 1, "\(facilities)")
        }
    }

    @Test("neither a facility nor a development is an error, however it is written")
    func neither() {
        #expect(errors("schema: capdash/v1\nname: T\n") == [
            "t.yaml:1:1: facilities: missing required key 'facilities' (or facilities_csv, or developments)"
        ])
        #expect(errors("schema: capdash/v1\nname: T\ndevelopments:\n") == [
            "t.yaml:1:1: facilities: missing required key 'facilities' (or facilities_csv, or developments)"
        ])
        #expect(errors("schema: capdash/v1\nname: T\ndevelopments: []\n") == [
            "t.yaml:3:15: developments: expected at least one development (or a facility), found an empty list"
        ])
        #expect(errors("schema: capdash/v1\nname: T\nfacilities: []\n") == [
            "t.yaml:3:13: facilities: expected at least one facility (or a development), found an empty list"
        ])
        #expect(errors("schema: capdash/v1\nname: T\nfacilities: []\ndevelopments: []\n") == [
            "t.yaml:3:13: facilities: expected at least one facility (or a development), found an empty list"
        ])
    }

    // MARK: The warning

    @Test("a lease that starts before or as the build ends (S <= B) warns, at start_year", arguments: [1, 3, 4])
    func earlyLease(start: Int) throws {
        let scenario = try loadYAML(developmentYAML(lease: ["start_year": "\(start)"]))
        #expect(scenario.loadWarnings.map(\.description) == [
            "t.yaml:14:19: developments[0].lease.start_year: d1's first rent is in year \(start), not after the build's last year (4): rent is paid on an unfinished campus; the default start_year is 5"
        ])
        #expect(scenario.loadWarnings.allSatisfy { $0.severity == .warning })
    }

    @Test("a lease from the year after the build, given or by default, does not warn")
    func onTimeLease() throws {
        #expect(try loadYAML(developmentYAML(lease: ["start_year": "5"])).loadWarnings.isEmpty)
        #expect(try loadYAML(developmentYAML()).loadWarnings.isEmpty)
    }

    // MARK: Section 8's keys

    static func withAssumptions(_ yaml: String) -> String {
        developmentYAML(header: "schema: capdash/v1\nname: Test\nassumptions:\n" + yaml + "developments:\n")
    }

    @Test("an unknown GPU preset, with a did-you-mean, in the file and on the command line")
    func unknownPreset() throws {
        #expect(errors(Self.withAssumptions("  gpu:\n    preset: GB200\n")) == [
            "t.yaml:5:13: assumptions.gpu.preset: unknown GPU preset \"GB200\"; did you mean GB200 NVL72?"
        ])
        #expect(errors(Self.withAssumptions("  gpu:\n    preset: 5\n")) == [
            "t.yaml:5:13: assumptions.gpu.preset: unknown GPU preset \"5\"; expected one of H100 SXM, GB200 NVL72"
        ])
        #expect(errors(Self.withAssumptions("  gpu:\n    presett: H100 SXM\n")) == [
            "t.yaml:5:5: assumptions.gpu.presett: unknown key; did you mean preset?"
        ])
        var overrides = ScenarioOverrides()
        overrides.addSetting("gpu.preset=GB20")
        guard case .failure(let error) = overrides.apply(to: try loadYAML(developmentYAML())) else {
            Issue.record("--set gpu.preset=GB20 was accepted")
            return
        }
        #expect(error.diagnostics.map(\.description) == ["--set gpu.preset: unknown GPU preset \"GB20\"; did you mean GB200 NVL72?"])
    }

    @Test("gpu_alternatives: a list of mappings, each a preset or name, unit_capex, power_kw and peak_flops")
    func alternatives() {
        #expect(errors(Self.withAssumptions("  gpu_alternatives: 5\n")) == [
            "t.yaml:4:21: assumptions.gpu_alternatives: expected a list of GPUs (a preset, or name, unit_capex, power_kw, peak_flops), found \"5\""
        ])
        #expect(errors(Self.withAssumptions("  gpu_alternatives:\n    - GB200 NVL72\n")) == [
            "t.yaml:5:7: assumptions.gpu_alternatives[0]: expected a mapping, found \"GB200 NVL72\""
        ])
        #expect(errors(Self.withAssumptions("  gpu_alternatives:\n    - name: X\n      unit_capex: 1\n")) == [
            "t.yaml:5:7: assumptions.gpu_alternatives[0].power_kw: missing required key 'power_kw' (or give a preset)",
            "t.yaml:5:7: assumptions.gpu_alternatives[0].peak_flops: missing required key 'peak_flops' (or give a preset)",
        ])
        #expect(errors(Self.withAssumptions("  gpu_alternatives:\n    - preset: GB200 NVL72\n      unit_capx: 3\n")) == [
            "t.yaml:6:7: assumptions.gpu_alternatives[0].unit_capx: unknown key; did you mean unit_capex?"
        ])
        #expect(errors(Self.withAssumptions("  gpu_alternatives:\n    - preset: GB200 NVL72\n      mfu: 0\n")) == [
            "t.yaml:6:12: assumptions.gpu_alternatives[0].mfu: expected an MFU in (0, 1] (like 0.40), found \"0\""
        ])
        #expect(errors(Self.withAssumptions("  gpu_alternatives:\n    - {name: X, unit_capex: 0, power_kw: 1, peak_flops: 1e15}\n")) == [
            "t.yaml:5:29: assumptions.gpu_alternatives[0].unit_capex: expected a unit capex > 0 like 50000, found \"0\""
        ])
    }

    @Test("a misspelt preset among the alternatives is one error, not five")
    func alternativeUnknownPreset() {
        #expect(errors(Self.withAssumptions("  gpu_alternatives:\n    - preset: GB300\n")) == [
            "t.yaml:5:15: assumptions.gpu_alternatives[0].preset: unknown GPU preset \"GB300\"; expected one of H100 SXM, GB200 NVL72"
        ])
    }

    @Test("null gpu_alternatives and reference_models mean absent: the defaults")
    func nullMeansDefault() throws {
        let scenario = try loadYAML(Self.withAssumptions("  gpu_alternatives:\n  reference_models:\n"))
        #expect(scenario.assumptions.referenceModels == Assumptions().referenceModels)
        #expect(scenario.assumptions.gpuAlternatives == Assumptions().gpuAlternatives)
    }

    @Test("a reference model needs parameters and tokens even beside gpu_hours")
    func modelKeys() {
        #expect(errors(Self.withAssumptions("  reference_models:\n    - {name: M, gpu_hours: 1e6}\n")) == [
            "t.yaml:5:7: assumptions.reference_models[0].parameters: missing required key 'parameters'",
            "t.yaml:5:7: assumptions.reference_models[0].tokens: missing required key 'tokens'",
        ])
    }
}
