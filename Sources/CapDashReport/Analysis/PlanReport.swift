import CapDashModel

/// `capdash optimize`: the plan as the changes it makes and the figures it reaches.
public enum PlanReport {
    public static func changes(_ plan: Optimizer.Plan, from scenario: Scenario) -> [(Facility, Disposition)] {
        zip(scenario.facilities, plan.dispositions).filter { $0.disposition != $1 }.map { ($0, $1) }
    }

    static func figures(_ plan: Optimizer.Plan, _ scenario: Scenario) -> [(String, String, String)] {
        let before = evaluate(scenario)
        let after = plan.evaluation
        let currency = scenario.currency
        func money(_ a: Double, _ b: Double) -> (String, String) {
            (Format.money(a, currency: currency), Format.money(b, currency: currency))
        }
        let rows: [(String, (String, String))] = [
            ("Capex freed", money(before.finance.capexFreed, after.finance.capexFreed)),
            ("Net cash PV", money(before.finance.netCashPV, after.finance.netCashPV)),
            ("Leaseback rent PV", money(before.finance.leasebackRentPV, after.finance.leasebackRentPV)),
            ("Divested MW", (Format.mw(before.capacity.divestedMW), Format.mw(after.capacity.divestedMW))),
            ("AI-ready MW divested", (Format.mw(before.capacity.aiReadyDivestedMW), Format.mw(after.capacity.aiReadyDivestedMW))),
            ("GPUs fundable", (Format.count(before.training.gpusFundable), Format.count(after.training.gpusFundable))),
        ]
        return rows.map { ($0.0, $0.1.0, $0.1.1) }
    }

    /// Why no plan came back, in a line.
    public static func describe(_ failure: Optimizer.Failure, currency: String) -> String {
        switch failure {
        case .unknownLockedIDs(let ids): "unknown facility id to lock: " + ids.joined(separator: ", ")
        case .unreachable(let most):
            "the target cannot be reached: selling every facility that can be sold frees \(Format.money(most, currency: currency))"
        case .lockedOverCap(let mw): "locked facilities already divest \(Format.mw(mw)) MW, more than the cap"
        case .noPlanWithinNodeLimit(let limit): "no plan found within \(limit) search nodes"
        }
    }

    static func status(_ plan: Optimizer.Plan, currency: String) -> String {
        if plan.exact { return "Optimal (exact branch and bound, \(Format.count(Double(plan.nodes))) nodes)." }
        var text = "Best plan found, not proven optimal: the search stopped after \(Format.count(Double(plan.nodes))) nodes (a heuristic result)."
        if let gap = plan.gap {
            let money = gap.objective == "leaseback_rent_pv"
            let value = money ? Format.money(gap.value, currency: currency) : Format.mw(gap.value) + " MW"
            let bound = money ? Format.money(gap.lowerBound, currency: currency) : Format.mw(gap.lowerBound) + " MW"
            text += " Optimality gap on \(gap.objective): \(value) found, no plan below \(bound)."
        }
        return text
    }

    public static func text(_ plan: Optimizer.Plan, _ scenario: Scenario, goal: String) -> String {
        var lines = ["Plan for " + TerminalSafe.text(scenario.name) + ": " + goal]
        lines += TextReport.wrap(status(plan, currency: scenario.currency), width: 98) + [""]
        let table = ReviewSheet.Table(
            columns: [.init(title: "Figure", alignRight: false, maxWidth: 24), .init(title: "Now", alignRight: true, maxWidth: 12), .init(title: "Plan", alignRight: true, maxWidth: 12)],
            rows: figures(plan, scenario).map { [$0.0, $0.1, $0.2] }, totals: nil)
        lines += TextReport.render(table)
        let changes = changes(plan, from: scenario)
        lines += ["", "CHANGES (\(changes.count))"]
        lines += changes.isEmpty ? ["  none: the scenario already meets the goal at least cost"] : TextReport.render(ReviewSheet.Table(
            columns: [.init(title: "ID", alignRight: false, maxWidth: 24), .init(title: "Name", alignRight: false, maxWidth: 28),
                      .init(title: "Now", alignRight: false, maxWidth: 10), .init(title: "Plan", alignRight: false, maxWidth: 10)],
            rows: changes.map { [TerminalSafe.text($0.0.id), TerminalSafe.text($0.0.name), $0.0.disposition.rawValue, $0.1.rawValue] },
            totals: nil))
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ plan: Optimizer.Plan, _ scenario: Scenario, goal: String) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("schema", .string("capdash/plan/v1"))
        json.field("scenario", .string(scenario.name))
        json.field("goal", .string(goal))
        json.field("exact", .bool(plan.exact))
        json.field("nodes", .integer(plan.nodes))
        if let gap = plan.gap {
            json.beginObject("gap")
            json.field("objective", .string(gap.objective))
            json.field("value", .number(gap.value))
            json.field("lower_bound", .number(gap.lowerBound))
            json.endObject()
        }
        json.field("capex_freed", .number(plan.evaluation.finance.capexFreed))
        json.field("net_cash_pv", .number(plan.evaluation.finance.netCashPV))
        json.field("leaseback_rent_pv", .number(plan.evaluation.finance.leasebackRentPV))
        json.field("divested_mw", .number(plan.evaluation.capacity.divestedMW))
        json.field("ai_ready_divested_mw", .number(plan.evaluation.capacity.aiReadyDivestedMW))
        json.beginArray("changes")
        for (facility, disposition) in changes(plan, from: scenario) {
            json.beginObject()
            json.field("id", .string(facility.id))
            json.field("from", .string(facility.disposition.rawValue))
            json.field("to", .string(disposition.rawValue))
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output
    }
}
