#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old content or the new, never
/// half: a temp file in the same directory, fsync, then rename over the target.
/// An existing file keeps its permissions.
public enum AtomicFile {
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    public static func write(_ text: String, to path: String) throws(Failure) {
        // Renaming would replace even a read-only file; respect the user's lock instead.
        var current = stat()
        if stat(path, &current) == 0, current.st_mode & 0o222 == 0 {
            throw Failure(path: path, reason: "the file is read-only (chmod u+w to allow saving)")
        }
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        var template = Array(((directory.isEmpty ? "/" : directory + "/") + ".capdash-tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(path: path, reason: errorText(errno)) }
        let tempPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var committed = false
        defer {
            if !committed { unlink(tempPath) }
        }
        var existing = stat()
        let mode: mode_t = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644 & ~currentUmask()
        fchmod(descriptor, mode)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = errorText(errno)
                close(descriptor)
                throw Failure(path: path, reason: reason)
            }
            written += count
        }
        if fsync(descriptor) != 0 {
            let reason = errorText(errno)
            close(descriptor)
            throw Failure(path: path, reason: reason)
        }
        close(descriptor)
        guard rename(tempPath, path) == 0 else { throw Failure(path: path, reason: errorText(errno)) }
        committed = true
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
