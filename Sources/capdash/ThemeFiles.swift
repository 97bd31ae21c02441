import CapDashModel
import CapDashUI
import Foundation

/// Themes on disk: the user's from `$XDG_CONFIG_HOME/capdash/themes` (default
/// `~/.config`), a file named by path, else the built-ins compiled in.
enum ThemeFiles {
    /// The folder of user themes for this environment.
    static func userDirectory(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return config + "/capdash/themes" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/capdash/themes" }
        return nil
    }

    /// Every theme name, built-ins first, then user themes by name.
    static func names(environment: [String: String]) -> [String] {
        var names = ThemeCatalog.builtInNames
        guard let directory = userDirectory(environment: environment),
            let files = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return names }
        for file in files.sorted() where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
            let name = String(file[..<file.lastIndex(of: ".")!])
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// A theme by name (user or built-in) or by file path.
    static func load(_ nameOrPath: String, environment: [String: String]) throws(ScenarioLoadError) -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            return try Theme.parse(try SourceFile.readText(path: nameOrPath, displayName: nameOrPath), file: nameOrPath)
        }
        if let directory = userDirectory(environment: environment) {
            for suffix in [".yaml", ".yml"] {
                let path = directory + "/" + nameOrPath + suffix
                if FileManager.default.fileExists(atPath: path) {
                    return try Theme.parse(try SourceFile.readText(path: path, displayName: path), file: path)
                }
            }
        }
        if let bytes = ThemeCatalog.builtInBytes(nameOrPath) {
            return try Theme.parse(bytes, file: "\(nameOrPath).yaml (built in)")
        }
        let known = names(environment: environment)
        let close = Suggestions.closeMatches(nameOrPath, among: known)
        throw ScenarioLoadError([.error(
            file: nil, at: nil, "--theme",
            "unknown theme \(Quoting.quoted(nameOrPath))"
                + (close.isEmpty ? "; themes: " + known.joined(separator: ", ") : "; did you mean \(close.joined(separator: " or "))?"))])
    }
}
