import CapDashModel
import CapDashUI
import Foundation

/// Writes the dashboard's review pack beside the scenario, off the update loop: the
/// markdown pack and the screen as SVG (the same characters, in the theme's colors).
enum ReviewPackWriter {
    static func write(_ state: DashboardState, theme: Theme, into directory: String) -> Action {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let stem = (directory == "." ? "" : directory + "/") + "capdash-review-\(formatter.string(from: Date()))"
        do {
            try AtomicFile.write(ReviewPack.markdown(state), to: stem + ".md")
            try AtomicFile.write(SVGRenderer.render(ReviewPack.screen(state), theme: theme, title: state.scenario.name), to: stem + ".svg")
            return .reviewWritten([stem + ".md", stem + ".svg"])
        } catch {
            return .reviewWriteFailed(error.description)
        }
    }
}
