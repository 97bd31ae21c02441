import ArgumentParser
import Foundation

extension Dashboard {
    /// The dashboard's arguments and options, as its own help lists them (after a blank
    /// line), for the root command's help: `capdash --help` shows what plain `capdash`
    /// takes, generated from the same definitions so the two cannot disagree.
    /// Left out of `--experimental-dump-help`, which feeds the man page: the man page
    /// lists them in the dashboard's own entry, and would reflow this table.
    static var argumentsAndOptionsHelp: String {
        if CommandLine.arguments.contains("--experimental-dump-help") { return "" }
        // One column narrower than the root help, which then prints these lines unwrapped.
        let help = helpMessage(columns: max(40, helpWidth - 1))
        guard let start = help.range(of: "ARGUMENTS:") ?? help.range(of: "OPTIONS:") else { return "" }
        var lines = help[start.lowerBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("  -h, --help") }
            .map { $0.hasSuffix(":") && !$0.hasPrefix(" ") ? "DASHBOARD " + $0 : String($0) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return "\n\n" + lines.joined(separator: "\n")
    }

    /// The width ArgumentParser renders help at: COLUMNS, else the terminal's, else 80.
    private static var helpWidth: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
