/// Reading numbers the way docs/scenario-format.md says: any scalar that reads as a decimal
/// number is one (exponents included), quoted or not, whatever YAML 1.1 says.
public enum Numbers {
    /// A decimal number: optional sign, digits (with `_` between them), optional
    /// fraction, optional exponent. `989e12`, `0.40`, `-1.5E-3`, `2_000_000`.
    /// Returns infinity for overflowing literals like `1e999`; the caller rejects those.
    /// Returns nil for a non-zero literal too small to tell from 0, like `1e-400`
    /// (`underflows` says so, for the message): read as 0 it would change a figure unseen.
    public static func parse(_ text: String) -> Double? {
        guard let value = parseRounding(text), !underflowed(value, text.utf8) else { return nil }
        return value
    }

    /// A well-formed number with a non-zero digit that rounds to 0: refused like
    /// an overflow, never read as 0.
    public static func underflows(_ text: String) -> Bool {
        parseRounding(text).map { underflowed($0, text.utf8) } ?? false
    }

    /// Zero from digits that are not all zero. Only the mantissa's digits come
    /// before an exponent, and a zero mantissa is zero whatever follows.
    static func underflowed(_ value: Double, _ literal: some Sequence<UInt8>) -> Bool {
        guard value == 0 else { return false }
        for byte in literal {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return false }
            if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") { return true }
        }
        return false
    }

    /// The grammar above, rounded by Swift's parser: underflow included.
    private static func parseRounding(_ text: String) -> Double? {
        var bytes = Array(text.utf8)
        trimSpaces(&bytes)
        var index = 0
        var literal: [UInt8] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            literal.append(bytes[index])
            index += 1
        }
        guard let mantissa = scanDigits(bytes, &index, separators: [UInt8(ascii: "_")], allowEmpty: true)
        else { return nil }
        literal += mantissa
        var sawDigits = !mantissa.isEmpty
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard let fraction = scanDigits(bytes, &index, separators: [], allowEmpty: true) else { return nil }
            sawDigits = sawDigits || !fraction.isEmpty
            literal.append(UInt8(ascii: "."))
            literal += fraction.isEmpty ? [UInt8(ascii: "0")] : fraction
        }
        guard sawDigits else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            literal.append(UInt8(ascii: "e"))
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                literal.append(bytes[index])
                index += 1
            }
            guard let exponent = scanDigits(bytes, &index, separators: [], allowEmpty: false) else { return nil }
            literal += exponent
        }
        guard index == bytes.count else { return nil }
        if literal.first == UInt8(ascii: "+") { literal.removeFirst() }
        if literal.first == UInt8(ascii: "."), literal.count > 1 { literal.insert(UInt8(ascii: "0"), at: 0) }
        // Swift's own parser rounds correctly; our grammar above keeps out its extras (hex, inf, nan).
        return Double(String(decoding: literal, as: UTF8.self))
    }

    /// A number as a person types it and the parser reads it back: `2` rather than `2.0`, `0.085`.
    public static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// YAML's and common spreadsheets' spellings of NaN and infinity.
    public static func isNonFiniteLiteral(_ text: String) -> Bool {
        let word = text.trimmingSpaces().lowercased()
        let unsigned = word.hasPrefix("-") || word.hasPrefix("+") ? String(word.dropFirst()) : word
        return [".inf", ".nan", "inf", "nan", "infinity"].contains(unsigned)
    }

    /// Digits with optional single separators between them; nil on a malformed run.
    static func scanDigits(
        _ bytes: [UInt8], _ index: inout Int, separators: Set<UInt8>, allowEmpty: Bool
    ) -> [UInt8]? {
        var digits: [UInt8] = []
        var lastWasSeparator = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte)
                lastWasSeparator = false
            } else if separators.contains(byte), !digits.isEmpty, !lastWasSeparator {
                lastWasSeparator = true
            } else {
                break
            }
            index += 1
        }
        if lastWasSeparator { return nil }
        if digits.isEmpty && !allowEmpty { return nil }
        return digits
    }

    static func trimSpaces(_ bytes: inout [UInt8]) {
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        let leading = bytes.prefix { $0 == 0x20 || $0 == 0x09 }.count
        if leading > 0 { bytes.removeFirst(leading) }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs; works on bytes (hot in CSV loading).
    func trimmingSpaces() -> String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return self }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while end > start, bytes[bytes.index(before: end)] == 0x20 || bytes[bytes.index(before: end)] == 0x09 {
            end = bytes.index(before: end)
        }
        return String(self[start..<end])
    }

    /// ASCII-lowercased when the text is ASCII (keywords), fully lowercased otherwise.
    func keywordFolded() -> String {
        if utf8.allSatisfy({ $0 < 0x41 || ($0 > 0x5A && $0 < 0x80) }) { return self }
        return lowercased()
    }
}
