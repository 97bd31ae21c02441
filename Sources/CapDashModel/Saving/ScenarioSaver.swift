/// Saving an edited scenario without losing anything: values change in place
/// in the original file (comments, key order and formatting kept); when that
/// cannot be done safely, the whole scenario goes to `NAME.capdash.yaml` beside it.
public enum ScenarioSaver {
    public struct FileWrite: Sendable, Equatable {
        public var path: String
        public var text: String
    }

    public enum Plan: Sendable, Equatable {
        /// Every change fits in place: rewrite these files.
        case inPlace([FileWrite])
        /// Written beside the original, which stays untouched; `reason` says why.
        case beside(FileWrite, reason: String)
    }

    /// What to write to save `current`, loaded as `loaded`; `read` gives a file's bytes as now on disk.
    public static func plan(saving current: Scenario, loaded: Scenario, read: (String) -> [UInt8]?) -> Plan {
        func beside(_ reason: String) -> Plan {
            .beside(FileWrite(path: besidePath(for: loaded.file), text: ScenarioYAMLWriter.write(current)), reason: reason)
        }
        guard let scenarioFile = loaded.file else { return beside("the built-in example is never overwritten") }
        guard loaded.facilities.count == current.facilities.count else { return beside("facilities were added or removed") }

        var patches: [String: [Patch]] = [:]
        for key in AssumptionKey.allCases where key.text(in: current.assumptions) != key.text(in: loaded.assumptions) {
            guard loaded.facilitiesFile != scenarioFile, let position = loaded.assumptionPositions[key] else {
                return beside("\(key.rawValue) is not in the file, so it cannot be changed in place")
            }
            patches[scenarioFile, default: []].append(
                Patch(position: position, expected: key.text(in: loaded.assumptions), replacement: key.yamlText(in: current.assumptions), kind: .assumption(key)))
        }
        for (old, new) in zip(loaded.facilities, current.facilities) where old.retainedStake != new.retainedStake {
            guard let file = old.source.file, let position = old.source.retainedStake, let stake = new.retainedStake else {
                return beside("\(old.id)'s retained_stake is not in the file, so it cannot be changed in place")
            }
            patches[file, default: []].append(
                Patch(position: position, expected: old.retainedStake.map(Numbers.plain) ?? "", replacement: Numbers.plain(stake), kind: .stake))
        }
        for (old, new) in zip(loaded.facilities, current.facilities) where old.disposition != new.disposition {
            guard let file = old.source.file, let position = old.source.disposition else {
                return beside("\(old.id) has no disposition position to edit")
            }
            patches[file, default: []].append(
                Patch(position: position, expected: old.disposition.rawValue, replacement: new.disposition.rawValue, kind: .disposition))
        }

        var writes: [FileWrite] = []
        for (file, filePatches) in patches.sorted(by: { $0.key < $1.key }) {
            guard let bytes = read(file) else { return beside("\(file) can no longer be read") }
            guard let text = apply(filePatches, to: bytes, csv: file == loaded.facilitiesFile) else {
                return beside("\(file) changed on disk since it was loaded")
            }
            writes.append(FileWrite(path: file, text: text))
        }
        return .inPlace(writes)
    }

    /// `plants.yaml` -> `plants.capdash.yaml` beside it; the built-in example -> `./example.capdash.yaml`.
    public static func besidePath(for file: String?) -> String {
        guard let file else { return "example.capdash.yaml" }
        let directory = file.lastIndex(of: "/").map { String(file[...$0]) } ?? ""
        return directory + ScenarioLoader.baseName(file) + ".capdash.yaml"
    }

    struct Patch {
        enum Kind {
            case assumption(AssumptionKey)
            case disposition
            case stake
        }

        var position: SourcePosition
        var expected: String
        var replacement: String
        var kind: Kind
    }

    /// The text with every patch applied, or nil if a value is not where and what it was at load.
    static func apply(_ patches: [Patch], to bytes: [UInt8], csv: Bool) -> String? {
        var result = bytes
        let lineStarts = lineStartOffsets(bytes)
        let located = patches.compactMap { patch -> (Range<Int>, Patch)? in
            guard let start = offset(of: patch.position, in: bytes, lineStarts: lineStarts),
                let range = tokenRange(at: start, in: bytes, csv: csv, matching: patch)
            else { return nil }
            return (range, patch)
        }
        guard located.count == patches.count else { return nil }
        for (range, patch) in located.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            result.replaceSubrange(range, with: Array(patch.replacement.utf8))
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func lineStartOffsets(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        return starts
    }

    static func offset(of position: SourcePosition, in bytes: [UInt8], lineStarts: [Int]) -> Int? {
        guard position.line >= 1, position.line <= lineStarts.count else { return nil }
        var index = lineStarts[position.line - 1]
        var column = 1
        while column < position.column {
            guard index < bytes.count, bytes[index] != 0x0A else { return nil }
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return index
    }

    /// The extent of the value starting at `start`, checked to still hold the loaded value.
    static func tokenRange(at start: Int, in bytes: [UInt8], csv: Bool, matching patch: Patch) -> Range<Int>? {
        guard start < bytes.count else { return nil }
        let quote = bytes[start]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            var index = start + 1
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") && !csv {
                    index += 2
                    continue
                }
                if bytes[index] == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote, quote == UInt8(ascii: "'") || csv {
                        index += 2
                        continue
                    }
                    let inner = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
                    return holds(inner, patch) ? start..<(index + 1) : nil
                }
                index += 1
            }
            return nil
        }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D {
            if csv && bytes[end] == UInt8(ascii: ",") { break }
            if bytes[end] == UInt8(ascii: "#"), end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { break }
            end += 1
        }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        // Block context reads to the line's end; in a flow mapping the value stops at , } or ].
        if holds(String(decoding: bytes[start..<end], as: UTF8.self), patch) { return start..<end }
        if let stop = bytes[start..<end].firstIndex(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "]") }) {
            var trimmed = stop
            while trimmed > start, bytes[trimmed - 1] == 0x20 { trimmed -= 1 }
            if holds(String(decoding: bytes[start..<trimmed], as: UTF8.self), patch) { return start..<trimmed }
        }
        return nil
    }

    /// Whether the text in the file still means the value loaded from it.
    private static func holds(_ text: String, _ patch: Patch) -> Bool {
        switch patch.kind {
        case .disposition:
            return text.trimmingSpaces().lowercased() == patch.expected
        case .stake:
            return Numbers.parse(text).map(Numbers.plain) == patch.expected
        case .assumption(let key):
            var assumptions = Assumptions()
            guard case .success(let parsed) = key.setting(text, in: assumptions) else { return false }
            assumptions = parsed
            return key.text(in: assumptions) == patch.expected
        }
    }
}

extension AssumptionKey {
    /// The value as it should appear in YAML.
    func yamlText(in assumptions: Assumptions) -> String {
        self == .gpuName ? ScenarioYAMLWriter.quoted(assumptions.gpu.name) : text(in: assumptions)
    }
}
