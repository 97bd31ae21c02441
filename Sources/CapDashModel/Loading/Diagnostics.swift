/// A 1-based position in a file; column counts characters (Unicode scalars).
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// Every problem any layer finds, with where it is and how to fix it.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    /// The file as the user named it; nil for command-line input.
    public var file: String?
    public var position: SourcePosition?
    /// Where in the scenario, like `facilities[2].sale_price`; empty for whole-file problems.
    public var keyPath: String
    public var message: String

    public init(
        _ severity: Severity, file: String?, position: SourcePosition?, keyPath: String, message: String
    ) {
        self.severity = severity
        self.file = file
        self.position = position
        self.keyPath = keyPath
        self.message = message
    }

    public static func error(
        file: String?, at position: SourcePosition?, _ keyPath: String, _ message: String
    ) -> Diagnostic {
        Diagnostic(.error, file: file, position: position, keyPath: keyPath, message: message)
    }

    public static func warning(
        file: String?, at position: SourcePosition?, _ keyPath: String, _ message: String
    ) -> Diagnostic {
        Diagnostic(.warning, file: file, position: position, keyPath: keyPath, message: message)
    }

    /// `file:line:column: keyPath: message`, the one line every layer prints.
    /// File names, keys and found values come from outside, so all of it is
    /// terminal-safe (escaping is idempotent: quoted values stay as quoted).
    public var description: String {
        // Built in one string (a million-facility report words a hundred thousand of these).
        var text = ""
        if let file {
            text += TerminalSafe.text(file)
            if let position { text += ":" + String(position.line) + ":" + String(position.column) }
            text += ": "
        }
        if !keyPath.isEmpty { text += TerminalSafe.text(keyPath) + ": " }
        text += TerminalSafe.text(message)
        return text
    }

    /// Orders diagnostics the way a reader scans a file: by file, then position.
    public static func byPosition(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if (a.file ?? "") != (b.file ?? "") { return (a.file ?? "") < (b.file ?? "") }
        let pa = a.position ?? SourcePosition(line: 0, column: 0)
        let pb = b.position ?? SourcePosition(line: 0, column: 0)
        return pa < pb
    }
}

/// A scenario that could not be loaded: every error found, sorted by position.
public struct ScenarioLoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
