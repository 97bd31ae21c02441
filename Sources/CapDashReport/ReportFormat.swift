import CapDashModel

/// The formats `capdash report` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, markdown, json, csv
    /// One line for a chat message.
    case summary

    /// The scenario in this format; `file` is the scenario as its file has it, before
    /// command-line changes (the summary says what changed).
    public func render(_ scenario: Scenario, _ evaluation: Evaluation, file: Scenario? = nil) -> String {
        switch self {
        case .text: TextReport.render(scenario, evaluation)
        case .markdown: MarkdownReport.render(scenario, evaluation)
        case .json: JSONReport.render(scenario, evaluation)
        case .csv: CSVReport.render(scenario)
        case .summary: SummaryReport.line(scenario, evaluation, against: file)
        }
    }
}
