import ArgumentParser
import CapDashModel
import CapDashReport

@main
struct CapDash: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capdash",
        abstract: "Infrastructure capital allocation: what selling, keeping or leasing back data centers frees, and what it buys in AI training compute.",
        usage: """
            capdash [FILE] [COMPARE_FILE] [--theme NAME|FILE] [--divest ID,..] [--set KEY=VALUE]
              capdash <subcommand>
            """,
        discussion: """
            With no subcommand, opens the dashboard on FILE (default: the built-in example).
            Exit codes: 0 success, 1 invalid scenario, 2 usage error, 3 output could not be written.
            """ + Dashboard.argumentsAndOptionsHelp,
        version: CapDashVersion.current,
        subcommands: [Dashboard.self, Report.self, Snapshot.self, Check.self, Diff.self, Sensitivity.self, Timeline.self, Optimize.self, Review.self, Generate.self, Bench.self],
        defaultSubcommand: Dashboard.self)

    /// Exit codes as documented: usage problems are 2, invalid scenarios 1, output
    /// that could not be written 3; one line per message.
    static func main() {
        Output.prepare()
        do {
            var command = try parseAsRoot()
            try command.run()
            Output.exit(0)
        } catch let failure as ExitFailure {
            failure.lines.forEach(Output.errorLine)
            Output.exit(failure.code)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version are output, not errors.
                do {
                    try Output.standardOutput(fullMessage(for: error) + "\n")
                } catch {
                    error.lines.forEach(Output.errorLine)
                    Output.exit(error.code)
                }
                Output.exit(0)
            }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            Output.errorLine("capdash: \(message) (see 'capdash --help')")
            Output.exit(ExitFailure.usage)
        }
    }
}

/// A failure the CLI reports as one line per message and an exit code.
struct ExitFailure: Error {
    static let invalidScenario: Int32 = 1
    static let usage: Int32 = 2

    var code: Int32
    var lines: [String]
}
