import CapDashModel
import CapDashReport
import Foundation
import Testing

/// The loader may get faster, never different: every fixture and generated
/// portfolio loads to the same values, positions, warnings and reports, and
/// every broken file to the same diagnostics, as the goldens recorded before
/// the fast loader (Tests/Fixtures/golden).
@Suite("Loader identity with the goldens")
struct LoaderIdentityTests {
    /// Loads as `capdash` would from the fixtures folder, with file names as relative as the goldens'.
    static func load(_ name: String) -> Result<Scenario, ScenarioLoadError> {
        let bytes = Array(FileManager.default.contents(atPath: Golden.absolute(name)) ?? Data())
        return Result { () throws(ScenarioLoadError) in
            try ScenarioLoader.load(bytes: bytes, file: name) { path throws(ScenarioLoadError) in
                try SourceFile.readText(path: Golden.absolute(path), displayName: path)
            }
        }
    }

    /// A big dump is kept as its first lines and a fingerprint of the whole.
    static func shortened(_ dump: String) -> String {
        let lines = dump.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 60 else { return dump }
        return lines.prefix(30).joined(separator: "\n") + "\n… \(lines.count - 1) lines in all, fingerprint \(Golden.fingerprint(dump))\n"
    }

    /// A report over 20 KB kept as its start and a fingerprint of the whole.
    static func fingerprinted(_ report: String) -> String {
        guard report.utf8.count > 20_000 else { return report }
        return String(decoding: report.utf8.prefix(2000), as: UTF8.self) + "\n… \(report.utf8.count) bytes in all, fingerprint \(Golden.fingerprint(report))\n"
    }

    /// A report over a megabyte (long-line.yaml's) is kept as its start and a fingerprint.
    static func bounded(_ report: String) -> String {
        guard report.utf8.count > 1_000_000 else { return report }
        return String(decoding: report.utf8.prefix(2000), as: UTF8.self) + "\n… \(report.utf8.count) bytes in all, fingerprint \(Golden.fingerprint(report))\n"
    }

    @Test("each fixture: the same scenario, JSON and text report, or the same diagnostics", arguments: Golden.inputs().map(\.name))
    func fixture(name: String) {
        switch Self.load(name) {
        case .success(let scenario):
            let evaluation = evaluate(scenario)
            Golden.check(Self.bounded(JSONReport.render(scenario, evaluation)), file: name + ".json")
            Golden.check(Self.bounded(TextReport.render(scenario, evaluation)), file: name + ".txt")
            Golden.check(Self.shortened(Golden.dump(scenario)), file: name + ".loaded.txt")
            // Added after the CSV and markdown writers were rewritten, from output checked byte for byte
            // against the first commit's binary on every fixture: kept short, with a fingerprint.
            Golden.check(Self.fingerprinted(CSVReport.render(scenario)), file: name + ".report.csv")
            Golden.check(Self.fingerprinted(MarkdownReport.render(scenario, evaluation)), file: name + ".md")
        case .failure(let error):
            Golden.check(Golden.diagnostics(error), file: name + ".diagnostics.txt")
        }
    }

    /// One outcome per line: the diagnostics' first line and a fingerprint of them all,
    /// or the facility count and a fingerprint of everything loaded (values, positions, warnings).
    static func outcome(_ bytes: [UInt8], name: String) -> String {
        do {
            let scenario = try ScenarioLoader.load(bytes: bytes, file: name)
            return "loaded \(scenario.facilities.count) \(Golden.fingerprint(Golden.dump(scenario)))"
        } catch {
            let text = Golden.diagnostics(error)
            let first = text.prefix { $0 != "\n" }.prefix(160)
            return "rejected \(error.diagnostics.count) \(Golden.fingerprint(text)) \(first)"
        }
    }

    /// Uses FuzzTests' own mutations: a change there changes these inputs, and the golden must be
    /// regenerated from code known to load as before (the first commit of branch perf, say).
    @Test("the fuzzer's inputs (seeds and hostile files, mutated): the same outcome each")
    func fuzzOutcomes() {
        let corpus = FuzzTests.corpus()
        var random = SeededRandom(seed: 1)
        var lines: [String] = []
        for iteration in 0..<2000 {
            let seedFile = corpus[iteration % corpus.count]
            let input = iteration % 4 == 0 ? FuzzTests.lightMutation(seedFile.bytes, &random) : FuzzTests.mutate(seedFile.bytes, &random)
            let name = seedFile.name.hasSuffix(".csv") ? "fuzz.csv" : "fuzz.yaml"
            lines.append("\(iteration) \(seedFile.name): " + Self.outcome(input, name: name))
        }
        Golden.check(lines.joined(separator: "\n") + "\n", file: "fuzz-outcomes.txt")
    }

    // MARK: CSV mutations

    /// Small CSVs in the shapes the fast loader must read exactly as the checking one.
    static func csvSeeds() -> [(name: String, text: String)] {
        func head(_ name: String, _ lines: Int) -> String {
            let bytes = Array(FileManager.default.contents(atPath: Golden.absolute(name)) ?? Data())
            let kept = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(lines)
            return String(decoding: Array(kept.joined(separator: [0x0A])), as: UTF8.self) + "\n"
        }
        let plants = String(decoding: FileManager.default.contents(atPath: Golden.absolute("fuzz-seeds/plants.csv")) ?? Data(), as: UTF8.self)
        return [
            ("seed1", head("portfolios/seed1.csv", 25)),
            ("mixed", head("portfolios/seed2-mixed.csv", 30)),
            ("plants", plants),
            ("reordered", """
                disposition,sale_price,id,region,name,capacity_mw,book_value,annual_opex,annual_capex,retained_stake
                retain,10M,a-1,US,Alpha,1,9M,1M,1M,
                contribute,20M,a-2,EU,Beta,2,18M,2M,1M,0.25
                divest,30M,a-3,APAC,Gamma,3,35M,3M,1M,
                leaseback,40M,a-4,US,Delta,4,30M,3M,1M,0.1

                """),
        ]
    }

    /// Cell values at the edges of the format: spellings of numbers, money, booleans,
    /// dispositions, dates and text, valid and not.
    static let cellValues: [String] = [
        "", " ", "\"\"", "\" \"", "\"  x  \"", "0", "-0", "+5", "-5", "1.", ".5", "5.e3", "1e-400", "1e400", "1E3", "1e+2",
        "0x10", "1_000", "1__0", "_1", "1_", "1,000", "1,00", "12,345,678", "$5M", "-$5M", "$-5M", "5m", "5MM", "5 M", "1.2B",
        "3t", "4k", "2.5K", "nan", "-inf", ".inf", "Infinity", "NaN", "TRUE", "Yes", "on", "Off", "no", "2", "1", "Retain",
        "DIVEST", " leaseback ", "contribute", "sell", "lease-back", "2025-02-29", "2024-02-29", "+202-01-01", "2025-1-01",
        "2025-12-31", "2025-13-01", "é", "São Paulo 7", "🚀", "\"a,b\"", "\"x\"\"y\"", "\"a\nb\"", "\"a\r\nb\"",
        "9007199254740993", "0.1", "123456789012345678901234567890", "1e22", "1e23", "4.35", "1e-5",
        "0.30000000000000004", "2200", "1799", "2000.5", "2000.0", "\t7\t", "  \"quoted\" ", "x\"y", "\"open",
        "\"closed\" tail", "0.999999999999999999", "1.0000000000000002", "18446744073709551616", "00012", "-0.0",
        "0.0000001", "1e-7", "99999999999999999999e-10", "a-b.c_d", "id with space", String(repeating: "x", count: 65),
        "Ωmega", "\u{7F}", "\u{1B}[31m", "ＵＳ",
    ]

    /// Spellings each column accepts (mostly), so many mutated files still load and the
    /// values, not only the errors, are compared.
    static let validValues: [String: [String]] = [
        "money": [
            "$5M", "1,000", "12,345,678", "1.2B", "4k", "2.5K", "3t", " 7 ", "\"12\"", "5e3", "1E3", "0", "-0", "1_000", ".5", "1.",
            "+5", "9007199254740993", "0.1", "4.35", "1e22", "1e23", "0.30000000000000004", "123456789012345678901234567890",
            "1e-7", "0.0000001", "00012", "-0.0", "18446744073709551616", "99999999999999999999e-10", "1.0000000000000002",
            "\t7\t", "\" $1,250,000.50 \"", "999999999999999.9", "1234567890123456789", "0.000000000000000000001",
        ],
        "number": ["0", "-0", "1.", ".5", "2.75", "1e2", "1_000", "400", "0.1", "\" 3 \"", "12345678901234567890", "4.35", "1e-7"],
        "fraction": ["0", "1", "0.5", ".25", "1e-1", "0.999999999999999999", "\"0.8\"", " 0.3 ", "-0", "1.0"],
        "stake": ["0", "0.5", ".25", "2e-1", "0.9999", "\"0.2\"", " 0.35 ", "-0"],
        "year": ["2020", "1800", "2200", "2000.0", "2e3", "\"1999\"", " 2010 ", "2_001"],
        "bool": ["true", "false", "TRUE", "Yes", "no", "on", "Off", "1", "0", "\" true \"", "\"\""],
        "disposition": ["retain", "Retain", "DIVEST", " leaseback ", "contribute", "\"divest\"", "Leaseback"],
        "date": ["2025-12-31", "2024-02-29", "+202-01-01", "2026-01-01", "\"2027-06-30\"", "0001-01-01"],
        "text": [
            "é", "São Paulo 7", "🚀", "\"a,b\"", "\"x\"\"y\"", "\"a\nb\"", "\"a\r\nb\"", "Ωmega", "ＵＳ", "  padded  ", "\"  x  \"",
            "\t tabbed\t", "x y z", "\"\u{1B}[31m\"", "a\u{7F}b", "\"trailing \"", "d\u{301}", "\u{FEFF}x",
        ],
        "id": ["a-b.c_d", "X", "\"quoted-id\"", " spaced ", String(repeating: "x", count: 64), "0"],
    ]

    static func kind(ofColumn name: String) -> String {
        switch name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "book_value", "sale_price", "annual_opex", "annual_capex", "leaseback_rent": "money"
        case "capacity_mw": "number"
        case "close_probability": "fraction"
        case "retained_stake": "stake"
        case "commissioned": "year"
        case "ai_ready": "bool"
        case "disposition": "disposition"
        case "expected_close": "date"
        case "id": "id"
        default: "text"
        }
    }

    /// Lines split on LF alone (a String splits "\r\n" as one character), so CR stays part of its line.
    static func lines(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }

    static func cells(_ line: String) -> [String] {
        line.unicodeScalars.split(separator: ",", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }

    static func mutateCSV(_ text: String, _ random: inout SeededRandom) -> String {
        var lines = Self.lines(text)
        let header = cells(lines[0].replacingOccurrences(of: "\u{FEFF}", with: ""))
        let row = Int.random(in: 0..<max(1, lines.count - 1), using: &random)
        switch Int.random(in: 0..<16, using: &random) {
        case 0...9:
            // One cell replaced: mostly a spelling its column accepts, else anything.
            // (Lines split simply: a quoted cell may be cut, which is a mutation too.)
            let dataRow = max(1, row)
            guard dataRow < lines.count else { return text }
            var cells = Self.cells(lines[dataRow])
            guard !cells.isEmpty else { return text }
            let column = Int.random(in: 0..<cells.count, using: &random)
            let kind = column < header.count ? Self.kind(ofColumn: header[column]) : "text"
            cells[column] = Int.random(in: 0..<10, using: &random) < 7
                ? validValues[kind]!.randomElement(using: &random)! : cellValues.randomElement(using: &random)!
            lines[dataRow] = cells.joined(separator: ",")
        case 10:
            // A repeated row: duplicate ids, or a duplicate header.
            lines.insert(lines[row], at: min(lines.count, row + Int.random(in: 1...3, using: &random)))
        case 11:
            var renamed = header
            let column = Int.random(in: 0..<header.count, using: &random)
            renamed[column] = ["ID", " id ", "Sale_Price", "price", "\"name\"", "", header[0], "disposition "].randomElement(using: &random)!
            lines[0] = renamed.joined(separator: ",")
        case 12:
            lines.insert(["", "\r", " ", ",,,", "\u{FEFF}"].randomElement(using: &random)!, at: Int.random(in: 0...lines.count, using: &random))
        case 13:
            // Line ends: CRLF, a lone CR, or no final line break.
            switch Int.random(in: 0..<3, using: &random) {
            case 0: return lines.joined(separator: "\r\n")
            case 1: lines[row] += "\r"
            default: return lines.joined(separator: "\n").trimmingCharacters(in: .newlines)
            }
        case 14:
            // A column removed from one row, or one added.
            var cells = Self.cells(lines[row])
            if Bool.random(using: &random), !cells.isEmpty { cells.removeLast() } else { cells.append("extra") }
            lines[row] = cells.joined(separator: ",")
        default:
            return "\u{FEFF}" + lines.joined(separator: "\n")
        }
        return lines.joined(separator: "\n")
    }

    @Test("mutated CSVs: the same facilities, positions and warnings, or the same diagnostics, as before")
    func csvMutations() {
        let seeds = Self.csvSeeds()
        var random = SeededRandom(seed: 7)
        var lines: [String] = []
        for (name, text) in seeds { lines.append("\(name): " + Self.outcome(Array(text.utf8), name: "m.csv")) }
        for iteration in 0..<2500 {
            let seed = seeds[iteration % seeds.count]
            var text = seed.text
            for _ in 0..<(iteration % 3 == 2 ? 3 : 1) { text = Self.mutateCSV(text, &random) }
            var bytes = Array(text.utf8)
            // Some byte-level damage too, as the general fuzzer does.
            if iteration % 10 == 9 { bytes = FuzzTests.mutate(bytes, &random) }
            lines.append("\(iteration) \(seed.name): " + Self.outcome(bytes, name: "m.csv"))
        }
        Golden.check(lines.joined(separator: "\n") + "\n", file: "csv-mutations.txt")
    }
}
