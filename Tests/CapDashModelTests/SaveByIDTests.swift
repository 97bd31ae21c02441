import Testing
@testable import CapDashModel

/// Two facilities, f-a and f-b, as an analyst's file might hold them.
private let twoFacilities = """
    schema: capdash/v1
    name: Save by id
    facilities:
      - id: f-a
        name: Alpha
        region: US
        capacity_mw: 10
        book_value: 100M
        sale_price: 150M
        annual_opex: 5M
        annual_capex: 2M
        disposition: retain
      - id: f-b
        name: Beta
        region: EU
        capacity_mw: 5
        book_value: 10M
        sale_price: 20M
        annual_opex: 1M
        annual_capex: 1M
        disposition: retain

    """

private let gamma = """
      - id: f-c
        name: Gamma
        region: US
        capacity_mw: 1
        book_value: 1M
        sale_price: 2M
        annual_opex: 1M
        annual_capex: 1M
        disposition: retain

    """

@Suite("Saves land on the right facility, whatever happened to the file")
struct SaveByIDTests {
    /// Loads `before`, divests f-a, then saves against `after` on disk.
    private func saveDivestingA(before: String = twoFacilities, after: String) throws -> (ScenarioSaver.Plan, Scenario?) {
        let loaded = try loadYAML(before, name: "s.yaml")
        var current = loaded
        current.facilities[0].disposition = .divest
        let plan = ScenarioSaver.plan(saving: current, loaded: loaded) { $0 == "s.yaml" ? Array(after.utf8) : nil }
        let saved = try plan.inPlace.first.map { try loadYAML($0.text, name: "s.yaml") }
        return (plan, saved)
    }

    private func disposition(_ id: String, _ scenario: Scenario?) -> Disposition? {
        scenario?.facilities.first { $0.id == id }?.disposition
    }

    @Test("a facility inserted above the edited one: the edit still lands on f-a, in place")
    func insertedAbove() throws {
        let after = twoFacilities.replacingOccurrences(of: "facilities:\n", with: "facilities:\n" + gamma.replacingOccurrences(of: "\n\n", with: "\n"))
        let (plan, saved) = try saveDivestingA(after: after)
        #expect(plan.beside == nil)
        #expect(disposition("f-a", saved) == .divest)
        #expect(disposition("f-b", saved) == .retain)
        #expect(disposition("f-c", saved) == .retain)
    }

    @Test("the two facilities swapped on disk: f-a is divested, f-b untouched")
    func swapped() throws {
        let parts = twoFacilities.components(separatedBy: "  - id: ")
        let after = parts[0] + "  - id: " + parts[2].trimmingTrailingNewlines() + "\n  - id: " + parts[1]
        let (plan, saved) = try saveDivestingA(after: after)
        #expect(plan.beside == nil)
        #expect(saved?.facilities.map(\.id) == ["f-b", "f-a"])
        #expect(disposition("f-a", saved) == .divest)
        #expect(disposition("f-b", saved) == .retain)
    }

    @Test("the edited facility deleted on disk: nothing in the file changes, the edit goes beside naming it")
    func deleted() throws {
        let after = twoFacilities.replacingOccurrences(
            of: "  - id: f-a\n    name: Alpha\n    region: US\n    capacity_mw: 10\n    book_value: 100M\n    sale_price: 150M\n    annual_opex: 5M\n    annual_capex: 2M\n    disposition: retain\n",
            with: "")
        let (plan, _) = try saveDivestingA(after: after)
        #expect(plan.inPlace.isEmpty)
        #expect(plan.reasons == ["f-a is no longer in the file"])
        let beside = try loadYAML(try #require(plan.beside).text)
        #expect(disposition("f-a", beside) == .divest)
    }

    @Test("a facility appended at the end: the save is in place and the new facility stays")
    func appended() throws {
        let (plan, saved) = try saveDivestingA(after: twoFacilities + gamma)
        #expect(plan.beside == nil)
        #expect(saved?.facilities.map(\.id) == ["f-a", "f-b", "f-c"])
        #expect(disposition("f-a", saved) == .divest)
    }

    @Test("a renamed and reordered file elsewhere never blocks an in-place save")
    func renamedElsewhere() throws {
        let after = twoFacilities.replacingOccurrences(of: "name: Beta", with: "name: Beta (renamed)")
            .replacingOccurrences(of: "region: EU", with: "region: APAC")
        let (plan, saved) = try saveDivestingA(after: after)
        #expect(plan.beside == nil)
        #expect(saved?.facilities[1].name == "Beta (renamed)")
        #expect(disposition("f-a", saved) == .divest)
    }

    @Test("the edited value changed on disk: theirs stays in the file, ours goes beside with the reason")
    func sameValueChanged() throws {
        let after = twoFacilities.replacingOccurrences(of: "disposition: retain\n  - id: f-b", with: "disposition: leaseback\n  - id: f-b")
        let (plan, _) = try saveDivestingA(after: after)
        #expect(plan.inPlace.isEmpty)
        #expect(plan.reasons == ["f-a's disposition changed on disk (now leaseback)"])
    }

    @Test("a disposition from a merge key is shared: the facility gets its own key, the anchor is never rewritten")
    func mergeKey() throws {
        let text = """
            schema: capdash/v1
            name: Merged
            x-defaults: &defaults {region: US, book_value: 1M, sale_price: 2M, annual_opex: 1M, annual_capex: 1M, disposition: retain}
            facilities:
              - id: m1
                name: One
                capacity_mw: 1
                <<: *defaults
              - id: m2
                name: Two
                capacity_mw: 2
                <<: *defaults

            """
        let loaded = try loadYAML(text, name: "s.yaml")
        var current = loaded
        current.facilities[0].disposition = .divest
        let plan = ScenarioSaver.plan(saving: current, loaded: loaded) { _ in Array(text.utf8) }
        #expect(plan.beside == nil)
        let written = try #require(plan.inPlace.first?.text)
        #expect(written.contains("x-defaults: &defaults {region: US, book_value: 1M, sale_price: 2M, annual_opex: 1M, annual_capex: 1M, disposition: retain}"))
        let saved = try loadYAML(written)
        #expect(saved.facilities.map(\.disposition) == [.divest, .retain])
    }

    @Test("a disposition written as an alias is replaced by the facility's own value; the anchor's other users keep theirs")
    func aliasValue() throws {
        let text = header
            + facilityYAML(["disposition": "&keep retain"], id: "a1")
            + facilityYAML(["disposition": "*keep"], id: "a2")
            + facilityYAML(["disposition": "*keep"], id: "a3")
        let loaded = try loadYAML(text, name: "s.yaml")
        var current = loaded
        current.facilities[1].disposition = .leaseback
        let plan = ScenarioSaver.plan(saving: current, loaded: loaded) { _ in Array(text.utf8) }
        let saved = try loadYAML(try #require(plan.inPlace.first?.text))
        #expect(saved.facilities.map(\.disposition) == [.retain, .leaseback, .retain])
        // The anchor's owner cannot change without changing its aliases: that edit goes beside.
        var owner = loaded
        owner.facilities[0].disposition = .divest
        let ownerPlan = ScenarioSaver.plan(saving: owner, loaded: loaded) { _ in Array(text.utf8) }
        #expect(ownerPlan.inPlace.isEmpty)
        #expect(ownerPlan.beside != nil)
    }

    @Test("an edit that cannot be patched (a key added to a flow mapping, an anchored value) goes beside alone; the others still land in place")
    func unpatchableAlone() throws {
        let text = header
            + facilityYAML(id: "a1")
            + "  - {id: flow, name: Flow, region: EU, capacity_mw: 5, book_value: 1M, sale_price: 2M, annual_opex: 1M, annual_capex: 1M, disposition: contribute}\n"
            + facilityYAML(["disposition": "&keep retain"], id: "owner")
            + facilityYAML(["disposition": "*keep"], id: "user")
            + "assumptions: {tax_rate: 0.21}\n"
        let loaded = try loadYAML(text, name: "s.yaml")
        var current = loaded
        current.facilities[0].disposition = .divest       // a1: in place
        current.facilities[1].retainedStake = 0.3        // flow: no block mapping to add the key to
        current.facilities[2].disposition = .leaseback   // owner: the anchor its alias shares
        current.assumptions.discountRate = 0.1           // a flow mapping again
        let plan = ScenarioSaver.plan(saving: current, loaded: loaded) { _ in Array(text.utf8) }
        #expect(plan.reasons == [
            "flow's retained_stake could not be written in place", "owner's disposition could not be written in place",
            "discount_rate could not be written in place",
        ])
        let saved = try loadYAML(try #require(plan.inPlace.first?.text))
        #expect(saved.facilities.map(\.disposition) == [.divest, .contribute, .retain, .retain])
        #expect(saved.facilities[1].retainedStake == nil)
        #expect(saved.assumptions.discountRate == loaded.assumptions.discountRate)
        let beside = try loadYAML(try #require(plan.beside).text)
        #expect(ScenarioEdit.edits(from: beside, to: current).isEmpty)
    }

    @Test("a CSV save keeps its UTF-8 byte-order mark and line ends")
    func csvBOM() throws {
        let csv = "\u{FEFF}id,name,region,capacity_mw,book_value,sale_price,annual_opex,annual_capex,disposition\r\na,A,US,1,1M,2M,1M,1M,retain\r\n"
        let loaded = try ScenarioLoader.load(bytes: Array(csv.utf8), file: "p.csv")
        var current = loaded
        current.facilities[0].disposition = .divest
        let plan = ScenarioSaver.plan(saving: current, loaded: loaded) { _ in Array(csv.utf8) }
        #expect(plan.inPlace.first?.text == csv.replacingOccurrences(of: "1M,retain", with: "1M,divest"))
    }

    @Test("developments: financing, stake and lease terms are saved by id, a missing stake added to the development")
    func developments() throws {
        let text = """
            schema: capdash/v1
            name: Devs
            developments:
              - id: d1
                name: One
                region: US
                capacity_mw: 100
                development_cost: 1B
                build_years: 2
                financing: own
                lease: {yield_on_cost: 0.09, firm_years: 4}
              - id: d2
                name: Two
                region: US
                capacity_mw: 100
                development_cost: 1B
                build_years: 2
                financing: partner
                lease:
                  yield_on_cost: 0.08
                  firm_years: 5

            """
        let loaded = try loadYAML(text, name: "s.yaml")
        var current = loaded
        current.developments[0].financing = .partner
        current.developments[1].retainedStake = 0.3
        current.developments[1].lease.yieldOnCost = 0.085
        current.developments[0].lease.yieldOnCost = 0.1
        let plan = ScenarioSaver.plan(saving: current, loaded: loaded) { _ in Array(text.utf8) }
        #expect(plan.beside == nil)
        let saved = try loadYAML(try #require(plan.inPlace.first?.text))
        #expect(saved.developments.map(\.financing) == [.partner, .partner])
        #expect(saved.developments.map(\.retainedStake) == [nil, 0.3])
        #expect(saved.developments.map(\.lease.yieldOnCost) == [0.1, 0.085])
    }

    @Test("a GPU preset picked in the dashboard is saved as gpu.preset, the figures it fills left to it")
    func gpuPreset() throws {
        let text = "schema: capdash/v1\nname: GPU\nassumptions:\n  gpu:\n    mfu: 0.4\n" + "facilities:\n" + facilityYAML()
        let loaded = try loadYAML(text, name: "s.yaml")
        var current = loaded
        current.assumptions.gpu = GPUAssumptions(preset: try #require(GPUPreset.named("GB200 NVL72")))
        let plan = ScenarioSaver.plan(saving: current, loaded: loaded) { _ in Array(text.utf8) }
        #expect(plan.beside == nil)
        let written = try #require(plan.inPlace.first?.text)
        #expect(written.contains("  gpu:\n    preset: \"GB200 NVL72\"\n    mfu: 0.4\n"))
        #expect(try loadYAML(written).assumptions.gpu == current.assumptions.gpu)
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
