import Testing
@testable import CapDashModel

private func loadCSV(_ text: String) throws(ScenarioLoadError) -> Scenario {
    try ScenarioLoader.loadCSV(Array(text.utf8), file: "plants.csv")
}

private func csvErrors(_ text: String) -> [String] {
    do {
        _ = try loadCSV(text)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

private let csvHeader = "id,name,region,capacity_mw,book_value,sale_price,annual_opex,annual_capex,disposition\n"

@Suite("Facilities from CSV (docs/scenario-format.md section 5)")
struct CSVTests {
    @Test("a bare CSV opens with default assumptions, named after the file")
    func bare() throws {
        let scenario = try loadCSV(csvHeader + "a,Alpha,US,10,100M,150M,5M,2M,divest\nb,Beta,EU,20,$1.2B,,5M,2M,retain\n")
        #expect(scenario.name == "plants")
        #expect(scenario.assumptions == Assumptions())
        #expect(scenario.facilities.map(\.id) == ["a", "b"])
        #expect(scenario.facilities[1].bookValue == 1.2e9)
        #expect(scenario.facilities[1].salePrice == nil)
    }

    @Test("columns in any order, header case and spaces ignored")
    func anyOrder() throws {
        let text = "Disposition , ID,name,region,capacity_mw,book_value,annual_opex,annual_capex\nretain,x,X,US,1,1M,1M,1M\n"
        #expect(try loadCSV(text).facilities[0].id == "x")
    }

    @Test("RFC 4180 quoting: commas, doubled quotes and line breaks inside fields")
    func quoting() throws {
        let text = csvHeader + "a,\"Hall \"\"A\"\", Dublin\nwest\",EU,1,\"1,000,000\",,1M,1M,retain\n"
        let facility = try loadCSV(text).facilities[0]
        #expect(facility.name == "Hall \"A\", Dublin\nwest")
        #expect(facility.bookValue == 1_000_000)
    }

    @Test("UTF-8 BOM and CRLF line ends")
    func bomAndCRLF() throws {
        let text = "\u{FEFF}" + csvHeader.replacingOccurrences(of: "\n", with: "\r\n") + "a,東京 1,JP,1,1M,,1M,1M,retain\r\n"
        let bytes = Array(text.utf8)
        let stripped = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let scenario = try ScenarioLoader.loadCSV(stripped, file: "plants.csv")
        #expect(scenario.facilities[0].name == "東京 1")
        #expect(scenario.facilities[0].disposition == .retain)
    }

    @Test("ai_ready takes true/false/yes/no/1/0", arguments: [("yes", true), ("no", false), ("1", true), ("0", false), ("TRUE", true), ("false", false)])
    func aiReady(cell: String, expected: Bool) throws {
        let text = "id,name,region,capacity_mw,ai_ready,book_value,annual_opex,annual_capex,disposition\na,A,US,1,\(cell),1M,1M,1M,retain\n"
        #expect(try loadCSV(text).facilities[0].aiReady == expected)
    }

    @Test("errors name plants.csv:ROW:COLUMN and the key")
    func positionedErrors() {
        let text = csvHeader + "a,Alpha,US,10,100M,150M,5M,2M,divest\nb,Beta,EU,lots,1M,,5M,2M,retain\n"
        #expect(csvErrors(text) == ["plants.csv:3:11: facilities[1].capacity_mw: expected a capacity in MW >= 0, found \"lots\""])
    }

    @Test("columns count characters, not bytes")
    func characterColumns() {
        let text = csvHeader + "a,Zürich 東京,EU,x,1M,,5M,2M,retain\n"
        #expect(csvErrors(text) == ["plants.csv:2:16: facilities[0].capacity_mw: expected a capacity in MW >= 0, found \"x\""])
    }

    @Test("unknown column, with a suggestion")
    func unknownColumn() {
        #expect(csvErrors("id,name,region,capacity_mw,book_value,annual_opx,annual_capex,disposition,annual_opex\n") == [
            "plants.csv:1:39: unknown column \"annual_opx\"; did you mean annual_opex or annual_capex?"
        ])
    }

    @Test("missing required columns are named once, at the header")
    func missingColumns() {
        #expect(csvErrors("id,name,region\na,A,US\n") == [
            "plants.csv:1:1: header is missing required columns capacity_mw, book_value, annual_opex, annual_capex, disposition"
        ])
    }

    @Test("a row with the wrong number of fields")
    func ragged() {
        #expect(csvErrors(csvHeader + "a,Alpha,US,10\n") == ["plants.csv:2:1: row has 4 fields; the header has 9"])
    }

    @Test("an unterminated quote points at the opening quote")
    func unterminated() {
        #expect(csvErrors(csvHeader + "a,\"Alpha,US,10\n") == ["plants.csv:2:3: quoted field is never closed; add the closing \""])
    }

    @Test("empty cell on a required key")
    func emptyRequired() {
        #expect(csvErrors(csvHeader + "a,Alpha,US,10,,150M,5M,2M,divest\n") == [
            "plants.csv:2:15: facilities[0].book_value: expected money like 450M, found nothing"
        ])
    }

    @Test("header only: no facilities")
    func headerOnly() {
        #expect(csvErrors(csvHeader) == ["plants.csv: facilities: CSV file has a header but no facility rows; expected at least one facility"])
    }

    @Test("facilities_csv resolves relative to the scenario file")
    func facilitiesCSV() throws {
        let directory = try TemporaryDirectory()
        try directory.write("plants.csv", csvHeader + "a,Alpha,US,10,100M,150M,5M,2M,divest\n")
        try directory.write("s.yaml", "schema: capdash/v1\nname: From CSV\nfacilities_csv: plants.csv\n")
        let scenario = try ScenarioLoader.load(path: directory.path + "/s.yaml")
        #expect(scenario.name == "From CSV")
        #expect(scenario.facilities.map(\.id) == ["a"])
    }

    @Test("facilities_csv errors name the CSV file; a missing CSV names the key")
    func facilitiesCSVErrors() throws {
        let directory = try TemporaryDirectory()
        try directory.write("plants.csv", csvHeader + "a,Alpha,US,-1,100M,150M,5M,2M,divest\n")
        try directory.write("s.yaml", "schema: capdash/v1\nname: x\nfacilities_csv: plants.csv\n")
        try directory.write("m.yaml", "schema: capdash/v1\nname: x\nfacilities_csv: none.csv\n")
        #expect(throws: ScenarioLoadError.self) { try ScenarioLoader.load(path: directory.path + "/s.yaml") }
        do {
            _ = try ScenarioLoader.load(path: directory.path + "/s.yaml")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "\(directory.path)/plants.csv:2:12: facilities[0].capacity_mw: expected a capacity in MW >= 0, found \"-1\""
            ])
        }
        do {
            _ = try ScenarioLoader.load(path: directory.path + "/m.yaml")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "\(directory.path)/m.yaml:3:17: facilities_csv: cannot use \(directory.path)/none.csv: no such file"
            ])
        }
    }
}
