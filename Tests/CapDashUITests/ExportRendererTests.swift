import CapDashModel
import CapDashReport
import Foundation
import Testing
@testable import CapDashUI

#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a reader of the SVG or HTML sees: the text of each row, read back from the markup.
enum MarkupReader {
    static func unescape(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else {
                out += rest[amp...]
                return out
            }
            let name = rest[rest.index(after: amp)..<semicolon]
            switch name {
            case "lt": out += "<"
            case "gt": out += ">"
            case "amp": out += "&"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                if name.hasPrefix("#x"), let value = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                    out.unicodeScalars.append(scalar)
                } else if name.hasPrefix("#"), let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) {
                    out.unicodeScalars.append(scalar)
                } else {
                    Issue.record("unknown entity &\(name);")
                }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    static func stripTags(_ text: String) -> String {
        text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: " \(name)=\"[^\"]*\"", options: .regularExpression) else { return nil }
        return String(tag[range].dropFirst(name.count + 3).dropLast())
    }

    struct SVGText {
        var x: Double
        var y: Double
        var textLength: Double
        var text: String
    }

    /// Every `<text>` element of an SVG with its position.
    static func svgTexts(_ svg: String) -> [SVGText] {
        let pattern = try! NSRegularExpression(pattern: "<text([^>]*)>([^<]*)</text>")
        let whole = NSRange(svg.startIndex..., in: svg)
        return pattern.matches(in: svg, range: whole).map { match in
            let tag = String(svg[Range(match.range(at: 1), in: svg)!])
            return SVGText(
                x: Double(attribute("x", in: tag) ?? "") ?? -1, y: Double(attribute("y", in: tag) ?? "") ?? -1,
                textLength: Double(attribute("textLength", in: tag) ?? "") ?? -1,
                text: unescape(String(svg[Range(match.range(at: 2), in: svg)!])))
        }
    }

    /// The SVG's rows: its texts grouped by baseline, joined left to right, trailing spaces trimmed.
    static func svgRows(_ svg: String, height: Int) -> [String] {
        var rows = Array(repeating: "", count: height)
        for text in svgTexts(svg).sorted(by: { ($0.y, $0.x) < ($1.y, $1.x) }) {
            let row = Int(((text.y - Double(SVGRenderer.padding + SVGRenderer.baseline)) / Double(SVGRenderer.lineHeight)).rounded())
            rows[row] += text.text
        }
        return rows.map(trimmed)
    }

    /// The HTML's rows: the `<pre>`'s text, tags stripped, split at line ends.
    static func htmlRows(_ html: String) -> [String] {
        guard let open = html.range(of: "<pre[^>]*>", options: .regularExpression),
            let close = html.range(of: "</pre>")
        else { return [] }
        let body = String(html[open.upperBound..<close.lowerBound])
        return unescape(stripTags(body)).split(separator: "\n", omittingEmptySubsequences: false).map { trimmed(String($0)) }
    }

    static func trimmed(_ line: String) -> String {
        var line = line
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    static func colors(_ markup: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: "#[0-9a-f]{6}\\b")
        return Set(pattern.matches(in: markup, range: NSRange(markup.startIndex..., in: markup)).map {
            String(markup[Range($0.range, in: markup)!])
        })
    }
}

@Suite("SVG and HTML snapshots")
struct ExportRendererTests {
    static let screens: [(String, String, Size, Bool)] = [
        ("example-120x40", "", Size(width: 120, height: 40), false),
        ("example-80x24", "", Size(width: 80, height: 24), false),
        ("wide-names-120x40", "d", Size(width: 120, height: 40), true),
        ("wide-names-80x24", "j", Size(width: 80, height: 24), true),
    ]

    static func screen(_ name: String) -> Screen {
        let (_, keys, size, wide) = screens.first { $0.0 == name }!
        return view(GoldenTests.state(keys, size, wide: wide))
    }

    static func theme(_ name: String) throws -> Theme {
        try #require(ThemeCatalog.builtIn(name))
    }

    @Test("the SVG's rows read back as exactly the text snapshot's rows", arguments: screens.map(\.0))
    func svgRows(name: String) throws {
        let screen = Self.screen(name)
        for themeName in ThemeCatalog.builtInNames {
            let svg = SVGRenderer.render(screen, theme: try Self.theme(themeName))
            #expect(MarkupReader.svgRows(svg, height: screen.size.height) == screen.lines, "theme \(themeName)")
        }
    }

    @Test("every SVG text sits at its column and spans its cells, wide characters two", arguments: screens.map(\.0))
    func svgColumns(name: String) throws {
        let screen = Self.screen(name)
        let svg = SVGRenderer.render(screen, theme: try Self.theme("dark"))
        let cell = Double(SVGRenderer.cellWidthTenths) / 10
        let left = Double(SVGRenderer.padding)
        var columnAtBaseline: [Double: Int] = [:]
        for text in MarkupReader.svgTexts(svg).sorted(by: { ($0.y, $0.x) < ($1.y, $1.x) }) {
            let column = columnAtBaseline[text.y, default: 0]
            let cells = DisplayWidth.of(text.text)
            #expect(abs(text.x - (left + Double(column) * cell)) < 0.001, "\(text.text) at x \(text.x)")
            #expect(abs(text.textLength - Double(cells) * cell) < 0.001, "\(text.text) length \(text.textLength)")
            columnAtBaseline[text.y] = column + cells
        }
        if name.hasPrefix("wide") {
            let tokyo = MarkupReader.svgTexts(svg).filter { $0.text == "東" }
            #expect(tokyo.count == 1)
            #expect(tokyo.first?.textLength == 2 * cell)
        }
    }

    @Test("the SVG is well-formed XML", arguments: screens.map(\.0))
    func svgParses(name: String) throws {
        let svg = SVGRenderer.render(Self.screen(name), theme: try Self.theme("light"))
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test("the HTML's rows read back as exactly the text snapshot's rows", arguments: screens.map(\.0))
    func htmlRows(name: String) throws {
        let screen = Self.screen(name)
        for themeName in ThemeCatalog.builtInNames {
            let html = HTMLRenderer.render(screen, theme: try Self.theme(themeName))
            #expect(MarkupReader.htmlRows(html) == screen.lines, "theme \(themeName)")
        }
    }

    @Test("wide characters in HTML are two-cell boxes")
    func htmlWide() throws {
        var screen = Screen(size: Size(width: 12, height: 1))
        screen.put("東a🚀b", x: 0, y: 0, role: .normal)
        let html = HTMLRenderer.render(screen, theme: try Self.theme("dark"))
        let box = { (glyph: String) in "<span style=\"display:inline-block;width:2ch\">\(glyph)</span>" }
        #expect(html.contains("<span style=\"display:inline-block;width:6ch\">\(box("東"))a\(box("🚀"))b</span>"))
        #expect(MarkupReader.htmlRows(html) == ["東a🚀b"])
    }

    @Test("the output uses at least the theme's distinct colors for the roles on screen", arguments: ["dark", "light", "high-contrast"])
    func colors(themeName: String) throws {
        let theme = try Self.theme(themeName)
        let screen = Self.screen("example-120x40")
        var themeColors = Set<Int>()
        for role in Set(screen.cells.map(\.role)) {
            for color in [theme.style(role).fg, theme.style(role).bg] {
                if case .indexed(let index) = color { themeColors.insert(index) }
            }
        }
        #expect(themeColors.count >= 3)
        for markup in [SVGRenderer.render(screen, theme: theme), HTMLRenderer.render(screen, theme: theme)] {
            #expect(MarkupReader.colors(markup).count >= themeColors.count)
            // The header's background, in the theme's color as xterm paints it.
            if case .indexed(let index) = theme.style(.header).bg {
                #expect(markup.contains(TerminalPalette.color(index: index).hex))
            }
        }
    }

    @Test("mono paints only the default pair and its dim blend; reverse swaps them")
    func mono() throws {
        let theme = try Self.theme("mono")
        let palette = TerminalPalette.for(theme)
        let allowed: Set<String> = [palette.foreground.hex, palette.background.hex, palette.foreground.blended(toward: palette.background).hex]
        let screen = Self.screen("example-120x40")
        for markup in [SVGRenderer.render(screen, theme: theme), HTMLRenderer.render(screen, theme: theme)] {
            #expect(MarkupReader.colors(markup).isSubset(of: allowed))
            #expect(markup.contains(palette.foreground.hex))  // the reversed header's background
        }
    }

    @Test("facility names with < & \" are escaped, and read back as written")
    func escaping() throws {
        var scenario = GoldenTests.wideScenario()
        scenario.facilities[2].name = "<b>&\"x\"'"
        let screen = view(DashboardState(scenario: scenario, size: Size(width: 120, height: 40)))
        #expect(screen.lines.contains { $0.contains("<b>&\"x\"'") })
        let svg = SVGRenderer.render(screen, theme: try Self.theme("dark"))
        let html = HTMLRenderer.render(screen, theme: try Self.theme("dark"))
        for markup in [svg, html] {
            #expect(markup.contains("&lt;b&gt;&amp;&quot;x&quot;&#39;"))
            #expect(!markup.contains("<b>"))
        }
        #expect(MarkupReader.svgRows(svg, height: 40) == screen.lines)
        #expect(MarkupReader.htmlRows(html) == screen.lines)
        #expect(XMLParser(data: Data(svg.utf8)).parse())
    }

    @Test("nothing is fetched or run: no links, scripts, stylesheets or web fonts")
    func selfContained() throws {
        let screen = Self.screen("wide-names-120x40")
        for themeName in ThemeCatalog.builtInNames {
            let theme = try Self.theme(themeName)
            // The SVG namespace is a name, never fetched; it is the one URL allowed.
            let svg = SVGRenderer.render(screen, theme: theme).replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            let html = HTMLRenderer.render(screen, theme: theme)
            for markup in [svg, html] {
                for forbidden in ["http", "<script", "href", "src=", "url(", "@import", "<link", "<style", "<img", "<iframe", "javascript:"] {
                    #expect(!markup.lowercased().contains(forbidden), "\(forbidden) in \(themeName)")
                }
            }
        }
    }

    @Test("adjacent cells that look the same are one run")
    func runs() throws {
        let screen = Self.screen("example-120x40")
        let rows = StyledRuns.rows(screen, theme: try Self.theme("dark"), palette: .dark)
        // The header row is one role, so one run across the full width.
        #expect(rows[0].count == 1)
        #expect(rows[0][0].width == 120)
        #expect(rows.map { MarkupReader.trimmed($0.map(\.text).joined()) } == screen.lines)
        for runs in rows {
            for (left, right) in zip(runs, runs.dropFirst()) {
                #expect(left.look != right.look)
                #expect(left.column + left.width == right.column)
            }
        }
    }
}

@Suite("Terminal palette")
struct TerminalPaletteTests {
    @Test("indexes paint as xterm's: ANSI colors, the 6x6x6 cube and the grey ramp")
    func xterm() {
        let expected: [Int: String] = [
            0: "#000000", 1: "#cd0000", 4: "#0000ee", 7: "#e5e5e5", 8: "#7f7f7f", 9: "#ff0000", 15: "#ffffff",
            16: "#000000", 21: "#0000ff", 67: "#5f87af", 196: "#ff0000", 231: "#ffffff",
            232: "#080808", 242: "#6c6c6c", 246: "#949494", 255: "#eeeeee",
        ]
        for (index, hex) in expected {
            #expect(TerminalPalette.color(index: index).hex == hex, "index \(index)")
        }
    }

    @Test("light themes get dark text on light; the others light text on dark")
    func backgrounds() throws {
        #expect(TerminalPalette.background(of: try #require(ThemeCatalog.builtIn("light"))) == .light)
        #expect(TerminalPalette.background(of: Theme(name: "solarized-light", styles: [:])) == .light)
        #expect(TerminalPalette.background(of: Theme(name: "lightning", styles: [:])) == .dark)
        for name in ["dark", "high-contrast", "mono"] {
            #expect(TerminalPalette.background(of: try #require(ThemeCatalog.builtIn(name))) == .dark)
        }
        #expect(TerminalPalette.light.foreground.hex == "#1c1c1c" && TerminalPalette.light.background.hex == "#ffffff")
        #expect(TerminalPalette.dark.foreground.hex == "#d0d0d0" && TerminalPalette.dark.background.hex == "#1c1c1c")
    }

    @Test("reverse swaps the colors, dim blends the text halfway to the background")
    func attributes() {
        var style = RoleStyle()
        style.fg = .indexed(1)
        style.reverse = true
        style.bold = true
        let reversed = TerminalPalette.dark.look(style)
        #expect(reversed.foreground.hex == "#1c1c1c" && reversed.background.hex == "#cd0000" && reversed.bold)
        var dim = RoleStyle()
        dim.dim = true
        #expect(TerminalPalette.dark.look(dim).foreground.hex == "#767676")  // (0xd0 + 0x1c) / 2
    }
}
