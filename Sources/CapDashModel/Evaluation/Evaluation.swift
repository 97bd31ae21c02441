import Foundation

/// Every figure of docs/scenario-format.md sections 3 and 6 to 8 for one scenario. Names follow
/// docs/scenario-format.md: `capex_freed` is `finance.capexFreed`. (Figures.swift lists them for the reports.)
public struct Evaluation: Sendable, Equatable {
    public struct Counts: Sendable, Equatable {
        public var facilities: Int
        /// Facilities per disposition: `counts[.divest]`.
        public var byDisposition: DispositionCounts

        public subscript(disposition: Disposition) -> Int { byDisposition[disposition] }
        /// Developments, and how many of them a partner finances (section 7).
        public var developments: Int
        public var partnerFinanced: Int
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
        /// Stake x sale price over contributed facilities (docs/scenario-format.md section 6).
        public var retainedEquity: Double
        /// Section 7's totals over developments.
        public var developmentCapexAvoidedPV: Double
        public var developmentRentPV: Double
        public var rvgExpectedPV: Double
        public var rvgMaxPayment: Double
        public var leaseLiabilityPV: Double
        public var offBalanceSheetPV: Double
        public var developmentEquity: Double
    }

    public struct Capacity: Sendable, Equatable {
        public var retainedMW: Double
        public var divestedMW: Double
        public var aiReadyRetainedMW: Double
        public var aiReadyDivestedMW: Double
        /// Every development's MW, and the AI-ready ones' (section 7).
        public var developingMW: Double
        public var aiReadyDevelopingMW: Double
    }

    public struct ModelBudget: Sendable, Equatable {
        public var name: String
        /// FLOPs one training run takes (section 8).
        public var trainingFlops: Double
        /// GPU-hours for one training run on the scenario's GPU.
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
        /// GPUs the AI-ready developing MW can host (section 7).
        public var gpusHostableDeveloping: Double
        public var models: [ModelBudget]
        /// What the same capital buys in other GPU generations (section 8).
        public var alternatives: [Alternative]
    }

    /// The same capital in another GPU.
    public struct Alternative: Sendable, Equatable {
        public var gpu: String
        public var unitCapex: Double
        public var gpusFundable: Double
        public var powerNeededMW: Double
        public var flopsPerYear: Double
        /// Runs per year of each reference model, in order.
        public var models: [(name: String, runsPerYear: Double)]

        public static func == (a: Alternative, b: Alternative) -> Bool {
            a.gpu == b.gpu && a.unitCapex == b.unitCapex && a.gpusFundable == b.gpusFundable && a.powerNeededMW == b.powerNeededMW
                && a.flopsPerYear == b.flopsPerYear && a.models.map(\.name) == b.models.map(\.name)
                && a.models.map(\.runsPerYear) == b.models.map(\.runsPerYear)
        }
    }

    public var counts: Counts
    public var finance: Finance
    public var capacity: Capacity
    public var training: Training
    public var regions: [RegionTotals]
    /// Each development's figures, in file order.
    public var developments: [DevelopmentEvaluation]
    /// How many warnings the scenario has; their messages are worded by the
    /// reports (`Warnings.list` in CapDashReport), only when shown.
    public var warningCount: Int
}

public let hoursPerYear = 8760.0

/// Evaluates a scenario: a pure function of its facilities, developments and assumptions.
public func evaluate(_ scenario: Scenario) -> Evaluation {
    let passes = FacilityPasses(scenario.facilities)
    return evaluate(
        scenario, totals: passes.totals, regions: passes.regions,
        developments: scenario.developments.map { $0.evaluate(scenario.assumptions) },
        warningCount: scenario.loadWarnings.count + passes.warningCount)
}

/// The three passes over the facilities that evaluation starts from. Each is sequential
/// (the compensated sums add in file order, so figures never depend on the core count);
/// on a big portfolio the three run side by side.
struct FacilityPasses {
    var totals = PortfolioTotals()
    var regions: [RegionTotals] = []
    var warningCount = 0

    init(_ facilities: [Facility]) {
        guard facilities.count >= 20_000 else {
            totals = PortfolioTotals(facilities)
            regions = RegionTotals.summarize(facilities)
            warningCount = FacilityWarnings.count(in: facilities)
            return
        }
        // Each pass writes only its own variable.
        nonisolated(unsafe) var totals = PortfolioTotals()
        nonisolated(unsafe) var regions: [RegionTotals] = []
        nonisolated(unsafe) var warningCount = 0
        DispatchQueue.concurrentPerform(iterations: 3) { pass in
            switch pass {
            case 0: totals = PortfolioTotals(facilities)
            case 1: regions = RegionTotals.summarize(facilities)
            default: warningCount = FacilityWarnings.count(in: facilities)
            }
        }
        self.totals = totals
        self.regions = regions
        self.warningCount = warningCount
    }
}

/// Evaluates from totals already kept up to date (the dashboard adjusts them per toggle).
public func evaluate(
    _ scenario: Scenario, totals: PortfolioTotals, regions: [RegionTotals], developments: [DevelopmentEvaluation], warningCount: Int
) -> Evaluation {
    let assumptions = scenario.assumptions
    let developed = DevelopmentTotals(developments)
    let finance = Evaluation.Finance(totals.sale(defaultStake: assumptions.contributeRetainedStake), developed, assumptions)
    let capacity = Evaluation.Capacity(
        retainedMW: totals.retainedMW, divestedMW: totals.divestedMW,
        aiReadyRetainedMW: totals.aiReadyRetainedMW, aiReadyDivestedMW: totals.aiReadyDivestedMW,
        developingMW: developed.developingMW, aiReadyDevelopingMW: developed.aiReadyDevelopingMW)
    return Evaluation(
        counts: Evaluation.Counts(
            facilities: totals.facilities, byDisposition: totals.counts, developments: developed.count,
            partnerFinanced: developed.partnerFinanced),
        finance: finance,
        capacity: capacity,
        training: trainingBudget(finance.capexFreed, capacity, assumptions),
        regions: regions.map { $0.resolved(defaultStake: assumptions.contributeRetainedStake) },
        developments: developments,
        warningCount: warningCount)
}

/// (1 - (1 + r)^-H) / r: the present value of 1 a year for H years; H when r = 0.
public func annuityFactor(rate: Double, years: Int) -> Double {
    if rate == 0 { return Double(years) }
    return (1 - pow(1 + rate, -Double(years))) / rate
}

extension Evaluation.Finance {
    /// docs/scenario-format.md sections 3, 6 and 7 from the portfolio's sale sums and the developments' totals.
    init(_ sold: SaleShare, _ developed: DevelopmentTotals, _ assumptions: Assumptions) {
        let grossProceeds = sold.grossProceeds
        transactionCosts = assumptions.transactionCostRate * grossProceeds
        gainOnSale = Self.gainOnSale(sold, assumptions)
        // A gain that is not a number (sums past a double's range) leaves tax unknown, not 0.
        tax = gainOnSale.isNaN ? .nan : assumptions.taxRate * max(0, gainOnSale)
        netProceeds = grossProceeds - transactionCosts - tax
        annuityFactor = CapDashModel.annuityFactor(rate: assumptions.discountRate, years: assumptions.horizonYears)
        avoidedCapexPV = annuityFactor * sold.soldAnnualCapex
        developmentCapexAvoidedPV = developed.capexAvoidedPV
        capexFreed = netProceeds + avoidedCapexPV + developmentCapexAvoidedPV
        avoidedOpexPV = annuityFactor * sold.avoidedAnnualOpex
        leasebackRentPV = annuityFactor * sold.rent(capRate: assumptions.leasebackCapRate)
        developmentRentPV = developed.netRentPV
        rvgExpectedPV = developed.rvgExpectedPV
        netCashPV = capexFreed + avoidedOpexPV - leasebackRentPV - developmentRentPV - rvgExpectedPV
        self.grossProceeds = grossProceeds
        bookValueReleased = sold.bookValueReleased
        retainedEquity = sold.retainedEquity
        rvgMaxPayment = developed.rvgMaxPayment
        leaseLiabilityPV = developed.leaseLiabilityPV
        offBalanceSheetPV = developed.offBalanceSheetPV
        developmentEquity = developed.developmentEquity
    }

    /// gain_on_sale: linear in the sums, so the optimizer can use it term by term.
    public static func gainOnSale(_ sold: SaleShare, _ assumptions: Assumptions) -> Double {
        sold.grossProceeds - sold.bookValueReleased - assumptions.transactionCostRate * sold.grossProceeds
    }

    /// capex_freed before tax (net of transaction costs, with avoided capex PV): linear in the sums;
    /// capex_freed is this minus tax_rate x max(0, gain_on_sale), plus what developments avoid.
    public static func capexFreedBeforeTax(_ sold: SaleShare, _ assumptions: Assumptions, annuityFactor: Double) -> Double {
        sold.grossProceeds - assumptions.transactionCostRate * sold.grossProceeds + annuityFactor * sold.soldAnnualCapex
    }
}

/// What the freed capital buys in training compute on the scenario's GPU and its
/// alternatives (sections 3 and 8), and what divested AI-ready capacity gives up.
func trainingBudget(_ capexFreed: Double, _ capacity: Evaluation.Capacity, _ assumptions: Assumptions) -> Evaluation.Training {
    let gpu = assumptions.gpu
    let fleet = Fleet(capexFreed, gpu, pue: assumptions.pue)
    let displaced = (capacity.aiReadyDivestedMW * 1000 / (gpu.powerKW * assumptions.pue)).rounded(.down)
    let hostable = (capacity.aiReadyDevelopingMW * 1000 / (gpu.powerKW * assumptions.pue)).rounded(.down)
    let models = assumptions.referenceModels.map { model in
        let flops = model.trainingFlops
        let hours = flops / (3600 * gpu.peakFlops * gpu.mfu)
        return Evaluation.ModelBudget(
            name: model.name, trainingFlops: flops, gpuHours: hours, runsPerYear: fleet.flopsPerYear / flops,
            daysOnFleet: fleet.gpus == 0 ? nil : hours / fleet.gpus / 24)
    }
    let alternatives = assumptions.effectiveGPUAlternatives.map { other in
        let fleet = Fleet(capexFreed, other, pue: assumptions.pue)
        return Evaluation.Alternative(
            gpu: other.name, unitCapex: other.unitCapex, gpusFundable: fleet.gpus, powerNeededMW: fleet.powerNeededMW,
            flopsPerYear: fleet.flopsPerYear,
            models: assumptions.referenceModels.map { ($0.name, fleet.flopsPerYear / $0.trainingFlops) })
    }
    return Evaluation.Training(
        gpu: gpu.name, gpusFundable: fleet.gpus, powerNeededMW: fleet.powerNeededMW,
        gpuHoursPerYear: fleet.gpuHoursPerYear, flopsPerYear: fleet.flopsPerYear,
        gpusDisplaced: displaced, gpuHoursForgonePerYear: displaced * hoursPerYear,
        gpusHostableDeveloping: hostable, models: models, alternatives: alternatives)
}

/// The GPUs a budget funds and what they deliver (section 3's training rows, for any GPU).
struct Fleet {
    var gpus: Double
    var powerNeededMW: Double
    var gpuHoursPerYear: Double
    var flopsPerYear: Double

    init(_ capexFreed: Double, _ gpu: GPUAssumptions, pue: Double) {
        // Nothing freed funds nothing; a budget past a double's range funds an unknown number.
        gpus = capexFreed.isNaN ? .nan : capexFreed > 0 ? (capexFreed / gpu.unitCapex).rounded(.down) : 0
        powerNeededMW = gpus * gpu.powerKW * pue / 1000
        gpuHoursPerYear = gpus * hoursPerYear
        flopsPerYear = gpuHoursPerYear * 3600 * gpu.peakFlops * gpu.mfu
    }
}
