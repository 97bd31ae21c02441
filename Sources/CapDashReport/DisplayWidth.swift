/// Terminal display width: CJK and emoji take two cells, combining marks none.
/// Measured per scalar, the way terminals (and tmux) lay text out; never `String.count`.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        // ASCII, the common case, by its bytes: printable ones are a cell each.
        var text = text
        if let ascii = text.withUTF8({ bytes -> Int? in
            var printable = 0
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte >= 0x20 && byte < 0x7F { printable += 1 }
            }
            return printable
        }) {
            return ascii
        }
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }
        // The non-ASCII a dashboard draws most (Latin, Greek and Cyrillic letters, punctuation like
        // — and …, box drawing, blocks, arrows, ✓ and ⚠): one cell, without asking Unicode's tables.
        if value < 0x300 || (0x2500...0x25FC).contains(value) || (0x2190...0x21FF).contains(value) || (0x2010...0x2027).contains(value)
            || (0x2030...0x205E).contains(value) || (0x370...0x482).contains(value) || value == 0x2713 || value == 0x26A0
        {
            return 1
        }
        if value == 0x200D || (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul medial vowels and final consonants join
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }

    /// Cuts `text` to at most `width` cells, ending with `…` when it had to cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        // Where the cut falls, then the text up to it in one piece (the header is cut every frame).
        let scalars = text.unicodeScalars
        var end = scalars.startIndex
        var used = 0
        for index in scalars.indices {
            let cells = of(scalars[index])
            if used + cells > width - 1 { break }
            used += cells
            end = scalars.index(after: index)
        }
        return String(scalars[..<end]) + "…"
    }

    /// Pads with spaces to exactly `width` cells (cutting first if needed).
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let fill = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? fill + cut : cut + fill
    }
}
