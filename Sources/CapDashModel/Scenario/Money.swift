/// Money as scenario files write it, and as people read it.
public enum Money {
    /// A money string: optional sign, optional `$`, digits with `,` (thousands
    /// groups) or `_` separators, optional decimals, optional suffix K M B T
    /// (any case). Plain numbers, exponents included, are money too.
    /// `"1.2B"`, `"$450M"`, `2_000_000`, `"1,250,000.50"`, `5e8`.
    /// Nil for a non-zero amount too small to tell from 0 (`underflows` says so).
    public static func parse(_ text: String) -> Double? {
        guard let value = parseRounding(text), !Numbers.underflowed(value, text.utf8) else { return nil }
        return value
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

    /// The symbol shown before amounts: `$` for USD, `€`, `£`, else the code and a space.
    public static func symbol(forCurrency code: String) -> String {
        switch code.uppercased() {
        case "USD": "$"
        case "EUR": "€"
        case "GBP": "£"
        case "JPY": "¥"
        default: code + " "
        }
    }

    /// Human-scaled money, as a reader wants it: `$1.24B`, `$318.5M`, `$52.0K`, `$950`, `-$12.0M`.
    public static func format(_ amount: Double, symbol: String = "$") -> String {
        guard amount.isFinite else { return amount.isNaN ? "n/a" : (amount > 0 ? "overflow" : "-overflow") }
        let sign = amount < 0 ? "-" : ""
        let magnitude = abs(amount)
        let scaled: String
        switch magnitude {
        case 999.995e9...: scaled = formatFixed(magnitude / 1e12, decimals: 2) + "T"
        case 999.95e6...: scaled = formatFixed(magnitude / 1e9, decimals: 2) + "B"
        case 999.95e3...: scaled = formatFixed(magnitude / 1e6, decimals: 1) + "M"
        case 999.5...: scaled = formatFixed(magnitude / 1e3, decimals: 1) + "K"
        default: scaled = formatFixed(magnitude, decimals: 0)
        }
        return sign + symbol + scaled
    }

    /// A change against a baseline, always signed: `+$120.0M`, `-$3.5M`, `±$0`.
    public static func formatDelta(_ amount: Double, symbol: String = "$") -> String {
        if amount == 0 { return "±" + symbol + "0" }
        return (amount > 0 ? "+" : "") + format(amount, symbol: symbol)
    }

    /// Fixed decimals without Foundation's locale: rounds half away from zero.
    public static func formatFixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : "overflow" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard rounded < 9e18 else { return String(format1e: value) }
        let units = Int64(rounded)
        let negative = value < 0 && units != 0
        let divisor = Int64(scale)
        let whole = units / divisor
        let fraction = units % divisor
        var text = (negative ? "-" : "") + String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }

    /// Whole numbers with thousands commas: `27,972`.
    public static func groupedInteger(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : "overflow" }
        let rounded = value.rounded(.toNearestOrAwayFromZero)
        guard abs(rounded) < 9e18 else { return String(format1e: value) }
        let digits = String(Int64(abs(rounded)))
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (rounded < 0 ? "-" : "") + out
    }
}

extension String {
    /// Scientific form for values too large for fixed notation.
    init(format1e value: Double) {
        self = "\(value)"
    }
}
