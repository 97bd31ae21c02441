import Foundation
import Testing

/// ESC [31m (turns a terminal red) and U+202E (reverses the text after it).
let hostile = "\u{1b}[31m\u{202e}"
let hostileEscaped = "\\x1b[31m\\u{202e}"

/// No raw escape or bidi override anywhere, and the visible escape where the text was.
func expectSafe(_ text: String, contains expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!text.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x202e }, "raw: \(text.debugDescription)", sourceLocation: sourceLocation)
    #expect(text.contains(expected), "got: \(text.debugDescription)", sourceLocation: sourceLocation)
}

@Suite("No raw control characters in any diagnostic", .serialized)
struct DiagnosticEscapingTests {
    @Test("unknown and duplicate key names are escaped")
    func keyNames() throws {
        let scratch = try Scratch()
        try scratch.write("s.yaml", """
            schema: capdash/v1
            name: keys
            "\\e[31m\\u202ebad": 1
            facilities:
              - {id: a, name: A, region: US, capacity_mw: 1, book_value: 1M, annual_opex: 1M, annual_capex: 1M, disposition: retain, "\\e[31m\\u202edup": 1, "\\e[31m\\u202edup": 2}

            """)
        let result = try CLI.run(["check", "s.yaml"], in: scratch.path)
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 3)
        expectSafe(result.stderr, contains: "s.yaml:3:1: \(hostileEscaped)bad: unknown key; expected one of")
        expectSafe(result.stderr, contains: "facilities[0].\(hostileEscaped)dup: unknown key")
        expectSafe(result.stderr, contains: "facilities[0].\(hostileEscaped)dup: key given twice in one mapping (first at line 5); remove one")
    }

    @Test("the facilities_csv path is escaped")
    func csvPath() throws {
        let scratch = try Scratch()
        try scratch.write("s.yaml", "schema: capdash/v1\nname: csv\nfacilities_csv: \"plants\\e[31m\\u202e.csv\"\n")
        let result = try CLI.run(["check", "s.yaml"], in: scratch.path)
        #expect(result.status == 1)
        expectSafe(result.stderr, contains: "s.yaml:3:17: facilities_csv: cannot use plants\(hostileEscaped).csv: no such file")
    }

    @Test("the file name in every file:line:column prefix, and in check's OK line, is escaped")
    func fileName() throws {
        let scratch = try Scratch()
        let bad = try scratch.write("bad\(hostile).yaml", invalidScenario)
        let good = try scratch.write("good\(hostile).yaml", quietScenario)
        let failed = try CLI.run(["check", "bad\(hostile).yaml"], in: scratch.path)
        #expect(failed.status == 1)
        expectSafe(failed.stderr, contains: "bad\(hostileEscaped).yaml:3:13: facilities: expected a list of facilities, found \"5\"")
        let passed = try CLI.run(["check", good], in: scratch.path)
        #expect(passed.status == 0)
        expectSafe(passed.stdout, contains: "good\(hostileEscaped).yaml: OK (1 facility)")
        let report = try CLI.run(["report", bad])
        #expect(report.status == 1)
        expectSafe(report.stderr, contains: "bad\(hostileEscaped).yaml:3:13:")
    }

    @Test("theme keys and values are escaped")
    func themeFile() throws {
        let scratch = try Scratch()
        try scratch.write("t.yaml", """
            name: t
            roles:
              "\\e[31m\\u202ehead": {fg: red}
              header: {fg: "\\e[31m\\u202ered", "\\e[31m\\u202ek": 1}

            """)
        let result = try CLI.run(["snapshot", "--theme", "t.yaml"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderrLines.count == 3)
        expectSafe(result.stderr, contains: "capdash: t.yaml:3:3: roles.\(hostileEscaped)head: unknown role")
        expectSafe(result.stderr, contains: "capdash: t.yaml:4:16: roles.header.fg: expected a color (default, black, red, ..., bright-white, or 0-255), found \"\(hostileEscaped)red\"")
        expectSafe(result.stderr, contains: "roles.header.\(hostileEscaped)k: unknown key; expected fg, bg")
    }

    @Test("the --theme and --format values are escaped")
    func optionValues() throws {
        let theme = try CLI.run(["snapshot", "--theme", "x\(hostile)"])
        #expect(theme.status == 2)
        expectSafe(theme.stderr, contains: "capdash: --theme: unknown theme \"x\(hostileEscaped)\"")
        let format = try CLI.run(["report", "--format", "x\(hostile)"])
        #expect(format.status == 2)
        expectSafe(format.stderr, contains: "capdash: The value 'x\(hostileEscaped)' is invalid for '--format <format>'")
        let size = try CLI.run(["snapshot", "--size", "x\(hostile)"])
        #expect(size.status == 2)
        expectSafe(size.stderr, contains: "capdash: --size x\(hostileEscaped): expected WIDTHxHEIGHT")
    }

    @Test("TERM is escaped when the dashboard cannot use it", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func term() throws {
        let scratch = try Scratch()
        // script(1) gives the dashboard a pseudo-terminal; its log stays in the scratch directory.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", "exec '\(CLI.binary.path)' 2>err.txt", scratch.path + "/typescript"]
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "x\(hostile)"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        let errors = try scratch.read("err.txt")
        expectSafe(errors, contains: "capdash: cannot use terminal type 'x\(hostileEscaped)'; use 'capdash report' or 'capdash snapshot' instead")
    }
}
