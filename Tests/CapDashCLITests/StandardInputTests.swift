import Foundation
import Testing

@Suite("- as FILE reads the scenario from standard input", .serialized)
struct StandardInputTests {
    @Test("a YAML scenario piped in reports as it does from a file")
    func yaml() throws {
        let scratch = try Scratch()
        let file = try scratch.write("s.yaml", validScenario)
        let fromFile = try CLI.run(["report", file, "--format", "json"])
        let piped = try CLI.run(["report", "-", "--format", "json"], input: validScenario)
        #expect(piped.status == 0)
        #expect(piped.stderr.isEmpty)
        // The same figures; only the file name differs.
        #expect(fromFile.status == 0)
        // The same figures; warnings name <stdin> where they named the file.
        #expect(piped.stdout == fromFile.stdout.replacingOccurrences(of: file, with: "<stdin>"))
        #expect(piped.stdout.contains("\"<stdin>:5:99: facilities[1].sale_price: b sells below book value ($60.0M < $80.0M)\""))
        let text = try CLI.run(["report", "-"], input: validScenario)
        #expect(text.stdout.hasPrefix("CLI test\n========\nfile: <stdin> · currency USD\n"))
    }

    @Test("a first line with commas and an id column reads as a facilities CSV")
    func csv() throws {
        let csv = "name, ID ,region,capacity_mw,book_value,sale_price,annual_opex,annual_capex,disposition\nXeno,x,US,5,10M,,1M,1M,retain\nYara,y,EU,7,20M,30M,1M,1M,leaseback\n"
        let result = try CLI.run(["report", "-", "--format", "csv"], input: csv)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.count == 3)
        #expect(rows[1].hasPrefix("x,Xeno,US,") && rows[1].contains(",retain"))
        #expect(rows[2].hasPrefix("y,Yara,EU,") && rows[2].contains(",leaseback"))
    }

    @Test("diagnostics name <stdin> with line and column")
    func diagnostics() throws {
        let result = try CLI.run(["report", "-"], input: "schema: capdash/v1\nname: bad\nfacilities: 3\n")
        #expect(result.status == 1)
        #expect(result.stderrLines == ["<stdin>:3:13: facilities: expected a list of facilities, found \"3\""])
        let csv = try CLI.run(["report", "-"], input: "id,name,region\nx,Xeno,US\n")
        #expect(csv.status == 1)
        #expect(csv.stderrLines.first?.hasPrefix("<stdin>:1:1: header is missing required column") == true)
        let empty = try CLI.run(["report", "-"], input: "")
        #expect(empty.status == 1)
        #expect(empty.stderrLines == ["<stdin>: file is empty; expected a capdash scenario (schema: capdash/v1) or a facilities CSV"])
    }

    @Test("facilities_csv in a piped scenario resolves against the current directory")
    func facilitiesCSV() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path + "/data", withIntermediateDirectories: true)
        try scratch.write("data/plants.csv", "id,name,region,capacity_mw,book_value,sale_price,annual_opex,annual_capex,disposition\np1,Plant One,US,12,50M,80M,2M,1M,divest\n")
        let scenario = "schema: capdash/v1\nname: Piped plants\nfacilities_csv: data/plants.csv\n"
        let result = try CLI.run(["report", "-", "--format", "csv"], in: scratch.path, input: scenario)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.split(separator: "\n").last?.hasPrefix("p1,Plant One,US,") == true)
        let missing = try CLI.run(["report", "-"], in: NSTemporaryDirectory(), input: scenario)
        #expect(missing.status == 1)
        #expect(missing.stderrLines == ["<stdin>:3:17: facilities_csv: cannot use data/plants.csv: no such file"])
    }

    @Test("snapshot, diff and --compare take - too, and every - is the same stream")
    func otherCommands() throws {
        let snapshot = try CLI.run(["snapshot", "-", "--size", "80x24"], input: validScenario)
        #expect(snapshot.status == 0)
        #expect(snapshot.stdout.hasPrefix(" capdash │ CLI test │ <stdin>"))
        let diff = try CLI.run(["diff", "-", "-", "--format", "json"], input: validScenario)
        #expect(diff.status == 0)
        #expect(diff.stdout.contains("\"capex_freed\""))
        let scratch = try Scratch()
        let file = try scratch.write("a.yaml", validScenario.replacingOccurrences(of: "disposition: divest", with: "disposition: retain"))
        let compare = try CLI.run(["diff", file, "-"], input: validScenario)
        #expect(compare.status == 0)
        #expect(compare.stdout.hasSuffix("DISPOSITIONS THAT DIFFER (1)\n  ID  Name  A       B\n  --  ----  ------  ------\n  b   Beta  retain  divest\n"))
        let compareView = try CLI.run(["snapshot", "--compare", "-", "--size", "120x40"], input: validScenario)
        #expect(compareView.status == 0)
        #expect(compareView.stdout.split(separator: "\n")[1].hasPrefix("┌ Compare · this (A) vs <stdin> (B) · C closes ─"))
    }

    @Test("the dashboard with a piped scenario says it needs a terminal, and exits 2")
    func dashboard() throws {
        let result = try CLI.run(["-"], input: validScenario)
        #expect(result.status == 2)
        #expect(result.stderrLines == ["capdash: standard input or output is not a terminal; use 'capdash report' or 'capdash snapshot' instead"])
    }

    #if os(Linux)
    @Test("a terminal on standard input is refused at once, not waited on")
    func terminal() throws {
        // A pseudo-terminal pair: its follower side is a terminal nobody types into.
        let leader = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(leader >= 0)
        defer { close(leader) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        // TIOCSPTLCK and TIOCGPTN (x86-64 and arm64 values; the macros do not import into Swift).
        try #require(ioctl(leader, 0x4004_5431, &unlock) == 0 && ioctl(leader, 0x8004_5430, &number) == 0)
        let terminal = try #require(FileHandle(forUpdatingAtPath: "/dev/pts/\(number)"))
        defer { try? terminal.close() }
        let result = try CLI.run(["report", "-"], standardInput: terminal)
        #expect(result.status == 2)
        #expect(result.stderrLines == ["capdash: - reads the scenario from standard input, which is a terminal; pipe one in, like 'capdash report - < plan.yaml'"])
    }
    #endif
}
