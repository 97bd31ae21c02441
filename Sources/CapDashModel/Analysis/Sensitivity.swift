/// A tornado: each assumption (and sale prices, and each development lease term,
/// as a group) moved to a low and a high value, ranked by how far capex freed
/// swings, then net cash PV (what rent and guarantees move), then training runs.
/// Ranges come from the scenario's optional `sensitivity:` block, else
/// ±`relative` of the base value; every range brackets the scenario as it stands.
public struct SensitivityAnalysis: Sendable {
    public struct Driver: Sendable {
        /// `discount_rate`, `gpu.unit_capex`, ..., or `sale_prices`.
        public var key: String
        public var low: Double
        public var high: Double
        public var capexFreedLow: Double
        public var capexFreedHigh: Double
        /// Runs per year of the largest reference model at the low and high value.
        public var runsLow: Double
        public var runsHigh: Double
        /// Net cash PV at the low and high value: what rent, opex and guarantees move.
        public var netCashLow: Double
        public var netCashHigh: Double

        public var capexSwing: Double { abs(capexFreedHigh - capexFreedLow) }
        public var runsSwing: Double { abs(runsHigh - runsLow) }
        public var netCashSwing: Double { abs(netCashHigh - netCashLow) }
    }

    /// The drivers every analysis covers, in this order before ranking.
    public static let driverKeys: [String] = [
        "discount_rate", "tax_rate", "transaction_cost_rate", "leaseback_cap_rate", "horizon_years",
        "gpu.unit_capex", "gpu.mfu", "sale_prices", "contribute_retained_stake",
    ] + developmentDriverKeys

    /// Each development lease term, moved on every development by the same multiplier.
    public static let developmentDriverKeys = DevelopmentTerm.allCases.map { "development." + $0.key }

    /// Drivers given as multipliers of each item's own value (sale prices, lease terms).
    public static func isMultiplier(_ key: String) -> Bool {
        key == "sale_prices" || developmentDriverKeys.contains(key)
    }

    public var baseCapexFreed: Double
    public var baseNetCash: Double
    public var baseRuns: Double
    /// The reference model runs are counted in (the one a run costs most GPU-hours of).
    public var runsModel: String?
    public var relative: Double
    /// Ranked by capex swing, then runs swing, largest first.
    public var drivers: [Driver]

    public init(_ scenario: Scenario, relative: Double? = nil) {
        let relative = relative ?? scenario.sensitivity.relative ?? 0.2
        self.relative = relative
        let base = evaluate(scenario)
        let model = Self.largestModel(base)
        runsModel = model?.name
        baseCapexFreed = base.finance.capexFreed
        baseNetCash = base.finance.netCashPV
        baseRuns = model?.runsPerYear ?? 0
        var drivers: [Driver] = []
        // Lease terms only where there are developments to move.
        for key in Self.driverKeys where scenario.developments.isEmpty == false || !Self.developmentDriverKeys.contains(key) {
            let (low, high) = Self.range(key, scenario, relative)
            let lowResult = evaluate(Self.applying(key, low, to: scenario))
            let highResult = evaluate(Self.applying(key, high, to: scenario))
            drivers.append(Driver(
                key: key, low: low, high: high,
                capexFreedLow: lowResult.finance.capexFreed, capexFreedHigh: highResult.finance.capexFreed,
                runsLow: Self.runs(lowResult, model?.name), runsHigh: Self.runs(highResult, model?.name),
                netCashLow: lowResult.finance.netCashPV, netCashHigh: highResult.finance.netCashPV))
        }
        // By capex swing, then net cash (rent and guarantees move no capital now), then runs (GPU drivers).
        self.drivers = drivers.enumerated().sorted { x, y in
            let a = x.element, b = y.element
            if a.capexSwing != b.capexSwing { return a.capexSwing > b.capexSwing }
            if a.netCashSwing != b.netCashSwing { return a.netCashSwing > b.netCashSwing }
            if a.runsSwing != b.runsSwing { return a.runsSwing > b.runsSwing }
            return x.offset < y.offset
        }.map(\.element)
    }

    /// The reference model a run of which takes the most compute.
    /// The same analysis with net cash PV where capex freed stands, for drawing its tornado.
    public var asNetCash: SensitivityAnalysis {
        var copy = self
        copy.baseCapexFreed = baseNetCash
        copy.drivers = drivers.map { driver in
            var moved = driver
            moved.capexFreedLow = driver.netCashLow
            moved.capexFreedHigh = driver.netCashHigh
            return moved
        }.sorted { $0.capexSwing > $1.capexSwing }
        return copy
    }

    static func largestModel(_ evaluation: Evaluation) -> Evaluation.ModelBudget? {
        evaluation.training.models.max { $0.trainingFlops < $1.trainingFlops }
    }

    static func runs(_ evaluation: Evaluation, _ model: String?) -> Double {
        evaluation.training.models.first { $0.name == model }?.runsPerYear ?? 0
    }

    /// The driver's range: the scenario's own, else ±relative; widened to include the
    /// base value, so every bar brackets the scenario as it stands.
    static func range(_ key: String, _ scenario: Scenario, _ relative: Double) -> (Double, Double) {
        let (low, high) = scenario.sensitivity.ranges[key] ?? defaultRange(key, scenario, relative)
        guard let base = baseValue(key, scenario) else { return (low, high) }
        return (min(low, base), max(high, base))
    }

    /// The value a driver moves away from: 1 for the sale-price multiplier.
    static func baseValue(_ key: String, _ scenario: Scenario) -> Double? {
        isMultiplier(key) ? 1 : AssumptionKey(rawValue: key)?.value(in: scenario.assumptions)
    }

    /// ±relative of the base value, kept inside the value's valid range.
    static func defaultRange(_ key: String, _ scenario: Scenario, _ relative: Double) -> (Double, Double) {
        if isMultiplier(key) { return (1 - relative, 1 + relative) }
        guard let assumption = AssumptionKey(rawValue: key), let base = assumption.value(in: scenario.assumptions) else {
            return (0, 0)
        }
        var low = base * (1 - relative)
        var high = base * (1 + relative)
        switch assumption {
        case .horizonYears:
            low = max(1, low.rounded(.down))
            high = min(100, high.rounded(.up))
        case .taxRate, .transactionCostRate, .discountRate, .leasebackCapRate:
            low = max(0, low)
            high = min(1, high)
        case .contributeRetainedStake:
            // The stake drives every contribution without its own; a whole stake is no contribution.
            low = max(0, low)
            high = min(0.99, high)
        case .gpuMFU:
            high = min(1, high)
        default:
            break
        }
        return (low, high)
    }

    /// The scenario with one driver at a value: an assumption set, or every sale price scaled.
    /// The stake driver sets the default stake and moves each facility's own stake by the
    /// same ratio around its own value (kept below 1), so a facility at 40% is tested near
    /// 40%, not at the default's range.
    public static func applying(_ key: String, _ value: Double, to scenario: Scenario) -> Scenario {
        var changed = scenario
        if key == "sale_prices" {
            for index in changed.facilities.indices {
                changed.facilities[index].salePrice = changed.facilities[index].salePrice.map { $0 * value }
            }
        } else if let term = DevelopmentTerm.allCases.first(where: { "development." + $0.key == key }) {
            // Each development's own term, scaled and kept valid (a yield at most 1, an escalation below 1).
            for index in changed.developments.indices {
                guard let own = term.value(in: changed.developments[index]) else { continue }
                var moved = own * value
                if !term.isValid(moved) { moved = term == .escalation ? min(moved, 0.999) : min(max(moved, 0), 1) }
                if term.isValid(moved) { changed.developments[index] = term.setting(moved, in: changed.developments[index]) }
            }
        } else if let assumption = AssumptionKey(rawValue: key) {
            let base = assumption.value(in: scenario.assumptions) ?? 0
            assumption.set(value, in: &changed.assumptions)
            if assumption == .contributeRetainedStake {
                let ratio = base > 0 ? value / base : 1
                for index in changed.facilities.indices {
                    guard let own = changed.facilities[index].retainedStake else { continue }
                    // A zero default moves own stakes by the same points instead of a ratio.
                    let moved = base > 0 ? own * ratio : own + value
                    changed.facilities[index].retainedStake = min(0.99, max(0, moved))
                }
            }
        }
        return changed
    }
}

/// The scenario's optional `sensitivity:` block: ranges per driver and a default relative swing.
public struct SensitivitySettings: Sendable, Equatable {
    public var relative: Double?
    public var ranges: [String: (Double, Double)] = [:]

    public init() {}

    public static func == (a: SensitivitySettings, b: SensitivitySettings) -> Bool {
        a.relative == b.relative && a.ranges.keys.sorted() == b.ranges.keys.sorted()
            && a.ranges.allSatisfy { key, range in b.ranges[key].map { $0 == range } ?? false }
    }
}
