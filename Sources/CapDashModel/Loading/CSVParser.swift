/// An RFC 4180 reader that remembers where each field starts, for diagnostics.
/// Handles quoted fields (with `""` escapes and line breaks), LF and CRLF.
struct CSVParser {
    struct Field {
        var text: String
        var quoted: Bool
        var position: SourcePosition
    }

    struct Failure: Error {
        var position: SourcePosition
        var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Bytes read so far, for progress.
    var offset: Int { index }

    /// The next record's fields, skipping blank lines; nil at the end.
    mutating func nextRecord() throws(Failure) -> [Field]? {
        while index < bytes.count, bytes[index] == 0x0A || bytes[index] == 0x0D {
            advanceNewline()
        }
        guard index < bytes.count else { return nil }
        var fields: [Field] = []
        while true {
            fields.append(try nextField())
            guard index < bytes.count else { return fields }
            switch bytes[index] {
            case UInt8(ascii: ","):
                advance()
            default:
                advanceNewline()
                return fields
            }
        }
    }

    private mutating func nextField() throws(Failure) -> Field {
        let start = SourcePosition(line: line, column: column)
        // Spaces before an opening quote are tolerated, as spreadsheets write them.
        var look = index
        while look < bytes.count, bytes[look] == 0x20 || bytes[look] == 0x09 { look += 1 }
        if look < bytes.count, bytes[look] == UInt8(ascii: "\"") {
            while index < look { advance() }
            let quoteStart = SourcePosition(line: line, column: column)
            advance()
            var content: [UInt8] = []
            while true {
                guard index < bytes.count else {
                    throw Failure(position: quoteStart, message: "quoted field is never closed; add the closing \"")
                }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        content.append(byte)
                        advance()
                        advance()
                        continue
                    }
                    advance()
                    break
                }
                let from = index
                if byte == 0x0A {
                    advanceNewline()
                } else {
                    advance()
                }
                content += bytes[from..<index]
            }
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { advance() }
            if index < bytes.count, !isFieldEnd(bytes[index]) {
                throw Failure(
                    position: SourcePosition(line: line, column: column),
                    message: "unexpected text after a closing quote; quote the whole field and double inner quotes (\"\")")
            }
            return Field(text: String(decoding: content, as: UTF8.self), quoted: true, position: start)
        }
        var fieldStart = index
        while index < bytes.count, !isFieldEnd(bytes[index]) { advance() }
        var end = index
        if end > fieldStart, bytes[end - 1] == 0x0D { end -= 1 }
        // Trim on bytes: cheaper than building a string and trimming it.
        while fieldStart < end, bytes[fieldStart] == 0x20 || bytes[fieldStart] == 0x09 { fieldStart += 1 }
        while end > fieldStart, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return Field(text: String(decoding: bytes[fieldStart..<end], as: UTF8.self), quoted: false, position: start)
    }

    private func isFieldEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] == 0x0A))
    }

    private mutating func advance() {
        if bytes[index] & 0xC0 != 0x80 { column += 1 }
        index += 1
        // A continuation byte that follows moves no column: characters, not bytes.
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 {
            index += 1
        }
    }

    private mutating func advanceNewline() {
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        index += 1
        line += 1
        column = 1
    }
}
