import CapDashModel
import Foundation

/// The themes capdash can use: the built-ins compiled into the binary, and
/// the user's from `$XDG_CONFIG_HOME/capdash/themes` (default `~/.config`).
public struct ThemeCatalog: Sendable {
    public static let builtInNames = ["dark", "light", "high-contrast", "mono"]

    public static func builtInBytes(_ name: String) -> [UInt8]? {
        switch name {
        case "dark": PackageResources.dark_yaml
        case "light": PackageResources.light_yaml
        case "high-contrast": PackageResources.high_contrast_yaml
        case "mono": PackageResources.mono_yaml
        default: nil
        }
    }

    /// The folder of user themes for this environment.
    public static func userDirectory(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return config + "/capdash/themes" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/capdash/themes" }
        return nil
    }

    /// Every theme name, built-ins first, then valid user themes by name.
    public static func names(environment: [String: String]) -> [String] {
        var names = builtInNames
        guard let directory = userDirectory(environment: environment),
            let files = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return names }
        for file in files.sorted() where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
            let name = String(file[..<file.lastIndex(of: ".")!])
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// A theme by name (built-in or user) or by file path.
    public static func load(_ nameOrPath: String, environment: [String: String]) throws(ScenarioLoadError) -> Theme {
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
        if let bytes = builtInBytes(nameOrPath) {
            return try Theme.parse(bytes, file: "\(nameOrPath).yaml (built in)")
        }
        let close = Suggestions.closeMatches(nameOrPath, among: names(environment: environment))
        throw ScenarioLoadError([.error(
            file: nil, at: nil, "--theme",
            "unknown theme \"\(nameOrPath)\"" + (close.isEmpty ? "; themes: " + names(environment: environment).joined(separator: ", ") : "; did you mean \(close.joined(separator: " or "))?"))])
    }
}
