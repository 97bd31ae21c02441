import CapDashReport
import Testing
@testable import CapDashModel

/// Every error docs/scenario-format.md section 2 names, each with its exact position and wording.
/// Facility lines start at line 4 (`  - id: f1`), keys at column 5, values after `key: `.
@Suite("Scenario diagnostics")
struct DiagnosticsTests {
    @Test("the docs/scenario-format.md example message, word for word")
    func modelExample() {
        let text = header + facilityYAML(["sale_price": "lots"])
        #expect(errors(text, name: "plants.yaml") == [
            "plants.yaml:9:17: facilities[0].sale_price: expected money like 450M, found \"lots\""
        ])
    }

    @Test("missing schema points at the top of the file")
    func missingSchema() {
        #expect(errors("name: x\nfacilities:\n" + facilityYAML()) == [
            "t.yaml:1:1: schema: missing required key 'schema' (expected schema: capdash/v1)"
        ])
    }

    @Test("unknown schema")
    func unknownSchema() {
        #expect(errors("schema: capdash/v2\nname: x\nfacilities:\n" + facilityYAML()) == [
            "t.yaml:1:9: schema: unsupported schema \"capdash/v2\"; expected capdash/v1"
        ])
    }

    @Test("missing required facility key at the facility's first line")
    func missingKey() {
        #expect(errors(header + facilityYAML(["annual_capex": "<absent>"])) == [
            "t.yaml:4:5: facilities[0].annual_capex: missing required key 'annual_capex'"
        ])
    }

    @Test("missing name and facilities")
    func missingTopLevel() {
        #expect(errors("schema: capdash/v1\n") == [
            "t.yaml:1:1: name: missing required key 'name'",
            "t.yaml:1:1: facilities: missing required key 'facilities' (or facilities_csv, or developments)",
        ])
    }

    @Test("unknown key with a did-you-mean")
    func unknownKey() {
        #expect(errors(header + facilityYAML(["capacity_mv": "3"])) == [
            "t.yaml:13:5: facilities[0].capacity_mv: unknown key; did you mean capacity_mw?"
        ])
        #expect(errors("schema: capdash/v1\nname: x\nassumptions:\n  discount: 0.1\nfacilities:\n" + facilityYAML()) == [
            "t.yaml:4:3: assumptions.discount: unknown key; did you mean discount_rate?"
        ])
    }

    @Test("wrong type: a list where money belongs")
    func wrongType() {
        #expect(errors(header + facilityYAML(["book_value": "[1, 2]"])) == [
            "t.yaml:8:17: facilities[0].book_value: expected money like 450M, found a list"
        ])
        #expect(errors(header + facilityYAML(["ai_ready": "maybe"])) == [
            "t.yaml:13:15: facilities[0].ai_ready: expected true or false, found \"maybe\""
        ])
    }

    @Test("NaN and infinity are rejected", arguments: [".nan", ".inf", "-.inf", "1e999"])
    func nonFinite(value: String) {
        let found = errors(header + facilityYAML(["capacity_mw": value]))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("t.yaml:7:18: facilities[0].capacity_mw: expected a finite number, found \"\(value)\"") == true)
    }

    @Test("negative money and capacity")
    func negatives() {
        #expect(errors(header + facilityYAML(["annual_opex": "-5M"])) == [
            "t.yaml:10:18: facilities[0].annual_opex: expected money >= 0, found \"-5M\""
        ])
        #expect(errors(header + facilityYAML(["capacity_mw": "-1"])) == [
            "t.yaml:7:18: facilities[0].capacity_mw: expected a capacity in MW >= 0, found \"-1\""
        ])
    }

    @Test("assumption ranges", arguments: [
        ("tax_rate: 1.5", "t.yaml:4:13: assumptions.tax_rate: expected a rate from 0 to 1 (like 0.21), found \"1.5\" (1.5% is 0.015)"),
        ("discount_rate: -0.01", "t.yaml:4:18: assumptions.discount_rate: expected a rate from 0 to 1 (like 0.21), found \"-0.01\""),
        ("horizon_years: 0", "t.yaml:4:18: assumptions.horizon_years: expected a whole number of years from 1 to 100, found \"0\""),
        ("horizon_years: 2.5", "t.yaml:4:18: assumptions.horizon_years: expected a whole number of years from 1 to 100, found \"2.5\""),
        ("horizon_years: 101", "t.yaml:4:18: assumptions.horizon_years: expected a whole number of years from 1 to 100, found \"101\""),
        ("pue: 0.99", "t.yaml:4:8: assumptions.pue: expected a PUE >= 1 (like 1.1), found \"0.99\""),
        ("gpu: {mfu: 0}", "t.yaml:4:14: assumptions.gpu.mfu: expected an MFU in (0, 1] (like 0.40), found \"0\""),
        ("gpu: {mfu: 1.01}", "t.yaml:4:14: assumptions.gpu.mfu: expected an MFU in (0, 1] (like 0.40), found \"1.01\""),
        ("gpu: {unit_capex: 0}", "t.yaml:4:21: assumptions.gpu.unit_capex: expected a unit capex > 0 like 50000, found \"0\""),
        ("gpu: {power_kw: 0}", "t.yaml:4:19: assumptions.gpu.power_kw: expected a power per GPU in kW > 0 (like 1.3), found \"0\""),
        ("transaction_cost_rate: 2", "t.yaml:4:26: assumptions.transaction_cost_rate: expected a rate from 0 to 1 (like 0.21), found \"2\" (2% is 0.02)"),
    ])
    func assumptionRanges(line: String, expected: String) {
        let text = "schema: capdash/v1\nname: x\nassumptions:\n  \(line)\nfacilities:\n" + facilityYAML()
        #expect(errors(text) == [expected])
    }

    @Test("rates at their bounds are valid; discount rate may be 1")
    func rateBounds() throws {
        let text = "schema: capdash/v1\nname: x\nassumptions: {tax_rate: 0, discount_rate: 1, pue: 1, gpu: {mfu: 1}}\nfacilities:\n" + facilityYAML()
        let scenario = try loadYAML(text)
        #expect(scenario.assumptions.discountRate == 1)
        #expect(scenario.assumptions.gpu.mfu == 1)
    }

    @Test("unknown disposition, with a suggestion")
    func unknownDisposition() {
        #expect(errors(header + facilityYAML(["disposition": "divset"])) == [
            "t.yaml:12:18: facilities[0].disposition: expected one of retain, divest, leaseback, contribute, found \"divset\"; did you mean divest?"
        ])
    }

    @Test("duplicate id points at the second one")
    func duplicateID() {
        #expect(errors(header + facilityYAML() + facilityYAML()) == [
            "t.yaml:13:9: facilities[1].id: duplicate id \"f1\" (first used at line 4)"
        ])
    }

    @Test("a key given twice points at the second occurrence")
    func duplicateKey() {
        let text = header + facilityYAML() + "    region: EU\n"
        #expect(errors(text) == [
            "t.yaml:13:5: facilities[0].region: key given twice in one mapping (first at line 6); remove one"
        ])
    }

    @Test("a sold facility needs a sale price", arguments: ["divest", "leaseback"])
    func salePriceRequired(disposition: String) {
        #expect(errors(header + facilityYAML(["sale_price": "<absent>", "disposition": disposition])) == [
            "t.yaml:11:18: facilities[0].sale_price: a \(disposition) facility needs a sale_price"
        ])
    }

    @Test("no facilities")
    func noFacilities() {
        #expect(errors("schema: capdash/v1\nname: x\nfacilities: []\n") == [
            "t.yaml:3:13: facilities: expected at least one facility (or a development), found an empty list"
        ])
    }

    @Test("invalid id")
    func invalidID() {
        #expect(errors(header + facilityYAML([:], id: "\"a b\"")) == [
            "t.yaml:4:9: facilities[0].id: expected an id of 1-64 letters, digits, '.', '_' or '-', found \"a b\""
        ])
        #expect(errors(header + facilityYAML([:], id: String(repeating: "x", count: 65))).count == 1)
    }

    @Test("every error in a file is reported, sorted by position")
    func allErrors() {
        let text = header + facilityYAML(["book_value": "x", "annual_opex": "y"]) + facilityYAML(["capacity_mw": "z"], id: "f2")
        let found = errors(text)
        #expect(found.count == 3)
        #expect(found.map { $0.split(separator: ":")[1] } == ["8", "10", "16"])
    }

    @Test("leaseback_rent on a facility that is not leaseback is a warning, not an error")
    func rentWarning() throws {
        let scenario = try loadYAML(header + facilityYAML(["leaseback_rent": "3M"]))
        let warnings = ScenarioWarnings.list(scenario)
        #expect(warnings.map(\.description) == [
            "t.yaml:13:21: facilities[0].leaseback_rent: ignored: f1 is retain, not leaseback or contribute"
        ])
        #expect(warnings[0].severity == .warning)
    }

    @Test("selling below book warns")
    func belowBook() throws {
        let scenario = try loadYAML(header + facilityYAML(["sale_price": "90M", "disposition": "divest"]))
        #expect(ScenarioWarnings.list(scenario).map(\.description) == [
            "t.yaml:9:17: facilities[0].sale_price: f1 sells below book value ($90.0M < $100.0M)"
        ])
    }

    @Test("syntax errors carry libyaml's position")
    func syntax() {
        #expect(errors("schema: capdash/v1\nname: [x\n") == [
            "t.yaml:3:1: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 2)"
        ])
    }

    @Test("a billion-laughs file fails on alias expansion")
    func billionLaughs() {
        var text = "schema: capdash/v1\nname: lol\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        text += "facilities: *a9\n"
        let found = errors(text)
        #expect(found.count == 1)
        #expect(found.first?.contains("aliases expand past 10000000 nodes") == true)
    }

    @Test("aliases and merge keys work for ordinary reuse")
    func mergeKeys() throws {
        let text = """
            schema: capdash/v1
            name: merged
            x-unused: &unused {note: top-level x- keys hold anchors and are ignored}
            facilities:
              - &base {id: a, name: A, region: US, capacity_mw: 1, book_value: 1M, annual_opex: 1M, annual_capex: 1M, disposition: retain}
              - <<: *base
                id: b
                region: EU
            """
        let scenario = try loadYAML(text)
        #expect(scenario.facilities.map(\.id) == ["a", "b"])
        #expect(scenario.facilities[1].region == "EU")
        #expect(scenario.facilities[1].bookValue == 1e6)
    }

    @Test("two documents in one file")
    func twoDocuments() {
        #expect(errors("schema: capdash/v1\n---\nname: x\n") == [
            "t.yaml:2:1: found a second YAML document; a scenario file holds exactly one"
        ])
    }

    @Test("a file that is a list, not a scenario")
    func notAMapping() {
        #expect(errors("- a\n- b\n") == [
            "t.yaml:1:1: expected a capdash scenario (a mapping with schema, name, facilities), found a list"
        ])
    }

    @Test("facilities and facilities_csv together")
    func bothFacilitySources() {
        #expect(errors(header + facilityYAML() + "facilities_csv: x.csv\n") == [
            "t.yaml:13:1: facilities_csv: give either facilities or facilities_csv, not both"
        ])
    }

    @Test("optional keys: null means absent, and defaults apply")
    func defaults() throws {
        let scenario = try loadYAML(header + facilityYAML(["sale_price": "~", "country": "", "ai_ready": "null"]))
        let facility = scenario.facilities[0]
        #expect(facility.salePrice == nil && facility.country == nil && facility.aiReady == false)
        #expect(scenario.currency == "USD")
        #expect(scenario.assumptions == Assumptions())
    }

    @Test("quoted numbers are numbers; 38e6 is a number")
    func quotedNumbers() throws {
        let scenario = try loadYAML(header + facilityYAML(["capacity_mw": "\"12.5\"", "book_value": "38e6", "annual_opex": "'1,000'"]))
        #expect(scenario.facilities[0].capacityMW == 12.5)
        #expect(scenario.facilities[0].bookValue == 38e6)
        #expect(scenario.facilities[0].annualOpex == 1000)
    }

    @Test("as_of must be a real date")
    func asOf() {
        #expect(errors("schema: capdash/v1\nname: x\nas_of: 2025-02-30\nfacilities:\n" + facilityYAML()) == [
            "t.yaml:3:8: as_of: expected a date like 2025-08-01, found \"2025-02-30\""
        ])
    }
}

@Suite("Fuzzer findings, kept as regression tests")
struct FuzzFindingTests {
    @Test("a lone carriage return would shift libyaml's line numbers: it is named instead")
    func loneCR() {
        #expect(errors("\r just\n- a list\n") == [
            "t.yaml:1:1: a lone carriage return (old Mac line end); save the file with LF or CRLF line ends"
        ])
        #expect(errors("schema: capdash/v1\u{2028}name: x\n").first?.contains("U+2028") == true)
    }

    @Test("CRLF files load, with positions that match the lines")
    func crlf() {
        let text = (header + facilityYAML(["book_value": "lots"])).replacingOccurrences(of: "\n", with: "\r\n")
        #expect(errors(text) == ["t.yaml:8:17: facilities[0].book_value: expected money like 450M, found \"lots\""])
    }

    @Test("a NUL after invalid UTF-8 gets a column counted as editors count it")
    func nulAfterInvalidBytes() {
        let bytes: [UInt8] = [0x61, 0x0D, 0x0A, 0xFD, 0xFE, 0x62, 0x00]
        #expect(SourceFile.position(ofByte: 6, in: bytes) == SourcePosition(line: 2, column: 4))
    }
}

@Suite("Size limits that keep memory bounded")
struct SizeLimitTests {
    @Test("a YAML file with more values than the limit is refused while it is read")
    func yamlNodes() {
        let text = "schema: capdash/v1\nname: big\nfacilities: [" + (0..<50).map { "{id: f\($0)}" }.joined(separator: ", ") + "]\n"
        do {
            _ = try YAMLTreeBuilder.build(Array(text.utf8), nodeLimit: 40)
            Issue.record("expected the node limit to stop the read")
        } catch {
            #expect(error.message == "more than 40 YAML values; put a portfolio this large in a facilities CSV (facilities_csv)")
            #expect(error.position.line == 3)
        }
        #expect(YAMLTreeBuilder.nodeLimit == 2_000_000)
    }

    @Test("a CSV with more rows than the facility limit is refused before parsing, quoted line breaks not counted")
    func csvRows() {
        #expect(FacilitiesCSV.lineOfRecord(3, in: Array("h\n\"a\nb\",1\n\nc\n".utf8)) == 5)
        #expect(FacilitiesCSV.lineOfRecord(4, in: Array("h\n\"a\nb\",1\n\nc\n".utf8)) == nil)
    }
}
