import CapDashModel
import CapDashUI
import Foundation

/// Writes the dashboard's review pack beside the scenario, off the update loop.
enum ReviewPackWriter {
    static func write(_ state: DashboardState, into directory: String) -> Action {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let stem = (directory == "." ? "" : directory + "/") + "capdash-review-\(formatter.string(from: Date()))"
        do {
            try AtomicFile.write(ReviewPack.markdown(state), to: stem + ".md")
            return .reviewWritten([stem + ".md"])
        } catch {
            return .reviewWriteFailed(error.description)
        }
    }
}
