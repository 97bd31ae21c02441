import ArgumentParser
import CapDashModel
import CapDashReport

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two scenarios: every headline figure with its change, and the facilities whose disposition differs.")

    @Argument(help: "Scenario A.", completion: .scenarioFile)
    var a: String

    @Argument(help: "Scenario B.", completion: .scenarioFile)
    var b: String

    @Option(name: .long, help: "text, markdown or json.")
    var format: AnalysisFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically).", valueName: "OUT"))
    var output: String?

    func run() throws {
        let comparison = ScenarioComparison(try ScenarioOptions.load(a), try ScenarioOptions.load(b))
        try format.emit(
            text: { ComparisonReport.text(comparison) }, markdown: { ComparisonReport.markdown(comparison) },
            json: { ComparisonReport.json(comparison) }, to: output)
    }
}
