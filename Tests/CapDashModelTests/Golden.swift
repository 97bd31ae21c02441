import CapDashModel
import CapDashReport
import Foundation
import Testing

/// Golden files under Tests/Fixtures/golden: what the loader and the reports
/// produced before the loader was rewritten for speed, compared byte for byte.
/// Regenerate with CAPDASH_UPDATE_GOLDEN=1 swift test, and review the diff like code.
enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let directory = fixtures.appendingPathComponent("golden")
    static let repository = fixtures.deletingLastPathComponent().deletingLastPathComponent()

    static var updating: Bool { ProcessInfo.processInfo.environment["CAPDASH_UPDATE_GOLDEN"] == "1" }

    /// The inputs: every YAML and CSV fixture, the generated portfolios and the repository's scenarios,
    /// each named relative to its root ("portfolios/seed1.csv", "Scenarios/hyperion.yaml").
    static func inputs() -> [(name: String, path: String)] {
        var found: [(String, String)] = []
        for (root, folder) in [(fixtures, "fuzz-seeds"), (fixtures, "hostile"), (fixtures, "portfolios"), (repository, "Scenarios")] {
            let directory = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".csv") {
                found.append((folder + "/" + name, directory.appendingPathComponent(name).path))
            }
        }
        return found
    }

    /// Where an input's file stands: relative names resolve against the fixtures or the repository.
    static func absolute(_ relative: String) -> String {
        relative.hasPrefix("Scenarios/") ? repository.appendingPathComponent(relative).path : fixtures.appendingPathComponent(relative).path
    }

    /// Compares `actual` with the golden file, or writes it when regenerating.
    static func check(_ actual: String, file relative: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(relative)
        if updating {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden file \(relative); run with CAPDASH_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }
        if let first {
            Issue.record(
                "\(relative): line \(first.offset + 1) differs:\n  expected: \(first.element.1)\n  actual:   \(first.element.0)",
                sourceLocation: sourceLocation)
        } else {
            Issue.record("\(relative): \(a.count) lines, golden has \(e.count)", sourceLocation: sourceLocation)
        }
    }

    /// Every value the loader gives a scenario and its facilities, positions included, one line each.
    static func dump(_ scenario: Scenario) -> String {
        func value<T>(_ optional: T?) -> String { optional.map { "\($0)" } ?? "-" }
        func position(_ position: SourcePosition?) -> String { position.map { "\($0.line):\($0.column)" } ?? "-" }
        var lines = [
            "name \(scenario.name)", "file \(value(scenario.file))", "facilities_file \(value(scenario.facilitiesFile))",
            "currency \(scenario.currency) as_of \(value(scenario.asOf)) facilities \(scenario.facilities.count) developments \(scenario.developments.count)",
        ]
        for facility in scenario.facilities {
            let f = facility
            let s = f.source
            let fields: [String] = [
                f.id, f.name, f.region, value(f.country), "\(f.capacityMW)", "\(f.aiReady)", value(f.commissioned),
                "\(f.bookValue)", value(f.salePrice), "\(f.annualOpex)", "\(f.annualCapex)", f.disposition.rawValue,
                value(f.leasebackRent), value(f.retainedStake), value(f.expectedClose), value(f.closeProbability),
                "@\(value(s.file)) \(position(s.item)) sale \(position(s.salePrice)) rent \(position(s.leasebackRent)) disposition \(position(s.disposition)) stake \(position(s.retainedStake))",
            ]
            lines.append(fields.map { $0.debugDescription }.joined(separator: " "))
        }
        for warning in ScenarioWarnings.list(scenario) { lines.append("warning " + warning.description) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The diagnostics of a failed load, one line each.
    static func diagnostics(_ error: ScenarioLoadError) -> String {
        error.diagnostics.map { "\($0.severity.rawValue) \($0.description)" }.joined(separator: "\n") + "\n"
    }

    /// A short fingerprint (FNV-1a, 64 bits) for outcomes too many to keep in full.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
