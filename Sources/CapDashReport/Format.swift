import CapDashModel

/// How figures read in text, markdown and on screen (JSON and CSV keep full
/// precision). The only place numbers become words: one scale ladder, one
/// rounding rule, no locale.
public enum Format {
    /// The symbol shown before amounts: `$` for USD, `€`, `£`, `¥`, else the code and a space.
    public static func symbol(forCurrency code: String) -> String {
        Currency.symbol(code)
    }

    /// Human-scaled money, as a reader wants it: `$1.24B`, `$318.5M`, `$52.0K`, `$950`, `-$12.0M`.
    public static func money(_ amount: Double, currency: String) -> String {
        money(amount, symbol: symbol(forCurrency: currency))
    }

    public static func money(_ amount: Double, symbol: String) -> String {
        guard amount.isFinite else { return amount.isNaN ? "n/a" : (amount > 0 ? "overflow" : "-overflow") }
        let (step, unit) = ladderStep(abs(amount), decimals: moneyDecimals)
        // Past the ladder's top, or an unusually long symbol: by concatenation.
        guard step >= 0, symbol.utf8.count <= 16 else { return (amount < 0 ? "-" : "") + symbol + scaled(abs(amount), decimals: moneyDecimals) }
        let decimals = moneyDecimals[step]
        let units = UInt64((abs(amount) / unit * powerOfTen(decimals)).rounded(.toNearestOrAwayFromZero))
        // Every frame formats dozens of amounts: one string each, written right to left on the stack.
        return RightToLeft.string { text in
            text.prepend(suffixes[step])
            text.prependDigits(units, decimals: decimals)
            text.prepend(symbol)
            if amount < 0 { text.prepend(UInt8(ascii: "-")) }
        }
    }

    /// A change against a baseline, always signed: `+$120.0M`, `-$3.5M`, `±$0`.
    public static func moneyDelta(_ amount: Double, currency: String) -> String {
        let symbol = symbol(forCurrency: currency)
        if amount == 0 { return "±" + symbol + "0" }
        return (amount > 0 ? "+" : "") + money(amount, symbol: symbol)
    }

    /// Megawatts with one decimal: `120.0`.
    public static func mw(_ value: Double) -> String {
        fixed(value, decimals: 1)
    }

    /// A whole count with thousands commas: `37,994`.
    public static func count(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : "overflow" }
        let rounded = value.rounded(.toNearestOrAwayFromZero)
        guard abs(rounded) < 9e18 else { return "\(value)" }
        return RightToLeft.string { text in
            text.prependDigits(UInt64(abs(rounded)), decimals: 0, groupingThousands: true)
            if rounded < 0 { text.prepend(UInt8(ascii: "-")) }
        }
    }

    /// A large quantity scaled like money, without a symbol: `332.8M`.
    public static func scaled(_ value: Double) -> String {
        money(value, symbol: "")
    }

    /// Like `scaled` with two decimals at every step: `1.46M`, `30.84M`.
    public static func scaledPrecise(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : "overflow" }
        return (value < 0 ? "-" : "") + scaled(abs(value), decimals: [2, 2, 2, 2, 2])
    }

    /// Decimals shown at each step of the ladder (units, K, M, B, T) for money.
    private static let moneyDecimals = [0, 1, 1, 2, 2]

    /// The scale ladder: the largest suffix whose rounded value stays below 1000 of the next,
    /// so `999.96K` reads `1.0M`, never `1000.0K`.
    private static let suffixes = ["", "K", "M", "B", "T"]

    private static func scaled(_ magnitude: Double, decimals: [Int]) -> String {
        let (step, unit) = ladderStep(magnitude, decimals: decimals)
        // Past the ladder's top (10,000T) more digits say nothing: `1.00e16`, never `1e+296T`.
        guard step >= 0 else { return scientific(magnitude) }
        return fixed(magnitude / unit, decimals: decimals[step]) + suffixes[step]
    }

    /// The ladder step for a magnitude and its unit (1, 1e3, ... 1e12); step -1 past the top.
    private static func ladderStep(_ magnitude: Double, decimals: [Int]) -> (step: Int, unit: Double) {
        var step = 0
        var unit = 1.0
        while step < suffixes.count - 1 {
            var half = 0.5
            for _ in 0..<decimals[step] { half /= 10 }
            guard magnitude >= 1000 * unit - half * unit else { break }
            step += 1
            unit *= 1000
        }
        if step == suffixes.count - 1, magnitude >= 9999.995 * unit { return (-1, unit) }
        return (step, unit)
    }

    private static func powerOfTen(_ exponent: Int) -> Double {
        var scale = 1.0
        for _ in 0..<exponent { scale *= 10 }
        return scale
    }

    /// `21.0%` for 0.21.
    public static func percent(_ rate: Double, decimals: Int = 1) -> String {
        fixed(rate * 100, decimals: decimals) + "%"
    }

    /// `4.74e26`, for FLOPs.
    public static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : "overflow" }
        guard value != 0 else { return "0" }
        var exponent = 0
        var mantissa = abs(value)
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        while mantissa < 1 { mantissa *= 10; exponent -= 1 }
        var digits = fixed(mantissa, decimals: 2)
        if digits == "10.00" { digits = "1.00"; exponent += 1 }
        return (value < 0 ? "-" : "") + digits + "e\(exponent)"
    }

    /// Fixed decimals without Foundation's locale: rounds half away from zero. `1.6`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : "overflow" }
        let decimals = max(0, min(decimals, 20))
        let rounded = (abs(value) * powerOfTen(decimals)).rounded(.toNearestOrAwayFromZero)
        guard rounded < 9e18 else { return "\(value)" }
        let units = UInt64(rounded)
        return RightToLeft.string { text in
            text.prependDigits(units, decimals: decimals)
            if value < 0 && units != 0 { text.prepend(UInt8(ascii: "-")) }
        }
    }

    /// Runs a year read at a glance: `228`, `48.5`, `0.72`.
    public static func runs(_ value: Double) -> String {
        switch abs(value) {
        case 100...: count(value)
        case 10...: fixed(value, decimals: 1)
        default: fixed(value, decimals: 2)
        }
    }

    /// A figure's value as its unit reads: money scaled, MW with one decimal, GPUs counted.
    public static func figure(_ value: Double, _ unit: Figure.Unit, currency: String) -> String {
        switch unit {
        case .money: money(value, currency: currency)
        case .megawatts: mw(value) + " MW"
        case .count: count(value)
        case .quantity: scaled(value)
        case .flops: scientific(value)
        case .ratio: runs(value)
        }
    }

    /// A change in a figure, always signed: `+$120.0M`, `-3.0 MW`, `±0`.
    public static func figureDelta(_ value: Double, _ unit: Figure.Unit, currency: String) -> String {
        if unit == .money { return moneyDelta(value, currency: currency) }
        if value == 0 { return "±0" }
        return (value > 0 ? "+" : "") + figure(value, unit, currency: currency)
    }

    /// A full-precision number for JSON and CSV: integers without `.0`, non-finite as nil.
    public static func exact(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        return Numbers.plain(value)
    }
}

/// A number's text written right to left into 64 bytes on the stack, then made one
/// string: digits come out of an integer last first, and a frame formats a hundred numbers.
struct RightToLeft {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var start: Int

    static func string(_ write: (inout RightToLeft) -> Void) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            var text = RightToLeft(buffer: buffer, start: buffer.count)
            write(&text)
            return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[text.start...]), as: UTF8.self)
        }
    }

    mutating func prepend(_ byte: UInt8) {
        start -= 1
        buffer[start] = byte
    }

    /// At most 16 bytes (callers check longer text).
    mutating func prepend(_ text: String) {
        for byte in text.utf8.reversed() { prepend(byte) }
    }

    /// `units` with a decimal point `decimals` digits from the right (at most 20), optionally
    /// with a comma between thousands: at most 41 bytes.
    mutating func prependDigits(_ units: UInt64, decimals: Int, groupingThousands: Bool = false) {
        var units = units
        var digits = 0
        repeat {
            if digits == decimals && decimals > 0 { prepend(UInt8(ascii: ".")) }
            if groupingThousands && digits > 0 && digits % 3 == 0 { prepend(UInt8(ascii: ",")) }
            prepend(UInt8(ascii: "0") + UInt8(units % 10))
            units /= 10
            digits += 1
        } while units > 0 || digits <= decimals
    }
}
