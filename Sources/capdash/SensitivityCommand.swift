import ArgumentParser
import CapDashModel
import CapDashReport

struct Sensitivity: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank the assumptions (and sale prices) by how far they swing capex freed and training runs: a tornado.")

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .long, help: "Relative swing for drivers without a range in the scenario (default 0.2, or the scenario's sensitivity.relative).")
    var relative: Double?

    @Option(name: .long, help: "text, markdown or json.")
    var format: AnalysisFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically).", valueName: "OUT"))
    var output: String?

    func validate() throws {
        if let relative, !(relative > 0 && relative < 1) {
            throw ValidationError("--relative must be between 0 and 1, like 0.2")
        }
    }

    func run() throws {
        let loaded = try scenario.loadScenario()
        let analysis = SensitivityAnalysis(loaded, relative: relative)
        try format.emit(
            text: { SensitivityReport.text(analysis, loaded) }, markdown: { SensitivityReport.markdown(analysis, loaded) },
            json: { SensitivityReport.json(analysis, loaded) }, to: output)
    }
}

/// The formats of the analysis commands (diff, sensitivity, timeline).
enum AnalysisFormat: String, ExpressibleByArgument {
    case text, markdown, json

    /// Renders only the chosen format and writes it to OUT or standard output.
    func emit(text: () -> String, markdown: () -> String, json: () -> String, to output: String?) throws {
        switch self {
        case .text: try capdash.emit(text(), to: output)
        case .markdown: try capdash.emit(markdown(), to: output)
        case .json: try capdash.emit(json(), to: output)
        }
    }
}
