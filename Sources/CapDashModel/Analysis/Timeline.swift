/// When the cash arrives: sold facilities grouped by the quarter of their
/// `expected_close`, committed (probability 1 or none given) against expected
/// (price x probability), and the GPUs that cash funds as it lands.
public struct DealTimeline: Sendable {
    public struct Quarter: Sendable, Equatable {
        /// `2026-Q1`, or `unscheduled` for sales without an expected close.
        public var label: String
        public var facilities: Int
        /// Gross proceeds (the sold share of each price) of sales certain to close (probability 1 or not given).
        public var committed: Double
        /// Gross proceeds weighted by close probability.
        public var expected: Double
        /// Expected net proceeds so far (after transaction costs and tax, pro rata by price).
        public var cumulativeExpectedNet: Double
        /// GPUs that cumulative expected net proceeds fund.
        public var gpusOnline: Double
    }

    public var quarters: [Quarter]
    /// The developments' financing cash, year by year beside the sales.
    public var developments: DevelopmentSchedule
    /// Net proceeds per dollar of gross: the deal's transaction costs and tax spread by price.
    public var netShare: Double

    public init(_ scenario: Scenario) {
        let finance = evaluate(scenario).finance
        let netShare = finance.grossProceeds > 0 ? finance.netProceeds / finance.grossProceeds : 0
        self.netShare = netShare
        developments = DevelopmentSchedule(scenario)
        var byQuarter: [String: (facilities: Int, committed: CompensatedSum, expected: CompensatedSum)] = [:]
        for facility in scenario.facilities where facility.disposition.isSold {
            // The sold share's price: a contribution brings in only 1 - stake of it.
            let price = facility.share(scenario.assumptions).grossProceeds
            let label = facility.expectedClose.flatMap(Self.quarter) ?? "unscheduled"
            let probability = facility.closeProbability ?? 1
            var entry = byQuarter[label] ?? (0, CompensatedSum(), CompensatedSum())
            entry.facilities += 1
            if probability == 1 { entry.committed += price }
            entry.expected += price * probability
            byQuarter[label] = entry
        }
        // Quarters in date order; unscheduled sales last.
        let unitCapex = scenario.assumptions.gpu.unitCapex
        let labels = byQuarter.keys.sorted { a, b in
            if a == "unscheduled" { return false }
            if b == "unscheduled" { return true }
            return a < b
        }
        var cumulative = CompensatedSum()
        quarters = labels.map { label in
            let entry = byQuarter[label]!
            cumulative += entry.expected.value * netShare
            let gpus = cumulative.value > 0 ? (cumulative.value / unitCapex).rounded(.down) : 0
            return Quarter(
                label: label, facilities: entry.facilities, committed: entry.committed.value, expected: entry.expected.value,
                cumulativeExpectedNet: cumulative.value, gpusOnline: gpus)
        }
    }

    /// `2026-02-15` -> `2026-Q1`.
    static func quarter(_ date: String) -> String? {
        let parts = date.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        return "\(parts[0])-Q\((month - 1) / 3 + 1)"
    }
}
