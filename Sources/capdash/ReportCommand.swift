import ArgumentParser
import CapDashModel
import CapDashReport

extension ReportFormat: ExpressibleByArgument {}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the scenario's review sheet: text, markdown, json (every figure, full precision), csv, or a one-line summary.")

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .long, help: "text, markdown, json, csv or summary (one line for a chat message).")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "OUT"))
    var output: String?

    func run() throws {
        let (file, loaded) = try scenario.loadScenarioAndFile()
        let evaluation = evaluate(loaded)
        // To standard output, JSON and CSV are written as they are made: a million facilities' report is never held whole.
        if output == nil || output == "-" {
            switch format {
            case .json:
                try JSONReport.write(loaded, evaluation) { bytes in try Output.standardOutput(bytes: bytes) }
                return
            case .csv:
                try CSVReport.write(loaded) { bytes throws(ExitFailure) in try Output.standardOutput(bytes: bytes) }
                return
            case .text, .markdown, .summary:
                break
            }
        }
        try emit(format.render(loaded, evaluation, file: file), to: output)
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

