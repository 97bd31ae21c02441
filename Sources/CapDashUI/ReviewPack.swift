import CapDashModel
import CapDashReport
import Foundation

/// One markdown document for an ops review, opening with what changed against
/// the file: the decisions (each with its effect on capex freed), the assumptions,
/// the headline figures before → after; then the dashboard as text, every figure,
/// the tornado and the deal timeline. `capdash review` and the dashboard's `w` write it.
public enum ReviewPack {
    public static func markdown(_ state: DashboardState) -> String {
        let scenario = state.scenario
        let loaded = state.loaded
        let evaluation = evaluate(scenario)
        let comparison = ScenarioComparison(loaded, scenario)
        let escape = { MarkdownReport.escape(TerminalSafe.text($0)) }
        var lines = ["# Review pack: " + escape(scenario.name), ""]
        lines.append(escape(displayName(loaded)) + (scenario.asOf.map { " · as of " + escape($0) } ?? "") + " · currency " + escape(scenario.currency))
        lines += ["", "## What changed against the file", ""]
        let decisions = decisionRows(state, loaded, comparison)
        let assumptions = ComparisonReport.assumptionRows(comparison)
        if decisions.isEmpty && assumptions.isEmpty {
            lines.append("Nothing: the figures are the scenario as loaded.")
        }
        if !decisions.isEmpty {
            lines += ["### Decisions (\(decisions.count))", ""]
            lines += MarkdownReport.render(ReviewSheet.Table(
                columns: [
                    .init(title: "Facility", alignRight: false, maxWidth: 40), .init(title: "Before", alignRight: false, maxWidth: 16),
                    .init(title: "After", alignRight: false, maxWidth: 16), .init(title: "Effect on capex freed", alignRight: true, maxWidth: 14),
                ],
                rows: decisions, totals: nil))
            lines.append("")
        }
        if !assumptions.isEmpty {
            lines += ["### Assumptions (\(assumptions.count))", ""]
            lines += MarkdownReport.render(ReviewSheet.Table(
                columns: [
                    .init(title: "Assumption", alignRight: false, maxWidth: 30), .init(title: "Before", alignRight: true, maxWidth: 30),
                    .init(title: "After", alignRight: true, maxWidth: 30),
                ],
                rows: assumptions.map { [$0.key, TerminalSafe.text($0.a), TerminalSafe.text($0.b)] }, totals: nil))
            lines.append("")
        }
        lines += ["## Headline figures, before → after", ""]
        let largest = evaluation.training.models.max { $0.trainingFlops < $1.trainingFlops }?.name
        let keys = Figure.headline.map(\.key) + (largest.map { [Figure.runsPerYear($0).key] } ?? [])
        lines += MarkdownReport.render(ReviewSheet.Table(
            columns: [
                .init(title: "Figure", alignRight: false, maxWidth: 30), .init(title: "Before", alignRight: true, maxWidth: 14),
                .init(title: "After", alignRight: true, maxWidth: 14), .init(title: "Change", alignRight: true, maxWidth: 14),
            ],
            rows: keys.compactMap { key in comparison.figures.first { $0.key == key } }.map { figure in
                [figure.figure.label, Format.figure(figure.a, figure.unit, currency: scenario.currency),
                 Format.figure(figure.b, figure.unit, currency: scenario.currency),
                 Format.figureDelta(figure.delta, figure.unit, currency: scenario.currency)]
            },
            totals: nil))
        lines += ["", "## The dashboard", "", "```text"]
        var text = lines.joined(separator: "\n") + "\n"
        text += screen(state).plainText + "```\n\n"
        text += MarkdownReport.render(scenario, evaluation).replacingFirstHeading()
        text += "\n" + SensitivityReport.markdown(SensitivityAnalysis(scenario), scenario)
        text += "\n" + TimelineReport.markdown(DealTimeline(scenario), scenario)
        return text
    }

    /// The dashboard as a review shows it: the facilities view, no overlay or message,
    /// at the session's size (or 120x40 when that was too small).
    public static func screen(_ state: DashboardState) -> Screen {
        var plain = state
        plain.mode = .normal
        plain.pane = .facilities
        plain.message = nil
        return view(plain, size: Layout(state.size) == nil ? Size(width: 120, height: 40) : state.size)
    }

    /// Each facility and development whose decision differs from the file: before, after,
    /// and what that change alone does to capex freed (the others as loaded). `loaded` is
    /// `state.loaded`, which the caller has built already (it costs a pass over the facilities).
    static func decisionRows(_ state: DashboardState, _ loaded: Scenario, _ comparison: ScenarioComparison) -> [[String]] {
        let currency = state.scenario.currency
        var live = LiveScenario(loaded)
        let base = live.evaluation.finance.capexFreed
        func effect(_ edits: [ScenarioEdit]) -> String {
            guard !edits.isEmpty else { return "" }
            live.apply(.batch(edits))
            let moved = live.evaluation.finance.capexFreed - base
            live.apply(.batch(edits).inverse)
            return Format.moneyDelta(moved, currency: currency)
        }
        var rows: [[String]] = []
        for change in comparison.changes {
            let target = state.scenario.facilities.first { $0.id == change.id }
            var single = loaded
            if let index = single.index(ofFacility: change.id), let target {
                single.facilities[index].disposition = target.disposition
                single.facilities[index].retainedStake = target.retainedStake
            }
            rows.append([
                TerminalSafe.text(change.id) + " (" + TerminalSafe.text(change.name) + ")",
                ComparisonReport.decision(change.a, stake: change.stakeA), ComparisonReport.decision(change.b, stake: change.stakeB),
                effect(ScenarioEdit.edits(from: loaded, to: single).filter { !$0.facilities.isEmpty }),
            ])
        }
        for (change, row) in zip(comparison.developmentChanges, ComparisonReport.developmentRows(comparison)) {
            let target = state.scenario.developments.first { $0.id == change.id }
            var single = loaded
            if let index = single.index(ofDevelopment: change.id), let target {
                single.developments[index] = single.developments[index].withDecisions(of: target)
            }
            rows.append([
                row[0] + " (" + row[1] + ")", row[2], row[3] + (row[4].isEmpty ? "" : " (" + row[4] + ")"),
                effect(ScenarioEdit.edits(from: loaded, to: single).filter { !$0.developments.isEmpty }),
            ])
        }
        return rows
    }
}

extension String {
    /// The report's `# Title` becomes a section of the pack, its sections subsections.
    fileprivate func replacingFirstHeading() -> String {
        let demoted = replacingOccurrences(of: "\n## ", with: "\n### ")
        return demoted.hasPrefix("# ") ? "## Figures: " + demoted.dropFirst(2) : demoted
    }
}
