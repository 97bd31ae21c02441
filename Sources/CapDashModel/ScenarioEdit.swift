/// One undoable change to a scenario. Undo applies the inverse, so history
/// costs a few bytes per step, not a copy of the portfolio.
public enum ScenarioEdit: Sendable, Equatable {
    case disposition(facility: Int, from: Disposition, to: Disposition)
    case assumptions(from: Assumptions, to: Assumptions)
    /// Several changes taken as one step (reset, an accepted plan).
    case batch([ScenarioEdit])

    public var inverse: ScenarioEdit {
        switch self {
        case .disposition(let facility, let from, let to): .disposition(facility: facility, from: to, to: from)
        case .assumptions(let from, let to): .assumptions(from: to, to: from)
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
            let old = scenario.facilities[index]
            totals.remove(old)
            regionTotals[old.region]?.remove(old)
            facilityWarningCount -= FacilityWarnings(old).count
            scenario.facilities[index].disposition = to
            totals.add(scenario.facilities[index])
            regionTotals[old.region]?.add(scenario.facilities[index])
            facilityWarningCount += FacilityWarnings(scenario.facilities[index]).count
        case .assumptions(_, let to):
            scenario.assumptions = to
        case .batch(let edits):
            for edit in edits { applyWithoutEvaluating(edit) }
        }
    }

    private mutating func reevaluate() {
        let regions = regionTotals.values.sorted { $0.region.utf8.lexicographicallyPrecedes($1.region.utf8) }
        evaluation = evaluate(
            scenario, totals: totals, regions: regions, warnings: [],
            warningCount: scenario.loadWarnings.count + facilityWarningCount)
    }
}
