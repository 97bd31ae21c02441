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
        switch format {
        case .text: try emit(SensitivityReport.text(analysis, loaded), to: output)
        case .markdown: try emit(SensitivityReport.markdown(analysis, loaded), to: output)
        case .json: try emit(SensitivityReport.json(analysis, loaded), to: output)
        }
    }
}

enum AnalysisFormat: String, ExpressibleByArgument {
    case text, markdown, json
}
