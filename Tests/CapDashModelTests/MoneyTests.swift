import CapDashReport
import Testing
@testable import CapDashModel

@Suite("Money and numbers")
struct MoneyTests {
    @Test("money strings that parse", arguments: [
        ("450M", 450e6), ("$1.2B", 1.2e9), ("2_000_000", 2e6), ("1,250,000", 1.25e6), ("1,250,000.50", 1_250_000.5),
        ("$450m", 450e6), ("12k", 12e3), ("3T", 3e12), ("0", 0), ("0.5M", 5e5), (".5M", 5e5), ("50000", 5e4),
        ("5e8", 5e8), ("1.5E9", 1.5e9), ("  $7M ", 7e6), ("-5M", -5e6), ("-$5M", -5e6), ("+3K", 3e3),
        ("999", 999), ("1,000", 1000), ("$0.01", 0.01),
    ])
    func parses(text: String, expected: Double) {
        #expect(Money.parse(text) == expected)
    }

    @Test("money strings that are rejected", arguments: [
        "lots", "", "$", "M", "1,5M", "1,50,000", ",100", "100,", "1__000", "_1000", "1000_", "1.2.3M",
        "1.2X", "$$5", "5 M", "0x10", "inf", "nan", "1e", "1B5", "1,2345", "--5", "5$", "1.M",
    ])
    func rejects(text: String) {
        #expect(Money.parse(text) == nil)
    }

    @Test("1.2B is exactly the double nearest 1.2e9")
    func exactScaling() {
        #expect(Money.parse("1.2B") == 1.2e9)
        #expect(Money.parse("0.1M") == 100_000)
        #expect(Money.parse("4.35M") == 4_350_000)
    }

    @Test("numbers read as decimals whatever YAML 1.1 says", arguments: [
        ("989e12", 989e12), ("38e6", 38e6), ("1.2e8", 1.2e8), ("0.40", 0.4), ("-1.5E-3", -1.5e-3), ("+5", 5),
        ("2_000", 2000), ("7.", 7), (".25", 0.25),
    ])
    func numbers(text: String, expected: Double) {
        #expect(Numbers.parse(text) == expected)
    }

    @Test("non-numbers", arguments: ["abc", "0x1A", "1e", "e5", ".", "-", "1,000", "1.2.3", "inf", ".nan", "1 2"])
    func notNumbers(text: String) {
        #expect(Numbers.parse(text) == nil)
    }

    @Test("an overflowing literal parses to infinity, which the loader rejects")
    func overflow() {
        #expect(Numbers.parse("1e999") == .infinity)
    }

    @Test("human-scaled money", arguments: [
        (1.24e9, "$1.24B"), (318.5e6, "$318.5M"), (52_000, "$52.0K"), (950, "$950"), (-12e6, "-$12.0M"),
        (999.96e6, "$1.00B"), (999_960, "$1.0M"), (999.4, "$999"), (999.6, "$1.0K"), (0, "$0"),
        (1e15, "$1000.00T"), (2.5e12, "$2.50T"), (9999.99e12, "$9999.99T"), (1e16, "$1.00e16"), (-1e296, "-$1.00e296"),
    ])
    func formats(amount: Double, expected: String) {
        #expect(Format.money(amount, currency: "USD") == expected)
    }

    @Test("deltas are signed")
    func deltas() {
        #expect(Format.moneyDelta(120e6, currency: "USD") == "+$120.0M")
        #expect(Format.moneyDelta(-3.5e6, currency: "USD") == "-$3.5M")
        #expect(Format.moneyDelta(0, currency: "USD") == "±$0")
    }

    @Test("thousands grouping")
    func grouping() {
        #expect(Format.count(27972) == "27,972")
        #expect(Format.count(100) == "100")
        #expect(Format.count(-1_234_567) == "-1,234,567")
    }
}
