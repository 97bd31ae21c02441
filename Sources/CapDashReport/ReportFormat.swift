import CapDashModel

/// The formats `capdash report` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, markdown, json, csv

    public func render(_ scenario: Scenario, _ evaluation: Evaluation) -> String {
        switch self {
        case .text: TextReport.render(scenario, evaluation)
        case .markdown: MarkdownReport.render(scenario, evaluation)
        case .json: JSONReport.render(scenario, evaluation)
        case .csv: CSVReport.render(scenario)
        }
    }
}
