/// Turns a scenario file (YAML, or a bare facilities CSV) into a `Scenario`,
/// or into every error it has, sorted by position: never half of each.
public enum ScenarioLoader {
    public static let schema = "capdash/v1"

    /// The file a user named; `.csv` opens as a bare facilities list with default assumptions.
    /// `progress` hears how far reading facilities has come, now and then, from any thread.
    public static func load(path: String, progress: LoadProgress? = nil) throws(ScenarioLoadError) -> Scenario {
        if isCSV(path), let facilities = FastFacilitiesCSV.read(path: path, file: path, limit: FacilityCollector.limit, progress: progress) {
            return csvScenario(facilities, file: path, warnings: [])
        }
        let bytes = try SourceFile.readBytes(path: path, displayName: path)
        let text = try SourceFile.text(bytes, displayName: path)
        // A CSV here is unusual (the fast reader gave up): read it the checking way.
        if isCSV(path) { return try loadCSV(text, file: path, facilityLimit: FacilityCollector.limit, progress: progress, fastFirst: false) }
        return try loadYAML(text, file: path, progress: progress)
    }

    /// `load(path:)` as a value, for effects that report the outcome either way.
    public static func result(path: String, progress: LoadProgress? = nil) -> Result<Scenario, ScenarioLoadError> {
        do {
            return .success(try load(path: path, progress: progress))
        } catch {
            return .failure(error)
        }
    }

    static func isCSV(_ file: String) -> Bool {
        file.lowercased().hasSuffix(".csv")
    }

    /// A file's bytes as read from disk: checked to be text, then read as CSV or YAML by its name.
    /// `readFile` reads what the scenario names (its `facilities_csv`); a save passes its own.
    /// Without `readFile`, files the scenario names are read from disk.
    public static func load(
        bytes raw: [UInt8], file: String, readFile: ((String) throws(ScenarioLoadError) -> [UInt8])? = nil,
        progress: LoadProgress? = nil
    ) throws(ScenarioLoadError) -> Scenario {
        let bytes = try SourceFile.text(raw, displayName: file)
        if isCSV(file) {
            return try loadCSV(bytes, file: file, facilityLimit: FacilityCollector.limit, progress: progress)
        }
        return try loadYAML(bytes, file: file, readFile: readFile, progress: progress)
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
    static func loadCSV(
        _ bytes: [UInt8], file: String, facilityLimit: Int, progress: LoadProgress? = nil, fastFirst: Bool = true
    ) throws(ScenarioLoadError) -> Scenario {
        var reader = FieldReader(file: file)
        let facilities = FacilitiesCSV.read(bytes, reader: &reader, limit: facilityLimit, progress: progress, fastFirst: fastFirst)
        try finish(reader)
        return csvScenario(facilities, file: file, warnings: reader.warnings)
    }

    private static func csvScenario(_ facilities: [Facility], file: String, warnings: [Diagnostic]) -> Scenario {
        var scenario = Scenario(name: baseName(file), facilities: facilities, file: file)
        scenario.facilitiesFile = file
        scenario.loadWarnings = warnings
        return scenario
    }

    /// Without `readFile`, the CSV a scenario names (`facilities_csv`) is read from disk.
    public static func loadYAML(
        _ bytes: [UInt8], file: String, readFile: ((String) throws(ScenarioLoadError) -> [UInt8])? = nil,
        progress: LoadProgress? = nil
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
        walker.progress = progress
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
