#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old content or the new, never
/// half: a temp file in the same directory, fsync, then rename over the target.
/// An existing file keeps its permissions. Only a regular file is ever replaced:
/// a symlink's target is written (the link stays a link), a device or FIFO is
/// written in place, and a directory or socket is refused.
public enum AtomicFile {
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    /// Links followed before calling it a loop, as the kernel's own limit.
    static let symlinkLimit = 40

    public static func write(_ text: String, to path: String) throws(Failure) {
        let target = try resolveLinks(path)
        var info = stat()
        guard lstat(target, &info) == 0 else {
            guard errno == ENOENT else { throw Failure(path: path, reason: errorText(errno)) }
            try replace(target, with: text, mode: 0o644 & ~currentUmask(), reportedAs: path)
            return
        }
        // Renaming would replace even a read-only file; respect the user's lock instead.
        if info.st_mode & 0o222 == 0 {
            throw Failure(path: path, reason: "the file is read-only (chmod u+w to allow saving)")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            try replace(target, with: text, mode: info.st_mode & 0o7777, reportedAs: path)
        case S_IFCHR, S_IFBLK, S_IFIFO:
            // A device or pipe cannot be renamed over (that would put a regular file in its
            // place): write to it as a shell redirection does, without creating or truncating.
            try writeInPlace(target, text, isBlockDevice: info.st_mode & S_IFMT == S_IFBLK, reportedAs: path)
        case S_IFDIR:
            throw Failure(path: path, reason: "it is a directory; name a file to write")
        case S_IFSOCK:
            throw Failure(path: path, reason: "it is a socket; name a file to write")
        default:
            throw Failure(path: path, reason: "it is not a regular file")
        }
    }

    /// The path a chain of symlinks ends at (which may not exist yet: a dangling
    /// link's target is created, as a shell redirection would).
    static func resolveLinks(_ path: String) throws(Failure) -> String {
        var current = path
        for _ in 0...symlinkLimit {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length >= 0 else { throw Failure(path: path, reason: errorText(errno)) }
            let destination = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if destination.hasPrefix("/") {
                current = destination
            } else {
                current = current.lastIndex(of: "/").map { String(current[...$0]) + destination } ?? destination
            }
        }
        throw Failure(path: path, reason: "more than \(symlinkLimit) symbolic links in a chain (a loop?)")
    }

    /// The atomic path: temp file beside the target, fsync, rename over it.
    private static func replace(_ path: String, with text: String, mode: mode_t, reportedAs shown: String) throws(Failure) {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        var template = Array(((directory.isEmpty ? "/" : directory + "/") + ".capdash-tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(path: shown, reason: errorText(errno)) }
        let tempPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var committed = false
        defer {
            if !committed { unlink(tempPath) }
        }
        fchmod(descriptor, mode)
        do throws(Failure) {
            try writeAll(descriptor, text, reportedAs: shown)
            if fsync(descriptor) != 0 { throw Failure(path: shown, reason: errorText(errno)) }
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw Failure(path: shown, reason: errorText(errno)) }
        guard rename(tempPath, path) == 0 else { throw Failure(path: shown, reason: errorText(errno)) }
        committed = true
    }

    private static func writeInPlace(_ path: String, _ text: String, isBlockDevice: Bool, reportedAs shown: String) throws(Failure) {
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw Failure(path: shown, reason: errorText(errno)) }
        do throws(Failure) {
            try writeAll(descriptor, text, reportedAs: shown)
            if isBlockDevice, fsync(descriptor) != 0 { throw Failure(path: shown, reason: errorText(errno)) }
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw Failure(path: shown, reason: errorText(errno)) }
    }

    private static func writeAll(_ descriptor: Int32, _ text: String, reportedAs shown: String) throws(Failure) {
        if let failure = writeEveryByte(text, to: descriptor) { throw Failure(path: shown, reason: errorText(failure)) }
    }

    /// Every byte, or the errno that stopped it: interrupted writes are retried, short
    /// ones continued. The one write loop of capdash (files here, standard output in the CLI).
    public static func writeEveryByte(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { writeEveryByte(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    /// `writeEveryByte` for bytes already encoded (a report streamed in pieces).
    public static func writeEveryByte(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var written = 0
        while written < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if count == 0 { return EIO }
            written += count
        }
        return nil
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }

    private static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
