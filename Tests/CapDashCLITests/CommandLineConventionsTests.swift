import Foundation
import Testing

@Suite("What terminal users expect: --version and the root help", .serialized)
struct CommandLineConventionsTests {
    @Test("--version prints the version and exits 0, on the root and on subcommands")
    func version() throws {
        for arguments in [["--version"], ["report", "--version"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 0)
            #expect(result.stdout == "0.3.0\n")
            #expect(result.stderr.isEmpty)
        }
    }

    @Test("capdash --help lists the dashboard's own arguments and options")
    func rootHelpListsDashboardOptions() throws {
        let result = try CLI.run(["--help"], environment: ["COLUMNS": "132"])
        #expect(result.status == 0)
        for line in [
            "DASHBOARD ARGUMENTS:",
            "  <file>                  Scenario file (.yaml or a facilities .csv). Default: the built-in example.",
            "  <compare-with>          A second scenario to compare with (the c view).",
            "DASHBOARD OPTIONS:",
            "  --divest <ID[,ID...]>   Sell these facilities outright.",
            "  --retain <ID[,ID...]>   Keep these facilities.",
            "  --leaseback <ID[,ID...]>",
            "                          Sell and lease back these facilities.",
            "  --contribute <ID[,ID...]>",
            "  --set <KEY=VALUE>       Change an assumption, e.g. discount_rate=0.1 or gpu.unit_capex=35000.",
            "  --theme <NAME|FILE>     Theme: dark, light, high-contrast, mono, a user theme, or a file.",
            "  --version               Show the version.",
            "SUBCOMMANDS:",
        ] {
            #expect(result.stdout.split(separator: "\n").contains(Substring(line)), "missing: \(line)")
        }
    }

    @Test("the root help's dashboard section is the dashboard's own help, option for option, at any width")
    func rootHelpMatchesDashboardHelp() throws {
        for width in [60, 80, 132] {
            let root = try CLI.run(["--help"], environment: ["COLUMNS": String(width)]).stdout
            // The root prints the section one column narrower, so its own wrapping leaves it alone.
            let dashboard = try CLI.run(["dashboard", "--help"], environment: ["COLUMNS": String(width - 1)]).stdout
            func section(_ help: String, from title: String) -> [Substring] {
                let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
                guard let start = lines.firstIndex(where: { $0.hasSuffix(title) }) else { return [] }
                return Array(lines[(start + 1)...].prefix { !$0.isEmpty }).filter { !$0.contains("--help") && !$0.contains("--version") }
            }
            for title in ["ARGUMENTS:", "OPTIONS:"] {
                let own = section(dashboard, from: title)
                #expect(own.count >= 2)
                #expect(section(root, from: "DASHBOARD " + title) == own, "COLUMNS=\(width) \(title)")
            }
            #expect(root.split(separator: "\n").allSatisfy { $0.count <= width || $0.hasPrefix("USAGE:") || $0.hasPrefix("         capdash") },
                "COLUMNS=\(width): a line is wider than the screen")
        }
    }
}
