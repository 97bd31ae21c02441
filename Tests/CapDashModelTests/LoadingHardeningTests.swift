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
        #expect(found.first == "t.yaml:3:1: \\x1b[31m\\u{202e}key: unknown key; expected one of schema, name, currency, notes, assumptions, facilities, sensitivity, as_of, facilities_csv")
    }
}
