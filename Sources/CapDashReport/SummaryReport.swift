import CapDashModel

/// One line for a chat message: the scenario, capex freed, GPUs fundable, runs a
/// year of the largest model, and what changed against the file (`--format summary`).
public enum SummaryReport {
    public static func line(_ scenario: Scenario, _ evaluation: Evaluation, against file: Scenario? = nil) -> String {
        let training = evaluation.training
        var parts = [
            TerminalSafe.text(scenario.name) + ": capex freed " + Format.money(evaluation.finance.capexFreed, currency: scenario.currency),
            Format.count(training.gpusFundable) + " " + TerminalSafe.text(training.gpu) + " GPUs",
        ]
        if let largest = training.models.max(by: { $0.trainingFlops < $1.trainingFlops }) {
            parts.append(TerminalSafe.text(largest.name) + " " + Format.runs(largest.runsPerYear) + " runs/yr")
        }
        if evaluation.counts.developments > 0 {
            parts.append("net cash PV " + Format.money(evaluation.finance.netCashPV, currency: scenario.currency))
        }
        parts.append(changes(scenario, against: file))
        return parts.joined(separator: " · ") + "\n"
    }

    /// `as in the file`, or the changes: `2 changes vs file: us-dallas-1 retain → divest, tax_rate 21.0% → 25.0%`.
    static func changes(_ scenario: Scenario, against file: Scenario?) -> String {
        guard let file else { return "as in the file" }
        let comparison = ScenarioComparison(file, scenario)
        var changes = comparison.changes.map {
            "\(TerminalSafe.text($0.id)) \(ComparisonReport.decision($0.a, stake: $0.stakeA)) → \(ComparisonReport.decision($0.b, stake: $0.stakeB))"
        }
        changes += ComparisonReport.developmentRows(comparison).map { "\($0[0]) \($0[2]) → \($0[3])" }
        changes += ComparisonReport.assumptionRows(comparison).map { "\($0.key) \(TerminalSafe.text($0.a)) → \(TerminalSafe.text($0.b))" }
        guard !changes.isEmpty else { return "as in the file" }
        // A chat line stays short: the first few changes and a count.
        let shown = changes.prefix(3).joined(separator: ", ") + (changes.count > 3 ? ", …" : "")
        return "\(changes.count) change\(changes.count == 1 ? "" : "s") vs file: " + shown
    }
}
