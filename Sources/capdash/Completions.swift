import ArgumentParser
import CapDashUI
import Foundation

/// What the shell offers on TAB (`capdash --generate-completion-script bash|zsh|fish`).
extension CompletionKind {
    /// Scenario files: YAML, or a facilities CSV.
    static let scenarioFile = CompletionKind.file(extensions: ["yaml", "yml", "csv"])

    /// Theme names, the built-ins and the user's, looked up when TAB is pressed.
    static let themeName = CompletionKind.custom { _, _, prefix in
        ThemeFiles.names(environment: ProcessInfo.processInfo.environment).filter { $0.hasPrefix(prefix) }
    }
}
