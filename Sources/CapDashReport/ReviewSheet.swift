import CapDashModel

/// The review sheet's content, shared by the text and markdown renderers so
/// both always say the same thing: sections of figures and tables, every
/// string from the file already made terminal-safe.
public struct ReviewSheet: Sendable {
    public struct FigureLine: Sendable {
        public var label: String
        public var value: String
        public var note: String
    }

    public struct Column: Sendable {
        public var title: String
        public var alignRight: Bool
        /// Cells wider than this are cut with `…` in text (markdown keeps them whole).
        public var maxWidth: Int
    }

    public struct Table: Sendable {
        public var columns: [Column]
        public var rows: [[String]]
        /// A totals row, set apart from the rows.
        public var totals: [String]?
    }

    public enum Body: Sendable {
        case figures([FigureLine])
        case table(Table)
        case lines([String])
    }

    public struct Section: Sendable {
        public var title: String
        public var body: [Body]
    }

    /// Warnings listed in full; a big portfolio's thousands end with a count.
    public static let warningsListed = 50

    public var title: String
    public var subtitle: [String]
    public var sections: [Section]

    /// `contribute 20%` for a contribution, with its stake; the disposition otherwise.
    public static func dispositionLabel(_ facility: Facility, _ assumptions: Assumptions) -> String {
        guard facility.disposition.keepsStake else { return facility.disposition.label }
        return facility.disposition.label + " " + Format.percent(facility.stake(assumptions), decimals: 0)
    }

    /// The review sheet's note beside a figure: how it was reached in this scenario.
    static func note(_ figure: CapDashModel.Figure, _ scenario: Scenario, _ evaluation: Evaluation) -> String {
        let assumptions = scenario.assumptions
        let gpu = assumptions.gpu
        let money = { Format.money($0, currency: scenario.currency) }
        switch figure.key {
        case "gross_proceeds":
            return evaluation.counts[.contribute] > 0 ? "sold share of each sale price" : "sale prices of divest + leaseback"
        case "transaction_costs": return Format.percent(assumptions.transactionCostRate) + " of gross"
        case "gain_on_sale": return "after transaction costs"
        case "tax": return Format.percent(assumptions.taxRate) + " of a positive gain"
        case "avoided_capex_pv":
            return "\(assumptions.horizonYears) yr at \(Format.percent(assumptions.discountRate)), factor \(Format.fixed(evaluation.finance.annuityFactor, decimals: 4))"
        case "capex_freed": return "net proceeds + avoided capex PV"
        case "avoided_opex_pv": return "divested only"
        case "leaseback_rent_pv": return "cap rate " + Format.percent(assumptions.leasebackCapRate) + " unless rent given"
        case "net_cash_pv": return "capex freed + opex avoided - rent"
        case "retained_equity":
            let contributed = scenario.facilities.filter(\.disposition.keepsStake)
            let onDefault = contributed.filter { $0.retainedStake == nil }.count
            let stake = Format.percent(assumptions.contributeRetainedStake, decimals: 0)
            let which = onDefault == contributed.count ? "default " + stake
                : onDefault == 0 ? "each its own stake" : "default \(stake) for \(onDefault) of \(contributed.count)"
            return "stakes kept in contributed facilities (\(which))"
        case "gpus_fundable": return "capex freed / " + money(gpu.unitCapex) + " per GPU"
        case "power_needed_mw": return "\(Format.fixed(gpu.powerKW, decimals: 2)) kW per GPU x PUE \(Format.fixed(assumptions.pue, decimals: 2))"
        case "flops_per_year": return "MFU " + Format.percent(gpu.mfu, decimals: 0) + " of " + Format.scientific(gpu.peakFlops) + " FLOP/s"
        case "gpus_displaced": return "by " + Format.mw(evaluation.capacity.aiReadyDivestedMW) + " MW of AI-ready capacity divested"
        case "gpu_hours_forgone_per_year": return "per year"
        default: return ""
        }
    }

    public init(_ scenario: Scenario, _ evaluation: Evaluation) {
        let currency = scenario.currency
        func money(_ value: Double) -> String { Format.money(value, currency: currency) }
        let safe = TerminalSafe.text
        let assumptions = scenario.assumptions
        let finance = evaluation.finance
        let counts = evaluation.counts

        title = safe(scenario.name)
        var facts = ["file: " + safe(scenario.file ?? ScenarioLoader.builtInExampleName)]
        if let asOf = scenario.asOf { facts.append("as of " + safe(asOf)) }
        facts.append("currency " + safe(currency))
        subtitle = [
            facts.joined(separator: " · "),
            "\(counts.facilities) facilities: "
                + Disposition.allCases.filter { $0 != .contribute || counts[$0] > 0 }.map { "\(counts[$0]) \($0.label)" }.joined(separator: ", "),
        ]

        let capital = CapDashModel.Figure.capitalFreed.compactMap { figure -> FigureLine? in
            if figure.key == CapDashModel.Figure.retainedEquity.key && counts[.contribute] == 0 { return nil }
            return FigureLine(
                label: figure.label, value: Format.figure(figure.signedValue(evaluation), figure.unit, currency: currency),
                note: Self.note(figure, scenario, evaluation))
        }

        let keptBy = Disposition.allCases.filter(\.keepsCapacity).map(\.label).joined(separator: ", ")
        let capacity = evaluation.capacity
        let capacityFigures: [FigureLine] = [
            FigureLine(label: CapDashModel.Figure.retainedMW.shortLabel, value: Format.mw(capacity.retainedMW) + " MW", note: "AI-ready " + Format.mw(capacity.aiReadyRetainedMW) + " MW (\(keptBy))"),
            FigureLine(label: CapDashModel.Figure.divestedMW.shortLabel, value: Format.mw(capacity.divestedMW) + " MW", note: "AI-ready " + Format.mw(capacity.aiReadyDivestedMW) + " MW"),
        ]

        let training = evaluation.training
        let gpu = assumptions.gpu
        let trainingFigures = CapDashModel.Figure.training.map { figure in
            FigureLine(
                label: figure.label, value: Format.figure(figure.value(evaluation), figure.unit, currency: currency),
                note: Self.note(figure, scenario, evaluation))
        }
        let models = Table(
            columns: [
                Column(title: "Reference model", alignRight: false, maxWidth: 28),
                Column(title: "GPU-hours/run", alignRight: true, maxWidth: 14),
                Column(title: "Runs/year", alignRight: true, maxWidth: 12),
                Column(title: "Days on fleet", alignRight: true, maxWidth: 14),
            ],
            rows: training.models.map { model in
                [safe(model.name), Format.scaledPrecise(model.gpuHours), Format.runs(model.runsPerYear),
                 model.daysOnFleet.map { Format.fixed($0, decimals: 1) } ?? "n/a"]
            },
            totals: nil)

        let regions = Table(
            columns: [
                Column(title: "Region", alignRight: false, maxWidth: 20),
                Column(title: "Facilities", alignRight: true, maxWidth: 10),
                Column(title: "Retained MW", alignRight: true, maxWidth: 12),
                Column(title: "Divested MW", alignRight: true, maxWidth: 12),
                Column(title: "Gross proceeds", alignRight: true, maxWidth: 14),
            ],
            rows: evaluation.regions.map { region in
                [safe(region.region), String(region.facilities), Format.mw(region.retainedMW),
                 Format.mw(region.divestedMW), money(region.grossProceeds)]
            },
            totals: ["Total", String(counts.facilities), Format.mw(evaluation.capacity.retainedMW),
                     Format.mw(evaluation.capacity.divestedMW), money(finance.grossProceeds)])

        let facilities = Table(
            columns: [
                Column(title: "ID", alignRight: false, maxWidth: 20),
                Column(title: "Name", alignRight: false, maxWidth: 20),
                Column(title: "Region", alignRight: false, maxWidth: 6),
                Column(title: "MW", alignRight: true, maxWidth: 7),
                Column(title: "AI", alignRight: false, maxWidth: 3),
                Column(title: "Book", alignRight: true, maxWidth: 9),
                Column(title: "Sale", alignRight: true, maxWidth: 9),
                Column(title: "Disposition", alignRight: false, maxWidth: 14),
            ],
            rows: scenario.facilities.map { facility in
                [safe(facility.id), safe(facility.name), safe(facility.region), Format.mw(facility.capacityMW),
                 facility.aiReady ? "yes" : "", money(facility.bookValue), facility.salePrice.map(money) ?? "—",
                 Self.dispositionLabel(facility, assumptions)]
            },
            totals: nil)

        let gpuLine = "\(safe(gpu.name)) at \(money(gpu.unitCapex)) per GPU, all-in"
        sections = [
            Section(title: "Capital freed", body: [.figures(capital)]),
            Section(title: "Capacity", body: [.figures(capacityFigures)]),
            Section(title: "Training budget", body: [.lines([gpuLine]), .figures(trainingFigures), .table(models)]),
            Section(title: "Regions", body: [.table(regions)]),
            Section(title: "Facilities", body: [.table(facilities)]),
        ]
        let allWarnings = ScenarioWarnings.list(scenario)
        var warnings = allWarnings.prefix(Self.warningsListed).map { safe($0.description) }
        if allWarnings.count > Self.warningsListed {
            warnings.append("… and \(allWarnings.count - Self.warningsListed) more (the JSON report lists every warning)")
        }
        sections.append(Section(title: "Warnings (\(allWarnings.count))", body: [.lines(warnings.isEmpty ? ["none"] : warnings)]))
    }
}
