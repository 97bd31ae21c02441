import Foundation
import Testing

/// One test per hostile input class (files under Tests/Fixtures/hostile):
/// the exit code, the one clear first line, and time to reject.
@Suite("Hostile input files", .serialized)
struct HostileInputTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile").path

    /// file, expected exit code, the first stderr line's text after "file:", as a prefix.
    static let cases: [(String, Int32, String)] = [
        ("empty.yaml", 1, " file is empty; expected a capdash scenario"),
        ("whitespace.yaml", 1, " file is empty; expected a capdash scenario"),
        ("binary.yaml", 1, "2:8: file looks binary (a NUL byte)"),
        ("nul.csv", 1, "1:8: file looks binary (a NUL byte)"),
        ("latin1.yaml", 1, "2:8: file is not valid UTF-8 (byte 0xFC)"),
        ("utf16.yaml", 1, "1:1: file is UTF-16; save it as UTF-8"),
        ("billion-laughs.yaml", 1, "9:45: aliases expand past 10000000 nodes"),
        ("merge-bomb.yaml", 1, "10:20: aliases expand past 10000000 nodes"),
        ("deep-nesting.yaml", 1, "3:14: nesting deeper than"),
        ("duplicate-keys.yaml", 1, "13:5: facilities[0].region: key given twice in one mapping (first at line 6)"),
        ("not-a-mapping.yaml", 1, "1:1: expected a capdash scenario"),
        ("two-documents.yaml", 1, "3:1: found a second YAML document"),
        ("undefined-alias.yaml", 1, "4:5: alias *nowhere refers to no anchor"),
        ("tab-indent.yaml", 1, "4:1: invalid YAML: found character that cannot start any token"),
        ("huge-string.yaml", 1, "2:7: name: text of 100000 bytes; the limit is 65536"),
        ("nan-values.yaml", 1, "7:18: facilities[0].capacity_mw: expected a finite number"),
        ("unterminated.csv", 1, "2:3: quoted field is never closed"),
        ("ragged.csv", 1, "2:1: row has 3 fields; the header has 8"),
        ("many-errors.yaml", 1, "4:48: facilities[0].capacity_mw: expected a capacity in MW >= 0"),
        ("long-line.yaml", 0, ""),
        ("escape-names.yaml", 0, ""),
    ]

    @Test("each hostile file: exit code and one clear line, rejected in well under a second", arguments: cases.map(\.0))
    func hostile(name: String) throws {
        let (_, status, firstLine) = Self.cases.first { $0.0 == name }!
        let path = Self.directory + "/" + name
        let start = Date()
        let result = try CLI.run(["report", path])
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.status == status)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrac"))
        if status != 0 {
            #expect(result.stdout.isEmpty)
            #expect(result.stderrLines.first?.hasPrefix(path + ":" + firstLine) == true, "got: \(result.stderrLines.first ?? "")")
            #expect(result.stderrLines.count <= 201)
        }
        // A debug build and a busy machine still answer far inside the 1 s budget; a hang would not.
        #expect(elapsed < 5, "took \(elapsed) s")
    }

    @Test("an error file lists at most 200 errors and says how many more")
    func manyErrors() throws {
        let result = try CLI.run(["check", Self.directory + "/many-errors.yaml"])
        #expect(result.stderrLines.count == 201)
        #expect(result.stderrLines.last == Self.directory + "/many-errors.yaml: stopped after 200 errors; fix these first")
    }

    @Test("valid but nasty: escapes, bidi overrides and bells in names never reach a terminal or a text report raw")
    func nastyNames() throws {
        let path = Self.directory + "/escape-names.yaml"
        for arguments in [["report", path], ["report", path, "--format", "markdown"], ["snapshot", path], ["snapshot", path, "--size", "80x24", "--keys", "j"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 0)
            let raw = result.stdout.unicodeScalars.filter { scalar in
                (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
                    || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            }
            #expect(raw.isEmpty, "\(arguments): raw control characters \(raw.map { String($0.value, radix: 16) })")
        }
        let text = try CLI.run(["report", path]).stdout
        #expect(text.contains("Evil \\x1b[2J\\x1b]0;pwned\\x07 scenario \\u{202e}reversed"))
        #expect(text.contains("東京データセンター"))
        #expect(text.contains("$1500.00T"))  // 1.5e15 dollars format, not overflow
    }

    @Test("JSON and CSV escape file text by their own rules")
    func jsonAndCSV() throws {
        let path = Self.directory + "/escape-names.yaml"
        let json = try CLI.run(["report", path, "--format", "json"]).stdout
        #expect(json.contains("\"Evil \\u001b[2J\\u001b]0;pwned\\u0007 scenario \u{202E}reversed\""))
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
        let csv = try CLI.run(["report", path, "--format", "csv"]).stdout
        #expect(csv.split(separator: "\n").count == 3)
    }

    @Test("a directory, a FIFO, a missing file and a file over 256 MiB each get one line, fast")
    func specialFiles() throws {
        let scratch = try Scratch()
        #expect(mkfifo(scratch.path + "/pipe.yaml", 0o600) == 0)
        let huge = scratch.path + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: huge))
        try handle.truncate(atOffset: 300 * 1024 * 1024)
        try handle.close()
        let expectations = [
            (scratch.path, "is a directory"), (scratch.path + "/pipe.yaml", "is not a regular file"),
            (scratch.path + "/missing.yaml", "no such file"), (huge, "file is 300 MiB; the limit is 256 MiB"),
        ]
        for (path, phrase) in expectations {
            let result = try CLI.run(["check", path])
            #expect(result.status == 1)
            #expect(result.stderrLines == ["\(path): \(phrase)" + (phrase == "is a directory" ? "; expected a scenario file (.yaml or .csv)" : phrase == "is not a regular file" ? "; expected a scenario file (.yaml or .csv)" : "")])
        }
    }
}
