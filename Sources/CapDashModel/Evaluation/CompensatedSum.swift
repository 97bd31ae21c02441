/// A running sum that does not drift: Neumaier's compensated summation keeps
/// the rounding error of every addition and adds it back. Over 1,000,000
/// facilities, or a day of toggles (each an add and a subtract), a plain
/// Double sum loses cents to billions; this keeps the error near one rounding.
/// Doubles rather than integer cents because money arrives as any decimal
/// (`1.2B`, `0.5M`) and rates multiply it; the compensation makes sums exact
/// to the last bit that matters.
public struct CompensatedSum: Sendable, Equatable {
    private var sum = 0.0
    private var compensation = 0.0

    public init() {}

    public var value: Double { sum + compensation }

    public mutating func add(_ x: Double) {
        let total = sum + x
        if abs(sum) >= abs(x) {
            compensation += (sum - total) + x
        } else {
            compensation += (x - total) + sum
        }
        sum = total
    }

    public static func += (lhs: inout CompensatedSum, rhs: Double) {
        lhs.add(rhs)
    }

    public static func == (a: CompensatedSum, b: CompensatedSum) -> Bool {
        a.value == b.value
    }
}
