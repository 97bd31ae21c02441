import Foundation
import Testing

/// `capdash check` and `capdash report` on every fixture, generated portfolio and
/// example scenario print what they printed before the fast loader: the goldens
/// under Tests/Fixtures/golden (the JSON and text reports are the in-process
/// tests' own files). Regenerate with CAPDASH_UPDATE_GOLDEN=1 swift test.
@Suite("Command output identity with the goldens")
struct GoldenOutputTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let repository = fixtures.deletingLastPathComponent().deletingLastPathComponent()
    static let golden = fixtures.appendingPathComponent("golden")

    /// Inputs named as the goldens name them, and the folder a command runs in to see them so.
    static func inputs() -> [(name: String, directory: String)] {
        var found: [(String, String)] = []
        for (root, folder) in [(fixtures, "fuzz-seeds"), (fixtures, "hostile"), (fixtures, "portfolios"), (repository, "Scenarios")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".csv") {
                found.append((folder + "/" + name, root.path))
            }
        }
        return found
    }

    static func check(_ actual: String, file relative: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = golden.appendingPathComponent(relative)
        if ProcessInfo.processInfo.environment["CAPDASH_UPDATE_GOLDEN"] == "1" {
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
        if let first = zip(a, e).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record(
                "\(relative): line \(first.offset + 1) differs:\n  expected: \(first.element.1)\n  actual:   \(first.element.0)",
                sourceLocation: sourceLocation)
        } else {
            Issue.record("\(relative): \(a.count) lines, golden has \(e.count)", sourceLocation: sourceLocation)
        }
    }

    /// As LoaderIdentityTests keeps a report over a megabyte: its start and a fingerprint (FNV-1a).
    static func bounded(_ report: String) -> String {
        guard report.utf8.count > 1_000_000 else { return report }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in report.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        let fingerprint = String(repeating: "0", count: 16 - hex.count) + hex
        return String(decoding: report.utf8.prefix(2000), as: UTF8.self) + "\n… \(report.utf8.count) bytes in all, fingerprint \(fingerprint)\n"
    }

    @Test("check prints the same lines and exits the same; report writes the golden JSON and text", arguments: inputs().map(\.name))
    func output(name: String) throws {
        let directory = Self.inputs().first { $0.name == name }!.directory
        let check = try CLI.run(["check", name], in: directory)
        Self.check("exit \(check.status)\n--- stdout\n\(check.stdout)--- stderr\n\(check.stderr)", file: name + ".check.txt")
        guard check.status == 0 else { return }
        // Only the in-process goldens are written when regenerating: they are the reference.
        guard ProcessInfo.processInfo.environment["CAPDASH_UPDATE_GOLDEN"] != "1" else { return }
        let json = try CLI.run(["report", "--format", "json", name], in: directory)
        #expect(json.status == 0)
        Self.check(Self.bounded(json.stdout), file: name + ".json")
        let text = try CLI.run(["report", name], in: directory)
        Self.check(Self.bounded(text.stdout), file: name + ".txt")
    }
}
