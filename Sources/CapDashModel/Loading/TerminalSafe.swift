/// Text from a file or a command line made safe to print: control characters,
/// escape sequences, bidi overrides and invisibles become visible escapes
/// (`\x1b`, `\u{202e}`), so nothing read from outside can move the cursor,
/// retitle or clear a terminal, or disguise a name. The one rule for the
/// dashboard, text reports and every diagnostic; it lives in the lowest layer so
/// diagnostics use it too, and CapDashReport re-exports it.
public enum TerminalSafe {
    public static func text(_ input: String) -> String {
        // Printable ASCII, the usual case, needs nothing: checked on bytes.
        let printable = input.utf8.withContiguousStorageIfAvailable { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
        if printable == true { return input }
        guard input.unicodeScalars.contains(where: needsEscape) else { return input }
        var out = String.UnicodeScalarView()
        for scalar in input.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// C0 and C1 controls (ESC, BEL, CSI...), line and paragraph separators, bidi
    /// embeddings, overrides and isolates, zero-width characters and the BOM.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        switch value {
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// How one such character is shown: `\x1b` below 0x100, `\u{202e}` above.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return scalar.value < 0x100 ? "\\x" + (hex.count == 1 ? "0" + hex : hex) : "\\u{\(hex)}"
    }
}
