/// Reading numbers the way docs/scenario-format.md says: any scalar that reads as a decimal
/// number is one (exponents included), quoted or not, whatever YAML 1.1 says.
public enum Numbers {
    /// A decimal number: optional sign, digits (with `_` between them), optional
    /// fraction, optional exponent. `989e12`, `0.40`, `-1.5E-3`, `2_000_000`.
    /// Returns infinity for overflowing literals like `1e999`; the caller rejects those.
    /// Returns nil for a non-zero literal too small to tell from 0, like `1e-400`
    /// (`underflows` says so, for the message): read as 0 it would change a figure unseen.
    public static func parse(_ text: String) -> Double? {
        if let fast = text.utf8.withContiguousStorageIfAvailable({ plainDecimal($0) }), let fast { return fast }
        guard let value = parseRounding(text), !underflowed(value, text.utf8) else { return nil }
        return value
    }

    /// `parse` for the common spellings, without allocating: spaces, a sign, up to 19
    /// digits with an optional fraction, no exponent or separators. Nil means "not one
    /// of these" (then `parse` decides), never "not a number". Exact where Swift's
    /// parser is (Clinger's fast path): the digits read as an integer up to 2^53 and
    /// a power of ten up to 10^22 are both exact doubles, so one division or
    /// multiplication rounds once, correctly.
    static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var end = bytes.count
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        while end > index, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard let decimal = Decimal(bytes, &index, end), index == end else { return nil }
        return decimal.value(scale: 0)
    }

    /// Digits read as an integer and a count of fraction digits: `12.50` is 1250 and 2.
    struct Decimal {
        var negative = false
        var digits: UInt64 = 0
        var fractionDigits = 0

        init() {}

        /// Reads `[+-]?digits[.digits]` (at least one digit) from `index`, stopping at
        /// anything else; nil past 19 significant digits, or with no digit at all.
        /// `fractionRequired` refuses `5.` (money's grammar does).
        init?(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ end: Int, sign: Bool = true, fractionRequired: Bool = false) {
            if sign, index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                negative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var sawDigit = false
            var significant = 0
            while index < end, bytes[index] &- 0x30 < 10 {
                Self.append(bytes[index], to: &digits, &significant)
                sawDigit = true
                index += 1
            }
            if index < end, bytes[index] == UInt8(ascii: ".") {
                index += 1
                var sawFraction = false
                while index < end, bytes[index] &- 0x30 < 10 {
                    Self.append(bytes[index], to: &digits, &significant)
                    fractionDigits += 1
                    sawFraction = true
                    index += 1
                }
                if fractionRequired && !sawFraction { return nil }
                sawDigit = sawDigit || sawFraction
            }
            guard sawDigit, significant <= 19 else { return nil }
        }

        private static func append(_ byte: UInt8, to digits: inout UInt64, _ significant: inout Int) {
            // Leading zeros are not significant; past 19 digits the count alone says "too many".
            if digits != 0 || byte != UInt8(ascii: "0") { significant += 1 }
            if significant <= 19 { digits = digits &* 10 &+ UInt64(byte &- 0x30) }
        }

        /// digits x 10^(scale - fractionDigits), if that is exact as Clinger's fast path; else nil.
        func value(scale: Int) -> Double? {
            let exponent = scale - fractionDigits
            guard digits <= 1 << 53, (-22...22).contains(exponent) else { return nil }
            let magnitude = exponent >= 0 ? Double(digits) * Self.powersOfTen[exponent] : Double(digits) / Self.powersOfTen[-exponent]
            return negative ? -magnitude : magnitude
        }

        /// Every power of ten a double holds exactly.
        private static let powersOfTen: [Double] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
            1e20, 1e21, 1e22,
        ]
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
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description
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
