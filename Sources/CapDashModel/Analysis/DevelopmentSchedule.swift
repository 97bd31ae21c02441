/// The developments' financing cash year by year from `as_of`, summed: capital
/// kept in the build years against rent paid in the lease years (undiscounted;
/// the PVs are in `DevelopmentEvaluation`). The dashboard's `D` pane, the deal
/// timeline and the reports draw it.
public struct DevelopmentSchedule: Sendable, Equatable {
    public struct Year: Sendable, Equatable {
        /// 1, 2, ...: the year end after `as_of`.
        public var year: Int
        /// `2026-10`, the year end's month, or `year 1` without `as_of`.
        public var label: String
        public var capexAvoided: Double
        public var netRent: Double
    }

    public var years: [Year]

    public init(_ scenario: Scenario) {
        var capex: [Int: CompensatedSum] = [:]
        var rent: [Int: CompensatedSum] = [:]
        var last = 0
        for development in scenario.developments {
            for flow in development.yearlyFlows(scenario.assumptions) {
                capex[flow.year, default: CompensatedSum()] += flow.capexAvoided
                rent[flow.year, default: CompensatedSum()] += flow.netRent
                last = max(last, flow.year)
            }
        }
        let start = scenario.asOf.flatMap(Self.yearAndMonth)
        years = last == 0 ? [] : (1...last).map { year in
            Year(
                year: year, label: start.map { "\($0.year + year)-\($0.month)" } ?? "year \(year)",
                capexAvoided: capex[year]?.value ?? 0, netRent: rent[year]?.value ?? 0)
        }
    }

    /// `2025-10-01` -> (2025, "10").
    static func yearAndMonth(_ date: String) -> (year: Int, month: String)? {
        let parts = date.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]) else { return nil }
        return (year, String(parts[1]))
    }
}
