/// A screen as a self-contained HTML page (`capdash snapshot --format html`): one `<pre>`
/// with inline styles holding the same characters, row for row, as the text snapshot,
/// in the theme's colors. No stylesheets, scripts, fonts or images fetched; the `<pre>`
/// alone can be pasted into a wiki.
///
/// Styled runs are inline blocks exactly their cells wide (`ch`), and wide characters
/// (CJK, emoji) two cells, so columns line up even where the browser draws a glyph
/// from a fallback font of another width.
public enum HTMLRenderer {
    static let fontSize = 14
    static let lineHeight = 18

    public static func render(
        _ screen: Screen, theme: Theme, palette: TerminalPalette? = nil, title: String = "capdash snapshot"
    ) -> String {
        let palette = palette ?? .for(theme)
        let rows = StyledRuns.rows(screen, theme: theme, palette: palette).map { runs in
            runs.map { span($0, palette) }.joined()
        }
        let page = "margin:0;padding:10px;background:\(palette.background.hex)"
        let pre = "margin:0;display:inline-block;font-family:\(Markup.fontStack);font-size:\(fontSize)px;"
            + "line-height:\(lineHeight)px;color:\(palette.foreground.hex);background:\(palette.background.hex)"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(Markup.escape(title))</title>
            </head>
            <body style="\(page)">
            <pre style="\(Markup.escape(pre))">\(rows.joined(separator: "\n"))</pre>
            </body>
            </html>

            """
    }

    private static func span(_ run: StyledRun, _ palette: TerminalPalette) -> String {
        let look = run.look
        var style: [String] = []
        if look.foreground != palette.foreground { style.append("color:\(look.foreground.hex)") }
        if look.background != palette.background { style.append("background:\(look.background.hex)") }
        if look.bold { style.append("font-weight:bold") }
        if look.underline { style.append("text-decoration:underline") }
        var text = ""
        for glyph in run.glyphs {
            if glyph.width == 2 {
                // Text decorations do not reach into inline blocks; the wide cell repeats it.
                let underline = look.underline ? ";text-decoration:underline" : ""
                text += "<span style=\"display:inline-block;width:2ch\(underline)\">\(Markup.escape(glyph.text))</span>"
            } else {
                text += Markup.escape(glyph.text)
            }
        }
        // Plain ASCII in the page's own look needs no box: the monospace font keeps it in its columns.
        if style.isEmpty && run.isASCII { return text }
        style += ["display:inline-block", "width:\(run.width)ch"]
        return "<span style=\"\(style.joined(separator: ";"))\">\(text)</span>"
    }
}
