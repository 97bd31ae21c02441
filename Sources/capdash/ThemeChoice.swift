import CapDashModel
import CapDashUI
import Foundation

/// Which themes a session uses: NO_COLOR means mono, whatever else is asked.
struct ThemeChoice {
    var names: [String]
    var initial: String
    private var cache: [String: Theme] = [:]
    private let environment: [String: String]

    init(requested: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.environment = environment
        // Load now so a bad --theme fails before the screen is taken over.
        let requestedTheme = try Self.load(requested ?? "dark", environment)
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            names = ["mono"]
            initial = "mono"
            return
        }
        names = ThemeFiles.names(environment: environment)
        initial = requested ?? "dark"
        cache[initial] = requestedTheme
        if !names.contains(initial) { names.insert(initial, at: 0) }
    }

    /// The theme for a name; a user theme that fails to load falls back to dark with the error.
    mutating func theme(_ name: String) -> (Theme, String?) {
        if let theme = cache[name] { return (theme, nil) }
        do {
            let theme = try Self.load(name, environment)
            cache[name] = theme
            return (theme, nil)
        } catch {
            let fallback = (try? Self.load("dark", environment)) ?? Theme(name: "plain", styles: [:])
            return (fallback, (error as? ScenarioLoadError)?.diagnostics.first?.description ?? "\(error)")
        }
    }

    private static func load(_ name: String, _ environment: [String: String]) throws -> Theme {
        do {
            return try ThemeFiles.load(name, environment: environment)
        } catch {
            throw ExitFailure(code: ExitFailure.usage, lines: error.diagnostics.map { "capdash: " + $0.description })
        }
    }
}
