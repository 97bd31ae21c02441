import Foundation
import Testing

@testable import CapDashModel

@Suite("Alias limits count bytes, not only nodes")
struct AliasByteLimitTests {
    /// The finding: 3 MB of YAML whose 20,000 facilities alias one 64 KiB string three
    /// times each would expand to 3.9 GB of text in a report.
    static func aliasedStrings(facilities: Int) -> String {
        var text = "schema: capdash/v1\nname: bytes\nx-big: &big \"" + String(repeating: "A", count: 65_536) + "\"\nfacilities:\n"
        for index in 0..<facilities {
            text += "  - {id: f\(index), name: *big, region: *big, country: *big, capacity_mw: 1, book_value: 1M, annual_opex: 1M, annual_capex: 1M, disposition: retain}\n"
        }
        return text
    }

    @Test("20,000 facilities aliasing one 64 KiB string are refused at the alias that passes 64 MiB, fast")
    func manyAliasesOfBigText() throws {
        let text = Self.aliasedStrings(facilities: 20_000)
        #expect(text.utf8.count > 2_900_000)
        let start = Date()
        let found = errors(text, name: "bytes.yaml")
        let elapsed = Date().timeIntervalSince(start)
        // 1,024 aliases of 65,536 bytes are exactly 64 MiB; the 1,025th (facility 341's region) goes past.
        let line = 5 + 341
        let lineText = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
        let column = lineText.distance(from: lineText.startIndex, to: lineText.range(of: "region: ")!.upperBound) + 1
        #expect(found == [
            "bytes.yaml:\(line):\(column): aliases expand past 64 MiB of text (a \"billion laughs\" file?); write the values out instead"
        ])
        #expect(elapsed < 5, "took \(elapsed) s")
    }

    @Test("up to the budget, aliased text loads: 300 facilities share the 64 KiB string")
    func aliasesWithinBudget() throws {
        let scenario = try loadYAML(Self.aliasedStrings(facilities: 300))
        #expect(scenario.facilities.count == 300)
        #expect(scenario.facilities[299].region.utf8.count == 65_536)
        #expect(YAMLTreeBuilder.aliasByteLimit == 64 * 1024 * 1024)
    }

    @Test("a mapping's bytes are its keys' and values' text, and an alias of it counts them all")
    func mappingBytes() throws {
        let root = try #require(try YAMLTreeBuilder.build(Array("a: &m {key: value, k2: [xy, z]}\nb: *m\n".utf8)))
        guard case .mapping(let pairs) = root.content else { Issue.record("expected a mapping"); return }
        // key(3) + value(5) + k2(2) + xy(2) + z(1)
        #expect(pairs[0].value.expandedBytes == 13)
        #expect(pairs[1].value.expandedBytes == 13)
        #expect(root.expandedBytes == 1 + 13 + 1 + 13)
    }
}

@Suite("One escaping rule for every diagnostic")
struct DiagnosticEscapingTests {
    static let hostile = "\u{1b}[31m\u{202e}"

    @Test("a diagnostic escapes its file name, key path and message")
    func description() {
        let diagnostic = Diagnostic.error(
            file: "plants\(Self.hostile).yaml", at: SourcePosition(line: 3, column: 7), "facilities[0].\(Self.hostile)key",
            "cannot use \(Self.hostile).csv")
        #expect(diagnostic.description == "plants\\x1b[31m\\u{202e}.yaml:3:7: facilities[0].\\x1b[31m\\u{202e}key: cannot use \\x1b[31m\\u{202e}.csv")
        #expect(Diagnostic.error(file: "a\u{7}", at: nil, "", "m").description == "a\\x07: m")
    }

    @Test("quoted values use the same escapes as the screen, and escaping twice changes nothing")
    func quotedValues() {
        #expect(Quoting.quoted("a\"b\\\(Self.hostile)\n\u{2028}") == "\"a\\\"b\\\\\\x1b[31m\\u{202e}\\x0a\\u{2028}\"")
        let once = TerminalSafe.text("x\(Self.hostile)\u{9b}\u{feff}")
        #expect(once == "x\\x1b[31m\\u{202e}\\x9b\\u{feff}")
        #expect(TerminalSafe.text(once) == once)
    }

    @Test("an unknown key with escapes is reported escaped, at its position")
    func unknownKey() {
        let found = errors("schema: capdash/v1\nname: x\n\"\\e[31m\\u202ekey\": 1\nfacilities: []\n")
        #expect(found.first == "t.yaml:3:1: \\x1b[31m\\u{202e}key: unknown key; expected one of schema, name, currency, notes, assumptions, facilities, developments, sensitivity, as_of, facilities_csv")
    }
}

@Suite("A number too small to tell from 0 is refused, like one too large")
struct UnderflowTests {
    @Test("1e-400 is not a number capdash reads; 0e-400, 0.0 and subnormals are")
    func numbers() {
        #expect(Numbers.parse("1e-400") == nil)
        #expect(Numbers.parse("-2.5E-999") == nil)
        #expect(Numbers.underflows("1e-400"))
        #expect(Numbers.underflows("  -2.5E-999 "))
        #expect(Numbers.parse("0e-400") == 0)
        #expect(Numbers.parse("0.000e-400") == 0)
        #expect(!Numbers.underflows("0e-400"))
        #expect(Numbers.parse("1e-310").map { $0 > 0 && $0 < 1e-300 } == true)
        #expect(Numbers.parse("1e400") == .infinity)
        #expect(!Numbers.underflows("lots"))
    }

    @Test("money: 1e-400 and a suffixed amount that rounds to 0 are refused; $0 is 0")
    func money() {
        let tiny = "0." + String(repeating: "0", count: 400) + "1K"
        #expect(Money.parse("1e-400") == nil)
        #expect(Money.parse(tiny) == nil)
        #expect(Money.underflows("1e-400"))
        #expect(Money.underflows(tiny))
        #expect(Money.parse("$0") == 0)
        #expect(Money.parse("0.0M") == 0)
        #expect(!Money.underflows("0.0M"))
        #expect(Money.parse("450M") == 450e6)
    }

    @Test("the loader says why: too small for a number and for money, in YAML and CSV")
    func messages() throws {
        let found = errors(header + facilityYAML(["capacity_mw": "1e-400", "book_value": "\"1e-400\""]))
        #expect(found == [
            "t.yaml:7:18: facilities[0].capacity_mw: expected a capacity in MW >= 0, found \"1e-400\" (too small: not 0, yet it would read as 0; write 0 if you mean it)",
            "t.yaml:8:17: facilities[0].book_value: expected money like 450M, found \"1e-400\" (too small: not 0, yet it would read as 0; write 0 if you mean it)",
        ])
        let csv = "id,name,region,capacity_mw,book_value,annual_opex,annual_capex,disposition\na,A,US,1e-400,1M,1M,1M,retain\n"
        do {
            _ = try ScenarioLoader.loadCSV(Array(csv.utf8), file: "p.csv")
            Issue.record("expected the CSV to be refused")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "p.csv:2:8: facilities[0].capacity_mw: expected a capacity in MW >= 0, found \"1e-400\" (too small: not 0, yet it would read as 0; write 0 if you mean it)"
            ])
        }
    }

    @Test("--set refuses an assumption that would read as 0")
    func setting() {
        guard case .failure(let diagnostic) = AssumptionKey.discountRate.setting("1e-400", in: Assumptions()) else {
            Issue.record("expected 1e-400 to be refused")
            return
        }
        #expect(diagnostic.message.hasSuffix("found \"1e-400\" (too small: not 0, yet it would read as 0; write 0 if you mean it)"))
    }
}

@Suite("Unknown YAML tags are refused, by name and position")
struct YAMLTagTests {
    static func bookValue(_ value: String) -> [String] {
        errors(header + "  - {id: a, name: A, region: US, capacity_mw: 1, book_value: \(value), annual_opex: 1M, annual_capex: 1M, disposition: retain}\n")
    }

    @Test("a local tag and !!binary are refused where they stand")
    func unknownTags() {
        #expect(Self.bookValue("!custom 5M") == ["t.yaml:4:62: unsupported YAML tag !custom; capdash reads plain values, so remove the tag"])
        #expect(Self.bookValue("!!binary aGVsbG8=") == ["t.yaml:4:62: unsupported YAML tag !!binary; capdash reads plain values, so remove the tag"])
        #expect(Self.bookValue("!<tag:example.com,2000:money> 5M") == [
            "t.yaml:4:62: unsupported YAML tag tag:example.com,2000:money; capdash reads plain values, so remove the tag"
        ])
        #expect(errors("schema: capdash/v1\nname: t\nfacilities: !plants\n  - {id: a}\n") == [
            "t.yaml:3:13: unsupported YAML tag !plants; capdash reads plain values, so remove the tag"
        ])
    }

    @Test("a standard tag on a value it does not fit is refused")
    func misfitTags() {
        #expect(Self.bookValue("!!int 5M") == ["t.yaml:4:62: YAML tag !!int on \"5M\", which is not a whole number; remove the tag or fix the value"])
        #expect(Self.bookValue("!!bool 5") == ["t.yaml:4:62: YAML tag !!bool on \"5\", which is not true or false; remove the tag or fix the value"])
        #expect(Self.bookValue("!!map 5") == ["t.yaml:4:62: YAML tag !!map on a single value \"5\"; remove the tag"])
        #expect(errors("schema: capdash/v1\nname: t\nfacilities: !!map\n  - {id: a}\n") == ["t.yaml:3:13: YAML tag !!map on a list; remove the tag"])
    }

    @Test("the standard tags load where they make sense; !!str keeps a value text")
    func standardTags() throws {
        let scenario = try loadYAML("""
            schema: !!str capdash/v1
            name: !!str 2025
            x-defaults: &defaults {region: US}
            facilities: !!seq
              - !!map {id: a, name: A, !!merge <<: *defaults, capacity_mw: !!int 12, ai_ready: !!bool true, sale_price: !!null ~, book_value: !!float 1.5e6, annual_opex: 1M, annual_capex: 1M, disposition: ! retain}

            """)
        #expect(scenario.name == "2025")
        let facility = try #require(scenario.facilities.first)
        #expect(facility.region == "US")
        #expect(facility.capacityMW == 12)
        #expect(facility.aiReady)
        #expect(facility.salePrice == nil)
        #expect(facility.bookValue == 1.5e6)
        #expect(facility.disposition == .retain)
    }
}
