/// A screen as text with ANSI colors (`capdash snapshot --format ansi`).
public enum ANSIRenderer {
    public static func render(_ screen: Screen, theme: Theme, colors: Int = 256) -> String {
        var out = ""
        for row in 0..<screen.size.height {
            var current: StyleRole?
            for column in 0..<screen.size.width {
                let cell = screen[column, row]
                if cell.isContinuation { continue }
                if cell.role != current {
                    out += sgr(theme.style(cell.role), colors: colors)
                    current = cell.role
                }
                out += screen.text(of: cell)
            }
            out += "\u{1b}[0m\n"
        }
        return out
    }

    /// The select-graphic-rendition sequence for a style, starting from a reset.
    static func sgr(_ style: RoleStyle, colors: Int) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        let fg = style.fg.index(colors: colors, fallback: style.fg8)
        let bg = style.bg.index(colors: colors, fallback: style.bg8)
        if fg >= 0 { codes.append(fg < 8 ? "\(30 + fg)" : fg < 16 ? "\(90 + fg - 8)" : "38;5;\(fg)") }
        if bg >= 0 { codes.append(bg < 8 ? "\(40 + bg)" : bg < 16 ? "\(100 + bg - 8)" : "48;5;\(bg)") }
        return "\u{1b}[" + codes.joined(separator: ";") + "m"
    }
}
