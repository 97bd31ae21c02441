import Foundation

/// Every figure of MODEL.md section 3 for one scenario. Names follow MODEL.md:
/// `capex_freed` is `finance.capexFreed`.
public struct Evaluation: Sendable, Equatable {
    public struct Counts: Sendable, Equatable {
        public var facilities: Int
        public var retain: Int
        public var divest: Int
        public var leaseback: Int
        public var contribute: Int
    }

    public struct Finance: Sendable, Equatable {
        public var grossProceeds: Double
        public var transactionCosts: Double
        public var gainOnSale: Double
        public var tax: Double
        public var netProceeds: Double
        public var bookValueReleased: Double
        public var annuityFactor: Double
        public var avoidedCapexPV: Double
        public var capexFreed: Double
        public var avoidedOpexPV: Double
        public var leasebackRentPV: Double
        public var netCashPV: Double
        /// Stake x sale price over contributed facilities (MODEL.md section 6).
        public var retainedEquity: Double
    }

    public struct Capacity: Sendable, Equatable {
        public var retainedMW: Double
        public var divestedMW: Double
        public var aiReadyRetainedMW: Double
        public var aiReadyDivestedMW: Double
    }

    public struct ModelBudget: Sendable, Equatable {
        public var name: String
        /// GPU-hours for one training run.
        public var gpuHours: Double
        public var runsPerYear: Double
        /// Days one run takes on the funded fleet; nil when no GPU is funded.
        public var daysOnFleet: Double?
    }

    public struct Training: Sendable, Equatable {
        public var gpu: String
        /// Whole GPUs; a Double so huge budgets cannot trap on conversion.
        public var gpusFundable: Double
        public var powerNeededMW: Double
        public var gpuHoursPerYear: Double
        public var flopsPerYear: Double
        public var gpusDisplaced: Double
        public var gpuHoursForgonePerYear: Double
        public var models: [ModelBudget]
    }

    public var counts: Counts
    public var finance: Finance
    public var capacity: Capacity
    public var training: Training
    public var regions: [RegionTotals]
    /// Every warning. A `LiveScenario`'s evaluation leaves this empty and only
    /// counts them (per toggle, without building messages); `LiveScenario.warnings` lists them.
    public var warnings: [Diagnostic]
    public var warningCount: Int
}

public let hoursPerYear = 8760.0

/// Evaluates a scenario: a pure function of its facilities and assumptions.
public func evaluate(_ scenario: Scenario) -> Evaluation {
    evaluate(scenario, totals: PortfolioTotals(scenario.facilities), regions: RegionTotals.summarize(scenario.facilities))
}

/// Evaluates from totals already kept up to date (the dashboard adjusts them per toggle).
public func evaluate(
    _ scenario: Scenario, totals: PortfolioTotals, regions: [RegionTotals], warnings: [Diagnostic]? = nil, warningCount: Int? = nil
) -> Evaluation {
    let warnings = warnings ?? scenarioWarnings(scenario)
    let assumptions = scenario.assumptions
    let finance = financeFigures(totals, assumptions)
    let capacity = Evaluation.Capacity(
        retainedMW: totals.retainedMW, divestedMW: totals.divestedMW,
        aiReadyRetainedMW: totals.aiReadyRetainedMW, aiReadyDivestedMW: totals.aiReadyDivestedMW)
    return Evaluation(
        counts: Evaluation.Counts(
            facilities: totals.facilities, retain: totals.retained, divest: totals.divested, leaseback: totals.leasedBack,
            contribute: totals.contributed),
        finance: finance,
        capacity: capacity,
        training: trainingBudget(capexFreed: finance.capexFreed, aiReadyDivestedMW: totals.aiReadyDivestedMW, assumptions),
        regions: regions.map { $0.resolved(defaultStake: assumptions.contributeRetainedStake) },
        warnings: warnings,
        warningCount: warningCount ?? warnings.count)
}

/// (1 - (1 + r)^-H) / r: the present value of 1 a year for H years; H when r = 0.
public func annuityFactor(rate: Double, years: Int) -> Double {
    if rate == 0 { return Double(years) }
    return (1 - pow(1 + rate, -Double(years))) / rate
}

func financeFigures(_ totals: PortfolioTotals, _ assumptions: Assumptions) -> Evaluation.Finance {
    // Contributions on the default stake join the phi-weighted sums here, where phi is known.
    let stake = assumptions.contributeRetainedStake
    let phi = 1 - stake
    let pending = totals.defaultStake
    let grossProceeds = totals.salePrice + phi * pending.salePrice.value
    let bookValueReleased = totals.bookValue + phi * pending.bookValue.value
    let soldCapex = totals.annualCapex + phi * pending.annualCapex.value
    let transactionCosts = assumptions.transactionCostRate * grossProceeds
    let gainOnSale = grossProceeds - bookValueReleased - transactionCosts
    let tax = assumptions.taxRate * max(0, gainOnSale)
    let netProceeds = grossProceeds - transactionCosts - tax
    let factor = annuityFactor(rate: assumptions.discountRate, years: assumptions.horizonYears)
    let avoidedCapexPV = factor * soldCapex
    let capexFreed = netProceeds + avoidedCapexPV
    let avoidedOpexPV = factor * totals.divestedAnnualOpex
    let rent = totals.leasebackRentGiven + assumptions.leasebackCapRate * totals.leasebackSalePriceWithoutRent
        + phi * (pending.rentGiven.value + assumptions.leasebackCapRate * pending.salePriceWithoutRent.value)
    let leasebackRentPV = factor * rent
    return Evaluation.Finance(
        grossProceeds: grossProceeds, transactionCosts: transactionCosts, gainOnSale: gainOnSale, tax: tax,
        netProceeds: netProceeds, bookValueReleased: bookValueReleased, annuityFactor: factor,
        avoidedCapexPV: avoidedCapexPV, capexFreed: capexFreed, avoidedOpexPV: avoidedOpexPV,
        leasebackRentPV: leasebackRentPV, netCashPV: capexFreed + avoidedOpexPV - leasebackRentPV,
        retainedEquity: totals.retainedEquity + stake * pending.salePrice.value)
}

/// What the freed capital buys in GPUs, and what divested AI-ready capacity gives up.
func trainingBudget(capexFreed: Double, aiReadyDivestedMW: Double, _ assumptions: Assumptions) -> Evaluation.Training {
    let gpu = assumptions.gpu
    let gpus = capexFreed > 0 ? (capexFreed / gpu.unitCapex).rounded(.down) : 0
    let gpuHoursPerYear = gpus * hoursPerYear
    let displaced = (aiReadyDivestedMW * 1000 / (gpu.powerKW * assumptions.pue)).rounded(.down)
    let models = assumptions.referenceModels.map { model in
        let hours = model.gpuHours ?? 6 * model.parameters * model.tokens / (3600 * gpu.peakFlops * gpu.mfu)
        return Evaluation.ModelBudget(
            name: model.name, gpuHours: hours, runsPerYear: gpuHoursPerYear / hours,
            daysOnFleet: gpus == 0 ? nil : hours / gpus / 24)
    }
    return Evaluation.Training(
        gpu: gpu.name, gpusFundable: gpus, powerNeededMW: gpus * gpu.powerKW * assumptions.pue / 1000,
        gpuHoursPerYear: gpuHoursPerYear, flopsPerYear: gpuHoursPerYear * 3600 * gpu.peakFlops * gpu.mfu,
        gpusDisplaced: displaced, gpuHoursForgonePerYear: displaced * hoursPerYear, models: models)
}
