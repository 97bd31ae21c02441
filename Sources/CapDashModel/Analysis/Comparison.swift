/// Two scenarios side by side: every headline figure with its change, and the
/// facilities whose disposition differs (matched by id).
public struct ScenarioComparison: Sendable {
    public enum Unit: Sendable {
        case money, megawatts, count, ratio
        /// Large quantities read scaled: 345.3M GPU-hours.
        case quantity
    }

    public struct Figure: Sendable {
        /// MODEL.md's name, as in the JSON report (`capex_freed`).
        public var key: String
        public var a: Double
        public var b: Double
        public var unit: Unit
        public var delta: Double { b - a }
    }

    public struct Change: Sendable {
        public var id: String
        public var name: String
        /// nil where the facility is not in that scenario.
        public var a: Disposition?
        public var b: Disposition?
    }

    public var a: Scenario
    public var b: Scenario
    public var figures: [Figure]
    public var changes: [Change]

    public init(_ a: Scenario, _ b: Scenario) {
        self.a = a
        self.b = b
        let ea = evaluate(a)
        let eb = evaluate(b)
        func figure(_ key: String, _ unit: Unit, _ value: (Evaluation) -> Double) -> Figure {
            Figure(key: key, a: value(ea), b: value(eb), unit: unit)
        }
        figures = [
            figure("gross_proceeds", .money) { $0.finance.grossProceeds },
            figure("transaction_costs", .money) { $0.finance.transactionCosts },
            figure("gain_on_sale", .money) { $0.finance.gainOnSale },
            figure("tax", .money) { $0.finance.tax },
            figure("net_proceeds", .money) { $0.finance.netProceeds },
            figure("book_value_released", .money) { $0.finance.bookValueReleased },
            figure("avoided_capex_pv", .money) { $0.finance.avoidedCapexPV },
            figure("capex_freed", .money) { $0.finance.capexFreed },
            figure("avoided_opex_pv", .money) { $0.finance.avoidedOpexPV },
            figure("leaseback_rent_pv", .money) { $0.finance.leasebackRentPV },
            figure("net_cash_pv", .money) { $0.finance.netCashPV },
            figure("retained_equity", .money) { $0.finance.retainedEquity },
            figure("retained_mw", .megawatts) { $0.capacity.retainedMW },
            figure("divested_mw", .megawatts) { $0.capacity.divestedMW },
            figure("ai_ready_retained_mw", .megawatts) { $0.capacity.aiReadyRetainedMW },
            figure("ai_ready_divested_mw", .megawatts) { $0.capacity.aiReadyDivestedMW },
            figure("gpus_fundable", .count) { $0.training.gpusFundable },
            figure("power_needed_mw", .megawatts) { $0.training.powerNeededMW },
            figure("gpu_hours_per_year", .quantity) { $0.training.gpuHoursPerYear },
            figure("gpus_displaced", .count) { $0.training.gpusDisplaced },
        ]
        for model in ea.training.models {
            guard let other = eb.training.models.first(where: { $0.name == model.name }) else { continue }
            figures.append(Figure(key: "runs_per_year: \(model.name)", a: model.runsPerYear, b: other.runsPerYear, unit: .ratio))
        }

        var inB: [String: Facility] = [:]
        for facility in b.facilities where inB[facility.id] == nil { inB[facility.id] = facility }
        var seen = Set<String>()
        var changes: [Change] = []
        for facility in a.facilities where seen.insert(facility.id).inserted {
            let other = inB[facility.id]
            if other?.disposition != facility.disposition {
                changes.append(Change(id: facility.id, name: facility.name, a: facility.disposition, b: other?.disposition))
            }
        }
        for facility in b.facilities where seen.insert(facility.id).inserted {
            changes.append(Change(id: facility.id, name: facility.name, a: nil, b: facility.disposition))
        }
        self.changes = changes
    }
}
