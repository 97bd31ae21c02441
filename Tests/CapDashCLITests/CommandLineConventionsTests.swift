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
            "  <file>                  Scenario file (.yaml or a facilities .csv); - reads standard input. Default: the built-in example.",
            "  <compare-with>          A second scenario to compare with (the C view).",
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

@Suite("Shell completion scripts", .serialized)
struct CompletionScriptTests {
    @Test("each shell's script completes scenario files by extension and --theme by asking capdash", arguments: [
        ("bash", "-fX '!*.@(yaml|yml|csv)'", "---completion snapshot -- --theme"),
        ("zsh", "_files -g '\\''*.yaml *.yml *.csv'\\''", "---completion snapshot -- --theme"),
        ("fish", "set -l exts \\'yaml\\' \\'yml\\' \\'csv\\'", "---completion snapshot -- --theme"),
    ])
    func scripts(shell: String, filePattern: String, themeCallback: String) throws {
        let result = try CLI.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains(filePattern))
        #expect(result.stdout.contains(themeCallback))
        // report, snapshot, check (files), diff (a and b), bench --file and snapshot --compare.
        #expect(result.stdout.components(separatedBy: filePattern).count - 1 >= 7)
    }

    /// What bash offers for a command line, through the generated script, as a user pressing TAB sees it.
    static func bashCompletions(_ line: String, in directory: String, environment: [String: String] = [:]) throws -> [String] {
        let script = """
            source <("$CAPDASH" --generate-completion-script bash)
            COMP_LINE="$LINE"; COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            COMPREPLY=()
            _capdash "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        env["CAPDASH"] = CLI.binary.path
        env["LINE"] = CLI.binary.path + " " + line
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
    }

    @Test("in bash, TAB offers .yaml, .yml and .csv files and folders, and theme names with the user's",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
    func bash() throws {
        let scratch = try Scratch()
        for name in ["plan.yaml", "alt.yml", "plants.csv", "notes.txt"] { try scratch.write(name, "") }
        try FileManager.default.createDirectory(atPath: scratch.path + "/scenarios", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: scratch.path + "/config/capdash/themes", withIntermediateDirectories: true)
        try scratch.write("config/capdash/themes/solarized.yaml", "name: solarized\nroles: {}\n")
        let files = ["alt.yml", "config", "plan.yaml", "plants.csv", "scenarios"]  // folders too, to walk into
        #expect(try Self.bashCompletions("report ", in: scratch.path) == files)
        #expect(try Self.bashCompletions("check plan.yaml ", in: scratch.path) == files)
        #expect(try Self.bashCompletions("diff plan.yaml ", in: scratch.path) == files)
        #expect(try Self.bashCompletions("snapshot --compare ", in: scratch.path) == files)
        #expect(try Self.bashCompletions("report pl", in: scratch.path) == ["plan.yaml", "plants.csv"])
        let themes = try Self.bashCompletions("snapshot --theme ", in: scratch.path, environment: ["XDG_CONFIG_HOME": scratch.path + "/config"])
        #expect(themes == ["dark", "high-contrast", "light", "mono", "solarized"])
        #expect(try Self.bashCompletions("snapshot --theme h", in: scratch.path) == ["high-contrast"])
    }
}
