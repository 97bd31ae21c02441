import Testing
@testable import CapDashModel

@Suite("Standard input: CSV or YAML by the first line")
struct StandardInputRuleTests {
    @Test("a first line with a comma and an id field is a CSV header", arguments: [
        ("id,name,region\n", true),
        ("name, ID ,region\r\nx,y,z\n", true),
        ("\"id\",\"name\"\n", true),
        ("region,id", true),
        ("- {id: a, name: b}\n", false),
        ("schema: capdash/v1\nfacilities: []\n", false),
        ("identifier,name\n", false),
        ("id\nname\n", false),
        ("name: a, id\n", false),
    ])
    func rule(firstLines: String, isCSV: Bool) {
        #expect(ScenarioLoader.startsWithCSVHeader(Array(firstLines.utf8)) == isCSV)
    }

    @Test("a piped CSV is named <stdin> and keeps the default assumptions")
    func csvScenario() throws {
        let csv = "id,name,region,capacity_mw,book_value,annual_opex,annual_capex,disposition\nx,Xeno,US,5,10M,1M,1M,retain\n"
        let scenario = try ScenarioLoader.load(standardInput: Array(csv.utf8))
        #expect(scenario.name == "<stdin>")
        #expect(scenario.file == "<stdin>")
        #expect(scenario.facilities.map(\.id) == ["x"])
        #expect(scenario.assumptions == Scenario(name: "", facilities: []).assumptions)
    }
}
