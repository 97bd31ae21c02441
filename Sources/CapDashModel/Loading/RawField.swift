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
    /// A value quoted for a one-line message: control characters escaped, long text cut.
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
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || Invisibles.isInvisible(scalar) {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return out + "\""
    }
}

enum Invisibles {
    /// Bidi overrides and other format characters that can disguise text.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }
}
