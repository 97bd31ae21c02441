/// A screen row cut into runs of cells that look the same: what the SVG and HTML
/// snapshots paint, one element per run instead of one per cell.
public struct StyledRun: Sendable, Equatable {
    /// One character on screen: its text (with any combining marks) and 1 or 2 cells.
    public struct Glyph: Sendable, Equatable {
        public var text: String
        public var width: Int
    }

    /// The run's first column.
    public var column: Int
    public var look: CellLook
    public var glyphs: [Glyph]

    public var width: Int { glyphs.reduce(0) { $0 + $1.width } }
    public var text: String { glyphs.map(\.text).joined() }
    public var isASCII: Bool { glyphs.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) } }
}

public enum StyledRuns {
    /// Each row's runs, left to right, covering every cell up to the last visible one.
    /// Blank cells at a row's end that paint nothing (page background, no underline) are
    /// left out, as the text snapshot trims trailing spaces.
    public static func rows(_ screen: Screen, theme: Theme, palette: TerminalPalette) -> [[StyledRun]] {
        var looks: [StyleRole: CellLook] = [:]
        for role in StyleRole.allCases { looks[role] = palette.look(theme.style(role)) }
        return (0..<screen.size.height).map { row in
            var runs: [StyledRun] = []
            var column = 0
            while column < screen.size.width {
                let cell = screen[column, row]
                guard !cell.isContinuation else {
                    column += 1
                    continue
                }
                let wide = column + 1 < screen.size.width && screen[column + 1, row].isContinuation
                let glyph = StyledRun.Glyph(text: screen.text(of: cell), width: wide ? 2 : 1)
                let look = looks[cell.role]!
                if let last = runs.indices.last, runs[last].look == look {
                    runs[last].glyphs.append(glyph)
                } else {
                    runs.append(StyledRun(column: column, look: look, glyphs: [glyph]))
                }
                column += glyph.width
            }
            trimTrailingBlanks(&runs, background: palette.background)
            return runs
        }
    }

    private static func trimTrailingBlanks(_ runs: inout [StyledRun], background: RGB) {
        while let last = runs.last {
            guard last.look.background == background, !last.look.underline else { return }
            var glyphs = last.glyphs
            while glyphs.last?.text == " " { glyphs.removeLast() }
            if glyphs.isEmpty {
                runs.removeLast()
                continue
            }
            runs[runs.count - 1].glyphs = glyphs
            return
        }
    }
}

/// Escaping for text and attribute values in SVG and HTML.
enum Markup {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Not characters in XML 1.0, even as references; the screen never shows them as such anyway.
            case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A monospace font stack every platform has one of; no web fonts, nothing fetched.
    static let fontStack = "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace"
}
