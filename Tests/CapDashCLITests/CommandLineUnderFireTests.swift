import Foundation
import Testing

/// The command line under fire: sums past a double's range, and thousands of bad ids.
@Suite("The command line under fire", .serialized)
struct CommandLineUnderFireTests {
    /// Four facilities (two divested, a leaseback, a contribution), all AI-ready, with `field` at 1e308 on each:
    /// any sum of two overflows a double.
    static func overflowing(_ field: String) -> String {
        var text = "schema: capdash/v1\nname: Overflow\nfacilities:\n"
        for (index, disposition) in ["divest", "divest", "leaseback", "contribute"].enumerated() {
            var values = ["capacity_mw": "10", "book_value": "100M", "sale_price": "150M", "annual_opex": "5M", "annual_capex": "2M"]
            values[field] = "1e308"
            text += "  - id: f-\(index)\n    name: F\(index)\n    region: US\n    ai_ready: true\n"
            for key in ["capacity_mw", "book_value", "sale_price", "annual_opex", "annual_capex"] { text += "    \(key): \(values[key]!)\n" }
            text += "    disposition: \(disposition)\n"
        }
        return text
    }

    /// Which figures each overflow leaves unknown: they must be null in JSON (never 0) and n/a or overflow in text.
    static let unknown: [(field: String, finance: [String], training: [String])] = [
        ("sale_price", ["gross_proceeds", "tax", "capex_freed"], ["gpus_fundable", "power_needed_mw", "gpu_hours_per_year"]),
        ("book_value", ["gain_on_sale", "tax", "capex_freed"], ["gpus_fundable", "power_needed_mw", "gpu_hours_per_year"]),
        ("annual_capex", ["avoided_capex_pv", "capex_freed"], ["gpus_fundable", "power_needed_mw", "gpu_hours_per_year"]),
    ]

    /// The text report's label for a JSON figure.
    static let labels = [
        "gross_proceeds": "Gross proceeds", "gain_on_sale": "Gain on sale", "tax": "Tax", "capex_freed": "Capex freed",
        "avoided_capex_pv": "Avoided capex PV", "gpus_fundable": "GPUs fundable", "power_needed_mw": "Power needed",
        "gpu_hours_per_year": "GPU-hours per year",
    ]

    @Test("sums past a double's range: the JSON report has null (not 0) for the unknown figures, the text report n/a or overflow",
        arguments: unknown.map(\.field))
    func overflow(field: String) throws {
        let expected = try #require(Self.unknown.first { $0.field == field })
        let scratch = try Scratch()
        let file = try scratch.write("over.yaml", Self.overflowing(field))
        let json = try CLI.run(["report", file, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let finance = try #require(report["finance"] as? [String: Any])
        let training = try #require(report["training"] as? [String: Any])
        for (section, keys, values) in [("finance", expected.finance, finance), ("training", expected.training, training)] {
            for key in keys {
                #expect(values[key] is NSNull, "\(field): \(section).\(key) is \(values[key] ?? "missing"), not null")
            }
        }
        let text = try CLI.run(["report", file])
        #expect(text.status == 0)
        for key in expected.finance + expected.training {
            let label = try #require(Self.labels[key])
            let line = text.stdout.split(separator: "\n").first { $0.hasPrefix("  \(label) ") }.map(String.init) ?? ""
            #expect(line.contains("n/a") || line.contains("overflow"), "\(field): text report line for \(label): \(line)")
            #expect(!line.contains(" 0 ") && !line.contains("$0 "), "\(field): \(line)")
        }
    }

    /// A CSV portfolio of `count` facilities: enough that a pass over every id per unknown id would show.
    static func portfolio(_ count: Int) -> String {
        var text = "id,name,region,capacity_mw,book_value,sale_price,annual_opex,annual_capex,disposition\n"
        for index in 0..<count { text += "site-\(index),Site \(index),US,10,100M,150M,5M,2M,retain\n" }
        return text
    }

    @Test("--divest with 10,000 unknown ids: 200 error lines and one saying how many more, in the time 200 take")
    func manyUnknownIDs() throws {
        let scratch = try Scratch()
        let file = try scratch.write("plants.csv", Self.portfolio(1000))
        func divest(_ count: Int) throws -> (CLIResult, TimeInterval) {
            let ids = (0..<count).map { "nope-\($0)" }.joined(separator: ",")
            let start = Date()
            let result = try CLI.run(["report", file, "--divest", ids])
            return (result, Date().timeIntervalSince(start))
        }
        let (few, fewTime) = try divest(200)
        #expect(few.status == 2)
        #expect(few.stderrLines.count == 200)
        let (many, manyTime) = try divest(10_000)
        #expect(many.status == 2)
        #expect(many.stdout.isEmpty)
        let lines = many.stderrLines
        #expect(lines.count == 201)
        #expect(lines.first == "capdash: --divest: unknown facility id \"nope-0\"")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("capdash: --divest: unknown facility id \"nope-") })
        #expect(lines.last == "capdash: and 9800 more problems with the command line; fix these first")
        // The 9,800 beyond the first 200 get no "did you mean" pass over the 1,000 ids: had they, this
        // would take about fifty times as long as 200 ids do.
        #expect(manyTime < fewTime * 3 + 2, "200 ids took \(fewTime) s, 10,000 took \(manyTime) s")
    }
}
