#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a scenario or CSV file and rejects what cannot be one, each with one clear line.
public enum SourceFile {
    /// Larger files are refused before reading: no real portfolio is this big.
    public static let sizeLimit = 256 * 1024 * 1024

    /// The file's bytes without a UTF-8 byte-order mark, checked to be UTF-8 text.
    public static func readText(path: String, displayName: String) throws(ScenarioLoadError) -> [UInt8] {
        try text(try readBytes(path: path, displayName: displayName), displayName: displayName)
    }

    /// Bytes checked to be UTF-8 text, without a byte-order mark.
    static func text(_ bytes: [UInt8], displayName: String) throws(ScenarioLoadError) -> [UInt8] {
        try checkText(bytes, displayName: displayName)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        return bytes
    }

    public static func readBytes(path: String, displayName: String) throws(ScenarioLoadError) -> [UInt8] {
        func fail(_ message: String) -> ScenarioLoadError {
            ScenarioLoadError([.error(file: displayName, at: nil, "", message)])
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw fail(openErrorMessage(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw fail("cannot read it: \(errorText(errno))") }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { throw fail("is a directory; expected a scenario file (.yaml or .csv)") }
        guard kind == S_IFREG else { throw fail("is not a regular file; expected a scenario file (.yaml or .csv)") }
        let size = Int(info.st_size)
        guard size <= sizeLimit else {
            throw fail("file is \(size / (1024 * 1024)) MiB; the limit is 256 MiB")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, size - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw fail("cannot read it: \(errorText(errno))")
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// Empty, binary and non-UTF-8 files get a message that says what to do.
    static func checkText(_ bytes: [UInt8], displayName: String) throws(ScenarioLoadError) {
        func fail(_ position: SourcePosition?, _ message: String) -> ScenarioLoadError {
            ScenarioLoadError([.error(file: displayName, at: position, "", message)])
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw fail(nil, "file is empty; expected a capdash scenario (schema: capdash/v1) or a facilities CSV")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw fail(SourcePosition(line: 1, column: 1), "file is UTF-16; save it as UTF-8")
        }
        // memchr: a file read whole is searched for a NUL at memory speed, not a byte a loop.
        let nulOffset = bytes.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let found = memchr(base, 0, raw.count) else { return nil }
            return UnsafeRawPointer(found) - base
        }
        if let nul = nulOffset {
            throw fail(position(ofByte: nul, in: bytes), "file looks binary (a NUL byte); expected YAML or CSV text")
        }
        if let bad = firstInvalidUTF8(bytes) {
            throw fail(
                position(ofByte: bad, in: bytes),
                "file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))); save it as UTF-8")
        }
    }

    /// Line and character column of a byte offset (invalid UTF-8 counts a character per bad byte,
    /// as editors show it).
    public static func position(ofByte offset: Int, in bytes: [UInt8]) -> SourcePosition {
        let prefix = bytes[..<offset]
        let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return SourcePosition(line: line, column: column)
    }

    /// The first line break YAML sees but editors and `file:line` tools do not
    /// (a lone CR, NEL, U+2028, U+2029): positions after it would disagree.
    static func firstForeignLineBreak(_ bytes: [UInt8]) -> (offset: Int, name: String)? {
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0D where index + 1 >= bytes.count || bytes[index + 1] != 0x0A:
                return (index, "a lone carriage return (old Mac line end)")
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85:
                return (index, "a NEL (U+0085) line break")
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                return (index, "a Unicode line separator (U+\(bytes[index + 2] == 0xA8 ? "2028" : "2029"))")
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// Offset of the first byte that breaks UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var index = 0
            let count = buffer.count
            while index < count {
                if base[index] < 0x80 {
                    index += 1
                    // ASCII runs (nearly all of a file) eight bytes at a time.
                    while index + 8 <= count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                    }
                    continue
                }
                let length = utf8SequenceLength(base, index, count, atEnd: true)
                if length <= 0 { return index }
                index += length
            }
            return nil
        }
    }

    /// The length of the valid UTF-8 sequence that starts at `start` (a byte of 0x80 or more),
    /// 0 if it is invalid, -1 if the bytes end inside it and more may come (`atEnd` false).
    static func utf8SequenceLength(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ count: Int, atEnd: Bool) -> Int {
        let lead = bytes[start]
        let length: Int
        var minimum: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80
        case 0xE0...0xEF: length = 3; minimum = 0x800
        case 0xF0...0xF4: length = 4; minimum = 0x10000
        default: return 0
        }
        guard start + length <= count else { return atEnd ? 0 : -1 }
        var scalar = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let continuation = bytes[start + offset]
            guard continuation & 0xC0 == 0x80 else { return 0 }
            scalar = scalar << 6 | UInt32(continuation & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return 0 }
        return length
    }

    private static func openErrorMessage(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied; check the file's read permission"
        case EISDIR: "is a directory; expected a scenario file (.yaml or .csv)"
        default: "cannot open it: \(errorText(code))"
        }
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
