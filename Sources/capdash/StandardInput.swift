import CapDashModel
import Foundation

/// Standard input as a scenario (`-` as FILE). Read once: every `-` on a command line
/// names the same stream, so `capdash diff - -` compares it with itself.
enum StandardInput {
    static let bytes = Result { () throws(ScenarioLoadError) in
        try SourceFile.readStandardInput(displayName: ScenarioLoader.standardInputName)
    }

    /// The scenario on standard input, read once.
    static func scenario() -> Result<Scenario, ScenarioLoadError> {
        bytes.flatMap { bytes in
            Result { () throws(ScenarioLoadError) in try ScenarioLoader.load(standardInput: bytes) }
        }
    }

    /// `load(path:)`, where `-` is standard input.
    static func load(path: String, progress: LoadProgress? = nil) -> Result<Scenario, ScenarioLoadError> {
        path == "-" ? scenario() : ScenarioLoader.result(path: path, progress: progress)
    }

    /// A terminal is refused: reading it would wait for typing nobody meant to do.
    static func refuseTerminal() throws {
        guard isatty(STDIN_FILENO) == 1 else { return }
        throw ExitFailure(code: ExitFailure.usage, lines: [
            "capdash: - reads the scenario from standard input, which is a terminal; pipe one in, like 'capdash report - < plan.yaml'"
        ])
    }
}
