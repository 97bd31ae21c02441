import ArgumentParser
import CapDashModel
import CapDashReport

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two scenarios: every headline figure with its change, and the facilities whose disposition differs.")

    @Argument(help: "Scenario A.")
    var a: String

    @Argument(help: "Scenario B.")
    var b: String

    @Option(name: .long, help: "text, markdown or json.")
    var format: DiffFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically).", valueName: "OUT"))
    var output: String?

    enum DiffFormat: String, ExpressibleByArgument {
        case text, markdown, json
    }

    func run() throws {
        let comparison = ScenarioComparison(try ScenarioOptions.load(a), try ScenarioOptions.load(b))
        switch format {
        case .text: try emit(ComparisonReport.text(comparison), to: output)
        case .markdown: try emit(ComparisonReport.markdown(comparison), to: output)
        case .json: try emit(ComparisonReport.json(comparison), to: output)
        }
    }
}
