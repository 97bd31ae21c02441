import Foundation
import Testing

/// The JSON report against an independent implementation of docs/scenario-format.md (sections 3, 6, 7
/// and 8) written in Python from the contract's text alone: Tests/Oracle/oracle.py
/// generates random valid scenarios for fixed seeds (every disposition with and without
/// stakes and rents, own and partner developments, leases starting before, at and after
/// the build's end, p = 0 and 1, no guarantee, zero discount rate, developments-only
/// files, presets with overrides in any key order, explicit alternatives, models without
/// GPU-hours), writes them as YAML with the report it expects, and this test runs the
/// real binary on each, with and without `--partner`, `--own` and `--set` overrides.
@Suite("Oracle: capdash report against Tests/Oracle/oracle.py")
struct OracleTests {
    /// Seed 0 is the hand-written Hyperion-style scenario; the rest are random. Enough
    /// to cover every feature the oracle lists as required (checked below).
    static let seeds = "0-36"

    static let oracle = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Oracle/oracle.py")

    @Test("every figure of every generated case matches the oracle (numbers to 1e-9, strings and counts exactly)")
    func reportsMatchTheOracle() throws {
        guard let python = Self.python3() else {
            Issue.record("python3 is not on PATH, so the oracle comparison (Tests/Oracle/oracle.py) did not run")
            return
        }
        let scratch = try Scratch()
        let generated = try Self.launch(python, [Self.oracle.path, "cases", "--out", scratch.path, "--seeds", Self.seeds])
        guard generated.status == 0 else {
            Issue.record("oracle.py cases failed (\(generated.status)): \(generated.stderr)")
            return
        }
        let manifest = try JSONDecoder().decode(
            Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: scratch.path + "/manifest.json")))
        let uncovered = Set(manifest.required).subtracting(manifest.covered).sorted()
        #expect(uncovered.isEmpty, "the seeds no longer cover: \(uncovered.joined(separator: ", "))")

        // Two at a time: the machine is shared, and each run is a process of its own.
        let cases = manifest.cases
        let lock = NSLock()
        nonisolated(unsafe) var differences = [String?](repeating: nil, count: cases.count)
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            for index in stride(from: lane, to: cases.count, by: 2) {
                let difference = Self.difference(cases[index])
                lock.withLock { differences[index] = difference }
            }
        }
        for (index, difference) in differences.enumerated() {
            if let difference {
                let item = cases[index]
                Issue.record("\(item.name) \(item.arguments.joined(separator: " ")): \(difference)")
            }
        }
        #expect(cases.count >= 70)
    }

    /// The first way capdash's report of one case differs from the oracle's, or nil.
    static func difference(_ item: Manifest.Case) -> String? {
        let result: CLIResult
        do {
            result = try CLI.run(["report", item.file, "--format", "json"] + item.arguments)
        } catch {
            return "could not run capdash: \(error)"
        }
        guard result.status == 0 else { return "capdash exited \(result.status): \(result.stderr)" }
        guard case .object(var actual) = (try? JSONDecoder().decode(JSON.self, from: Data(result.stdout.utf8))) ?? .null else {
            return "the report is not a JSON object: \(result.stdout.prefix(200))"
        }
        let warnings = actual.removeValue(forKey: "warnings")
        if let difference = compare(item.expected, .object(actual), path: "", integers: Set(item.integers), scale: 0) {
            return difference
        }
        return compareWarnings(item.warnings, warnings)
    }

    /// Walks both documents in step: the same keys, the same lengths, strings, booleans,
    /// nulls and counts exactly, other numbers to a relative 1e-9. In `finance` and each
    /// development, sums can cancel, so a difference within 1e-12 of the largest sibling
    /// figure passes too.
    static func compare(_ expected: JSON, _ actual: JSON, path: String, integers: Set<String>, scale: Double) -> String? {
        switch (expected, actual) {
        case (.object(let e), .object(let a)):
            guard Set(e.keys) == Set(a.keys) else {
                let missing = Set(e.keys).subtracting(a.keys).sorted(), extra = Set(a.keys).subtracting(e.keys).sorted()
                return "\(path.isEmpty ? "report" : path): keys differ: missing \(missing), unexpected \(extra)"
            }
            var siblings = 0.0
            if path.hasPrefix("finance") || path.hasPrefix("developments[") {
                siblings = e.values.compactMap { if case .number(let value) = $0 { abs(value) } else { nil } }.max() ?? 0
            }
            for key in e.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let difference = compare(e[key]!, a[key]!, path: child, integers: integers, scale: siblings) {
                    return difference
                }
            }
            return nil
        case (.array(let e), .array(let a)):
            guard e.count == a.count else { return "\(path): expected \(e.count) elements, found \(a.count): \(actual)" }
            for (index, (x, y)) in zip(e, a).enumerated() {
                if let difference = compare(x, y, path: "\(path)[\(index)]", integers: integers, scale: scale) {
                    return difference
                }
            }
            return nil
        case (.number(let e), .number(let a)):
            if integers.contains(path) {
                return e == a ? nil : "\(path): expected exactly \(e), found \(a)"
            }
            let gap = abs(e - a)
            return gap <= 1e-9 * max(abs(e), abs(a)) || gap <= 1e-12 * scale
                ? nil : "\(path): expected \(e), found \(a) (relative difference \(gap / max(abs(e), abs(a))))"
        default:
            return expected == actual ? nil : "\(path): expected \(expected), found \(actual)"
        }
    }

    /// Warnings carry positions and formatted money the contract does not fix, so each is
    /// checked for its key path and the id it is about, in order.
    static func compareWarnings(_ expected: [Manifest.Warning], _ actual: JSON?) -> String? {
        guard case .array(let items) = actual ?? .null else { return "warnings: expected a list, found \(String(describing: actual))" }
        let texts = items.map { if case .string(let text) = $0 { text } else { "\($0)" } }
        guard texts.count == expected.count else {
            return "warnings: expected \(expected.count) (\(expected.map(\.path))), found \(texts.count): \(texts)"
        }
        for (index, (e, a)) in zip(expected, texts).enumerated() where !(a.contains(": \(e.path): ") && a.contains(e.mentions)) {
            return "warnings[\(index)]: expected \(e.path) about \(e.mentions), found \(a)"
        }
        return nil
    }

    // MARK: Running python3

    static func python3() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static func launch(_ executable: URL, _ arguments: [String]) throws -> CLIResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// What oracle.py writes: every case with its expected report.
struct Manifest: Decodable {
    struct Case: Decodable {
        var name: String
        var file: String
        var arguments: [String]
        var expected: JSON
        /// Key paths of counts and floors (`counts.facilities`, `training.gpus_fundable`).
        var integers: [String]
        var warnings: [Warning]
    }

    struct Warning: Decodable {
        var path: String
        var mentions: String
    }

    var cases: [Case]
    var covered: [String]
    var required: [String]
}

/// Any JSON value; numbers as doubles (counts are checked as exact doubles).
indirect enum JSON: Decodable, Equatable, CustomStringConvertible {
    case null, bool(Bool), number(Double), string(String), array([JSON]), object([String: JSON])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSON].self))
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let values): "[\(values.map(\.description).joined(separator: ", "))]"
        case .object(let values): "{\(values.keys.sorted().map { "\($0): \(values[$0]!)" }.joined(separator: ", "))}"
        }
    }
}
