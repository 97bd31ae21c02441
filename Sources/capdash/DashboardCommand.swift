import ArgumentParser
import CapDashModel
import CapDashReport
import CapDashTerminal
import CapDashUI

/// `capdash [FILE]`: the interactive dashboard.
struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "Open the interactive dashboard (the default command).", shouldDisplay: false)

    @OptionGroup var scenario: ScenarioOptions

    @Argument(help: "A second scenario to compare with (the C view).", completion: .scenarioFile)
    var compareWith: String?

    @Option(name: .long, help: ArgumentHelp("Theme: dark, light, high-contrast, mono, a user theme, or a file.", valueName: "NAME|FILE"), completion: .themeName)
    var theme: String?

    func run() throws {
        var themes = try ThemeChoice(requested: theme)
        let loaded = try scenario.loadScenario()
        let terminal: Terminal
        do {
            terminal = try Terminal()
        } catch let unavailable as TerminalUnavailable {
            throw ExitFailure(code: ExitFailure.usage, lines: ["capdash: " + unavailable.description])
        }
        if loaded.facilities.count >= 200_000 {
            // Evaluating a big portfolio takes a moment (a quarter second at a million): a line, not a blank screen.
            var screen = Screen(size: terminal.size)
            screen.put("capdash: evaluating \(Format.count(Double(loaded.facilities.count))) facilities…", x: 1, y: 0, role: .muted)
            terminal.draw(screen, theme: themes.theme(themes.initial).0)
        }
        // Consumed: the dashboard holds the only reference, so its first edit copies no facility array.
        let state = DashboardState(
            scenario: consume loaded, size: terminal.size, themeNames: themes.names, theme: themes.initial, compareWith: compareWith)
        var runtime = DashboardRuntime(terminal: terminal, state: consume state, themes: themes)
        let outcome = runtime.run()
        terminal.close()
        if let signal = outcome.signal {
            throw ExitFailure(code: 128 + signal, lines: ["capdash: stopped by signal \(signal)" + (outcome.recoveryNote.map { "; " + $0 } ?? "")])
        }
    }
}
