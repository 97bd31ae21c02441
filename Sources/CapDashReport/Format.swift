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
        return (amount < 0 ? "-" : "") + symbol + scaled(abs(amount), decimals: moneyDecimals)
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
        let digits = String(Int64(abs(rounded)))
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (rounded < 0 ? "-" : "") + out
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
        var step = 0
        var unit = 1.0
        while step < suffixes.count - 1 {
            var half = 0.5
            for _ in 0..<decimals[step] { half /= 10 }
            guard magnitude >= 1000 * unit - half * unit else { break }
            step += 1
            unit *= 1000
        }
        // Past the ladder's top (10,000T) more digits say nothing: `1.00e16`, never `1e+296T`.
        if step == suffixes.count - 1, magnitude >= 9999.995 * unit { return scientific(magnitude) }
        return fixed(magnitude / unit, decimals: decimals[step]) + suffixes[step]
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
    /// Digits are written right to left into a small buffer: every frame formats
    /// a hundred of these.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : "overflow" }
        let decimals = max(0, min(decimals, 20))
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard rounded < 9e18 else { return "\(value)" }
        var units = UInt64(rounded)
        let negative = value < 0 && units != 0
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var start = buffer.count
            var digits = 0
            repeat {
                if digits == decimals && decimals > 0 {
                    start -= 1
                    buffer[start] = UInt8(ascii: ".")
                }
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(units % 10)
                units /= 10
                digits += 1
            } while units > 0 || digits <= decimals
            if negative {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
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
