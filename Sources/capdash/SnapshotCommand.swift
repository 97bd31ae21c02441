import ArgumentParser
import Foundation
import CapDashModel
import CapDashReport
import CapDashUI

struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print exactly what the dashboard shows after some keys: plain text, ANSI colors, or an SVG or HTML page.",
        discussion: """
            Keys are separated by spaces: single characters (j, k, d, /), names (space, tab, enter, esc, \
            up, down, pgup, pgdn, home, end, backspace) and C-r for Ctrl-R. Any other word is typed \
            letter by letter, so "/ dal enter" filters by "dal". A snapshot never saves or writes files.

            svg and html draw the same characters in the theme's colors, self-contained (no \
            scripts, nothing fetched), for a wiki, a pull request or a chat. Colors are xterm's; \
            the terminal's own text and background become light on dark (dark themes) or dark \
            on light (the light theme).
            """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .long, help: ArgumentHelp("Terminal size, WIDTHxHEIGHT.", valueName: "WxH"))
    var size: String = "120x40"

    @Option(name: .long, help: "Keys to press before the snapshot, e.g. \"j j space d\".")
    var keys: String = ""

    @Option(name: .long, help: ArgumentHelp("Theme name or file (for --format ansi, svg or html).", valueName: "NAME|FILE"), completion: .themeName)
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("A second scenario to compare with (the C view).", valueName: "FILE"), completion: .scenarioFile)
    var compare: String?

    @Option(name: .long, help: "text, ansi, svg or html.")
    var format: SnapshotFormat = .text

    enum SnapshotFormat: String, ExpressibleByArgument {
        case text, ansi, svg, html
    }

    func run() throws {
        guard let parsedSize = Self.parseSize(size) else {
            throw ExitFailure(code: ExitFailure.usage, lines: ["capdash: --size \(size): expected WIDTHxHEIGHT like 120x40 (each 1 to 1000)"])
        }
        var themes = try ThemeChoice(requested: theme)
        let loaded = try scenario.loadScenario()
        let keyList = Key.parseSequence(keys)
        let initial = DashboardState(
            scenario: loaded, size: parsedSize, themeNames: themes.names, theme: themes.initial, compareWith: compare)
        let state = replay(keyList, on: initial, startingWith: initialEffects(initial).filter { effect in
            if case .loadComparison = effect { return true }
            return false
        }, run: SnapshotEffects.run)
        let screen = view(state)
        switch format {
        case .text:
            try Output.standardOutput(screen.plainText)
        case .ansi:
            try Output.standardOutput(ANSIRenderer.render(screen, theme: themes.theme(state.themeName).0))
        case .svg:
            try Output.standardOutput(SVGRenderer.render(screen, theme: themes.theme(state.themeName).0, title: title(loaded)))
        case .html:
            try Output.standardOutput(HTMLRenderer.render(screen, theme: themes.theme(state.themeName).0, title: title(loaded)))
        }
    }

    private func title(_ scenario: Scenario) -> String {
        "capdash: " + TerminalSafe.text(scenario.name)
    }

    static func parseSize(_ text: String) -> Size? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
            (1...1000).contains(width), (1...1000).contains(height)
        else { return nil }
        return Size(width: width, height: height)
    }
}

/// The effects a snapshot runs: reading files (a comparison, a directory) and
/// pure work; never a save, a write or a recovery offer.
enum SnapshotEffects {
    static func run(_ effect: Effect) -> [Action] {
        FileReadingEffects.run(effect) ?? runPureEffect(effect)
    }
}
