/// A color as the SVG and HTML snapshots paint it.
public struct RGB: Sendable, Hashable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#rrggbb`, lowercase.
    public var hex: String {
        "#" + [red, green, blue].map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// Halfway to `other`: how a terminal's dim (faint) text looks against its background.
    func blended(toward other: RGB) -> RGB {
        func mid(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Int(a) + Int(b)) / 2) }
        return RGB(mid(red, other.red), mid(green, other.green), mid(blue, other.blue))
    }
}

/// What a terminal would paint for each theme color, for snapshots that leave the terminal
/// (`snapshot --format svg|html`). A theme names colors by index; a terminal decides
/// what the index looks like. These are xterm's documented defaults:
/// - 0-15: xterm's ANSI colors (black #000000, red #cd0000, ... bright white #ffffff);
/// - 16-231: the 6x6x6 cube, each channel one of 0, 95, 135, 175, 215, 255;
/// - 232-255: the grey ramp 8, 18, ... 238.
/// The theme's `default` foreground and background (the terminal's own) become a fixed
/// pair chosen by the theme's background: light text on dark for dark themes, dark text
/// on light for light ones.
public struct TerminalPalette: Sendable, Equatable {
    public enum Background: Sendable {
        case dark, light
    }

    public var foreground: RGB
    public var background: RGB

    public init(foreground: RGB, background: RGB) {
        self.foreground = foreground
        self.background = background
    }

    /// Light grey on near-black, like a default dark terminal.
    public static let dark = TerminalPalette(foreground: RGB(0xd0, 0xd0, 0xd0), background: RGB(0x1c, 0x1c, 0x1c))
    /// Near-black on white, like a default light terminal.
    public static let light = TerminalPalette(foreground: RGB(0x1c, 0x1c, 0x1c), background: RGB(0xff, 0xff, 0xff))

    /// Which background a theme is made for: themes named "light" (or "...-light", "light-...")
    /// are for light terminals; every other theme (dark, high-contrast, mono) for dark ones.
    /// Mono uses only the default pair, so it stays colorless either way.
    public static func background(of theme: Theme) -> Background {
        theme.name.lowercased().split(whereSeparator: { !$0.isLetter }).contains("light") ? .light : .dark
    }

    public static func `for`(_ theme: Theme) -> TerminalPalette {
        background(of: theme) == .light ? .light : .dark
    }

    /// The 16 ANSI colors as xterm shows them.
    static let ansi: [RGB] = [
        RGB(0x00, 0x00, 0x00), RGB(0xcd, 0x00, 0x00), RGB(0x00, 0xcd, 0x00), RGB(0xcd, 0xcd, 0x00),
        RGB(0x00, 0x00, 0xee), RGB(0xcd, 0x00, 0xcd), RGB(0x00, 0xcd, 0xcd), RGB(0xe5, 0xe5, 0xe5),
        RGB(0x7f, 0x7f, 0x7f), RGB(0xff, 0x00, 0x00), RGB(0x00, 0xff, 0x00), RGB(0xff, 0xff, 0x00),
        RGB(0x5c, 0x5c, 0xff), RGB(0xff, 0x00, 0xff), RGB(0x00, 0xff, 0xff), RGB(0xff, 0xff, 0xff),
    ]

    static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// A color index 0-255 as xterm paints it.
    public static func color(index: Int) -> RGB {
        let index = min(max(index, 0), 255)
        if index < 16 { return ansi[index] }
        if index >= 232 {
            let level = UInt8(8 + 10 * (index - 232))
            return RGB(level, level, level)
        }
        let cube = index - 16
        return RGB(cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
    }

    func rgb(_ color: ThemeColor, default fallback: RGB) -> RGB {
        switch color {
        case .terminalDefault: fallback
        case .indexed(let index): Self.color(index: index)
        }
    }

    /// How a role's cells look: colors resolved, reverse swapped, dim blended toward the background.
    public func look(_ style: RoleStyle) -> CellLook {
        var fg = rgb(style.fg, default: foreground)
        var bg = rgb(style.bg, default: background)
        if style.reverse { swap(&fg, &bg) }
        if style.dim { fg = fg.blended(toward: bg) }
        return CellLook(foreground: fg, background: bg, bold: style.bold, underline: style.underline)
    }
}

/// One cell's appearance with every terminal rule applied, ready to paint.
public struct CellLook: Sendable, Hashable {
    public var foreground: RGB
    public var background: RGB
    public var bold: Bool
    public var underline: Bool
}
