import CapDashModel

/// `capdash optimize`: the plan as the changes it makes and the figures it reaches.
public enum PlanReport {
    public static func changes(_ plan: Optimizer.Plan, from scenario: Scenario) -> [(Facility, Disposition)] {
        zip(scenario.facilities, plan.dispositions).filter { $0.disposition != $1 }.map { ($0, $1) }
    }

    /// Developments whose financing the plan changes.
    public static func financingChanges(_ plan: Optimizer.Plan, from scenario: Scenario) -> [(Development, Financing)] {
        zip(scenario.developments, plan.financings).filter { $0.financing != $1 }.map { ($0, $1) }
    }

    /// Every change as (id, name, now, plan): facilities in file order, then developments.
    static func changeRows(_ plan: Optimizer.Plan, from scenario: Scenario) -> [(id: String, name: String, from: String, to: String)] {
        changes(plan, from: scenario).map { ($0.0.id, $0.0.name, $0.0.disposition.label, $0.1.label) }
            + financingChanges(plan, from: scenario).map { ($0.0.id, $0.0.name, $0.0.financing.label, $0.1.label) }
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
        ]
        // Development rows only where there are developments, so facility-only plans read as before.
        let developments: [(String, (String, String))] = scenario.developments.isEmpty ? [] : [
            ("Development rent PV", money(before.finance.developmentRentPV, after.finance.developmentRentPV)),
            ("Guarantee expected PV", money(before.finance.rvgExpectedPV, after.finance.rvgExpectedPV)),
            ("Partner-financed", (Format.count(Double(before.counts.partnerFinanced)), Format.count(Double(after.counts.partnerFinanced)))),
        ]
        let capacity: [(String, (String, String))] = [
            ("Divested MW", (Format.mw(before.capacity.divestedMW), Format.mw(after.capacity.divestedMW))),
            ("AI-ready MW divested", (Format.mw(before.capacity.aiReadyDivestedMW), Format.mw(after.capacity.aiReadyDivestedMW))),
            ("GPUs fundable", (Format.count(before.training.gpusFundable), Format.count(after.training.gpusFundable))),
        ]
        return (rows + developments + capacity).map { ($0.0, $0.1.0, $0.1.1) }
    }

    /// Why no plan came back, in a line.
    public static func describe(_ failure: Optimizer.Failure, currency: String) -> String {
        switch failure {
        case .unknownLockedIDs(let ids): "unknown facility or development id to lock: " + ids.joined(separator: ", ")
        case .unreachable(let most):
            "the target cannot be reached: selling every facility that can be sold frees \(Format.money(most, currency: currency))"
        case .lockedOverCap(let mw): "locked facilities already divest \(Format.mw(mw)) MW, more than the cap"
        case .tooLarge(let decisions, let limit):
            "\(Format.count(Double(decisions))) facilities and developments to decide, more than the CBC MILP solver can take on "
                + "in the time limit (at most \(Format.count(Double(limit)))); lock some (--locked), goal-seek a part of the portfolio "
                + "(a region, say), or allow more time (--time-limit)"
        case .noPlanWithinTimeLimit(let seconds):
            "the CBC MILP solver found no plan within the \(Self.seconds(seconds)) s time limit"
        case .cancelled: "goal-seek cancelled"
        }
    }

    /// A time limit as given: `30`, `0.5`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? String(Int(value)) : String(value)
    }

    /// A figure goal-seek optimises, as a reader wants it.
    static func format(_ value: Double, _ objective: Optimizer.Objective, currency: String) -> String {
        objective.isMoney ? Format.money(value, currency: currency) : Format.mw(value) + " MW"
    }

    static func status(_ plan: Optimizer.Plan, currency: String) -> String {
        let nodes = "\(Format.count(Double(plan.nodes))) branch-and-bound node\(plan.nodes == 1 ? "" : "s")"
        if plan.exact { return "Optimal (proven by the CBC MILP solver; \(nodes))." }
        var text = "Best plan found, not proven optimal: the CBC MILP solver stopped at its \(seconds(plan.timeLimit)) s time limit "
            + "(\(nodes); --time-limit gives it more)."
        if let gap = plan.gap {
            let value = format(gap.value, gap.objective, currency: currency)
            if let bound = gap.bound {
                let better = gap.objective.sense == .maximize ? "above" : "below"
                let relative = abs(gap.value - bound) / max(abs(gap.value), 1e-9) * 100
                let percent = relative < 0.01 ? "under 0.01%" : Format.fixed(relative, decimals: 2) + "%"
                text += " Proven gap on \(gap.objective.rawValue): \(value) found, no plan \(better) "
                    + "\(format(bound, gap.objective, currency: currency)) (\(percent))."
            } else {
                text += " \(gap.objective.rawValue) (\(value)) was not optimised: the time ran out first."
            }
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
        let changes = changeRows(plan, from: scenario)
        lines += ["", "CHANGES (\(changes.count))"]
        lines += changes.isEmpty ? ["  none: the scenario already meets the goal at least cost"] : TextReport.render(ReviewSheet.Table(
            columns: [.init(title: "ID", alignRight: false, maxWidth: 24), .init(title: "Name", alignRight: false, maxWidth: 28),
                      .init(title: "Now", alignRight: false, maxWidth: 10), .init(title: "Plan", alignRight: false, maxWidth: 10)],
            rows: changes.map { [TerminalSafe.text($0.id), TerminalSafe.text($0.name), $0.from, $0.to] },
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
            json.field("objective", .string(gap.objective.rawValue))
            json.field("value", .number(gap.value))
            // A bound on what any plan reaches: from below for a minimised figure, above for capex freed.
            json.field(gap.objective.sense == .maximize ? "upper_bound" : "lower_bound", gap.bound.map { .number($0) } ?? .null)
            json.endObject()
        }
        json.field("capex_freed", .number(plan.evaluation.finance.capexFreed))
        json.field("net_cash_pv", .number(plan.evaluation.finance.netCashPV))
        json.field("leaseback_rent_pv", .number(plan.evaluation.finance.leasebackRentPV))
        json.field("development_rent_pv", .number(plan.evaluation.finance.developmentRentPV))
        json.field("rvg_expected_pv", .number(plan.evaluation.finance.rvgExpectedPV))
        json.field("rent_pv", .number(Optimizer.Objective.rentPV.value(in: plan.evaluation)))
        json.field("divested_mw", .number(plan.evaluation.capacity.divestedMW))
        json.field("ai_ready_divested_mw", .number(plan.evaluation.capacity.aiReadyDivestedMW))
        json.beginArray("changes")
        for change in changeRows(plan, from: scenario) {
            json.beginObject()
            json.field("id", .string(change.id))
            json.field("from", .string(change.from))
            json.field("to", .string(change.to))
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output
    }
}
