import CapDashModel
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Everything here happens inside a scratch directory: device nodes are made
/// with mknod there, never the system's own /dev entries.
@Suite("Writing a file never replaces what is not a regular file")
struct AtomicFileTests {
    private func fileType(_ path: String) -> mode_t {
        var info = stat()
        #expect(lstat(path, &info) == 0)
        return info.st_mode & S_IFMT
    }

    private func mode(_ path: String) -> mode_t {
        var info = stat()
        #expect(stat(path, &info) == 0)
        return info.st_mode & 0o7777
    }

    /// Linux's memory devices (major 1): 3 is null, 7 is full. glibc's makedev is a macro Swift cannot see.
    private func memoryDevice(minor: UInt) -> dev_t {
        dev_t((1 << 8) | minor)
    }

    private func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test("a symlink to a file stays a link; its target gets the new text and keeps its permissions")
    func symlinkToFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("real.txt", "old\n")
        chmod(directory.path + "/real.txt", 0o640)
        #expect(symlink("real.txt", directory.path + "/link.txt") == 0)
        try AtomicFile.write("new\n", to: directory.path + "/link.txt")
        #expect(fileType(directory.path + "/link.txt") == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory.path + "/link.txt") == "real.txt")
        #expect(try contents(directory.path + "/real.txt") == "new\n")
        #expect(mode(directory.path + "/real.txt") == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["link.txt", "real.txt"])
    }

    @Test("a chain of links, relative and absolute, across directories, ends at the one file written")
    func symlinkChain() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/data", withIntermediateDirectories: true)
        try directory.write("data/report.txt", "old\n")
        #expect(symlink(directory.path + "/data/report.txt", directory.path + "/data/latest") == 0)
        #expect(symlink("data/latest", directory.path + "/first") == 0)
        #expect(symlink("first", directory.path + "/out.txt") == 0)
        try AtomicFile.write("chained\n", to: directory.path + "/out.txt")
        #expect(fileType(directory.path + "/out.txt") == S_IFLNK)
        #expect(fileType(directory.path + "/first") == S_IFLNK)
        #expect(fileType(directory.path + "/data/latest") == S_IFLNK)
        #expect(fileType(directory.path + "/data/report.txt") == S_IFREG)
        #expect(try contents(directory.path + "/data/report.txt") == "chained\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/data").sorted() == ["latest", "report.txt"])
    }

    @Test("a dangling link creates the file it points to; a loop of links is refused")
    func danglingAndLoopingLinks() throws {
        let directory = try TemporaryDirectory()
        #expect(symlink("made.txt", directory.path + "/dangling") == 0)
        try AtomicFile.write("made\n", to: directory.path + "/dangling")
        #expect(fileType(directory.path + "/dangling") == S_IFLNK)
        #expect(try contents(directory.path + "/made.txt") == "made\n")

        #expect(symlink("loop-b", directory.path + "/loop-a") == 0)
        #expect(symlink("loop-a", directory.path + "/loop-b") == 0)
        let error = #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: directory.path + "/loop-a") }
        #expect(error?.description == directory.path + "/loop-a: cannot write: more than 40 symbolic links in a chain (a loop?)")
    }

    @Test("a null device stays a device and takes the text")
    func nullDevice() throws {
        let directory = try TemporaryDirectory()
        let null = directory.path + "/null"
        #expect(mknod(null, S_IFCHR | 0o666, memoryDevice(minor: 3)) == 0)
        try AtomicFile.write(String(repeating: "report line\n", count: 10_000), to: null)
        #expect(fileType(null) == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["null"])
    }

    @Test("a full device is an error that says so, and stays a device")
    func fullDevice() throws {
        let directory = try TemporaryDirectory()
        let full = directory.path + "/full"
        #expect(mknod(full, S_IFCHR | 0o666, memoryDevice(minor: 7)) == 0)
        let error = #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("anything\n", to: full) }
        #expect(error?.description == full + ": cannot write: No space left on device")
        #expect(fileType(full) == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["full"])
    }

    @Test("a FIFO with a reader gets every byte and stays a FIFO")
    func fifo() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path + "/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        // Bigger than a pipe's buffer, so the writer must wait for the reader.
        let text = String(repeating: "0123456789abcdef", count: 40_000)
        let group = DispatchGroup()
        nonisolated(unsafe) var received = Data()
        DispatchQueue.global().async(group: group) {
            received = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
        }
        try AtomicFile.write(text, to: fifo)
        // Were the FIFO replaced by a file, the reader would wait forever: fail instead of hanging.
        try #require(group.wait(timeout: .now() + 20) == .success)
        #expect(received.count == text.utf8.count)
        #expect(String(decoding: received, as: UTF8.self) == text)
        #expect(fileType(fifo) == S_IFIFO)
    }

    @Test("a directory and a socket are refused by name")
    func directoryAndSocket() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/folder", withIntermediateDirectories: true)
        let folderError = #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: directory.path + "/folder") }
        #expect(folderError?.reason == "it is a directory; name a file to write")

        let socketPath = directory.path + "/sock"
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in socketPath.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        let socketError = #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: socketPath) }
        #expect(socketError?.reason == "it is a socket; name a file to write")
        #expect(fileType(socketPath) == S_IFSOCK)
    }

    @Test("a read-only file behind a link is still refused and left as it was")
    func readOnlyBehindLink() throws {
        let directory = try TemporaryDirectory()
        try directory.write("locked.txt", "keep\n")
        chmod(directory.path + "/locked.txt", 0o444)
        #expect(symlink("locked.txt", directory.path + "/link") == 0)
        let error = #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: directory.path + "/link") }
        #expect(error?.reason == "the file is read-only (chmod u+w to allow saving)")
        #expect(try contents(directory.path + "/locked.txt") == "keep\n")
    }
}
