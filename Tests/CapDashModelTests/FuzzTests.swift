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

/// Saves after another editor changed the file: a seed is loaded, edited at random
/// through LiveScenario (dispositions, stakes, assumptions), its text is mutated as
/// an editor might (facility blocks inserted, deleted, duplicated, swapped, renamed;
/// values changed, some of them the very values edited), and ScenarioSaver.plan is
/// run against the mutated text. Never a crash; an in-place write loads, changes
/// exactly the edited values that did not conflict and keeps every other value as
/// on disk; every edit that did not land is named in `reasons`, and the file beside
/// holds the whole current scenario. CI runs a short deterministic pass; a long one:
///   CAPDASH_SAVE_FUZZ_ITERATIONS=100000 CAPDASH_FUZZ_SEED=7 swift test --filter SaveFuzz
@Suite("Fuzzing saves after external edits")
struct SaveFuzzTests {
    struct Seed {
        var file: String
        var text: String
        var csv: Bool { file.hasSuffix(".csv") }
    }

    /// Every style the saver must patch: block and flow items, comments, quoted names,
    /// a merge key, an anchored value and its alias, a facility with no sale price.
    static let mixed = """
        # A scenario in every style the saver must handle.
        schema: capdash/v1
        name: Save fuzz
        assumptions:
          tax_rate: 0.21   # statutory
          discount_rate: 0.08
          gpu: {unit_capex: 50000, mfu: 0.4}
        x-defaults: &defaults {region: US, book_value: 1M, sale_price: 2M, annual_opex: 1M, annual_capex: 1M, disposition: retain}
        facilities:
          # the flagship
          - id: a
            name: Alpha
            region: US
            capacity_mw: 10
            book_value: 100M
            sale_price: 150M
            annual_opex: 5M
            annual_capex: 2M
            disposition: retain   # under negotiation
          - {id: b, name: Beta, region: EU, capacity_mw: 5, book_value: 1M, sale_price: 2M, annual_opex: 1M, annual_capex: 1M, disposition: divest}
          - id: c
            name: "Gamma: quoted"
            region: EU
            capacity_mw: 7
            book_value: 10M
            sale_price: 30M
            annual_opex: 1M
            annual_capex: 1M
            disposition: contribute
            retained_stake: 0.3
          - id: m1
            name: Merged
            capacity_mw: 1
            <<: *defaults
          - id: owner
            name: Anchor owner
            region: US
            capacity_mw: 2
            book_value: 1M
            sale_price: 2M
            annual_opex: 1M
            annual_capex: 1M
            disposition: &keep retain
          - id: user
            name: Alias user
            region: US
            capacity_mw: 2
            book_value: 1M
            sale_price: 2M
            annual_opex: 1M
            annual_capex: 1M
            disposition: *keep
          - id: nosale
            name: No sale price
            region: US
            capacity_mw: 3
            book_value: 1M
            annual_opex: 1M
            annual_capex: 1M
            disposition: retain

        """

    static func seeds() -> [Seed] {
        var seeds = [Seed(file: "s.yaml", text: ScenarioLoader.builtInExampleText), Seed(file: "s.yaml", text: mixed)]
        for (name, file) in [("merge.yaml", "s.yaml"), ("plants.csv", "s.csv")] {
            let path = FuzzTests.fixtures.appendingPathComponent("fuzz-seeds/" + name).path
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { seeds.append(Seed(file: file, text: text)) }
        }
        return seeds
    }

    /// The file as lines: a head, the facility items (YAML list items from `  - `, or CSV rows), and a tail.
    struct Layout {
        var head: [String] = []
        var items: [[String]] = []
        var tail: [String] = []
        var text: String { (head + items.flatMap { $0 } + tail).joined(separator: "\n") }

        init(_ text: String, csv: Bool) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if csv {
                head = Array(lines.prefix(1))
                for line in lines.dropFirst() {
                    if line.isEmpty { tail.append(line) } else { items.append([line]) }
                }
                return
            }
            guard let start = lines.firstIndex(of: "facilities:") else {
                head = lines
                return
            }
            head = Array(lines[...start])
            var index = start + 1
            while index < lines.count {
                let line = lines[index]
                if line.hasPrefix("  - ") {
                    items.append([line])
                } else if line.isEmpty || line.hasPrefix(" ") || line.hasPrefix("#") {
                    if items.isEmpty { head.append(line) } else { items[items.count - 1].append(line) }
                } else {
                    break
                }
                index += 1
            }
            tail = Array(lines[index...])
        }
    }

    static let words = Disposition.allCases.map(\.rawValue)

    /// A new facility, as the other editor would type it.
    static func newItem(_ id: String, csv: Bool, header: String, _ random: inout SeededRandom) -> [String] {
        let disposition = words.randomElement(using: &random)!
        if csv {
            // Every column the header names, in its order.
            let values = [
                "id": id, "name": "New \(id)", "region": "US", "capacity_mw": "4", "book_value": "1M", "sale_price": "3M",
                "annual_opex": "1M", "annual_capex": "1M", "disposition": disposition,
            ]
            return [header.split(separator: ",", omittingEmptySubsequences: false).map { values[String($0)] ?? "" }.joined(separator: ",")]
        }
        var lines = ["  - id: \(id)", "    name: New \(id)", "    region: US", "    capacity_mw: 4", "    book_value: 1M", "    sale_price: 3M",
            "    annual_opex: 1M", "    annual_capex: 1M", "    disposition: \(disposition)"]
        if disposition == "contribute" && Bool.random(using: &random) { lines.append("    retained_stake: 0.15") }
        return lines
    }

    /// The item's id: after `id: ` in YAML, the first cell in CSV.
    static func id(of item: [String], csv: Bool) -> String? {
        if csv { return item.first?.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) }
        for line in item {
            guard let range = line.range(of: "id: ") else { continue }
            let before = line[..<range.lowerBound].last
            guard before == nil || before == " " || before == "{" || before == "-" else { continue }
            return String(line[range.upperBound...].prefix { $0 != "," && $0 != "}" && $0 != " " })
        }
        return nil
    }

    /// The other editor's changes: one to three of them, some aimed at the facilities just edited.
    static func mutate(_ text: String, csv: Bool, edited: [String], _ random: inout SeededRandom, counter: inout Int) -> String {
        var layout = Layout(text, csv: csv)
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let count = layout.items.count
            let any = count == 0 ? nil : Int.random(in: 0..<count, using: &random)
            // Half the value changes hit an edited facility, so conflicts happen.
            let target: Int? = {
                if Bool.random(using: &random), let id = edited.randomElement(using: &random),
                    let index = layout.items.firstIndex(where: { Self.id(of: $0, csv: csv) == id })
                {
                    return index
                }
                return any
            }()
            switch Int.random(in: 0..<10, using: &random) {
            case 0, 1:
                counter += 1
                let item = newItem("ext-\(counter)", csv: csv, header: layout.head.first ?? "", &random)
                layout.items.insert(item, at: Int.random(in: 0...count, using: &random))
            case 2 where count > 1:
                layout.items.remove(at: target!)
            case 3 where count > 0:
                layout.items.insert(layout.items[any!], at: Int.random(in: 0...count, using: &random))
            case 4 where count > 1:
                layout.items.swapAt(any!, Int.random(in: 0..<count, using: &random))
            case 5 where count > 0:
                // Renamed: the id changes, so the edit's facility is gone.
                if let id = Self.id(of: layout.items[target!], csv: csv) {
                    layout.items[target!] = replacingFirst(in: layout.items[target!], csv ? id + "," : "id: " + id, with: csv ? id + "-renamed," : "id: " + id + "-renamed")
                }
            case 6, 7 where count > 0:
                let word = words.randomElement(using: &random)!
                var item = layout.items[target!]
                for old in words where item != replacingFirst(in: item, csv ? ",\(old)," : "disposition: \(old)", with: csv ? ",\(word)," : "disposition: \(word)") {
                    item = replacingFirst(in: item, csv ? ",\(old)," : "disposition: \(old)", with: csv ? ",\(word)," : "disposition: \(word)")
                    break
                }
                layout.items[target!] = item
            case 8 where count > 0 && !csv:
                let stake = "\(Int.random(in: 0...19, using: &random) * 5)"
                var item = layout.items[target!]
                if let line = item.firstIndex(where: { $0.hasPrefix("    retained_stake: ") }) {
                    item[line] = "    retained_stake: 0.\(stake.count == 1 ? "0" + stake : stake)"
                } else if item.count > 1 {
                    item.insert("    retained_stake: 0.\(stake.count == 1 ? "0" + stake : stake)", at: 1)
                }
                layout.items[target!] = item
            case 9 where !csv:
                let rate = "0.\(Int.random(in: 10...40, using: &random))"
                for (index, line) in layout.head.enumerated() {
                    guard let range = line.range(of: "tax_rate: ") else { continue }
                    let end = line[range.upperBound...].firstIndex { $0 == "," || $0 == " " || $0 == "}" } ?? line.endIndex
                    layout.head[index] = String(line[..<range.upperBound]) + rate + String(line[end...])
                    break
                }
            default:
                break
            }
        }
        return layout.text
    }

    static func replacingFirst(in item: [String], _ old: String, with new: String) -> [String] {
        var item = item
        for (index, line) in item.enumerated() {
            if let range = line.range(of: old) {
                item[index] = line.replacingCharacters(in: range, with: new)
                break
            }
        }
        return item
    }

    /// Assumptions edited through ScenarioEdit.assumptions, with values valid for each.
    static let assumptionSteps: [(AssumptionKey, ClosedRange<Int>, Double)] = [
        (.taxRate, 0...50, 0.01), (.discountRate, 1...15, 0.01), (.transactionCostRate, 0...5, 0.01),
        (.contributeRetainedStake, 1...10, 0.05), (.horizonYears, 1...20, 1),
    ]

    /// One to four edits, as the dashboard makes them.
    static func edit(_ loaded: Scenario, _ random: inout SeededRandom) -> Scenario {
        var live = LiveScenario(loaded)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let scenario = live.scenario
            switch Int.random(in: 0..<3, using: &random) {
            case 0 where !scenario.facilities.isEmpty:
                let index = Int.random(in: 0..<scenario.facilities.count, using: &random)
                let facility = scenario.facilities[index]
                let disposition = Disposition.allCases.randomElement(using: &random)!
                // The dashboard never sells what has no price.
                guard !(disposition.isSold && facility.salePrice == nil) else { continue }
                live.apply(.disposition(facility: index, from: facility.disposition, to: disposition))
            case 1 where !scenario.facilities.isEmpty:
                let index = Int.random(in: 0..<scenario.facilities.count, using: &random)
                let stake: Double? = Int.random(in: 0..<4, using: &random) == 0 ? nil : Double(Int.random(in: 0...19, using: &random)) / 20
                live.apply(.stake(facility: index, from: scenario.facilities[index].retainedStake, to: stake))
            default:
                let (key, steps, step) = assumptionSteps.randomElement(using: &random)!
                var changed = scenario.assumptions
                key.set(Double(Int.random(in: steps, using: &random)) * step, in: &changed)
                live.apply(.assumptions(from: scenario.assumptions, to: changed))
            }
        }
        return live.scenario
    }

    static func load(_ text: String, _ file: String) -> Scenario? {
        try? ScenarioLoader.load(bytes: Array(text.utf8), file: file) { path throws(ScenarioLoadError) in
            throw ScenarioLoadError([.error(file: path, at: nil, "", "no other files in this test")])
        }
    }

    /// Whether a reason names this edit (`f-a's disposition …`, `f-a is no longer …`, `tax_rate changed …`).
    static func named(_ what: String, in reasons: [String]) -> Bool {
        reasons.contains { $0.hasPrefix(what + "'s ") || $0.hasPrefix(what + " ") }
    }

    enum Outcome: Hashable { case inPlace, beside, both, nothing }

    /// Checks one save; returns what it did.
    static func check(loaded: Scenario, current: Scenario, mutatedText: String, file: String, plan: ScenarioSaver.Plan, context: String) -> Outcome {
        let onDisk = load(mutatedText, file)
        let firstLoaded = Dictionary(loaded.facilities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let editedFacilities = current.facilities.filter { now in
            guard let then = firstLoaded[now.id] else { return false }
            return then.disposition != now.disposition || then.retainedStake != now.retainedStake
        }
        let editedKeys = AssumptionKey.allCases.filter { $0.text(in: loaded.assumptions) != $0.text(in: current.assumptions) }

        // The file beside holds the whole current scenario, and says why it exists.
        if let beside = plan.beside {
            #expect(!plan.reasons.isEmpty, "\(context): a file beside with no reason")
            #expect(beside.path == ScenarioSaver.besidePath(for: file))
            if let written = load(beside.text, beside.path) {
                #expect(written.facilities.map(\.id) == current.facilities.map(\.id), "\(context): beside lost or added facilities")
                #expect(ScenarioEdit.edits(from: written, to: current).isEmpty, "\(context): beside differs from the current scenario")
                #expect(written.assumptions == current.assumptions, "\(context): beside has other assumptions")
            } else {
                Issue.record("\(context): the file beside does not load:\n\(beside.text)")
            }
        } else {
            #expect(plan.reasons.isEmpty, "\(context): reasons without a file beside: \(plan.reasons)")
        }

        guard let write = plan.inPlace.first else {
            // Nothing in place: either every edit is already on disk, or the file beside has them, with reasons.
            if plan.beside == nil {
                #expect(onDisk != nil, "\(context): nothing saved, yet the file on disk is invalid")
                let disk = onDisk
                for facility in editedFacilities {
                    let there = disk?.facilities.first { $0.id == facility.id }
                    let then = firstLoaded[facility.id]
                    // Only the values edited: the other editor may have changed the rest.
                    if then?.disposition != facility.disposition {
                        #expect(there?.disposition == facility.disposition, "\(context): \(facility.id)'s disposition is neither on disk nor saved")
                    }
                    if then?.retainedStake != facility.retainedStake {
                        #expect(there?.retainedStake == facility.retainedStake, "\(context): \(facility.id)'s stake is neither on disk nor saved")
                    }
                }
                for key in editedKeys {
                    #expect(disk.map { key.text(in: $0.assumptions) } == key.text(in: current.assumptions),
                        "\(context): \(key.rawValue) is neither on disk nor saved")
                }
                return .nothing
            }
            return .beside
        }
        #expect(plan.inPlace.count == 1 && write.path == file)
        guard let disk = onDisk else {
            Issue.record("\(context): an in-place write over a file that does not load")
            return .inPlace
        }
        guard let saved = load(write.text, file) else {
            Issue.record("\(context): the in-place write does not load:\n\(write.text)")
            return .inPlace
        }
        // Nothing added, removed or moved; every facility as on disk but for the edits that landed.
        #expect(saved.facilities.map(\.id) == disk.facilities.map(\.id), "\(context): in place changed the facility list")
        #expect(saved.name == disk.name && saved.notes == disk.notes && saved.developments.count == disk.developments.count)
        let wanted = Dictionary(current.facilities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (mine, theirs) in zip(saved.facilities, disk.facilities) {
            let now = wanted[theirs.id]
            let then = firstLoaded[theirs.id]
            // Each value: an edited one has the edit, or keeps what is on disk and a reason names it;
            // a value not edited is exactly as on disk.
            func value<Value: Equatable>(_ name: String, _ path: KeyPath<Facility, Value>) {
                guard let now, let then, now[keyPath: path] != then[keyPath: path] else {
                    #expect(mine[keyPath: path] == theirs[keyPath: path],
                        "\(context): \(theirs.id)'s \(name) was not edited, yet saved as \(mine[keyPath: path]) over \(theirs[keyPath: path])")
                    return
                }
                let conflict = theirs[keyPath: path] != then[keyPath: path] && theirs[keyPath: path] != now[keyPath: path]
                // Changed on disk meanwhile: theirs stays, ours is reported. Otherwise ours lands, or is reported.
                if !conflict && mine[keyPath: path] == now[keyPath: path] { return }
                #expect(mine[keyPath: path] == theirs[keyPath: path] && named(theirs.id, in: plan.reasons),
                    "\(context): \(theirs.id)'s \(name) saved as \(mine[keyPath: path]), wanted \(now[keyPath: path]), on disk \(theirs[keyPath: path]), loaded \(then[keyPath: path]); reasons \(plan.reasons)")
                if !conflict {
                    #expect(!plan.reasons.contains { $0.hasPrefix("\(theirs.id)'s \(name) changed on disk") }, "\(context): \(theirs.id) called a conflict")
                }
            }
            value("disposition", \.disposition)
            value("retained_stake", \.retainedStake)
            // Every other field as on disk.
            var rest = mine
            rest.disposition = theirs.disposition
            rest.retainedStake = theirs.retainedStake
            rest.source = theirs.source
            #expect(rest == theirs, "\(context): \(theirs.id) changed beyond its disposition and stake")
        }
        // Edited facilities the file no longer has are reported.
        for facility in editedFacilities where !disk.facilities.contains(where: { $0.id == facility.id }) {
            #expect(named(facility.id, in: plan.reasons), "\(context): \(facility.id) vanished from the file and no reason says so")
        }
        // Assumptions: edited ones take the new value unless they conflict (then reported); the rest stay as on disk.
        for key in AssumptionKey.allCases {
            let mine = key.text(in: saved.assumptions)
            let theirs = key.text(in: disk.assumptions)
            guard editedKeys.contains(key) else {
                #expect(mine == theirs, "\(context): \(key.rawValue) not edited, yet saved as \(mine) over \(theirs)")
                continue
            }
            let now = key.text(in: current.assumptions)
            if mine != now {
                #expect(mine == theirs && named(key.rawValue, in: plan.reasons), "\(context): \(key.rawValue) saved as \(mine), wanted \(now), on disk \(theirs)")
            }
        }
        return plan.beside == nil ? .inPlace : .both
    }

    @Test("random edits saved after random external edits: every in-place write is exactly the edits that landed; the rest is reported and beside")
    func saveAfterExternalEdit() {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["CAPDASH_SAVE_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 300
        let seed = environment["CAPDASH_FUZZ_SEED"].flatMap(UInt64.init) ?? 1
        let seeds = Self.seeds()
        #expect(seeds.count == 4)
        var random = SeededRandom(seed: seed)
        var outcomes: [Outcome: Int] = [:]
        var counter = 0
        for iteration in 0..<iterations {
            let seedFile = seeds[iteration % seeds.count]
            guard let loaded = Self.load(seedFile.text, seedFile.file) else {
                Issue.record("seed \(iteration % seeds.count) does not load")
                continue
            }
            let current = Self.edit(loaded, &random)
            let edited = current.facilities.indices.filter { current.facilities[$0] != loaded.facilities[$0] }.map { current.facilities[$0].id }
            let mutated = Self.mutate(seedFile.text, csv: seedFile.csv, edited: edited, &random, counter: &counter)
            let plan = ScenarioSaver.plan(saving: current, loaded: loaded) { $0 == seedFile.file ? Array(mutated.utf8) : nil }
            let context = "iteration \(iteration) (seed \(seed), \(seedFile.file) #\(iteration % seeds.count))"
            let outcome = Self.check(loaded: loaded, current: current, mutatedText: mutated, file: seedFile.file, plan: plan, context: context)
            outcomes[outcome, default: 0] += 1
        }
        print("save fuzz: \(iterations) saves (seed \(seed)): \(outcomes[.inPlace] ?? 0) in place, \(outcomes[.both] ?? 0) in place and beside, "
            + "\(outcomes[.beside] ?? 0) beside only, \(outcomes[.nothing] ?? 0) with nothing to write")
        if iterations >= 100 {
            #expect((outcomes[.inPlace] ?? 0) > 0 && (outcomes[.beside] ?? 0) > 0 && (outcomes[.both] ?? 0) > 0)
        }
    }
}
