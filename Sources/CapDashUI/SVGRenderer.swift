/// A screen as a self-contained SVG image (`capdash snapshot --format svg`): the same
/// characters, row for row, as the text snapshot, in the theme's colors, for a wiki,
/// a pull request or a chat. No scripts, no fonts or images fetched.
///
/// Every run of same-looking cells is one `<text>` placed at its column and stretched
/// (`textLength`) to exactly its cells, so columns line up whatever font the viewer
/// falls back to; a wide character (CJK, emoji) is its own `<text>` two cells wide.
public enum SVGRenderer {
    /// Cell metrics in tenths of a pixel, so coordinates print exactly.
    static let fontSize = 14
    static let cellWidthTenths = 84  // 0.6 em, a monospace advance
    static let lineHeight = 18
    static let baseline = 14  // from the top of a row
    static let padding = 10

    public static func render(
        _ screen: Screen, theme: Theme, palette: TerminalPalette? = nil, title: String = "capdash snapshot"
    ) -> String {
        let palette = palette ?? .for(theme)
        let width = tenths(screen.size.width * cellWidthTenths + 2 * padding * 10)
        let height = screen.size.height * lineHeight + 2 * padding
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
            font-family="\(Markup.fontStack)" font-size="\(fontSize)" xml:space="preserve">
            <title>\(Markup.escape(title))</title>
            <rect width="\(width)" height="\(height)" fill="\(palette.background.hex)"/>
            <g fill="\(palette.foreground.hex)">

            """
        for (row, runs) in StyledRuns.rows(screen, theme: theme, palette: palette).enumerated() {
            let top = padding + row * lineHeight
            for run in runs where run.look.background != palette.background {
                out += "<rect x=\"\(x(run.column))\" y=\"\(top)\" width=\"\(tenths(run.width * cellWidthTenths))\" "
                    + "height=\"\(lineHeight)\" fill=\"\(run.look.background.hex)\"/>\n"
            }
            for run in runs {
                var column = run.column
                var narrow = ""
                var narrowStart = column
                func flush() {
                    if !narrow.isEmpty { out += text(narrow, column: narrowStart, cells: column - narrowStart, top: top, run.look, palette) }
                    narrow = ""
                }
                for glyph in run.glyphs {
                    if glyph.width == 2 {
                        flush()
                        out += text(glyph.text, column: column, cells: 2, top: top, run.look, palette)
                        column += 2
                        narrowStart = column
                    } else {
                        narrow += glyph.text
                        column += 1
                    }
                }
                flush()
            }
        }
        out += "</g>\n</svg>\n"
        return out
    }

    private static func text(_ text: String, column: Int, cells: Int, top: Int, _ look: CellLook, _ palette: TerminalPalette) -> String {
        var attributes = "x=\"\(x(column))\" y=\"\(top + baseline)\" textLength=\"\(tenths(cells * cellWidthTenths))\" lengthAdjust=\"spacingAndGlyphs\""
        if look.foreground != palette.foreground { attributes += " fill=\"\(look.foreground.hex)\"" }
        if look.bold { attributes += " font-weight=\"bold\"" }
        if look.underline { attributes += " text-decoration=\"underline\"" }
        return "<text \(attributes)>\(Markup.escape(text))</text>\n"
    }

    private static func x(_ column: Int) -> String {
        tenths(padding * 10 + column * cellWidthTenths)
    }

    /// Tenths of a pixel as a decimal: 84 is "8.4", 840 is "84".
    private static func tenths(_ value: Int) -> String {
        value % 10 == 0 ? String(value / 10) : "\(value / 10).\(value % 10)"
    }
}
