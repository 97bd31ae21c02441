#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where unsaved edits go when the dashboard is stopped by a signal or a lost
/// terminal: `.NAME.capdash-recover.yaml` beside the scenario, or, when that
/// directory cannot be written, in `$XDG_STATE_HOME/capdash/` (default
/// `~/.local/state/capdash/`). A complete scenario, which the next session offers to restore.
public enum RecoveryFile {
    /// Beside the scenario: the first place tried and looked in.
    public static func path(for scenarioFile: String?) -> String {
        guard let file = scenarioFile else { return ".example.capdash-recover.yaml" }
        let directory = file.lastIndex(of: "/").map { String(file[...$0]) } ?? ""
        return directory + "." + ScenarioLoader.baseName(file) + ".capdash-recover.yaml"
    }

    /// Every place a recovery file for this scenario may be, in the order tried.
    public static func candidates(for scenarioFile: String?, environment: [String: String] = currentEnvironment()) -> [String] {
        var paths = [path(for: scenarioFile)]
        if let state = stateDirectory(environment) {
            // The scenario's absolute path, flattened, keeps two scenarios of one name apart.
            let absolute = scenarioFile.map { $0.hasPrefix("/") ? $0 : currentDirectory() + "/" + $0 } ?? "example.yaml"
            let flattened = absolute.split(separator: "/").joined(separator: "%")
            paths.append(state + "/" + flattened + ".capdash-recover.yaml")
        }
        return paths
    }

    /// `$XDG_STATE_HOME/capdash`, else `~/.local/state/capdash`.
    static func stateDirectory(_ environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/capdash" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.local/state/capdash" }
        return nil
    }

    /// Creates the folders a recovery path needs (private to the user), when it is not beside the scenario.
    public static func prepareDirectory(for path: String) throws(AtomicFile.Failure) {
        guard let slash = path.lastIndex(of: "/"), path.contains("/capdash/") else { return }
        var built = ""
        for part in path[..<slash].split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o700) != 0 && errno != EEXIST {
                throw AtomicFile.Failure(path: built, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// The edits that turn `loaded` into `recovered`, matching facilities by id;
    /// facilities the file no longer has are left out.
    public static func edits(from loaded: Scenario, to recovered: Scenario) -> [ScenarioEdit] {
        ScenarioEdit.edits(from: loaded, to: recovered)
    }

    public static func currentEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in ["XDG_STATE_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }

    private static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
