/// Turns a scenario file (YAML, or a bare facilities CSV) into a `Scenario`,
/// or into every error it has, sorted by position: never half of each.
public enum ScenarioLoader {
    public static let schema = "capdash/v1"

    /// The file a user named; `.csv` opens as a bare facilities list with default assumptions.
    public static func load(path: String) throws(ScenarioLoadError) -> Scenario {
        let bytes = try SourceFile.readBytes(path: path, displayName: path)
        return try load(bytes: bytes, file: path)
    }

    /// `load(path:)` as a value, for effects that report the outcome either way.
    public static func result(path: String) -> Result<Scenario, ScenarioLoadError> {
        do {
            return .success(try load(path: path))
        } catch {
            return .failure(error)
        }
    }

    /// A file's bytes as read from disk: checked to be text, then read as CSV or YAML by its name.
    /// `readFile` reads what the scenario names (its `facilities_csv`); a save passes its own.
    public static func load(
        bytes raw: [UInt8], file: String,
        readFile: @escaping (String) throws(ScenarioLoadError) -> [UInt8] = { path throws(ScenarioLoadError) in
            try SourceFile.readText(path: path, displayName: path)
        }
    ) throws(ScenarioLoadError) -> Scenario {
        let bytes = try SourceFile.text(raw, displayName: file)
        if file.lowercased().hasSuffix(".csv") {
            return try loadCSV(bytes, file: file)
        }
        return try loadYAML(bytes, file: file, readFile: readFile)
    }

    /// The built-in example, compiled into the binary.
    public static func builtInExample() -> Scenario {
        do {
            var scenario = try loadYAML(PackageResources.example_yaml, file: builtInExampleName)
            scenario.file = nil
            return scenario
        } catch {
            preconditionFailure("the built-in example must load: \(error)")
        }
    }

    public static let builtInExampleName = "example.yaml (built in)"
    public static var builtInExampleText: String { String(decoding: PackageResources.example_yaml, as: UTF8.self) }

    /// A bare CSV: the scenario is named after the file and uses the default assumptions.
    public static func loadCSV(_ bytes: [UInt8], file: String) throws(ScenarioLoadError) -> Scenario {
        try loadCSV(bytes, file: file, facilityLimit: FacilityCollector.limit)
    }

    /// A lower limit lets tests check the limit's error without a million rows.
    static func loadCSV(_ bytes: [UInt8], file: String, facilityLimit: Int) throws(ScenarioLoadError) -> Scenario {
        var reader = FieldReader(file: file)
        let facilities = FacilitiesCSV.read(bytes, reader: &reader, limit: facilityLimit)
        try finish(reader)
        var scenario = Scenario(name: baseName(file), facilities: facilities, file: file)
        scenario.facilitiesFile = file
        scenario.loadWarnings = reader.warnings
        return scenario
    }

    public static func loadYAML(
        _ bytes: [UInt8], file: String,
        readFile: @escaping (String) throws(ScenarioLoadError) -> [UInt8] = { path throws(ScenarioLoadError) in
            try SourceFile.readText(path: path, displayName: path)
        }
    ) throws(ScenarioLoadError) -> Scenario {
        if let (offset, name) = SourceFile.firstForeignLineBreak(bytes) {
            throw ScenarioLoadError([.error(
                file: file, at: SourceFile.position(ofByte: offset, in: bytes), "",
                "\(name); save the file with LF or CRLF line ends")])
        }
        let root: YAMLNode?
        do {
            root = try YAMLTreeBuilder.build(bytes)
        } catch {
            throw ScenarioLoadError([.error(file: file, at: error.position, "", error.message)])
        }
        guard let root, !root.isNull else {
            throw ScenarioLoadError([
                .error(file: file, at: nil, "", "file has no YAML content; expected a capdash scenario (schema: capdash/v1)")
            ])
        }
        var walker = ScenarioWalker(reader: FieldReader(file: file))
        walker.readFile = readFile
        let scenario = walker.scenario(from: root)
        try finish(walker.reader)
        guard var scenario else {
            throw ScenarioLoadError([.error(file: file, at: root.position, "", "scenario could not be read")])
        }
        scenario.loadWarnings = walker.reader.warnings.sorted(by: Diagnostic.byPosition)
        return scenario
    }

    /// Throws every error, sorted by position and capped at a readable number.
    static func finish(_ reader: FieldReader) throws(ScenarioLoadError) {
        guard !reader.errors.isEmpty else { return }
        var errors = reader.errors.sorted(by: Diagnostic.byPosition)
        if errors.count > FieldReader.errorLimit {
            // Reading stops soon after the limit, so how many more there are is unknown.
            errors.removeSubrange(FieldReader.errorLimit...)
            errors.append(.error(file: reader.file, at: nil, "", "stopped after \(FieldReader.errorLimit) errors; fix these first"))
        }
        throw ScenarioLoadError(errors)
    }

    static func baseName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// A path written in a scenario, relative to the scenario's own directory.
    static func resolve(_ path: String, relativeTo scenarioFile: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let slash = scenarioFile.lastIndex(of: "/") else { return path }
        return String(scenarioFile[...slash]) + path
    }
}
