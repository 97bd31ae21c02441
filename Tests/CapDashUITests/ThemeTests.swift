import CapDashModel
import Testing
@testable import CapDashUI

@Suite("Themes")
struct ThemeTests {
    @Test("every built-in theme parses and styles the selected row and the header", arguments: ThemeCatalog.builtInNames)
    func builtIns(name: String) throws {
        let theme = try #require(ThemeCatalog.builtIn(name))
        #expect(theme.name == name)
        #expect(theme.style(.selected) != RoleStyle())
        #expect(theme.style(.header) != RoleStyle())
    }

    @Test("mono uses no color at all")
    func mono() throws {
        let theme = try #require(ThemeCatalog.builtIn("mono"))
        #expect(StyleRole.allCases.allSatisfy { theme.style($0).fg == .terminalDefault && theme.style($0).bg == .terminalDefault })
        let ansi = ANSIRenderer.render(view(exampleState()), theme: theme)
        var colorCodes = Set<String>(["38", "39", "48", "49"])
        for range in [30...37, 40...47, 90...97, 100...107] {
            for code in range { colorCodes.insert(String(code)) }
        }
        var usedCodes = Set<String>()
        for sequence in ansi.split(separator: "\u{1b}").dropFirst() {
            guard sequence.hasPrefix("["), let end = sequence.firstIndex(of: "m") else { continue }
            usedCodes.formUnion(sequence[sequence.index(after: sequence.startIndex)..<end].split(separator: ";").map(String.init))
        }
        #expect(usedCodes.isDisjoint(with: colorCodes))
        #expect(usedCodes.contains("7"))  // reverse marks the header and the selected row
    }

    @Test("a bad theme file gets file:line:column errors")
    func badTheme() {
        let text = "name: broken\nroles:\n  header: {fg: purple}\n  selcted: {bold: true}\n"
        #expect(throws: ScenarioLoadError.self) { try Theme.parse(Array(text.utf8), file: "t.yaml") }
        do {
            _ = try Theme.parse(Array(text.utf8), file: "t.yaml")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "t.yaml:3:16: roles.header.fg: expected a color (default, black, red, ..., bright-white, or 0-255), found \"purple\"",
                "t.yaml:4:3: roles.selcted: unknown role; did you mean selected?",
            ])
        }
    }

    @Test("256-color values fall back on 8-color terminals")
    func fallback() {
        #expect(ThemeColor.indexed(242).index(colors: 8, fallback: .indexed(0)) == 0)
        #expect(ThemeColor.indexed(242).index(colors: 256, fallback: .indexed(0)) == 242)
        #expect(ThemeColor.indexed(196).index(colors: 8, fallback: nil) == 1)
        #expect(ThemeColor.terminalDefault.index(colors: 8, fallback: nil) == -1)
    }

    @Test("ANSI snapshots color the header")
    func ansi() throws {
        let theme = try #require(ThemeCatalog.builtIn("dark"))
        let ansi = ANSIRenderer.render(view(exampleState()), theme: theme)
        #expect(ansi.hasPrefix("\u{1b}[0;1;97;44m capdash"))
    }
}
