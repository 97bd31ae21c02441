import CapDashModel

/// A small JSON writer that keeps keys in the order docs/scenario-format.md documents them
/// and numbers at full precision (Foundation's encoder does neither reliably).
///
/// It writes UTF-8 bytes straight into a buffer it owns (a million facilities
/// are some 300 MB of JSON, written a field at a time); given a sink, it hands
/// the buffer on every megabyte instead of keeping it.
struct JSONWriter: ~Copyable {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private var indent = 0
    /// Per open object or array, one bit: whether it has an item yet (deeper than 64 levels is not JSON we write).
    private var hasItems: UInt64 = 0
    private let sink: ((UnsafeRawBufferPointer) throws -> Void)?
    /// The first error the sink threw; writing stops there and `finish` rethrows it.
    private var failure: (any Error)?

    init() {
        capacity = 1 << 12
        bytes = .allocate(capacity: capacity)
        sink = nil
    }

    /// A writer that passes its bytes to `sink` as it goes; call `finish` at the end.
    init(sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        capacity = Self.flushSize + (1 << 16)
        bytes = .allocate(capacity: capacity)
        self.sink = sink
    }

    deinit {
        bytes.deallocate()
    }

    private static let flushSize = 1 << 20

    /// Everything written, when there is no sink.
    var output: String { String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self) }

    /// Hands the rest to the sink; throws what the sink threw, if it did.
    mutating func finish() throws {
        flush()
        if let failure { throw failure }
    }

    private mutating func flush() {
        defer { count = 0 }
        guard let sink, failure == nil, count > 0 else { return }
        do {
            try sink(UnsafeRawBufferPointer(start: bytes, count: count))
        } catch {
            failure = error
        }
    }

    /// Room for `more` bytes: flushed to the sink, or the buffer grown.
    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if count + more > capacity { makeRoom(more) }
    }

    private mutating func makeRoom(_ more: Int) {
        if sink != nil { flush() }
        guard count + more > capacity else { return }
        let bigger = max(2 * capacity, count + more)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        grown.update(from: bytes, count: count)
        bytes.deallocate()
        bytes = grown
        capacity = bigger
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        bytes[count] = byte
        count += 1
    }

    private mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        reserve(source.count)
        guard let base = source.baseAddress else { return }
        (bytes + count).update(from: base, count: source.count)
        count += source.count
    }

    enum Value {
        case number(Double)
        case integer(Int)
        case string(String)
        case bool(Bool)
        case null
    }

    mutating func beginObject(_ key: String? = nil) {
        begin(key, UInt8(ascii: "{"))
    }

    mutating func beginArray(_ key: String? = nil) {
        begin(key, UInt8(ascii: "["))
    }

    mutating func endObject() { end(UInt8(ascii: "}")) }
    mutating func endArray() { end(UInt8(ascii: "]")) }

    mutating func field(_ key: String, _ value: Value) {
        separate()
        appendQuoted(key)
        append(UInt8(ascii: ":"))
        append(UInt8(ascii: " "))
        append(value)
    }

    mutating func element(_ value: Value) {
        separate()
        append(value)
    }

    private mutating func begin(_ key: String?, _ bracket: UInt8) {
        separate()
        if let key {
            appendQuoted(key)
            append(UInt8(ascii: ":"))
            append(UInt8(ascii: " "))
        }
        append(bracket)
        indent += 1
        hasItems &= ~(1 << UInt64(indent & 63))
    }

    private mutating func end(_ bracket: UInt8) {
        let hadItems = hasItems & (1 << UInt64(indent & 63)) != 0
        indent -= 1
        if hadItems { newLine() }
        append(bracket)
        if indent == 0 { append(0x0A) }
    }

    private mutating func separate() {
        let bit: UInt64 = 1 << UInt64(indent & 63)
        if hasItems & bit != 0 { append(UInt8(ascii: ",")) }
        if indent > 0 { newLine() }
        hasItems |= bit
    }

    private mutating func newLine() {
        let width = 2 * indent
        reserve(1 + width)
        bytes[count] = 0x0A
        (bytes + count + 1).initialize(repeating: 0x20, count: width)
        count += 1 + width
    }

    static func encode(_ value: Value) -> String {
        var writer = JSONWriter()
        writer.append(value)
        return writer.output
    }

    static func quote(_ string: String) -> String {
        var writer = JSONWriter()
        writer.appendQuoted(string)
        return writer.output
    }

    private mutating func append(_ value: Value) {
        switch value {
        case .number(let number): appendNumber(number)
        case .integer(let integer): appendInteger(Int64(integer))
        case .string(let string): appendQuoted(string)
        case .bool(let bool): appendASCII(bool ? "true" : "false")
        case .null: appendASCII("null")
        }
    }

    private mutating func appendASCII(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// As `Format.exact`: integers without `.0` (written digit by digit), others as Swift prints them, non-finite as null.
    private mutating func appendNumber(_ number: Double) {
        guard number.isFinite else {
            appendASCII("null")
            return
        }
        if number == number.rounded() && abs(number) < 1e15 {
            appendInteger(Int64(number))
        } else {
            // As Format.exact (Numbers.plain) writes it: the shortest text that reads back the same.
            var text = number.description
            text.withUTF8 { append($0) }
        }
    }

    private mutating func appendInteger(_ integer: Int64) {
        reserve(20)
        if integer < 0 {
            bytes[count] = UInt8(ascii: "-")
            count += 1
        }
        var magnitude = integer.magnitude
        var digits = 0
        var probe = magnitude
        repeat {
            digits += 1
            probe /= 10
        } while probe > 0
        var index = count + digits
        repeat {
            index -= 1
            bytes[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        count += digits
    }

    /// No byte that needs escaping: none below 0x20, no quote, backslash or DEL, and no 0xE2
    /// (it leads U+2028 and U+2029, and other characters, which take the careful way).
    /// Eight bytes at a time, as most strings are short names and ids.
    @inline(__always)
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = ones &* 0x7F
        let high = ones &* 0x80
        // ((x & 0x7F..) + 0x7F..) | x has a byte's high bit clear exactly where the byte is zero.
        @inline(__always) func zeros(_ x: UInt64) -> UInt64 { ~(((x & low) &+ low) | x) & high }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // Below 0x20: the top three bits all clear, tested as (word & 0xE0..) having a zero byte.
            let special = zeros(word & (ones &* 0xE0)) | zeros(word ^ (ones &* 0x22)) | zeros(word ^ (ones &* 0x5C))
                | zeros(word ^ (ones &* 0x7F)) | zeros(word ^ (ones &* 0xE2))
            if special != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2 { return false }
            index += 1
        }
        return true
    }

    /// A JSON string: quotes, backslashes and controls escaped, and U+2028/2029 too
    /// (JavaScript reads them as line ends). Text with none of these is copied as it is.
    private mutating func appendQuoted(_ string: String) {
        append(UInt8(ascii: "\""))
        let plain = string.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard Self.isPlain(utf8) else { return false }
            append(utf8)
            return true
        } ?? false
        if !plain {
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": appendASCII("\\\"")
                case "\\": appendASCII("\\\\")
                case "\n": appendASCII("\\n")
                case "\r": appendASCII("\\r")
                case "\t": appendASCII("\\t")
                default:
                    var text: String
                    if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                        let hex = String(scalar.value, radix: 16)
                        text = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        text = String(scalar)
                    }
                    text.withUTF8 { append($0) }
                }
            }
        }
        append(UInt8(ascii: "\""))
    }
}
