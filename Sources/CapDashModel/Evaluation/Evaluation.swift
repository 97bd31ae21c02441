import Foundation

/// Every figure of MODEL.md section 3 for one scenario. Names follow MODEL.md:
/// `capex_freed` is `finance.capexFreed`.
public struct Evaluation: Sendable, Equatable {
    public struct Counts: Sendable, Equatable {
        public var facilities: Int
        /// Facilities per disposition: `counts[.divest]`.
        public var byDisposition: DispositionCounts

        public subscript(disposition: Disposition) -> Int { byDisposition[disposition] }
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
    /// How many warnings the scenario has; their messages are worded by the
    /// reports (`Warnings.list` in CapDashReport), only when shown.
    public var warningCount: Int
}

public let hoursPerYear = 8760.0

/// Evaluates a scenario: a pure function of its facilities and assumptions.
public func evaluate(_ scenario: Scenario) -> Evaluation {
    evaluate(
        scenario, totals: PortfolioTotals(scenario.facilities), regions: RegionTotals.summarize(scenario.facilities),
        warningCount: scenario.loadWarnings.count + scenario.facilities.reduce(0) { $0 + FacilityWarnings($1).count })
}

/// Evaluates from totals already kept up to date (the dashboard adjusts them per toggle).
public func evaluate(_ scenario: Scenario, totals: PortfolioTotals, regions: [RegionTotals], warningCount: Int) -> Evaluation {
    let assumptions = scenario.assumptions
    let finance = Evaluation.Finance(totals.sale(defaultStake: assumptions.contributeRetainedStake), assumptions)
    let capacity = Evaluation.Capacity(
        retainedMW: totals.retainedMW, divestedMW: totals.divestedMW,
        aiReadyRetainedMW: totals.aiReadyRetainedMW, aiReadyDivestedMW: totals.aiReadyDivestedMW)
    return Evaluation(
        counts: Evaluation.Counts(facilities: totals.facilities, byDisposition: totals.counts),
        finance: finance,
        capacity: capacity,
        training: trainingBudget(capexFreed: finance.capexFreed, aiReadyDivestedMW: totals.aiReadyDivestedMW, assumptions),
        regions: regions.map { $0.resolved(defaultStake: assumptions.contributeRetainedStake) },
        warningCount: warningCount)
}

/// (1 - (1 + r)^-H) / r: the present value of 1 a year for H years; H when r = 0.
public func annuityFactor(rate: Double, years: Int) -> Double {
    if rate == 0 { return Double(years) }
    return (1 - pow(1 + rate, -Double(years))) / rate
}

extension Evaluation.Finance {
    /// MODEL.md section 3 from the portfolio's sale sums.
    init(_ sold: SaleShare, _ assumptions: Assumptions) {
        let grossProceeds = sold.grossProceeds
        transactionCosts = assumptions.transactionCostRate * grossProceeds
        gainOnSale = Self.gainOnSale(sold, assumptions)
        tax = assumptions.taxRate * max(0, gainOnSale)
        netProceeds = grossProceeds - transactionCosts - tax
        annuityFactor = CapDashModel.annuityFactor(rate: assumptions.discountRate, years: assumptions.horizonYears)
        avoidedCapexPV = annuityFactor * sold.soldAnnualCapex
        capexFreed = netProceeds + avoidedCapexPV
        avoidedOpexPV = annuityFactor * sold.avoidedAnnualOpex
        leasebackRentPV = annuityFactor * sold.rent(capRate: assumptions.leasebackCapRate)
        netCashPV = capexFreed + avoidedOpexPV - leasebackRentPV
        self.grossProceeds = grossProceeds
        bookValueReleased = sold.bookValueReleased
        retainedEquity = sold.retainedEquity
    }

    /// gain_on_sale: linear in the sums, so the optimizer can use it term by term.
    public static func gainOnSale(_ sold: SaleShare, _ assumptions: Assumptions) -> Double {
        sold.grossProceeds - sold.bookValueReleased - assumptions.transactionCostRate * sold.grossProceeds
    }

    /// capex_freed before tax (net of transaction costs, with avoided capex PV): linear in the sums;
    /// capex_freed is this minus tax_rate x max(0, gain_on_sale).
    public static func capexFreedBeforeTax(_ sold: SaleShare, _ assumptions: Assumptions, annuityFactor: Double) -> Double {
        sold.grossProceeds - assumptions.transactionCostRate * sold.grossProceeds + annuityFactor * sold.soldAnnualCapex
    }
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
