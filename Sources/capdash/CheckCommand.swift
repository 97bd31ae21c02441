import ArgumentParser
import CapDashModel
import CapDashReport

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate scenario files: prints OK or every diagnostic; exit 0 or 1.",
        discussion: "Suitable for a pre-commit hook or CI over a folder of scenarios.")

    static let warningsShown = 20

    @Argument(help: "Scenario files (.yaml or .csv).", completion: .scenarioFile)
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one scenario file to check") }
    }

    func run() throws {
        var failed = false
        for file in files {
            let scenario: Scenario
            do {
                scenario = try LoadingProgress.around(file) { progress throws(ScenarioLoadError) in
                    try ScenarioLoader.load(path: file, progress: progress)
                }
            } catch {
                failed = true
                for diagnostic in error.diagnostics { Output.errorLine(diagnostic.description) }
                continue
            }
            // A big portfolio can warn thousands of times; the first ones say what kind, and only those are worded.
            let count = ScenarioWarnings.count(scenario)
            for warning in ScenarioWarnings.list(scenario, limit: Self.warningsShown) { Output.errorLine("warning: " + warning.description) }
            if count > Self.warningsShown {
                Output.errorLine("warning: \(file): \(count - Self.warningsShown) more warnings not shown (capdash report --format json lists them all)")
            }
            let note = count == 0 ? "" : ", \(count) warning\(count == 1 ? "" : "s")"
            try Output.standardOutput("\(TerminalSafe.text(file)): OK (\(Self.counted(scenario))\(note))\n")
        }
        if failed { throw ExitFailure(code: ExitFailure.invalidScenario, lines: []) }
    }

    /// "1 facility", "14 facilities, 2 developments".
    static func counted(_ scenario: Scenario) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "y" : "ies")" }
        let developments = scenario.developments.count
        return count(scenario.facilities.count, "facilit")
            + (developments == 0 ? "" : ", \(developments) development\(developments == 1 ? "" : "s")")
    }
}
