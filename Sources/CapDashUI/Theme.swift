import CapDashModel

/// A terminal color: the terminal's own default, or an index 0-255 (0-7 the
/// ANSI colors, 8-15 their bright forms).
public enum ThemeColor: Sendable, Equatable {
    case terminalDefault
    case indexed(Int)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    init?(name: String) {
        let lower = name.lowercased()
        if lower == "default" || lower == "none" {
            self = .terminalDefault
        } else if let index = Self.names.firstIndex(of: lower) {
            self = .indexed(index)
        } else if lower.hasPrefix("bright-"), let index = Self.names.firstIndex(of: String(lower.dropFirst(7))) {
            self = .indexed(index + 8)
        } else if let number = Int(lower), (0...255).contains(number) {
            self = .indexed(number)
        } else {
            return nil
        }
    }

    /// The color on a terminal with `colors` colors: -1 for the default.
    public func index(colors: Int, fallback: ThemeColor?) -> Int {
        switch self {
        case .terminalDefault: return -1
        case .indexed(let index):
            if index < colors { return index }
            if let fallback, case .indexed(let basic) = fallback { return basic < colors ? basic : basic % 8 }
            return Self.nearestBasic(index) % max(1, min(colors, 16))
        }
    }

    /// The nearest of the 16 ANSI colors to a 256-color index.
    static func nearestBasic(_ index: Int) -> Int {
        if index < 16 { return index }
        if index >= 232 {  // grey ramp
            let level = index - 232
            return level < 6 ? 0 : level < 12 ? 8 : level < 18 ? 7 : 15
        }
        let cube = index - 16
        let r = cube / 36, g = (cube / 6) % 6, b = cube % 6
        let bright = max(r, g, b) >= 4
        let bits = (r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0)
        return bits + (bright ? 8 : 0)
    }
}

/// How one style role looks.
public struct RoleStyle: Sendable, Equatable {
    public var fg: ThemeColor = .terminalDefault
    public var bg: ThemeColor = .terminalDefault
    public var fg8: ThemeColor?
    public var bg8: ThemeColor?
    public var bold = false
    public var dim = false
    public var underline = false
    public var reverse = false

    public init() {}
}

/// A theme maps style roles to colors and attributes; roles it omits look like `normal`.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [StyleRole: RoleStyle]

    public init(name: String, styles: [StyleRole: RoleStyle]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> RoleStyle {
        styles[role] ?? styles[.normal] ?? RoleStyle()
    }

    /// Parses a theme file; errors name file:line:column like scenario errors.
    public static func parse(_ bytes: [UInt8], file: String) throws(ScenarioLoadError) -> Theme {
        let root = try YAMLValue.parse(bytes, file: file)
        var errors: [Diagnostic] = []
        func error(_ position: SourcePosition, _ path: String, _ message: String) {
            errors.append(.error(file: file, at: position, path, message))
        }
        guard case .mapping(let entries, _) = root else {
            throw ScenarioLoadError([.error(file: file, at: root.position, "", "expected a theme (a mapping with name and roles)")])
        }
        var name = ""
        var styles: [StyleRole: RoleStyle] = [:]
        for entry in entries {
            switch entry.key {
            case "name":
                if case .scalar(let text, _) = entry.value, !text.isEmpty { name = text } else { error(entry.value.position, "name", "expected a theme name") }
            case "roles":
                guard case .mapping(let roles, _) = entry.value else {
                    error(entry.value.position, "roles", "expected a mapping of style roles")
                    continue
                }
                for role in roles {
                    guard let styleRole = StyleRole(rawValue: role.key) else {
                        error(role.keyPosition, "roles.\(role.key)", "unknown role" + didYouMean(role.key, StyleRole.allCases.map(\.rawValue)))
                        continue
                    }
                    styles[styleRole] = parseStyle(role.value, path: "roles.\(role.key)", error: error)
                }
            default:
                error(entry.keyPosition, entry.key, "unknown key; expected name or roles")
            }
        }
        if name.isEmpty { error(root.position, "name", "missing required key 'name'") }
        guard errors.isEmpty else { throw ScenarioLoadError(errors.sorted(by: Diagnostic.byPosition)) }
        return Theme(name: name, styles: styles)
    }

    private static func parseStyle(
        _ value: YAMLValue, path: String, error: (SourcePosition, String, String) -> Void
    ) -> RoleStyle {
        var style = RoleStyle()
        if case .null = value { return style }
        guard case .mapping(let entries, _) = value else {
            error(value.position, path, "expected {fg: ..., bg: ..., bold: true}")
            return style
        }
        for entry in entries {
            let keyPath = "\(path).\(entry.key)"
            guard case .scalar(let text, let position) = entry.value else {
                error(entry.value.position, keyPath, "expected a value")
                continue
            }
            switch entry.key {
            case "fg", "bg", "fg8", "bg8":
                guard let color = ThemeColor(name: text) else {
                    error(position, keyPath, "expected a color (default, black, red, ..., bright-white, or 0-255), found \"\(text)\"")
                    continue
                }
                switch entry.key {
                case "fg": style.fg = color
                case "bg": style.bg = color
                case "fg8": style.fg8 = color
                default: style.bg8 = color
                }
            case "bold", "dim", "underline", "reverse":
                guard let flag = ["true": true, "false": false, "yes": true, "no": false][text.lowercased()] else {
                    error(position, keyPath, "expected true or false, found \"\(text)\"")
                    continue
                }
                switch entry.key {
                case "bold": style.bold = flag
                case "dim": style.dim = flag
                case "underline": style.underline = flag
                default: style.reverse = flag
                }
            default:
                error(entry.keyPosition, keyPath, "unknown key; expected fg, bg, fg8, bg8, bold, dim, underline or reverse")
            }
        }
        return style
    }

    private static func didYouMean(_ word: String, _ candidates: [String]) -> String {
        let matches = Suggestions.closeMatches(word, among: candidates)
        return matches.isEmpty ? "; expected one of " + candidates.joined(separator: ", ") : "; did you mean \(matches.joined(separator: " or "))?"
    }
}
