/// A scenario kept evaluated as it is edited: each edit adjusts the running
/// sums, so a facility toggle costs O(1) plus the cheap derived figures.
/// Developments are evaluated once each and again only when they or the
/// assumptions change.
public struct LiveScenario: Sendable {
    public private(set) var scenario: Scenario
    public private(set) var totals: PortfolioTotals
    private var regionTotals: [String: RegionTotals]
    private var developments: [DevelopmentEvaluation]
    /// Facility warnings counted per toggle; the reports word them only when shown.
    private var facilityWarningCount: Int
    public private(set) var evaluation: Evaluation

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        let passes = FacilityPasses(scenario.facilities)
        totals = passes.totals
        regionTotals = [:]
        for region in passes.regions { regionTotals[region.region] = region }
        developments = scenario.developments.map { $0.evaluate(scenario.assumptions) }
        facilityWarningCount = passes.warningCount
        evaluation = CapDashModel.evaluate(
            scenario, totals: totals, regions: regionTotals.values.sorted { $0.region.utf8.lexicographicallyPrecedes($1.region.utf8) },
            developments: developments, warningCount: scenario.loadWarnings.count + facilityWarningCount)
    }

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
        case .assumptions(let from, let to):
            scenario.assumptions.take(changes: from, to)
            // Discount rate and the default stake move every development.
            developments = scenario.developments.map { $0.evaluate(scenario.assumptions) }
        case .development(let index, let from, let to):
            scenario.developments[index].take(changes: from, to)
            developments[index] = scenario.developments[index].evaluate(scenario.assumptions)
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
        evaluation = CapDashModel.evaluate(
            scenario, totals: totals, regions: regions, developments: developments,
            warningCount: scenario.loadWarnings.count + facilityWarningCount)
    }
}
