/// One undoable change to a scenario. Undo applies the inverse, so history
/// costs a few bytes per step, not a copy of the portfolio.
public enum ScenarioEdit: Sendable, Equatable {
    case disposition(facility: Int, from: Disposition, to: Disposition)
    case assumptions(from: Assumptions, to: Assumptions)
    /// A contributed facility's own stake (nil: the assumption's default).
    case stake(facility: Int, from: Double?, to: Double?)
    /// Several changes taken as one step (reset, an accepted plan).
    case batch([ScenarioEdit])

    /// The facilities this edit touches.
    public var facilities: Set<Int> {
        switch self {
        case .disposition(let facility, _, _), .stake(let facility, _, _): [facility]
        case .assumptions: []
        case .batch(let edits): edits.reduce(into: Set<Int>()) { $0.formUnion($1.facilities) }
        }
    }

    public var inverse: ScenarioEdit {
        switch self {
        case .disposition(let facility, let from, let to): .disposition(facility: facility, from: to, to: from)
        case .assumptions(let from, let to): .assumptions(from: to, to: from)
        case .stake(let facility, let from, let to): .stake(facility: facility, from: to, to: from)
        case .batch(let edits): .batch(edits.reversed().map(\.inverse))
        }
    }
}

/// A scenario kept evaluated as it is edited: each edit adjusts the running
/// sums, so a toggle costs O(1) plus the cheap derived figures.
public struct LiveScenario: Sendable {
    public private(set) var scenario: Scenario
    public private(set) var totals: PortfolioTotals
    private var regionTotals: [String: RegionTotals]
    /// Facility warnings counted per toggle; the messages are built only when asked for.
    private var facilityWarningCount: Int
    public private(set) var evaluation: Evaluation

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        totals = PortfolioTotals(scenario.facilities)
        regionTotals = [:]
        for region in RegionTotals.summarize(scenario.facilities) { regionTotals[region.region] = region }
        facilityWarningCount = scenario.facilities.reduce(0) { $0 + FacilityWarnings($1).count }
        evaluation = evaluate(
            scenario, totals: totals, regions: regionTotals.values.sorted { $0.region.utf8.lexicographicallyPrecedes($1.region.utf8) },
            warnings: [], warningCount: scenario.loadWarnings.count + facilityWarningCount)
    }

    /// Every warning, with its message and position: O(facilities), for when they are shown.
    public var warnings: [Diagnostic] { scenarioWarnings(scenario) }

    public mutating func apply(_ edit: ScenarioEdit) {
        applyWithoutEvaluating(edit)
        reevaluate()
    }

    private mutating func applyWithoutEvaluating(_ edit: ScenarioEdit) {
        switch edit {
        case .disposition(let index, _, let to):
            replace(index) { $0.disposition = to }
        case .stake(let index, _, let to):
            replace(index) { $0.retainedStake = to }
        case .assumptions(_, let to):
            scenario.assumptions = to
        case .batch(let edits):
            for edit in edits { applyWithoutEvaluating(edit) }
        }
    }

    /// Changes one facility, taking its old share out of every running sum and putting the new one in.
    private mutating func replace(_ index: Int, _ change: (inout Facility) -> Void) {
        let old = scenario.facilities[index]
        totals.remove(old)
        regionTotals[old.region]?.remove(old)
        facilityWarningCount -= FacilityWarnings(old).count
        change(&scenario.facilities[index])
        totals.add(scenario.facilities[index])
        regionTotals[old.region]?.add(scenario.facilities[index])
        facilityWarningCount += FacilityWarnings(scenario.facilities[index]).count
    }

    private mutating func reevaluate() {
        let regions = regionTotals.values.sorted { $0.region.utf8.lexicographicallyPrecedes($1.region.utf8) }
        evaluation = evaluate(
            scenario, totals: totals, regions: regions, warnings: [],
            warningCount: scenario.loadWarnings.count + facilityWarningCount)
    }
}
