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

        public init(title: String, alignRight: Bool, maxWidth: Int) {
            self.title = title
            self.alignRight = alignRight
            self.maxWidth = maxWidth
        }
    }

    public struct Table: Sendable {
        public var columns: [Column]
        public var rows: [[String]]
        /// A totals row, set apart from the rows.
        public var totals: [String]?

        public init(columns: [Column], rows: [[String]], totals: [String]?) {
            self.columns = columns
            self.rows = rows
            self.totals = totals
        }
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

    /// Per development: what partner financing avoids now, what it costs later, and
    /// what stays on and off the balance sheet (docs/scenario-format.md section 7).
    static func developments(_ scenario: Scenario, _ evaluation: Evaluation) -> [Body] {
        let money = { Format.money($0, currency: scenario.currency) }
        let safe = TerminalSafe.text
        var body: [Body] = []
        for (development, figures) in zip(scenario.developments, evaluation.developments) {
            let stake = Format.percent(figures.retainedStake, decimals: 0)
            let partner = figures.financing.leases
            body.append(.lines([
                "\(safe(figures.name)) (\(safe(figures.id))), \(safe(figures.region)), \(Format.mw(figures.capacityMW)) MW"
                    + (figures.aiReady ? " AI-ready" : "") + " · \(figures.financing == .partner ? "partner-financed" : "built on its own") · stake \(stake)",
            ]))
            let lease = development.lease
            var lines = [
                FigureLine(label: "Development cost", value: money(figures.developmentCost), note: "built over \(development.buildYears) yr, first rent year \(figures.firstRentYear)"),
                FigureLine(label: "Build PV", value: money(figures.buildPV), note: "cost spread over the build years, discounted"),
                FigureLine(label: "Capex avoided PV", value: money(figures.capexAvoidedPV), note: partner ? "(1 - \(stake)) x build PV" : "none: built on its own"),
                FigureLine(
                    label: "Firm rent PV", value: money(figures.firmRentPV),
                    note: (partner ? "" : "as offered: ") + "\(lease.firmYears)-yr firm term at \(Format.percent(lease.yieldOnCost)) of cost, +\(Format.percent(lease.escalation)) a year"),
                FigureLine(
                    label: "Expected rent PV", value: money(figures.expectedRentPV),
                    note: (partner ? "" : "as offered: ") + "firm term + \(Format.percent(1 - lease.exitProbability, decimals: 0)) of renewals to \(development.expectedYears) yr"),
                FigureLine(label: "Net rent PV", value: money(-figures.netRentPV), note: partner ? "(1 - stake) x expected rent; the stake's share comes back" : "none: built on its own"),
                FigureLine(label: "Lease liability PV", value: money(figures.leaseLiabilityPV), note: partner ? "on the balance sheet: the firm term (ASC 842)" : "none"),
                FigureLine(label: "Off balance sheet PV", value: money(figures.offBalanceSheetPV), note: partner ? "committed beyond the firm term, as expected" : "none"),
            ]
            if let guarantee = development.guarantee {
                lines.append(FigureLine(
                    label: "Guarantee at first exit", value: money(figures.rvgGuaranteedValue),
                    note: "declining over \(guarantee.declineYears) yr; shortfall \(money(figures.rvgShortfall)) at \(Format.percent(guarantee.fairValueRatio, decimals: 0)) fair value"))
                lines.append(FigureLine(
                    label: "Guarantee expected cost", value: money(-figures.rvgExpectedPV),
                    note: partner ? "\(Format.percent(lease.exitProbability, decimals: 0)) exit probability x shortfall, discounted" : "none: built on its own"))
            } else {
                lines.append(FigureLine(label: "Guarantee", value: "none", note: "no residual value guarantee"))
            }
            lines.append(FigureLine(label: "Equity", value: money(figures.developmentEquity), note: partner ? "\(stake) of cost" : "none"))
            body.append(.figures(lines))
        }
        return body
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
        case "capex_freed":
            return scenario.developments.isEmpty ? "net proceeds + avoided capex PV" : "net proceeds + avoided capex PV + development capex avoided"
        case "development_capex_avoided_pv": return "(1 - stake) x build PV, partner-financed"
        case "development_rent_pv": return "(1 - stake) x expected rent PV"
        case "rvg_expected_pv": return "residual value guarantees, exit probability x shortfall"
        case "avoided_opex_pv": return "divested only"
        case "leaseback_rent_pv": return "cap rate " + Format.percent(assumptions.leasebackCapRate) + " unless rent given"
        case "net_cash_pv":
            return scenario.developments.isEmpty ? "capex freed + opex avoided - rent" : "capex freed + opex avoided - rent - guarantee cost"
        case "gpus_hostable_developing": return "in the AI-ready developing MW"
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
        // The symbol once, not per amount: a million facilities' table formats two million.
        let symbol = Format.symbol(forCurrency: currency)
        func money(_ value: Double) -> String { Format.money(value, symbol: symbol) }
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
            "\(counts.facilities) \(counts.facilities == 1 ? "facility" : "facilities"): "
                + Disposition.allCases.filter { $0 != .contribute || counts[$0] > 0 }.map { "\(counts[$0]) \($0.label)" }.joined(separator: ", ")
                + (counts.developments > 0
                    ? "; \(counts.developments) development\(counts.developments == 1 ? "" : "s"), \(counts.partnerFinanced) partner-financed" : ""),
        ]

        let hasDevelopments = !scenario.developments.isEmpty
        let capital = CapDashModel.Figure.capitalFreed.compactMap { figure -> FigureLine? in
            if figure.key == CapDashModel.Figure.retainedEquity.key && counts[.contribute] == 0 { return nil }
            if figure.isDevelopmentFigure && !hasDevelopments { return nil }
            return FigureLine(
                label: figure.label, value: Format.figure(figure.signedValue(evaluation), figure.unit, currency: currency),
                note: Self.note(figure, scenario, evaluation))
        }

        let keptBy = Disposition.allCases.filter(\.keepsCapacity).map(\.label).joined(separator: ", ")
        let capacity = evaluation.capacity
        let capacityFigures: [FigureLine] = [
            FigureLine(label: CapDashModel.Figure.retainedMW.shortLabel, value: Format.mw(capacity.retainedMW) + " MW", note: "AI-ready " + Format.mw(capacity.aiReadyRetainedMW) + " MW (\(keptBy))"),
            FigureLine(label: CapDashModel.Figure.divestedMW.shortLabel, value: Format.mw(capacity.divestedMW) + " MW", note: "AI-ready " + Format.mw(capacity.aiReadyDivestedMW) + " MW"),
        ] + (hasDevelopments ? [
            FigureLine(label: "Developing", value: Format.mw(capacity.developingMW) + " MW", note: "AI-ready " + Format.mw(capacity.aiReadyDevelopingMW) + " MW, own and partner-financed"),
        ] : [])

        let training = evaluation.training
        let gpu = assumptions.gpu
        let trainingFigures = CapDashModel.Figure.training.filter { hasDevelopments || !$0.isDevelopmentFigure }.map { figure in
            FigureLine(
                label: figure.label, value: Format.figure(figure.value(evaluation), figure.unit, currency: currency),
                note: Self.note(figure, scenario, evaluation))
        }
        let models = Table(
            columns: [
                Column(title: "Reference model", alignRight: false, maxWidth: 28),
                Column(title: "FLOPs/run", alignRight: true, maxWidth: 10),
                Column(title: "GPU-hours/run", alignRight: true, maxWidth: 14),
                Column(title: "Runs/year", alignRight: true, maxWidth: 12),
                Column(title: "Days on fleet", alignRight: true, maxWidth: 14),
            ],
            rows: training.models.map { model in
                [safe(model.name), Format.scientific(model.trainingFlops), Format.scaledPrecise(model.gpuHours),
                 Format.runs(model.runsPerYear), model.daysOnFleet.map { Format.fixed($0, decimals: 1) } ?? "n/a"]
            },
            totals: nil)
        let largest = training.models.max { $0.trainingFlops < $1.trainingFlops }
        let alternatives = Table(
            columns: [
                Column(title: "Same capital in", alignRight: false, maxWidth: 24),
                Column(title: "Per GPU", alignRight: true, maxWidth: 9),
                Column(title: "GPUs", alignRight: true, maxWidth: 12),
                Column(title: "MW needed", alignRight: true, maxWidth: 10),
                Column(title: "FLOPs/year", alignRight: true, maxWidth: 10),
                Column(title: largest.map { "\(safe($0.name)) runs/yr" } ?? "Runs/yr", alignRight: true, maxWidth: 26),
            ],
            rows: ([(training.gpu, gpu.unitCapex, training.gpusFundable, training.powerNeededMW, training.flopsPerYear, largest?.runsPerYear ?? 0)]
                + training.alternatives.map { alternative in
                    (alternative.gpu, alternative.unitCapex, alternative.gpusFundable, alternative.powerNeededMW, alternative.flopsPerYear,
                     alternative.models.first { $0.name == largest?.name }?.runsPerYear ?? 0)
                }).map { row in
                    [safe(row.0), money(row.1), Format.count(row.2), Format.mw(row.3), Format.scientific(row.4), Format.runs(row.5)]
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
            Section(
                title: "Training budget",
                body: [.lines([gpuLine]), .figures(trainingFigures), .table(models)]
                    + (training.alternatives.isEmpty ? [] : [.table(alternatives)])),
            Section(title: "Regions", body: [.table(regions)]),
        ]
        if hasDevelopments {
            sections.append(Section(title: "Developments", body: Self.developments(scenario, evaluation)))
        }
        sections += [
            Section(title: "Facilities", body: [.table(facilities)]),
        ]
        // Only the listed warnings are worded; the rest are counted.
        let warningCount = ScenarioWarnings.count(scenario)
        var warnings = ScenarioWarnings.list(scenario, limit: Self.warningsListed).map { safe($0.description) }
        if warningCount > Self.warningsListed {
            warnings.append("… and \(warningCount - Self.warningsListed) more (the JSON report lists every warning)")
        }
        sections.append(Section(title: "Warnings (\(warningCount))", body: [.lines(warnings.isEmpty ? ["none"] : warnings)]))
    }
}
