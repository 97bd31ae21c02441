import CapDashModel
import CapDashReport
import Foundation

/// One markdown document for an ops review: what was decided, the headline
/// figures, the dashboard as text, the tornado, the deal timeline, every
/// facility and warning. `capdash review` and the dashboard's `w` write it.
public enum ReviewPack {
    public static func markdown(_ state: DashboardState) -> String {
        let scenario = state.scenario
        let evaluation = evaluate(scenario)
        var plain = state
        plain.mode = .normal
        plain.pane = .facilities
        plain.message = nil
        let size = Layout(state.size) == nil ? Size(width: 120, height: 40) : state.size
        var text = "# Review pack: \(MarkdownReport.escape(TerminalSafe.text(scenario.name)))\n\n"
        text += "## Decisions in this session\n\n"
        let log = decisionLog(state)
        text += log.isEmpty ? "None: the figures are the scenario as loaded.\n" : log.map { "- " + MarkdownReport.escape($0) }.joined(separator: "\n") + "\n"
        text += "\n## The dashboard\n\n```text\n" + view(plain, size: size).plainText + "```\n\n"
        text += MarkdownReport.render(scenario, evaluation).replacingFirstHeading()
        text += "\n" + SensitivityReport.markdown(SensitivityAnalysis(scenario), scenario)
        text += "\n" + TimelineReport.markdown(DealTimeline(scenario), scenario)
        return text
    }

    /// Every edit made since loading, oldest first, as a reader would say it.
    public static func decisionLog(_ state: DashboardState) -> [String] {
        var lines: [String] = []
        func describe(_ edit: ScenarioEdit) {
            switch edit {
            case .disposition(let index, let from, let to):
                let facility = state.scenario.facilities[index]
                lines.append("\(TerminalSafe.text(facility.id)) (\(TerminalSafe.text(facility.name))): \(from.rawValue) → \(to.rawValue)")
            case .assumptions(let from, let to):
                for key in AssumptionKey.allCases {
                    let before = key.display(in: from, currency: state.scenario.currency)
                    let after = key.display(in: to, currency: state.scenario.currency)
                    if before != after { lines.append("\(key.rawValue): \(TerminalSafe.text(before)) → \(TerminalSafe.text(after))") }
                }
            case .stake(let index, let from, let to):
                let facility = state.scenario.facilities[index]
                let stake = { (value: Double?) in value.map { Format.percent($0, decimals: 0) } ?? "default" }
                lines.append("\(TerminalSafe.text(facility.id)) (\(TerminalSafe.text(facility.name))): stake \(stake(from)) → \(stake(to))")
            case .development(_, let from, let to):
                lines.append("\(TerminalSafe.text(to.id)) (\(TerminalSafe.text(to.name))): \(from.financing.label) → \(to.financing.label)")
            case .batch(let edits):
                edits.forEach(describe)
            }
        }
        state.undoStack.forEach(describe)
        return lines
    }
}

extension String {
    /// The report's `# Title` becomes a section of the pack, its sections subsections.
    fileprivate func replacingFirstHeading() -> String {
        let demoted = replacingOccurrences(of: "\n## ", with: "\n### ")
        return demoted.hasPrefix("# ") ? "## Figures: " + demoted.dropFirst(2) : demoted
    }
}
