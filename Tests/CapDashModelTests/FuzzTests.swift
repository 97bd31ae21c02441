import Foundation
import Testing
@testable import CapDashModel

/// A seeded mutation fuzzer for the scenario loader and the CSV reader: mutated
/// seeds (Tests/Fixtures/fuzz-seeds and the hostile files) and random bytes.
/// No input may crash it, and every diagnostic must point inside the file.
/// CI runs a short deterministic pass; a long one:
///   CAPDASH_FUZZ_ITERATIONS=200000 CAPDASH_FUZZ_SEED=7 swift test --filter Fuzz
@Suite("Fuzzing the loader")
struct FuzzTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func corpus() -> [(name: String, bytes: [UInt8])] {
        var seeds: [(String, [UInt8])] = []
        for folder in ["fuzz-seeds", "hostile"] {
            let directory = fixtures.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()) ?? []
            for name in names {
                guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
                    data.count < 200_000
                else { continue }
                seeds.append((name, Array(data)))
            }
        }
        return seeds
    }

    /// Bytes that matter to YAML and CSV grammar, and some that do not belong at all.
    static let interesting: [UInt8] = Array(":-[]{}&*!|>'\",#\n\r\t %@`?~0123456789.eE$MBK_".utf8) + [0x00, 0x1B, 0xFF, 0xC3, 0xE2, 0x80]

    static func mutate(_ input: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            case 1: bytes.insert(interesting.randomElement(using: &random)!, at: position)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...16, using: &random))
                bytes.removeSubrange(position..<end)
            case 3:
                // Duplicate a line (a key given twice, an extra row).
                let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                if let line = lines.randomElement(using: &random) { bytes.insert(contentsOf: Array(line) + [0x0A], at: position) }
            case 4: bytes = Array(bytes.prefix(position))
            case 5 where !bytes.isEmpty: bytes[position] = interesting.randomElement(using: &random)!
            case 6: bytes.insert(contentsOf: Array("&a *a <<: ".utf8), at: position)
            default: bytes.insert(contentsOf: Array("\"".utf8), at: position)
            }
        }
        return bytes
    }

    /// One digit or letter changed: mostly still valid, so evaluation is fuzzed too.
    static func lightMutation(_ input: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = input
        let digits = bytes.indices.filter { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
        if let position = digits.randomElement(using: &random) {
            bytes[position] = UInt8.random(in: 0x30...0x39, using: &random)
        }
        return bytes
    }

    /// Each positioned diagnostic must name a line of the file and a column on (or just past) it.
    static func checkPositions(_ error: ScenarioLoadError, _ bytes: [UInt8], _ name: String) {
        var text = bytes
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }
        // Split bytes, not Characters: Swift reads "\r\n" as one Character.
        let lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        #expect(!error.diagnostics.isEmpty)
        for diagnostic in error.diagnostics {
            #expect(!diagnostic.message.isEmpty)
            #expect(!diagnostic.description.contains("\n"), "multi-line diagnostic for \(name)")
            guard let position = diagnostic.position, diagnostic.file == name else { continue }
            #expect(position.line >= 1 && position.line <= lines.count + 1, "\(name): line \(position.line) of \(lines.count)")
            let length = position.line <= lines.count ? lines[position.line - 1].unicodeScalars.count : 0
            #expect(position.column >= 1 && position.column <= length + 2, "\(name): column \(position.column) on a line of \(length)")
        }
    }

    @Test("mutated seeds and random bytes never crash the loader, and errors point inside the file")
    func fuzz() {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["CAPDASH_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 3000
        let seed = environment["CAPDASH_FUZZ_SEED"].flatMap(UInt64.init) ?? 1
        let corpus = Self.corpus()
        #expect(corpus.count >= 20)
        var random = SeededRandom(seed: seed)
        var loaded = 0, rejected = 0
        for iteration in 0..<iterations {
            let input: [UInt8]
            let name: String
            // Every fourth input is one light mutation, so many stay valid and reach evaluation.
            if iteration % 10 == 9 {
                input = (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                name = iteration % 20 == 19 ? "random.csv" : "random.yaml"
            } else {
                let seedFile = corpus[iteration % corpus.count]
                input = iteration % 4 == 0 ? Self.lightMutation(seedFile.bytes, &random) : Self.mutate(seedFile.bytes, &random)
                name = seedFile.name.hasSuffix(".csv") ? "fuzz.csv" : "fuzz.yaml"
            }
            do {
                let scenario = try ScenarioLoader.load(bytes: input, file: name)
                let result = evaluate(scenario)
                #expect(result.counts.facilities == scenario.facilities.count)
                loaded += 1
            } catch {
                Self.checkPositions(error, input, name)
                rejected += 1
            }
        }
        print("fuzz: \(iterations) executions (seed \(seed)): \(loaded) loaded, \(rejected) rejected with positioned errors")
        #expect(loaded + rejected == iterations)
        #expect(loaded > 0 && rejected > 0)
    }
}
