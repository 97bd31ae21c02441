/// Text from a file made safe to print: control characters, escape sequences,
/// bidi overrides and invisibles become visible escapes (`\x1b`, `\u{202e}`),
/// so nothing read from a file can move the cursor, retitle or clear a terminal.
public enum TerminalSafe {
    public static func text(_ input: String) -> String {
        guard input.unicodeScalars.contains(where: needsEscape) else { return input }
        var out = String.UnicodeScalarView()
        for scalar in input.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16)
                let escape = scalar.value < 0x100 ? "\\x" + (hex.count == 1 ? "0" + hex : hex) : "\\u{\(hex)}"
                out.append(contentsOf: escape.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        switch value {
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }
}
