/// Walks a scenario's YAML tree key by key, reporting every problem.
struct ScenarioWalker {
    var reader: FieldReader
    /// Where each assumption's value stands, for in-place saves.
    private(set) var assumptionPositions: [AssumptionKey: SourcePosition] = [:]
    /// Facility ids with where they stand, so developments cannot reuse them.
    private var facilityIDs: [String: (file: String?, position: SourcePosition)] = [:]
    /// Entries merge keys (`<<`) may copy in one file; nested merges of aliases
    /// could otherwise make a small file cost seconds.
    private var mergeBudget = 100_000

    init(reader: FieldReader) {
        self.reader = reader
    }

    private enum TopKey: String, CaseIterable {
        case schema, name, currency, notes, assumptions, facilities, developments, sensitivity
        case asOf = "as_of"
        case facilitiesCSV = "facilities_csv"
    }

    private static let referenceModelKeys = ["name", "parameters", "tokens", "gpu_hours"]
    private static let gpuKeys = AssumptionKey.names.filter { $0.hasPrefix("gpu.") }.map { String($0.dropFirst(4)) }

    struct Entry {
        var key: String
        var keyPosition: SourcePosition
        var value: YAMLNode
        /// Copied in by a merge key (`<<: *defaults`): shared with other mappings, so a
        /// save must never edit it where it stands.
        var merged = false
    }

    /// Reads a file a scenario names (`facilities_csv`); a save reads through its own. Nil reads from disk.
    var readFile: ((String) throws(ScenarioLoadError) -> [UInt8])?
    /// Hears how far reading a facilities CSV has come.
    var progress: LoadProgress?
    /// Where the mappings a save may add keys to begin (`assumptions`, `assumptions.gpu`).
    private(set) var mappingPositions: [String: SourcePosition] = [:]

    mutating func scenario(from root: YAMLNode) -> Scenario? {
        guard case .mapping = root.content else {
            reader.error(
                root.position, "",
                "expected a capdash scenario (a mapping with schema, name, facilities), found \(RawField(root).found)")
            return nil
        }
        let entries = self.entries(of: root, path: "") ?? []
        var byKey: [TopKey: Entry] = [:]
        for entry in entries {
            // `x-` keys hold anchors for reuse (`x-defaults: &defaults {...}`), as in Compose files.
            if entry.key.hasPrefix("x-") { continue }
            guard let key = TopKey(rawValue: entry.key) else {
                reader.unknownKey(entry.key, at: entry.keyPosition, parentPath: "", known: TopKey.allCases.map(\.rawValue))
                continue
            }
            byKey[key] = entry
        }

        if let schema = byKey[.schema] {
            let field = RawField(schema.value)
            if let text = reader.text(field, "schema", what: "schema: \(ScenarioLoader.schema)"), text != ScenarioLoader.schema {
                reader.error(field.position, "schema", "unsupported schema \(field.found); expected \(ScenarioLoader.schema)")
            }
        } else {
            reader.error(root.position, "schema", "missing required key 'schema' (expected schema: \(ScenarioLoader.schema))")
        }

        var name: String?
        if let entry = byKey[.name] {
            name = reader.nonEmptyText(RawField(entry.value), "name", what: "a scenario name")
        } else {
            reader.error(root.position, "name", "missing required key 'name'")
        }

        var scenario = Scenario(name: name ?? "", facilities: [], file: reader.file)
        if let entry = byKey[.currency], let currency = optional(entry, "currency", {
            $0.nonEmptyText($1, $2, what: "a currency code like USD")
        }) {
            scenario.currency = currency
            reader.currency = currency
        }
        if let entry = byKey[.asOf] { scenario.asOf = optional(entry, "as_of") { $0.date($1, $2) } }
        if let entry = byKey[.notes] { scenario.notes = optional(entry, "notes") { $0.text($1, $2) } }
        if let entry = byKey[.assumptions], !entry.value.isNull {
            scenario.assumptions = assumptions(from: entry.value)
        }
        if let entry = byKey[.sensitivity], !entry.value.isNull {
            scenario.sensitivity = sensitivity(from: entry.value)
        }

        // Developments alone make a scenario too (section 7): then facilities may be absent or empty.
        let hasDevelopments = byKey[.developments].map { entry -> Bool in
            if case .sequence(let items) = entry.value.content { return !items.isEmpty }
            return !entry.value.isNull
        } ?? false
        switch (byKey[.facilities], byKey[.facilitiesCSV]) {
        case (nil, nil):
            if let entry = byKey[.developments], case .sequence(let items) = entry.value.content, items.isEmpty {
                reader.error(entry.value.position, "developments", "expected at least one development (or a facility), found an empty list")
            } else if !hasDevelopments {
                reader.error(root.position, "facilities", "missing required key 'facilities' (or facilities_csv, or developments)")
            }
        case (.some, .some(let csv)):
            reader.error(csv.keyPosition, "facilities_csv", "give either facilities or facilities_csv, not both")
        case (.some(let list), nil):
            scenario.facilities = facilities(from: list.value, allowEmpty: hasDevelopments)
        case (nil, .some(let csv)):
            scenario.facilities = facilitiesFromCSV(csv, idsNeeded: byKey[.developments] != nil)
            scenario.facilitiesFile = scenario.facilities.first?.source.file
        }
        if let entry = byKey[.developments], !entry.value.isNull {
            var developments = DevelopmentReader(idPositions: facilityIDs)
            scenario.developments = developments.developments(from: entry.value, walker: &self)
        }
        scenario.assumptionPositions = assumptionPositions
        scenario.mappingPositions = mappingPositions
        return scenario
    }

    /// An optional key: null means absent.
    private mutating func optional<T>(
        _ entry: Entry, _ path: String, _ read: (inout FieldReader, RawField, String) -> T?
    ) -> T? {
        let field = RawField(entry.value)
        if field.isNull { return nil }
        return read(&reader, field, path)
    }

    // MARK: Mappings

    /// A mapping's entries in file order, with duplicate keys reported at their
    /// second occurrence and YAML merge keys (`<<: *defaults`) applied.
    mutating func entries(of node: YAMLNode, path: String) -> [Entry]? {
        guard case .mapping(let pairs) = node.content else {
            reader.error(node.position, path, "expected a mapping, found \(RawField(node).found)")
            return nil
        }
        var result: [Entry] = []
        var firstPosition: [String: SourcePosition] = [:]
        var merged: [Entry] = []
        for pair in pairs {
            guard case .scalar(let key, let plain) = pair.key.content else {
                reader.error(pair.key.position, path, "expected a plain key, found \(RawField(pair.key).found)")
                continue
            }
            if key == "<<" && plain {
                merged += mergedEntries(pair.value, path: path)
                continue
            }
            if let first = firstPosition[key] {
                reader.error(
                    pair.key.position, path.isEmpty ? key : "\(path).\(key)",
                    "key given twice in one mapping (first at line \(first.line)); remove one")
                continue
            }
            firstPosition[key] = pair.key.position
            result.append(Entry(key: key, keyPosition: pair.key.position, value: pair.value))
        }
        for var entry in merged where firstPosition[entry.key] == nil {
            firstPosition[entry.key] = entry.keyPosition
            entry.merged = true
            result.append(entry)
        }
        return result
    }

    private mutating func mergedEntries(_ value: YAMLNode, path: String) -> [Entry] {
        guard mergeBudget > 0 else { return [] }
        mergeBudget -= value.expandedSize
        if mergeBudget <= 0 {
            reader.error(value.position, path, "merge keys (<<) copy more than 100000 values here; write the values out instead")
            return []
        }
        switch value.content {
        case .mapping:
            return entries(of: value, path: path) ?? []
        case .sequence(let items):
            var out: [Entry] = []
            var keys = Set<String>()
            for item in items {
                for entry in entries(of: item, path: path) ?? [] where keys.insert(entry.key).inserted {
                    out.append(entry)
                }
            }
            return out
        case .scalar:
            reader.error(value.position, path, "merge key << expects a mapping or list of mappings, found \(RawField(value).found)")
            return []
        }
    }

    // MARK: Assumptions

    private mutating func assumptions(from node: YAMLNode) -> Assumptions {
        var assumptions = Assumptions()
        guard let entries = entries(of: node, path: "assumptions") else { return assumptions }
        mappingPositions["assumptions"] = node.position
        let known = AssumptionKey.names.filter { !$0.hasPrefix("gpu.") } + ["gpu", "gpu_alternatives", "reference_models"]
        for entry in entries {
            let path = "assumptions.\(entry.key)"
            switch entry.key {
            case "gpu":
                if !entry.merged, case .mapping = entry.value.content { mappingPositions["assumptions.gpu"] = entry.value.position }
                guard !entry.value.isNull, let gpuEntries = self.entries(of: entry.value, path: path) else { continue }
                for gpuEntry in gpuEntries {
                    guard let key = AssumptionKey(rawValue: "gpu.\(gpuEntry.key)") else {
                        reader.unknownKey(gpuEntry.key, at: gpuEntry.keyPosition, parentPath: path, known: Self.gpuKeys)
                        continue
                    }
                    key.read(RawField(gpuEntry.value), path: "\(path).\(gpuEntry.key)", into: &assumptions, reader: &reader)
                    if !gpuEntry.merged && !entry.merged { assumptionPositions[key] = gpuEntry.value.position }
                }
            case "reference_models":
                // Null means absent, as for every optional key: the default models.
                if !entry.value.isNull, let models = referenceModels(from: entry.value, path: path) { assumptions.referenceModels = models }
            case "gpu_alternatives":
                if !entry.value.isNull { assumptions.gpuAlternatives = gpuAlternatives(from: entry.value, path: path) }
            default:
                guard let key = AssumptionKey(rawValue: entry.key), !entry.key.hasPrefix("gpu.") else {
                    reader.unknownKey(entry.key, at: entry.keyPosition, parentPath: "assumptions", known: known)
                    continue
                }
                key.read(RawField(entry.value), path: path, into: &assumptions, reader: &reader)
                if !entry.merged { assumptionPositions[key] = entry.value.position }
            }
        }
        return assumptions
    }

    /// `gpu_alternatives`: GPUs in the same form as `gpu`, a preset or explicit keys
    /// (then name, unit_capex, power_kw and peak_flops are all needed); mfu 0.40 unless given.
    private mutating func gpuAlternatives(from node: YAMLNode, path: String) -> [GPUAssumptions] {
        guard case .sequence(let items) = node.content else {
            reader.error(node.position, path, "expected a list of GPUs (a preset, or name, unit_capex, power_kw, peak_flops), found \(RawField(node).found)")
            return []
        }
        var alternatives: [GPUAssumptions] = []
        for (index, item) in items.enumerated() {
            let base = "\(path)[\(index)]"
            guard let entries = entries(of: item, path: base) else { continue }
            var scratch = Assumptions()
            var valid = true
            for entry in entries {
                guard let key = AssumptionKey(rawValue: "gpu.\(entry.key)") else {
                    reader.unknownKey(entry.key, at: entry.keyPosition, parentPath: base, known: Self.gpuKeys)
                    valid = false
                    continue
                }
                valid = key.read(RawField(entry.value), path: "\(base).\(entry.key)", into: &scratch, reader: &reader) && valid
            }
            let given = Set(entries.map(\.key))
            // A preset given, even a misspelt one (already reported), stands for the other keys.
            if scratch.gpu.preset == nil && !given.contains("preset") {
                for key in GPUKey.allCases where key != .mfu && !given.contains(key.rawValue) {
                    reader.error(item.position, "\(base).\(key.rawValue)", "missing required key '\(key.rawValue)' (or give a preset)")
                    valid = false
                }
            }
            if valid { alternatives.append(scratch.gpu) }
        }
        return alternatives
    }

    private mutating func referenceModels(from node: YAMLNode, path: String) -> [ReferenceModel]? {
        guard case .sequence(let items) = node.content else {
            reader.error(node.position, path, "expected a list of models (name, parameters, tokens), found \(RawField(node).found)")
            return nil
        }
        var models: [ReferenceModel] = []
        for (index, item) in items.enumerated() {
            let base = "\(path)[\(index)]"
            guard let entries = entries(of: item, path: base) else { continue }
            var fields: [String: RawField] = [:]
            for entry in entries {
                guard Self.referenceModelKeys.contains(entry.key) else {
                    reader.unknownKey(entry.key, at: entry.keyPosition, parentPath: base, known: Self.referenceModelKeys)
                    continue
                }
                fields[entry.key] = RawField(entry.value)
            }
            for key in ["name", "parameters", "tokens"] where fields[key] == nil {
                reader.error(item.position, "\(base).\(key)", "missing required key '\(key)'")
            }
            let name = fields["name"].flatMap { reader.nonEmptyText($0, "\(base).name", what: "a model name") }
            let parameters = fields["parameters"].flatMap {
                reader.number($0, "\(base).parameters", expected: "a parameter count > 0 (like 405e9)") { $0 > 0 }
            }
            let tokens = fields["tokens"].flatMap {
                reader.number($0, "\(base).tokens", expected: "a token count > 0 (like 15.6e12)") { $0 > 0 }
            }
            var gpuHours: Double?
            if let field = fields["gpu_hours"], !field.isNull {
                gpuHours = reader.number(field, "\(base).gpu_hours", expected: "GPU-hours > 0 (like 30.84e6)") { $0 > 0 }
            }
            if let name, let parameters, let tokens {
                models.append(ReferenceModel(name: name, parameters: parameters, tokens: tokens, gpuHours: gpuHours))
            }
        }
        return models
    }

    // MARK: Sensitivity

    /// `sensitivity: {relative: 0.1, discount_rate: [0.06, 0.10], sale_prices: [0.8, 1.15]}`
    private mutating func sensitivity(from node: YAMLNode) -> SensitivitySettings {
        var settings = SensitivitySettings()
        guard let entries = entries(of: node, path: "sensitivity") else { return settings }
        for entry in entries {
            let path = "sensitivity.\(entry.key)"
            if entry.key == "relative" {
                settings.relative = reader.number(RawField(entry.value), path, expected: "a relative swing in (0, 1) like 0.2") { $0 > 0 && $0 < 1 }
                continue
            }
            guard SensitivityAnalysis.driverKeys.contains(entry.key) else {
                reader.unknownKey(entry.key, at: entry.keyPosition, parentPath: "sensitivity", known: ["relative"] + SensitivityAnalysis.driverKeys)
                continue
            }
            guard case .sequence(let items) = entry.value.content, items.count == 2 else {
                reader.error(entry.value.position, path, "expected [low, high], found \(RawField(entry.value).found)")
                continue
            }
            let bounds = items.map { item -> Double? in
                let field = RawField(item)
                if SensitivityAnalysis.isMultiplier(entry.key) {
                    return reader.number(field, path, expected: "a multiplier > 0 like 0.8") { $0 > 0 }
                }
                // Each bound must be a valid value of the assumption itself.
                let key = AssumptionKey(rawValue: entry.key)!
                var scratch = Assumptions()
                guard key.read(field, path: path, into: &scratch, reader: &reader) else { return nil }
                return key.value(in: scratch)
            }
            guard let low = bounds[0], let high = bounds[1] else { continue }
            guard low <= high else {
                reader.error(entry.value.position, path, "expected low <= high, found [\(Numbers.plain(low)), \(Numbers.plain(high))]")
                continue
            }
            settings.ranges[entry.key] = (low, high)
        }
        return settings
    }

    // MARK: Facilities

    private mutating func facilities(from node: YAMLNode, allowEmpty: Bool) -> [Facility] {
        if allowEmpty && node.isNull { return [] }
        guard case .sequence(let items) = node.content else {
            reader.error(node.position, "facilities", "expected a list of facilities, found \(RawField(node).found)")
            return []
        }
        guard !items.isEmpty || allowEmpty else {
            reader.error(node.position, "facilities", "expected at least one facility (or a development), found an empty list")
            return []
        }
        var collector = FacilityCollector()
        collector.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let base = "facilities[\(index)]"
            guard let entries = entries(of: item, path: base) else {
                collector.skip()
                continue
            }
            var fields = FacilityFields()
            for entry in entries {
                guard let key = FacilityKey(rawValue: entry.key) else {
                    reader.unknownKey(entry.key, at: entry.keyPosition, parentPath: base, known: FacilityKey.names)
                    continue
                }
                fields[key] = RawField(entry.value)
                if entry.merged { fields.markMerged(key) }
            }
            if !collector.add(fields, at: item.position, reader: &reader) || reader.hasTooManyErrors { break }
        }
        for (id, position) in collector.firstPositionOfID { facilityIDs[id] = (reader.file, position) }
        return collector.facilities
    }

    /// `idsNeeded`: developments follow, and may not reuse a facility's id (a million ids are
    /// not worth collecting for nothing).
    private mutating func facilitiesFromCSV(_ entry: Entry, idsNeeded: Bool) -> [Facility] {
        let field = RawField(entry.value)
        guard let relative = reader.nonEmptyText(field, "facilities_csv", what: "a CSV path like plants.csv") else { return [] }
        let path = ScenarioLoader.resolve(relative, relativeTo: reader.file)
        if readFile == nil, let facilities = FastFacilitiesCSV.read(
            path: path, file: path, limit: FacilityCollector.limit, currency: reader.currency, progress: progress) {
            if idsNeeded { noteIDs(of: facilities, in: path) }
            return facilities
        }
        // From disk, the fast reader has given up on it already.
        let fastFirst = readFile != nil
        let bytes: [UInt8]
        do {
            if let readFile {
                bytes = try readFile(path)
            } else {
                bytes = try SourceFile.readText(path: path, displayName: path)
            }
        } catch {
            for diagnostic in error.diagnostics {
                let detail = diagnostic.position.map { " at line \($0.line), column \($0.column)" } ?? ""
                reader.error(field.position, "facilities_csv", "cannot use \(path): \(diagnostic.message)\(detail)")
            }
            return []
        }
        var csvReader = FieldReader(file: path)
        csvReader.currency = reader.currency
        let facilities = FacilitiesCSV.read(bytes, reader: &csvReader, progress: progress, fastFirst: fastFirst)
        reader.absorb(csvReader)
        if idsNeeded { noteIDs(of: facilities, in: path) }
        return facilities
    }

    private mutating func noteIDs(of facilities: [Facility], in path: String) {
        for facility in facilities where facilityIDs[facility.id] == nil {
            facilityIDs[facility.id] = (path, facility.source.item ?? SourcePosition(line: 1, column: 1))
        }
    }
}
