/// Saving an edited scenario without ever touching the wrong facility: the file
/// is read again as it is on disk now, every edit is matched to its facility,
/// development or assumption by id (never by list position), and written in
/// place (comments, key order and formatting kept). An edit whose target
/// vanished, changed on disk, or is shared (an anchor, an alias, a merge key)
/// goes with the whole scenario to `NAME.capdash.yaml` beside the file instead;
/// every other value in the file stays as it is on disk.
public enum ScenarioSaver {
    public struct FileWrite: Sendable, Equatable {
        public var path: String
        public var text: String
    }

    /// What a save writes.
    public struct Plan: Sendable, Equatable {
        /// Files edited in place.
        public var inPlace: [FileWrite] = []
        /// The whole scenario beside the file, when some edit could not go in place.
        public var beside: FileWrite?
        /// Why each edit that went beside did, naming the facility and the cause.
        public var reasons: [String] = []

        /// The status line's account of it.
        public var summary: String {
            var parts: [String] = []
            if !inPlace.isEmpty { parts.append("saved " + inPlace.map(\.path).joined(separator: ", ")) }
            if let beside {
                parts.append((inPlace.isEmpty ? "saved to " : "and wrote ") + beside.path + ": " + reasons.joined(separator: "; "))
            }
            return parts.isEmpty ? "nothing to save" : parts.joined(separator: " ")
        }
    }

    /// What to write to save `current`, loaded as `loaded`; `read` gives a file's bytes as now on disk.
    public static func plan(saving current: Scenario, loaded: Scenario, read: @escaping (String) -> [UInt8]?) -> Plan {
        guard let scenarioFile = loaded.file else {
            return besidePlan(current, loaded, reasons: ["the built-in example is never overwritten"])
        }
        // The file as it is now: positions and values to check each edit against.
        let fresh: Scenario
        do {
            guard let bytes = read(scenarioFile) else { return besidePlan(current, loaded, reasons: ["\(scenarioFile) can no longer be read"]) }
            fresh = try ScenarioLoader.load(bytes: bytes, file: scenarioFile) { path throws(ScenarioLoadError) in
                guard let bytes = read(path) else {
                    throw ScenarioLoadError([.error(file: path, at: nil, "", "cannot be read")])
                }
                return try SourceFile.text(bytes, displayName: path)
            }
        } catch {
            return besidePlan(current, loaded, reasons: ["\(scenarioFile) on disk is no longer a valid scenario (\(error.diagnostics.first?.description ?? "invalid"))"])
        }
        var collected = EditCollector(fresh: fresh)
        collected.collect(current: current, loaded: loaded)
        guard !collected.edits.isEmpty || !collected.conflicts.isEmpty else { return Plan() }

        var plan = Plan()
        var patched: [String: [UInt8]] = [:]
        // The file on disk with every edit made in place applied: what reading it back must give.
        var expected = fresh
        for (file, edits) in Dictionary(grouping: collected.edits, by: \.file).sorted(by: { $0.key < $1.key }) {
            guard let bytes = read(file) else {
                collected.conflicts += edits.map { "\($0.what) could not be written in place" }
                continue
            }
            let patcher = TextPatcher(bytes, csv: file == fresh.facilitiesFile)
            // An edit whose place cannot be patched (a key to add to a flow mapping, an anchored
            // value) goes beside on its own; it must not take the file's other edits with it.
            let writable = edits.filter { patcher.applying([$0]) != nil }
            collected.conflicts += edits.filter { patcher.applying([$0]) == nil }.map { "\($0.what) could not be written in place" }
            guard !writable.isEmpty else { continue }
            guard let text = patcher.applying(writable) else {
                collected.conflicts += writable.map { "\($0.what) could not be written in place" }
                continue
            }
            patched[file] = text
            for edit in writable { edit.apply(&expected) }
        }
        // Read the patched files back: only the edited values may differ from the file on disk.
        if !patched.isEmpty {
            let check = try? ScenarioLoader.load(bytes: patched[scenarioFile] ?? read(scenarioFile) ?? [], file: scenarioFile) {
                path throws(ScenarioLoadError) in
                guard let bytes = patched[path] ?? read(path) else { throw ScenarioLoadError([]) }
                return try SourceFile.text(bytes, displayName: path)
            }
            if let check, ScenarioEdit.edits(from: expected, to: check).isEmpty {
                plan.inPlace = patched.sorted { $0.key < $1.key }.map { FileWrite(path: $0.key, text: String(decoding: $0.value, as: UTF8.self)) }
            } else {
                collected.conflicts = ["values are shared (an anchor, alias or merge key): editing them in place would change other entries"]
                    + collected.conflicts
            }
        }
        if !collected.conflicts.isEmpty {
            let whole = besidePlan(current, loaded, reasons: collected.conflicts)
            plan.beside = whole.beside
            plan.reasons = whole.reasons
        }
        return plan
    }

    private static func besidePlan(_ current: Scenario, _ loaded: Scenario, reasons: [String]) -> Plan {
        Plan(inPlace: [], beside: FileWrite(path: besidePath(for: loaded.file), text: ScenarioYAMLWriter.write(current)), reasons: reasons)
    }

    /// `plants.yaml` -> `plants.capdash.yaml` beside it; the built-in example -> `./example.capdash.yaml`.
    public static func besidePath(for file: String?) -> String {
        guard let file else { return "example.capdash.yaml" }
        let directory = file.lastIndex(of: "/").map { String(file[...$0]) } ?? ""
        return directory + ScenarioLoader.baseName(file) + ".capdash.yaml"
    }
}

/// One value to write: where (the value's own token, or a key to add to a mapping) and what.
struct ValueEdit {
    enum Target {
        /// Replace the value that starts here.
        case value(SourcePosition)
        /// Add `key: text` to the block mapping whose first key starts here.
        case newKey(String, mapping: SourcePosition)
    }

    var file: String
    var target: Target
    var text: String
    /// The facility or setting, for messages: `us-dallas-1's disposition`.
    var what: String
    /// Makes the same change to a scenario: what reading the patched file back must show.
    var apply: (inout Scenario) -> Void
}

/// Turns the differences between the loaded and the current scenario into edits of
/// the file as it is now, matched by id; what cannot be matched becomes a conflict.
struct EditCollector {
    let fresh: Scenario
    private(set) var edits: [ValueEdit] = []
    var conflicts: [String] = []

    init(fresh: Scenario) {
        self.fresh = fresh
    }

    mutating func collect(current: Scenario, loaded: Scenario) {
        let facilityIndex = Dictionary(fresh.facilities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (old, new) in zip(loaded.facilities, current.facilities) where old.id == new.id {
            guard old.disposition != new.disposition || old.retainedStake != new.retainedStake else { continue }
            guard let index = facilityIndex[new.id] else {
                conflicts.append("\(new.id) is no longer in the file")
                continue
            }
            let onDisk = fresh.facilities[index]
            let file = onDisk.source.file ?? fresh.file ?? ""
            let csv = file == fresh.facilitiesFile
            if old.disposition != new.disposition {
                change(
                    "\(new.id)'s disposition", file: file, loaded: old.disposition.rawValue, onDisk: onDisk.disposition.rawValue,
                    to: new.disposition.rawValue, at: onDisk.source.disposition,
                    orAdd: csv ? nil : ("disposition", onDisk.source.item)
                ) { $0.facilities[index].disposition = new.disposition }
            }
            if old.retainedStake != new.retainedStake {
                change(
                    "\(new.id)'s retained_stake", file: file, loaded: old.retainedStake.map(Numbers.plain) ?? "",
                    onDisk: onDisk.retainedStake.map(Numbers.plain) ?? "", to: new.retainedStake.map(Numbers.plain) ?? (csv ? "" : "null"),
                    at: onDisk.source.retainedStake, orAdd: csv || new.retainedStake == nil ? nil : ("retained_stake", onDisk.source.item)
                ) { $0.facilities[index].retainedStake = new.retainedStake }
            }
        }
        collectDevelopments(current: current, loaded: loaded)
        collectAssumptions(current: current, loaded: loaded)
    }

    private mutating func collectDevelopments(current: Scenario, loaded: Scenario) {
        let developmentIndex = Dictionary(fresh.developments.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (old, new) in zip(loaded.developments, current.developments) where old.id == new.id && !old.sameDecisions(as: new) {
            guard let index = developmentIndex[new.id] else {
                conflicts.append("\(new.id) is no longer in the file")
                continue
            }
            let onDisk = fresh.developments[index]
            let file = onDisk.source.file ?? fresh.file ?? ""
            if old.financing != new.financing {
                change(
                    "\(new.id)'s financing", file: file, loaded: old.financing.rawValue, onDisk: onDisk.financing.rawValue,
                    to: new.financing.rawValue, at: onDisk.source.financing, orAdd: ("financing", onDisk.source.item)
                ) { $0.developments[index].financing = new.financing }
            }
            if old.retainedStake != new.retainedStake {
                change(
                    "\(new.id)'s retained_stake", file: file, loaded: old.retainedStake.map(Numbers.plain) ?? "",
                    onDisk: onDisk.retainedStake.map(Numbers.plain) ?? "", to: new.retainedStake.map(Numbers.plain) ?? "null",
                    at: onDisk.source.retainedStake, orAdd: new.retainedStake == nil ? nil : ("retained_stake", onDisk.source.item)
                ) { $0.developments[index].retainedStake = new.retainedStake }
            }
            for term in DevelopmentTerm.allCases where term.value(in: old) != term.value(in: new) {
                guard let value = term.value(in: new) else { continue }
                let mapping = term == .fairValueRatio ? onDisk.source.guarantee : onDisk.source.lease
                change(
                    "\(new.id)'s \(term.rawValue)", file: file, loaded: term.value(in: old).map(Numbers.plain) ?? "",
                    onDisk: term.value(in: onDisk).map(Numbers.plain) ?? "", to: Numbers.plain(value),
                    at: term.position(in: onDisk.source), orAdd: (term.key, mapping)
                ) { $0.developments[index] = term.setting(value, in: $0.developments[index]) }
            }
        }
    }

    private mutating func collectAssumptions(current: Scenario, loaded: Scenario) {
        let file = fresh.file ?? ""
        for key in AssumptionKey.allCases where key.text(in: current.assumptions) != key.text(in: loaded.assumptions) {
            // GPU keys a preset fills follow it; only the preset and keys given explicitly are written.
            if let gpuKey = key.gpuKey, !current.assumptions.gpu.explicitKeys.contains(gpuKey),
                !loaded.assumptions.gpu.explicitKeys.contains(gpuKey), fresh.assumptionPositions[key] == nil,
                current.assumptions.gpu.preset != nil
            {
                continue
            }
            guard fresh.facilitiesFile != fresh.file else {
                conflicts.append("\(key.rawValue) cannot be kept in a facilities CSV")
                continue
            }
            let mapping = key.gpuKey != nil || key == .gpuPreset ? fresh.mappingPositions["assumptions.gpu"] : fresh.mappingPositions["assumptions"]
            let name = key.gpuKey != nil || key == .gpuPreset ? String(key.rawValue.dropFirst(4)) : key.rawValue
            change(
                key.rawValue, file: file, loaded: key.text(in: loaded.assumptions), onDisk: key.text(in: fresh.assumptions),
                to: key.yamlText(in: current.assumptions), current: key.text(in: current.assumptions),
                at: fresh.assumptionPositions[key], orAdd: mapping.map { (name, $0) }
            ) { scenario in
                if key == .gpuPreset, let preset = current.assumptions.gpu.preset.flatMap(GPUPreset.named) {
                    scenario.assumptions.gpu.apply(preset)
                } else if let value = key.value(in: current.assumptions) {
                    key.set(value, in: &scenario.assumptions)
                } else if key == .gpuName {
                    scenario.assumptions.gpu.name = current.assumptions.gpu.name
                }
            }
        }
    }

    /// One value: in place when the file still holds what was loaded, else a conflict.
    private mutating func change(
        _ what: String, file: String, loaded: String, onDisk: String, to text: String, current: String? = nil,
        at position: SourcePosition?, orAdd newKey: (String, SourcePosition?)?, apply: @escaping (inout Scenario) -> Void
    ) {
        let wanted = current ?? text
        if onDisk == wanted || (onDisk.isEmpty && (wanted == "null" || wanted.isEmpty)) { return }  // already so on disk
        guard onDisk == loaded else {
            conflicts.append("\(what) changed on disk (now \(onDisk.isEmpty ? "absent" : onDisk))")
            return
        }
        if let position {
            edits.append(ValueEdit(file: file, target: .value(position), text: text, what: what, apply: apply))
        } else if let (key, mapping) = newKey, let mapping {
            edits.append(ValueEdit(file: file, target: .newKey(key, mapping: mapping), text: text, what: what, apply: apply))
        } else {
            conflicts.append("\(what) is not in the file (or comes from a merge key), so it cannot be changed in place")
        }
    }
}

/// Applies value edits to a file's bytes: a token replaced where it stands, or a
/// key added to a block mapping. A UTF-8 byte-order mark is kept.
struct TextPatcher {
    private let bom: [UInt8]
    private var bytes: [UInt8]
    private let csv: Bool
    private let lineStarts: [Int]

    init(_ raw: [UInt8], csv: Bool) {
        let hasBOM = raw.starts(with: [0xEF, 0xBB, 0xBF])
        bom = hasBOM ? [0xEF, 0xBB, 0xBF] : []
        bytes = hasBOM ? Array(raw.dropFirst(3)) : raw
        self.csv = csv
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The patched bytes, or nil when some edit's place cannot be found.
    func applying(_ edits: [ValueEdit]) -> [UInt8]? {
        var replacements: [(range: Range<Int>, text: [UInt8])] = []
        for edit in edits {
            switch edit.target {
            case .value(let position):
                guard let start = offset(of: position), let range = tokenRange(at: start) else { return nil }
                replacements.append((range, Array(edit.text.utf8)))
            case .newKey(let key, let mapping):
                guard let insertion = newKeyLine(key, edit.text, mapping: mapping) else { return nil }
                replacements.append(insertion)
            }
        }
        // From the end, so earlier offsets stay valid; two edits of one place are a conflict.
        var result = bytes
        var lastStart = Int.max
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            guard replacement.range.upperBound <= lastStart else { return nil }
            result.replaceSubrange(replacement.range, with: replacement.text)
            lastStart = replacement.range.lowerBound
        }
        return bom + result
    }

    private func offset(of position: SourcePosition) -> Int? {
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

    /// The extent of the value (scalar, quoted scalar, alias or CSV cell) starting at `start`.
    private func tokenRange(at start: Int) -> Range<Int>? {
        guard start <= bytes.count else { return nil }
        if start == bytes.count { return csv ? start..<start : nil }
        let first = bytes[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var index = start + 1
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\\") && first == UInt8(ascii: "\"") && !csv {
                    index += 2
                    continue
                }
                if bytes[index] == first {
                    if index + 1 < bytes.count, bytes[index + 1] == first, first == UInt8(ascii: "'") || csv {
                        index += 2
                        continue
                    }
                    return start..<(index + 1)
                }
                index += 1
            }
            return nil
        }
        if first == UInt8(ascii: "&") || first == UInt8(ascii: "!") { return nil }  // an anchor or tag: shared or typed, leave it
        let inFlow = !csv && flowDepth(before: start) > 0
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D {
            let byte = bytes[end]
            if csv && byte == UInt8(ascii: ",") { break }
            if inFlow && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")) { break }
            if byte == UInt8(ascii: "#"), end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { break }
            end += 1
        }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return start..<end
    }

    /// Open `{` and `[` before `offset` on its line: inside a flow collection, values end at `,` `}` `]`.
    private func flowDepth(before offset: Int) -> Int {
        var index = offset
        while index > 0, bytes[index - 1] != 0x0A { index -= 1 }
        var depth = 0
        var quote: UInt8?
        while index < offset {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
            }
            index += 1
        }
        return depth
    }

    /// `key: text` as a new line of the block mapping whose first key starts at `mapping`:
    /// before that key's line, or after it when the line starts a list item (`- id: x`).
    private func newKeyLine(_ key: String, _ text: String, mapping: SourcePosition) -> (range: Range<Int>, text: [UInt8])? {
        guard !csv, let start = offset(of: mapping), start < bytes.count, bytes[start] != UInt8(ascii: "{") else { return nil }
        let lineStart = lineStarts[mapping.line - 1]
        let lead = bytes[lineStart..<start]
        let newline: [UInt8] = bytes.contains(0x0D) ? [0x0D, 0x0A] : [0x0A]
        let line = Array(String(repeating: " ", count: mapping.column - 1).utf8) + Array("\(key): \(text)".utf8) + newline
        if lead.allSatisfy({ $0 == 0x20 }) { return (lineStart..<lineStart, line) }
        // A list item: the new key goes on the line after its first key.
        guard lead.contains(UInt8(ascii: "-")), lead.allSatisfy({ $0 == 0x20 || $0 == UInt8(ascii: "-") }) else { return nil }
        let next = mapping.line < lineStarts.count ? lineStarts[mapping.line] : bytes.count
        return (next..<next, (next == bytes.count && bytes.last != 0x0A ? newline : []) + line)
    }
}
