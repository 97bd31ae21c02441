/// A small JSON writer that keeps keys in the order docs/scenario-format.md documents them
/// and numbers at full precision (Foundation's encoder does neither reliably).
struct JSONWriter {
    private(set) var output = ""
    private var indent = 0
    private var needsComma = [false]

    enum Value {
        case number(Double)
        case integer(Int)
        case string(String)
        case bool(Bool)
        case null
    }

    mutating func beginObject(_ key: String? = nil) {
        begin(key, "{")
    }

    mutating func beginArray(_ key: String? = nil) {
        begin(key, "[")
    }

    mutating func endObject() { end("}") }
    mutating func endArray() { end("]") }

    mutating func field(_ key: String, _ value: Value) {
        separate()
        output += Self.quote(key) + ": " + Self.encode(value)
    }

    mutating func element(_ value: Value) {
        separate()
        output += Self.encode(value)
    }

    private mutating func begin(_ key: String?, _ bracket: String) {
        separate()
        if let key { output += Self.quote(key) + ": " }
        output += bracket
        indent += 1
        needsComma.append(false)
    }

    private mutating func end(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        indent -= 1
        if hadItems { output += "\n" + String(repeating: "  ", count: indent) }
        output += bracket
        if indent == 0 { output += "\n" }
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { output += "," }
        if indent > 0 { output += "\n" + String(repeating: "  ", count: indent) }
        needsComma[needsComma.count - 1] = true
    }

    static func encode(_ value: Value) -> String {
        switch value {
        case .number(let number): Format.exact(number) ?? "null"
        case .integer(let integer): String(integer)
        case .string(let string): quote(string)
        case .bool(let bool): bool ? "true" : "false"
        case .null: "null"
        }
    }

    static func quote(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
