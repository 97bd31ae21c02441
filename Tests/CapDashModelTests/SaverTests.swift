import Testing
@testable import CapDashModel

private let original = """
    # Portfolio under review. Keep this comment.
    schema: capdash/v1
    name: Saver test
    assumptions:
      tax_rate: 0.21   # statutory
      gpu: {unit_capex: 50000, mfu: 0.4}
    facilities:
      - id: a
        name: Alpha
        region: US
        capacity_mw: 10
        book_value: 100M
        sale_price: 150M
        annual_opex: 5M
        annual_capex: 2M
        disposition: retain   # under negotiation
      - {id: b, name: Beta, region: EU, capacity_mw: 5, book_value: 1M, sale_price: 2M, annual_opex: 1M, annual_capex: 1M, disposition: divest}

    """

@Suite("Saving edits back to the file")
struct SaverTests {
    private func plan(_ edit: (inout Scenario) -> Void, text: String = original) throws -> ScenarioSaver.Plan {
        let loaded = try loadYAML(text, name: "dir/s.yaml")
        var current = loaded
        edit(&current)
        return ScenarioSaver.plan(saving: current, loaded: loaded) { $0 == "dir/s.yaml" ? Array(text.utf8) : nil }
    }

    @Test("dispositions and assumptions change in place; comments, order and formatting stay")
    func inPlace() throws {
        let result = try plan {
            $0.facilities[0].disposition = .leaseback
            $0.facilities[1].disposition = .retain
            $0.assumptions.taxRate = 0.25
            $0.assumptions.gpu.unitCapex = 35_000
        }
        let writes = result.inPlace
        #expect(result.beside == nil)
        #expect(writes.count == 1)
        let expected = original
            .replacingOccurrences(of: "disposition: retain   # under", with: "disposition: leaseback   # under")
            .replacingOccurrences(of: "disposition: divest}", with: "disposition: retain}")
            .replacingOccurrences(of: "tax_rate: 0.21", with: "tax_rate: 0.25")
            .replacingOccurrences(of: "unit_capex: 50000,", with: "unit_capex: 35000,")
        #expect(writes[0] == ScenarioSaver.FileWrite(path: "dir/s.yaml", text: expected))
        // The result loads and holds the new values.
        let reloaded = try loadYAML(writes[0].text)
        #expect(reloaded.facilities.map(\.disposition) == [.leaseback, .retain])
        #expect(reloaded.assumptions.taxRate == 0.25 && reloaded.assumptions.gpu.unitCapex == 35_000)
    }

    @Test("an assumption not in the file is added to its mapping, above the first key")
    func addedKey() throws {
        let result = try plan { $0.assumptions.discountRate = 0.1 }
        #expect(result.beside == nil)
        let text = try #require(result.inPlace.first?.text)
        #expect(text.contains("assumptions:\n  discount_rate: 0.1\n  tax_rate: 0.21   # statutory\n"))
        let reloaded = try loadYAML(text)
        #expect(reloaded.assumptions.discountRate == 0.1)
        #expect(reloaded.facilities.count == 2)
    }

    @Test("an assumption with no assumptions block goes to NAME.capdash.yaml beside it, with everything")
    func beside() throws {
        let text = original.replacingOccurrences(of: "assumptions:\n  tax_rate: 0.21   # statutory\n  gpu: {unit_capex: 50000, mfu: 0.4}\n", with: "")
        let result = try plan({ $0.assumptions.discountRate = 0.1 }, text: text)
        let write = try #require(result.beside)
        #expect(write.path == "dir/s.capdash.yaml")
        #expect(result.reasons.joined().contains("discount_rate"))
        let reloaded = try loadYAML(write.text)
        #expect(reloaded.assumptions.discountRate == 0.1)
        #expect(reloaded.facilities.count == 2)
        #expect(reloaded.name == "Saver test")
    }

    @Test("a value changed on disk since loading is not overwritten: the edit goes beside, naming the facility")
    func changedOnDisk() throws {
        let loaded = try loadYAML(original, name: "dir/s.yaml")
        var current = loaded
        current.facilities[0].disposition = .divest
        let changed = original.replacingOccurrences(of: "disposition: retain   #", with: "disposition: leaseback   #")
        let result = ScenarioSaver.plan(saving: current, loaded: loaded) { _ in Array(changed.utf8) }
        #expect(result.inPlace.isEmpty)
        #expect(result.beside?.path == "dir/s.capdash.yaml")
        #expect(result.reasons == ["a's disposition changed on disk (now leaseback)"])
    }

    @Test("the built-in example is never overwritten")
    func example() throws {
        var current = ScenarioLoader.builtInExample()
        current.facilities[0].disposition = .divest
        let result = ScenarioSaver.plan(saving: current, loaded: ScenarioLoader.builtInExample()) { _ in nil }
        let write = try #require(result.beside)
        #expect(write.path == "example.capdash.yaml")
        #expect(try loadYAML(write.text).facilities[0].disposition == .divest)
    }

    @Test("a full rewrite keeps every value exactly, strange names included")
    func fullRewrite() throws {
        var scenario = ScenarioLoader.builtInExample()
        scenario.facilities[0].name = "Hall \"A\": #1 \\ 東京\ttab"
        scenario.notes = "line one\nline two"
        let reloaded = try loadYAML(ScenarioYAMLWriter.write(scenario))
        #expect(reloaded.facilities.map(\.name) == scenario.facilities.map(\.name))
        #expect(reloaded.notes == scenario.notes)
        #expect(evaluate(reloaded).finance == evaluate(scenario).finance)
        #expect(reloaded.assumptions == scenario.assumptions)
    }

    @Test("dispositions from a facilities CSV are changed in the CSV")
    func csvInPlace() throws {
        let csv = "id,name,region,capacity_mw,book_value,sale_price,annual_opex,annual_capex,disposition\na,\"A, one\",US,1,1M,2M,1M,1M,retain\nb,B,EU,1,1M,2M,1M,1M,\"divest\"\n"
        let loaded = try ScenarioLoader.loadCSV(Array(csv.utf8), file: "p.csv")
        var current = loaded
        current.facilities[0].disposition = .leaseback
        current.facilities[1].disposition = .retain
        let result = ScenarioSaver.plan(saving: current, loaded: loaded) { _ in Array(csv.utf8) }
        let writes = result.inPlace
        #expect(result.beside == nil)
        #expect(writes[0].text == csv.replacingOccurrences(of: "1M,retain", with: "1M,leaseback").replacingOccurrences(of: "\"divest\"", with: "retain"))
    }
}

@Suite("Saving contributions")
struct ContributionSaverTests {
    @Test("a stake in the file changes in place; a stake not in the file is added to the facility; nothing is dropped")
    func stakes() throws {
        let text = header + facilityYAML(["disposition": "contribute", "retained_stake": "0.2"]) + facilityYAML(["disposition": "contribute"], id: "f2")
        let loaded = try loadYAML(text, name: "s.yaml")
        var current = loaded
        current.facilities[0].retainedStake = 0.35
        let first = ScenarioSaver.plan(saving: current, loaded: loaded, read: { _ in Array(text.utf8) })
        #expect(first.beside == nil)
        #expect(try loadYAML(first.inPlace[0].text).facilities[0].retainedStake == 0.35)
        current.facilities[1].retainedStake = 0.4
        let both = ScenarioSaver.plan(saving: current, loaded: loaded, read: { _ in Array(text.utf8) })
        #expect(both.beside == nil)
        let saved = try loadYAML(both.inPlace[0].text)
        #expect(saved.facilities.map(\.retainedStake) == [0.35, 0.4])
        #expect(saved.facilities.map(\.disposition) == [.contribute, .contribute])
    }
}
