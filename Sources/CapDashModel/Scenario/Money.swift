/// Money as scenario files write it. (How people read it is CapDashReport's `Format`.)
public enum Money {
    /// A money string: optional sign, optional `$`, digits with `,` (thousands
    /// groups) or `_` separators, optional decimals, optional suffix K M B T
    /// (any case). Plain numbers, exponents included, are money too.
    /// `"1.2B"`, `"$450M"`, `2_000_000`, `"1,250,000.50"`, `5e8`.
    /// Nil for a non-zero amount too small to tell from 0 (`underflows` says so).
    /// Money as an analyst types it in a scenario of `currency`: a plain amount, or one
    /// led by the currency's symbol (`€300M` in a EUR scenario, `$` always).
    public static func parse(_ text: String, currency: String) -> Double? {
        if let value = parse(text) { return value }
        let symbol = Currency.symbol(currency).trimmingSpaces()
        let trimmed = text.trimmingSpaces()
        let sign = trimmed.hasPrefix("-") ? "-" : ""
        let body = sign.isEmpty ? trimmed : String(trimmed.dropFirst())
        guard symbol != "$", !symbol.isEmpty, body.hasPrefix(symbol) else { return nil }
        return parse(sign + String(body.dropFirst(symbol.count)).trimmingSpaces())
    }

    /// An example amount for messages: `450M` in dollars (as docs/scenario-format.md writes it), `€450M` in euros.
    public static func example(_ currency: String) -> String {
        let symbol = Currency.symbol(currency)
        return symbol == "$" || symbol.hasSuffix(" ") ? "450M" : symbol + "450M"
    }

    /// A did-you-mean for money written in words or in another currency: `14 million` → `14M`.
    public static func hint(_ text: String, currency: String) -> String {
        let words = text.trimmingSpaces().lowercased().split(separator: " ").map(String.init)
        let suffixes: [String: String] = [
            "thousand": "K", "k": "K", "million": "M", "mn": "M", "mln": "M", "mio": "M", "mm": "M",
            "billion": "B", "bn": "B", "bln": "B", "trillion": "T", "tn": "T",
        ]
        if words.count == 2, let suffix = suffixes[words[1]], parse(words[0], currency: currency) != nil {
            return "; did you mean \(words[0])\(suffix)?"
        }
        if let glued = words.first, words.count == 1, let split = glued.firstIndex(where: { $0.isLetter }),
            let suffix = suffixes[String(glued[split...])], glued[split...].count > 1, parse(String(glued[..<split]), currency: currency) != nil
        {
            return "; did you mean \(glued[..<split])\(suffix)?"
        }
        for (code, symbol) in Currency.symbols where text.trimmingSpaces().hasPrefix(symbol) && code != currency.uppercased() {
            return "; \(symbol) is \(code), but this scenario is in \(currency) (currency:)"
        }
        return ""
    }

    public static func parse(_ text: String) -> Double? {
        if let fast = text.utf8.withContiguousStorageIfAvailable({ plainAmount($0) }), let fast { return fast }
        guard let value = parseRounding(text), !Numbers.underflowed(value, text.utf8) else { return nil }
        return value
    }

    /// `parse` for the common spellings, without allocating: a plain decimal, or
    /// `[+-]$?digits[.digits][KMBT]` with proper `,` thousands groups. Nil means "not
    /// one of these" (then `parse` decides); exact as `Numbers.plainDecimal`.
    static func plainAmount(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let number = Numbers.plainDecimal(bytes) { return number }
        var index = 0
        var end = bytes.count
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        while end > index, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        if index < end, bytes[index] == UInt8(ascii: "$") { index += 1 }
        // Thousands groups: 1-3 digits, then `,` and exactly 3 digits each, read as one run of digits.
        var groupStart = index
        var firstGroup = true
        var wholeEnd = index
        while wholeEnd < end {
            let byte = bytes[wholeEnd]
            if byte &- 0x30 < 10 {
                wholeEnd += 1
            } else if byte == UInt8(ascii: ",") {
                let length = wholeEnd - groupStart
                guard firstGroup ? (1...3).contains(length) : length == 3 else { return nil }
                firstGroup = false
                wholeEnd += 1
                groupStart = wholeEnd
            } else {
                break
            }
        }
        if !firstGroup && wholeEnd - groupStart != 3 { return nil }
        var decimal = Numbers.Decimal()
        decimal.negative = negative
        var significant = 0
        for position in index..<wholeEnd where bytes[position] != UInt8(ascii: ",") {
            let byte = bytes[position]
            if decimal.digits != 0 || byte != UInt8(ascii: "0") { significant += 1 }
            if significant <= 19 { decimal.digits = decimal.digits &* 10 &+ UInt64(byte &- 0x30) }
        }
        index = wholeEnd
        var sawDigit = wholeEnd > groupStart || !firstGroup
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < end, bytes[index] &- 0x30 < 10 {
                let byte = bytes[index]
                if decimal.digits != 0 || byte != UInt8(ascii: "0") { significant += 1 }
                if significant <= 19 { decimal.digits = decimal.digits &* 10 &+ UInt64(byte &- 0x30) }
                decimal.fractionDigits += 1
                index += 1
            }
            guard index > fractionStart else { return nil }
            sawDigit = true
        }
        guard sawDigit, significant <= 19 else { return nil }
        var scale = 0
        if index < end, let suffix = suffixExponent(bytes[index]) {
            scale = suffix
            index += 1
        }
        guard index == end else { return nil }
        return decimal.value(scale: scale)
    }

    /// A well-formed amount with a non-zero digit that rounds to 0, like `1e-400`.
    public static func underflows(_ text: String) -> Bool {
        parseRounding(text).map { Numbers.underflowed($0, text.utf8) } ?? false
    }

    private static func parseRounding(_ text: String) -> Double? {
        if Numbers.underflows(text) { return 0 }
        if let number = Numbers.parse(text) { return number }
        var bytes = Array(text.utf8)
        Numbers.trimSpaces(&bytes)
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "$") { index += 1 }
        guard let whole = scanWholePart(bytes, &index) else { return nil }
        var fraction: [UInt8] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard let digits = Numbers.scanDigits(bytes, &index, separators: [], allowEmpty: false)
            else { return nil }
            fraction = digits
        }
        guard !(whole.isEmpty && fraction.isEmpty) else { return nil }
        var exponent = 0
        if index < bytes.count, let scale = suffixExponent(bytes[index]) {
            exponent = scale
            index += 1
        }
        guard index == bytes.count else { return nil }
        // Scale by moving the exponent, so "1.2B" is exactly the double nearest 1.2e9.
        let literal = (negative ? "-" : "") + String(decoding: whole.isEmpty ? [UInt8(ascii: "0")] : whole, as: UTF8.self)
            + "." + String(decoding: fraction.isEmpty ? [UInt8(ascii: "0")] : fraction, as: UTF8.self)
            + "e\(exponent)"
        return Double(literal)
    }

    /// Digits, either `_`-separated or in proper `,` thousands groups (so a
    /// European "1,5M" is rejected rather than read as 15M).
    private static func scanWholePart(_ bytes: [UInt8], _ index: inout Int) -> [UInt8]? {
        let start = index
        var groups: [[UInt8]] = [[]]
        var sawComma = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                groups[groups.count - 1].append(byte)
            } else if byte == UInt8(ascii: ",") {
                sawComma = true
                groups.append([])
            } else if byte == UInt8(ascii: "_") {
                break
            } else {
                break
            }
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "_") {
            index = start
            return Numbers.scanDigits(bytes, &index, separators: [UInt8(ascii: "_")], allowEmpty: false)
        }
        if sawComma {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
        }
        return groups.flatMap { $0 }
    }

    private static func suffixExponent(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "k"), UInt8(ascii: "K"): 3
        case UInt8(ascii: "m"), UInt8(ascii: "M"): 6
        case UInt8(ascii: "b"), UInt8(ascii: "B"): 9
        case UInt8(ascii: "t"), UInt8(ascii: "T"): 12
        default: nil
        }
    }
}
