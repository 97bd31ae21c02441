import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Linux's memory devices (major 1), made with mknod inside a scratch directory:
/// the system's own /dev entries are never touched.
enum MemoryDevice: UInt {
    case null = 3
    case full = 7

    func make(in scratch: Scratch) throws -> String {
        let path = scratch.path + "/\(self)"
        // glibc's makedev is a macro Swift cannot see; for major 1 it is (1 << 8) | minor.
        try #require(mknod(path, S_IFCHR | 0o666, dev_t((1 << 8) | rawValue)) == 0)
        return path
    }
}

func fileType(_ path: String) -> mode_t {
    var info = stat()
    guard lstat(path, &info) == 0 else { return 0 }
    return info.st_mode & S_IFMT
}

@Suite("-o never replaces what is not a regular file", .serialized)
struct OutputFileTests {
    @Test("report -o a null device writes through it and leaves it a device")
    func nullDevice() throws {
        let scratch = try Scratch()
        let null = try MemoryDevice.null.make(in: scratch)
        let result = try CLI.run(["report", "--format", "json", "-o", null])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(fileType(null) == S_IFCHR)
        #expect(scratch.files == ["null"])
    }

    @Test("report -o a full device fails with the reason and exit 2, and leaves it a device")
    func fullDevice() throws {
        let scratch = try Scratch()
        let full = try MemoryDevice.full.make(in: scratch)
        let result = try CLI.run(["report", "-o", full])
        #expect(result.status == 2)
        #expect(result.stderrLines == ["capdash: \(full): cannot write: No space left on device"])
        #expect(fileType(full) == S_IFCHR)
        #expect(scratch.files == ["full"])
    }

    @Test("report -o a symlink updates the file it points to; the link stays a link")
    func symlink() throws {
        let scratch = try Scratch()
        try scratch.write("s.yaml", validScenario)
        try scratch.write("kept.md", "old\n")
        try #require(Glibc.symlink("kept.md", scratch.path + "/latest.md") == 0)
        let result = try CLI.run(["report", "s.yaml", "--format", "markdown", "-o", "latest.md"], in: scratch.path)
        #expect(result.status == 0)
        #expect(fileType(scratch.path + "/latest.md") == S_IFLNK)
        #expect(try scratch.read("kept.md").hasPrefix("# CLI test"))
        #expect(scratch.files == ["kept.md", "latest.md", "s.yaml"])
    }
}

/// Valid and without warnings, so standard error stays empty.
let quietScenario = """
    schema: capdash/v1
    name: Quiet
    facilities:
      - {id: a, name: Alpha, region: US, capacity_mw: 10, book_value: 100M, sale_price: 150M, annual_opex: 5M, annual_capex: 2M, disposition: retain}

    """

let invalidScenario = """
    schema: capdash/v1
    name: Broken
    facilities: 5

    """

@Suite("Write errors are errors", .serialized)
struct StandardStreamTests {
    @Test(
        "standard output on a full device: exit 3 and one line saying why, whatever the command",
        arguments: [["report", "--format", "json"], ["check", "s.yaml"], ["snapshot", "--size", "40x10"], ["--help"]])
    func fullStandardOutput(_ arguments: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("s.yaml", quietScenario)
        let full = try #require(FileHandle(forWritingAtPath: try MemoryDevice.full.make(in: scratch)))
        let result = try CLI.run(arguments, in: scratch.path, standardOutput: full)
        #expect(result.status == 3)
        #expect(!result.signaled)
        #expect(result.stderrLines == ["capdash: cannot write to standard output: No space left on device"])
    }

    @Test("standard output on a null device is written and succeeds")
    func nullStandardOutput() throws {
        let scratch = try Scratch()
        let null = try #require(FileHandle(forWritingAtPath: try MemoryDevice.null.make(in: scratch)))
        let result = try CLI.run(["report", "--format", "json"], standardOutput: null)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
    }

    @Test("an invalid scenario with standard error on a full device still exits 1, without a crash")
    func fullStandardError() throws {
        let scratch = try Scratch()
        try scratch.write("bad.yaml", invalidScenario)
        let full = try #require(FileHandle(forWritingAtPath: try MemoryDevice.full.make(in: scratch)))
        let result = try CLI.run(["check", "bad.yaml"], in: scratch.path, standardError: full)
        #expect(result.status == 1)
        #expect(!result.signaled)
        #expect(result.stdout.isEmpty)
    }

    @Test("a usage error with standard error on a full device exits 2, without a crash")
    func usageWithFullStandardError() throws {
        let scratch = try Scratch()
        let full = try #require(FileHandle(forWritingAtPath: try MemoryDevice.full.make(in: scratch)))
        let result = try CLI.run(["report", "--format", "yaml"], standardError: full)
        #expect(result.status == 2)
        #expect(!result.signaled)
    }

    @Test("a closed standard output: exit 3 and one line on standard error")
    func closedStandardOutput() throws {
        let result = try CLI.run(["report", "--format", "json"], shellRedirection: ">&-")
        #expect(result.status == 3)
        #expect(!result.signaled)
        #expect(result.stderrLines == ["capdash: cannot write to standard output: it is closed"])
    }

    @Test("a closed standard output never sends the report into a file opened later")
    func closedStandardOutputWithFiles() throws {
        let scratch = try Scratch()
        try scratch.write("s.yaml", quietScenario)
        let result = try CLI.run(["check", "s.yaml", "s.yaml"], in: scratch.path, shellRedirection: ">&-")
        #expect(result.status == 3)
        #expect(result.stderrLines == ["capdash: cannot write to standard output: it is closed"])
        #expect(try scratch.read("s.yaml") == quietScenario)
    }

    @Test("a closed standard error: an invalid scenario exits 1, a quiet valid one 0, neither crashes")
    func closedStandardError() throws {
        let scratch = try Scratch()
        try scratch.write("bad.yaml", invalidScenario)
        try scratch.write("s.yaml", quietScenario)
        let bad = try CLI.run(["check", "bad.yaml"], in: scratch.path, shellRedirection: "2>&-")
        #expect(bad.status == 1)
        #expect(!bad.signaled)
        #expect(bad.stdout.isEmpty)
        let good = try CLI.run(["check", "s.yaml"], in: scratch.path, shellRedirection: "2>&-")
        #expect(good.status == 0)
        #expect(good.stdout == "s.yaml: OK (1 facility)\n")
    }

    @Test("warnings that cannot be written make a passing check exit 3: nobody saw them")
    func lostWarnings() throws {
        let scratch = try Scratch()
        try scratch.write("s.yaml", validScenario)
        let result = try CLI.run(["check", "s.yaml"], in: scratch.path, shellRedirection: "2>&-")
        #expect(result.status == 3)
        #expect(!result.signaled)
        #expect(result.stdout == "s.yaml: OK (2 facilities, 2 warnings)\n")
    }

    @Test("a reader that goes away (report | head -c 10) ends the report quietly, non-zero, no signal")
    func brokenPipe() throws {
        let scratch = try Scratch()
        // Far more than a pipe holds, so the writer is still writing when the reader leaves.
        let generated = try CLI.run(["generate", "--facilities", "3000", "-o", "big.csv"], in: scratch.path)
        try #require(generated.status == 0)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["report", "big.yaml", "--format", "csv"]
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let head = try out.fileHandleForReading.read(upToCount: 10)
        try out.fileHandleForReading.close()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(head?.count == 10)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 3)
        #expect(errors.isEmpty)
    }
}
