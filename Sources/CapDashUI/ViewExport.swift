import CapDashModel
import CapDashReport

/// The current view as a markdown review (`w`): the screen as text, then the full report.
enum ViewExport {
    static func markdown(_ state: DashboardState) -> String {
        var exportSize = state.size
        if Layout(exportSize) == nil { exportSize = Size(width: 120, height: 40) }
        var plain = state
        plain.mode = .normal
        let screen = view(plain, size: exportSize).plainText
        var text = "# capdash view: \(TerminalSafe.text(state.scenario.name))\n\n"
        text += "```text\n" + screen + "```\n\n"
        text += MarkdownReport.render(state.scenario, evaluate(state.scenario))
        return text
    }
}
