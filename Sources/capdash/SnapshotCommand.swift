import ArgumentParser
import CapDashModel
import CapDashUI

struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print exactly what the dashboard shows after some keys, as plain text (or with ANSI colors).",
        discussion: """
            Keys are separated by spaces: single characters (j, k, d, /), names (space, tab, enter, esc, \
            up, down, pgup, pgdn, home, end, backspace) and C-r for Ctrl-R. Any other word is typed \
            letter by letter, so "/ dal enter" filters by "dal". A snapshot never saves or writes files.
            """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .long, help: ArgumentHelp("Terminal size, WIDTHxHEIGHT.", valueName: "WxH"))
    var size: String = "120x40"

    @Option(name: .long, help: "Keys to press before the snapshot, e.g. \"j j space d\".")
    var keys: String = ""

    @Option(name: .long, help: ArgumentHelp("Theme name or file (for --format ansi).", valueName: "NAME|FILE"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("A second scenario to compare with (the c view).", valueName: "FILE"))
    var compare: String?

    @Option(name: .long, help: "text or ansi.")
    var format: SnapshotFormat = .text

    enum SnapshotFormat: String, ExpressibleByArgument {
        case text, ansi
    }

    func run() throws {
        guard let parsedSize = Self.parseSize(size) else {
            throw ExitFailure(code: ExitFailure.usage, lines: ["capdash: --size \(size): expected WIDTHxHEIGHT like 120x40 (each 1 to 1000)"])
        }
        var themes = try ThemeChoice(requested: theme)
        let loaded = try scenario.loadScenario()
        let keyList = Key.parseSequence(keys)
        var initial = DashboardState(scenario: loaded, size: parsedSize, themeNames: themes.names, theme: themes.initial)
        if let compare {
            initial.other = try ScenarioOptions.load(compare)
            initial.pane = .comparison
        }
        let state = replay(keyList, on: initial)
        let screen = view(state)
        switch format {
        case .text:
            try Output.standardOutput(screen.plainText)
        case .ansi:
            try Output.standardOutput(ANSIRenderer.render(screen, theme: themes.theme(state.themeName).0))
        }
    }

    static func parseSize(_ text: String) -> Size? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
            (1...1000).contains(width), (1...1000).contains(height)
        else { return nil }
        return Size(width: width, height: height)
    }
}
