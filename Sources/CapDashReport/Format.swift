import CapDashModel

/// How figures read in text, markdown and on screen (JSON and CSV keep full precision).
public enum Format {
    public static func money(_ amount: Double, currency: String) -> String {
        Money.format(amount, symbol: Money.symbol(forCurrency: currency))
    }

    public static func moneyDelta(_ amount: Double, currency: String) -> String {
        Money.formatDelta(amount, symbol: Money.symbol(forCurrency: currency))
    }

    /// Megawatts with one decimal: `120.0`.
    public static func mw(_ value: Double) -> String {
        Money.formatFixed(value, decimals: 1)
    }

    /// A whole count with thousands commas: `37,994`.
    public static func count(_ value: Double) -> String {
        Money.groupedInteger(value)
    }

    /// A large quantity scaled like money, without a symbol: `332.8M`.
    public static func scaled(_ value: Double) -> String {
        Money.format(value, symbol: "")
    }

    /// Like `scaled` with two decimals everywhere: `1.46M`, `30.84M`.
    public static func scaledPrecise(_ value: Double) -> String {
        switch abs(value) {
        case 999.995e9...: fixed(value / 1e12, decimals: 2) + "T"
        case 999.995e6...: fixed(value / 1e9, decimals: 2) + "B"
        case 999.995e3...: fixed(value / 1e6, decimals: 2) + "M"
        case 999.995...: fixed(value / 1e3, decimals: 2) + "K"
        default: fixed(value, decimals: 2)
        }
    }

    /// `21.0%` for 0.21.
    public static func percent(_ rate: Double, decimals: Int = 1) -> String {
        Money.formatFixed(rate * 100, decimals: decimals) + "%"
    }

    /// `4.74e26`, for FLOPs.
    public static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : "overflow" }
        guard value != 0 else { return "0" }
        var exponent = 0
        var mantissa = abs(value)
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        while mantissa < 1 { mantissa *= 10; exponent -= 1 }
        var digits = Money.formatFixed(mantissa, decimals: 2)
        if digits == "10.00" { digits = "1.00"; exponent += 1 }
        return (value < 0 ? "-" : "") + digits + "e\(exponent)"
    }

    /// Plain decimals with a fixed count: `1.6`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        Money.formatFixed(value, decimals: decimals)
    }

    /// Runs a year read at a glance: `228`, `48.5`, `0.72`.
    public static func runs(_ value: Double) -> String {
        switch abs(value) {
        case 100...: count(value)
        case 10...: fixed(value, decimals: 1)
        default: fixed(value, decimals: 2)
        }
    }

    /// A full-precision number for JSON and CSV: integers without `.0`, non-finite as nil.
    public static func exact(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        return Numbers.plain(value)
    }
}
