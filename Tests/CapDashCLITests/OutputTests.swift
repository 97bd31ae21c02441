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
