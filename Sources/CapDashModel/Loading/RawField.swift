/// One value as a file gives it, before it is interpreted: the common ground
/// of YAML nodes and CSV cells, so both formats are validated by one code path.
struct RawField {
    enum Content {
        /// Text; `plain` is false when the file quoted it.
        case text(String, plain: Bool)
        /// Nothing: an empty CSV cell, or YAML `~`, `null`, or an empty value.
        case null
        case mapping
        case sequence
    }

    var content: Content
    var position: SourcePosition

    init(_ content: Content, at position: SourcePosition) {
        self.content = content
        self.position = position
    }

    init(_ node: YAMLNode) {
        position = node.position
        if node.isNull {
            content = .null
        } else {
            switch node.content {
            case .scalar(let text, let plain): content = .text(text, plain: plain)
            case .mapping: content = .mapping
            case .sequence: content = .sequence
            }
        }
    }

    var isNull: Bool {
        if case .null = content { return true }
        return false
    }

    /// How the value reads in a message: `"lots"`, `nothing`, `a mapping`.
    var found: String {
        switch content {
        case .text(let text, _): Quoting.quoted(text)
        case .null: "nothing"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}

public enum Quoting {
    /// A value quoted for a one-line message: quotes and backslashes escaped,
    /// anything TerminalSafe escapes shown the same way, long text cut.
    public static func quoted(_ text: String, limit: Int = 40) -> String {
        var out = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit {
                out += "…"
                break
            }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if TerminalSafe.needsEscape(scalar) {
                    out += TerminalSafe.escape(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return out + "\""
    }
}
