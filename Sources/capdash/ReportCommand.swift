import ArgumentParser
import CapDashModel
import CapDashReport

extension ReportFormat: ExpressibleByArgument {}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the scenario's review sheet: text, markdown, json (MODEL.md section 4) or csv.")

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .long, help: "text, markdown, json or csv.")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "OUT"))
    var output: String?

    func run() throws {
        let loaded = try scenario.loadScenario()
        let evaluation = evaluate(loaded)
        if format == .json, output == nil || output == "-" {
            // Written as it is made: a million facilities' JSON is never held whole.
            try JSONReport.write(loaded, evaluation) { bytes in try Output.standardOutput(bytes: bytes) }
            return
        }
        try emit(format.render(loaded, evaluation), to: output)
    }
}

/// Prints `text`, or writes it atomically to `path`.
func emit(_ text: String, to path: String?) throws {
    guard let path, path != "-" else {
        try Output.standardOutput(text)
        return
    }
    do {
        try AtomicFile.write(text, to: path)
    } catch {
        throw ExitFailure(code: ExitFailure.usage, lines: ["capdash: " + error.description])
    }
}

