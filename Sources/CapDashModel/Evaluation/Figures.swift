/// Every figure capdash reports, once: its docs/scenario-format.md key (as in the JSON
/// report), the label readers see, its unit, a one-line definition and how
/// to read it from an `Evaluation`. The JSON and text reports, the diff, the
/// compare pane, the review pack, the dashboard's panes and its glossary all
/// take their figures from here (hledger computes a report once and renders
/// it with many writers; this is that list).
public struct Figure: Sendable, Identifiable {
    public enum Section: String, Sendable {
        case finance, capacity, training
    }

    public enum Unit: Sendable, Equatable {
        case money
        case megawatts
        /// Whole things: GPUs.
        case count
        /// Large quantities read scaled: 345.3M GPU-hours.
        case quantity
        /// FLOPs, read in scientific notation.
        case flops
        /// A plain factor (the annuity factor) or runs per year.
        case ratio
    }

    /// the format doc's name, the JSON key: `capex_freed`.
    public let key: String
    public let section: Section
    /// What a reader calls it: `Capex freed`.
    public let label: String
    /// A narrower label for panes, where one is needed.
    public let shortLabel: String
    public let unit: Unit
    /// One line saying what it is, in the format doc's terms.
    public let definition: String
    /// Money that leaves: shown with a minus sign in the review sheet and the capex pane.
    public let isOutflow: Bool
    public let value: @Sendable (Evaluation) -> Double

    public var id: String { key }

    init(
        _ key: String, _ section: Section, _ label: String, short: String? = nil, _ unit: Unit, outflow: Bool = false,
        _ definition: String, _ value: @escaping @Sendable (Evaluation) -> Double
    ) {
        self.key = key
        self.section = section
        self.label = label
        shortLabel = short ?? label
        self.unit = unit
        isOutflow = outflow
        self.definition = definition
        self.value = value
    }

    /// The value as shown where outflows read negative.
    public func signedValue(_ evaluation: Evaluation) -> Double {
        isOutflow ? -value(evaluation) : value(evaluation)
    }
}

extension Figure {
    public static let grossProceeds = Figure(
        "gross_proceeds", .finance, "Gross proceeds", .money, "sum of the sold share (phi) of each sale price") { $0.finance.grossProceeds }
    public static let transactionCosts = Figure(
        "transaction_costs", .finance, "Transaction costs", .money, outflow: true,
        "transaction_cost_rate x gross proceeds") { $0.finance.transactionCosts }
    public static let gainOnSale = Figure(
        "gain_on_sale", .finance, "Gain on sale", .money,
        "sold share x (sale price - book value), less transaction costs") { $0.finance.gainOnSale }
    public static let tax = Figure(
        "tax", .finance, "Tax", .money, outflow: true, "tax_rate x max(0, gain on sale)") { $0.finance.tax }
    public static let netProceeds = Figure(
        "net_proceeds", .finance, "Net proceeds", .money, "gross proceeds - transaction costs - tax") { $0.finance.netProceeds }
    public static let bookValueReleased = Figure(
        "book_value_released", .finance, "Book value released", .money, "sold share x book value") { $0.finance.bookValueReleased }
    public static let annuityFactor = Figure(
        "annuity_factor", .finance, "Annuity factor", .ratio,
        "(1 - (1 + r)^-H) / r: today's value of 1 a year for the horizon H at discount rate r") { $0.finance.annuityFactor }
    public static let avoidedCapexPV = Figure(
        "avoided_capex_pv", .finance, "Avoided capex PV", .money,
        "annuity factor x the sustaining capex of the sold shares") { $0.finance.avoidedCapexPV }
    public static let capexFreed = Figure(
        "capex_freed", .finance, "Capex freed", .money,
        "net proceeds + avoided capex PV + development capex avoided PV") { $0.finance.capexFreed }
    public static let avoidedOpexPV = Figure(
        "avoided_opex_pv", .finance, "Avoided opex PV", .money,
        "annuity factor x the opex of facilities sold outright") { $0.finance.avoidedOpexPV }
    public static let leasebackRentPV = Figure(
        "leaseback_rent_pv", .finance, "Leaseback rent PV", .money, outflow: true,
        "annuity factor x rent on the leased-back and contributed shares (cap rate x price unless given)") { $0.finance.leasebackRentPV }
    public static let netCashPV = Figure(
        "net_cash_pv", .finance, "Net cash PV", .money,
        "capex freed + avoided opex PV - leaseback rent PV - development rent PV - expected guarantee cost") { $0.finance.netCashPV }
    public static let retainedEquity = Figure(
        "retained_equity", .finance, "Retained equity", .money,
        "stake x sale price of contributed facilities") { $0.finance.retainedEquity }

    public static let developmentCapexAvoidedPV = Figure(
        "development_capex_avoided_pv", .finance, "Development capex avoided PV", short: "Dev. capex avoided PV", .money,
        "(1 - stake) x the build cost's PV, over partner-financed developments") { $0.finance.developmentCapexAvoidedPV }
    public static let developmentRentPV = Figure(
        "development_rent_pv", .finance, "Development rent PV", short: "Dev. rent PV", .money, outflow: true,
        "(1 - stake) x expected rent PV (firm term + (1 - exit probability) x renewals), partner-financed") { $0.finance.developmentRentPV }
    public static let rvgExpectedPV = Figure(
        "rvg_expected_pv", .finance, "Guarantee expected cost PV", short: "Guarantee exp. cost", .money, outflow: true,
        "exit probability x max(0, guaranteed value - fair value) at the first exit, discounted") { $0.finance.rvgExpectedPV }
    public static let rvgMaxPayment = Figure(
        "rvg_max_payment", .finance, "Guarantee exposure", .money,
        "the residual value guaranteed at the first exit, undiscounted, over partner-financed developments") { $0.finance.rvgMaxPayment }
    public static let leaseLiabilityPV = Figure(
        "lease_liability_pv", .finance, "Lease liability PV", .money,
        "the firm term's rent PV: what ASC 842 puts on the balance sheet") { $0.finance.leaseLiabilityPV }
    public static let offBalanceSheetPV = Figure(
        "off_balance_sheet_pv", .finance, "Off balance sheet PV", .money,
        "expected rent PV beyond the firm term: the renewals the balance sheet does not show") { $0.finance.offBalanceSheetPV }
    public static let developmentEquity = Figure(
        "development_equity", .finance, "Development equity", .money,
        "stake x development cost of partner-financed developments") { $0.finance.developmentEquity }

    public static let retainedMW = Figure(
        "retained_mw", .capacity, "Retained MW", short: "Retained", .megawatts,
        "MW still in use: retained, leased back and contributed") { $0.capacity.retainedMW }
    public static let divestedMW = Figure(
        "divested_mw", .capacity, "Divested MW", short: "Divested", .megawatts, "MW sold outright") { $0.capacity.divestedMW }
    public static let aiReadyRetainedMW = Figure(
        "ai_ready_retained_mw", .capacity, "AI-ready MW retained", .megawatts,
        "retained MW of AI-ready facilities") { $0.capacity.aiReadyRetainedMW }
    public static let aiReadyDivestedMW = Figure(
        "ai_ready_divested_mw", .capacity, "AI-ready MW divested", .megawatts,
        "AI-ready MW sold outright: capacity for GPUs that leaves") { $0.capacity.aiReadyDivestedMW }
    public static let developingMW = Figure(
        "developing_mw", .capacity, "Developing MW", .megawatts, "MW of every development, own or partner-financed") { $0.capacity.developingMW }
    public static let aiReadyDevelopingMW = Figure(
        "ai_ready_developing_mw", .capacity, "AI-ready MW developing", .megawatts,
        "developing MW of AI-ready developments") { $0.capacity.aiReadyDevelopingMW }

    public static let gpusFundable = Figure(
        "gpus_fundable", .training, "GPUs fundable", .count, "floor(capex freed / GPU unit capex)") { $0.training.gpusFundable }
    public static let powerNeededMW = Figure(
        "power_needed_mw", .training, "Power needed", .megawatts,
        "GPUs fundable x kW per GPU x PUE / 1000") { $0.training.powerNeededMW }
    public static let gpuHoursPerYear = Figure(
        "gpu_hours_per_year", .training, "GPU-hours per year", short: "GPU-hours / year", .quantity,
        "GPUs fundable x 8,760 hours") { $0.training.gpuHoursPerYear }
    public static let flopsPerYear = Figure(
        "flops_per_year", .training, "FLOPs per year", .flops,
        "GPU-hours per year x 3,600 x peak FLOP/s x MFU") { $0.training.flopsPerYear }
    public static let gpusDisplaced = Figure(
        "gpus_displaced", .training, "GPUs displaced", .count,
        "AI-ready MW divested x 1000 / (kW per GPU x PUE): GPUs the sold halls could have hosted") { $0.training.gpusDisplaced }
    public static let gpuHoursForgonePerYear = Figure(
        "gpu_hours_forgone_per_year", .training, "GPU-hours forgone", .quantity,
        "GPUs displaced x 8,760 hours, per year") { $0.training.gpuHoursForgonePerYear }
    public static let gpusHostableDeveloping = Figure(
        "gpus_hostable_developing", .training, "GPUs hostable (developing)", short: "GPUs hostable (dev.)", .count,
        "AI-ready developing MW x 1000 / (kW per GPU x PUE)") { $0.training.gpusHostableDeveloping }

    /// Runs per year of one reference model, by name (nil figures for models the evaluation lacks read 0).
    public static func runsPerYear(_ model: String) -> Figure {
        Figure(
            "runs_per_year: \(model)", .training, "\(model) runs / year", .ratio,
            "FLOPs per year / one training run's FLOPs") { evaluation in
            evaluation.training.models.first { $0.name == model }?.runsPerYear ?? 0
        }
    }

    /// docs/scenario-format.md section 4's `finance` block, in its order.
    public static let finance: [Figure] = [
        grossProceeds, transactionCosts, gainOnSale, tax, netProceeds, bookValueReleased, annuityFactor,
        avoidedCapexPV, capexFreed, avoidedOpexPV, leasebackRentPV, netCashPV, retainedEquity,
        developmentCapexAvoidedPV, developmentRentPV, rvgExpectedPV, rvgMaxPayment, leaseLiabilityPV, offBalanceSheetPV,
        developmentEquity,
    ]
    /// docs/scenario-format.md section 4's `capacity` block, with section 7's developing MW.
    public static let capacity: [Figure] = [
        retainedMW, divestedMW, aiReadyRetainedMW, aiReadyDivestedMW, developingMW, aiReadyDevelopingMW,
    ]
    /// docs/scenario-format.md section 4's `training` figures (the GPU's name, models and alternatives aside).
    public static let training: [Figure] = [
        gpusFundable, powerNeededMW, gpuHoursPerYear, flopsPerYear, gpusDisplaced, gpuHoursForgonePerYear,
        gpusHostableDeveloping,
    ]
    /// Section 7's development lines, as the capital-freed block and the financing pane show them.
    public static let developmentFinancing: [Figure] = [
        developmentCapexAvoidedPV, developmentRentPV, rvgExpectedPV, rvgMaxPayment, leaseLiabilityPV, offBalanceSheetPV,
        developmentEquity,
    ]

    /// The capital-freed block as the review sheet reads it, top to bottom.
    public static let capitalFreed: [Figure] = [
        grossProceeds, transactionCosts, gainOnSale, tax, netProceeds, avoidedCapexPV, developmentCapexAvoidedPV, capexFreed,
        avoidedOpexPV, leasebackRentPV, developmentRentPV, rvgExpectedPV, netCashPV, bookValueReleased, retainedEquity,
    ]
    /// What `capdash diff` and the compare view set side by side (the reference models' runs follow).
    public static let compared: [Figure] = [
        grossProceeds, transactionCosts, gainOnSale, tax, netProceeds, bookValueReleased, avoidedCapexPV,
        capexFreed, avoidedOpexPV, leasebackRentPV, netCashPV, retainedEquity,
        developmentCapexAvoidedPV, developmentRentPV, rvgExpectedPV, leaseLiabilityPV, offBalanceSheetPV,
        retainedMW, divestedMW, aiReadyRetainedMW, aiReadyDivestedMW, developingMW,
        gpusFundable, powerNeededMW, gpuHoursPerYear, gpusDisplaced,
    ]
    /// The few a glance needs: the compare pane's rows.
    public static let headline: [Figure] = [
        capexFreed, netCashPV, grossProceeds, tax, leasebackRentPV, developmentRentPV, retainedEquity, retainedMW, divestedMW,
        aiReadyDivestedMW, gpusFundable,
    ]

    /// Whether a figure belongs to section 7: shown only where a scenario has developments.
    public var isDevelopmentFigure: Bool {
        Figure.developmentFinancing.contains { $0.key == key } || key == Figure.developingMW.key
            || key == Figure.aiReadyDevelopingMW.key || key == Figure.gpusHostableDeveloping.key
    }

    /// Every fixed figure, for the glossary and lookups by key.
    public static let all: [Figure] = finance + capacity + training

    /// The figure with this key, if any.
    public static func named(_ key: String) -> Figure? {
        all.first { $0.key == key }
    }
}
