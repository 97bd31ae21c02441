import CapDashModel

/// The review sheet's content, shared by the text and markdown renderers so
/// both always say the same thing: sections of figures and tables, every
/// string from the file already made terminal-safe.
public struct ReviewSheet: Sendable {
    public struct Figure: Sendable {
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
        case figures([Figure])
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
        guard facility.disposition == .contribute else { return facility.disposition.rawValue }
        return "contribute " + Format.percent(facility.stake(assumptions), decimals: 0)
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
            "\(counts.facilities) facilities: \(counts.retain) retain, \(counts.divest) divest, \(counts.leaseback) leaseback"
                + (counts.contribute > 0 ? ", \(counts.contribute) contribute" : ""),
        ]

        let horizon = "\(assumptions.horizonYears) yr at \(Format.percent(assumptions.discountRate)), factor \(Format.fixed(finance.annuityFactor, decimals: 4))"
        var capital: [Figure] = [
            Figure(label: "Gross proceeds", value: money(finance.grossProceeds), note: counts.contribute > 0 ? "sold share of each sale price" : "sale prices of divest + leaseback"),
            Figure(label: "Transaction costs", value: money(-finance.transactionCosts), note: Format.percent(assumptions.transactionCostRate) + " of gross"),
            Figure(label: "Gain on sale", value: money(finance.gainOnSale), note: "after transaction costs"),
            Figure(label: "Tax", value: money(-finance.tax), note: Format.percent(assumptions.taxRate) + " of a positive gain"),
            Figure(label: "Net proceeds", value: money(finance.netProceeds), note: ""),
            Figure(label: "Avoided capex PV", value: money(finance.avoidedCapexPV), note: horizon),
            Figure(label: "Capex freed", value: money(finance.capexFreed), note: "net proceeds + avoided capex PV"),
            Figure(label: "Avoided opex PV", value: money(finance.avoidedOpexPV), note: "divested only"),
            Figure(label: "Leaseback rent PV", value: money(-finance.leasebackRentPV), note: "cap rate " + Format.percent(assumptions.leasebackCapRate) + " unless rent given"),
            Figure(label: "Net cash PV", value: money(finance.netCashPV), note: "capex freed + opex avoided - rent"),
            Figure(label: "Book value released", value: money(finance.bookValueReleased), note: ""),
        ]
        if counts.contribute > 0 {
            capital.append(Figure(
                label: "Retained equity", value: money(finance.retainedEquity),
                note: "stakes kept in contributed facilities (default " + Format.percent(assumptions.contributeRetainedStake, decimals: 0) + ")"))
        }

        let capacityFigures: [Figure] = [
            Figure(label: "Retained", value: Format.mw(evaluation.capacity.retainedMW) + " MW", note: "AI-ready " + Format.mw(evaluation.capacity.aiReadyRetainedMW) + " MW (retain, leaseback, contribute)"),
            Figure(label: "Divested", value: Format.mw(evaluation.capacity.divestedMW) + " MW", note: "AI-ready " + Format.mw(evaluation.capacity.aiReadyDivestedMW) + " MW"),
        ]

        let training = evaluation.training
        let gpu = assumptions.gpu
        let trainingFigures: [Figure] = [
            Figure(label: "GPUs fundable", value: Format.count(training.gpusFundable), note: "capex freed / " + money(gpu.unitCapex) + " per GPU"),
            Figure(label: "Power needed", value: Format.mw(training.powerNeededMW) + " MW", note: "\(Format.fixed(gpu.powerKW, decimals: 2)) kW per GPU x PUE \(Format.fixed(assumptions.pue, decimals: 2))"),
            Figure(label: "GPU-hours per year", value: Format.scaled(training.gpuHoursPerYear), note: ""),
            Figure(label: "FLOPs per year", value: Format.scientific(training.flopsPerYear), note: "MFU " + Format.percent(gpu.mfu, decimals: 0) + " of " + Format.scientific(gpu.peakFlops) + " FLOP/s"),
            Figure(label: "GPUs displaced", value: Format.count(training.gpusDisplaced), note: "by " + Format.mw(evaluation.capacity.aiReadyDivestedMW) + " MW of AI-ready capacity divested"),
            Figure(label: "GPU-hours forgone", value: Format.scaled(training.gpuHoursForgonePerYear), note: "per year"),
        ]
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
        var warnings = evaluation.warnings.prefix(Self.warningsListed).map { safe($0.description) }
        if evaluation.warnings.count > Self.warningsListed {
            warnings.append("… and \(evaluation.warnings.count - Self.warningsListed) more (the JSON report lists every warning)")
        }
        sections.append(Section(title: "Warnings (\(evaluation.warnings.count))", body: [.lines(warnings.isEmpty ? ["none"] : warnings)]))
    }
}
