import ArgumentParser
import CapDashModel
import CapDashReport

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "When the cash arrives: sold facilities by the quarter of their expected_close, committed against expected, and the GPUs it funds.")

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .long, help: "text, markdown or json.")
    var format: AnalysisFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically).", valueName: "OUT"))
    var output: String?

    func run() throws {
        let loaded = try scenario.loadScenario()
        let timeline = DealTimeline(loaded)
        try format.emit(
            text: { TimelineReport.text(timeline, loaded) }, markdown: { TimelineReport.markdown(timeline, loaded) },
            json: { TimelineReport.json(timeline, loaded) }, to: output)
    }
}
