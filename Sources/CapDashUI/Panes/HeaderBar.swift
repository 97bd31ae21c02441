import CapDashModel
import CapDashReport

/// The top line: scenario, file, date, unsaved marker, theme.
func drawHeader(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState) {
    screen.fill(rect, role: .header)
    var parts = ["capdash", state.scenario.name, displayName(state.loadedExceptFacilities)]
    if let asOf = state.scenario.asOf { parts.append("as of \(asOf)") }
    let left = " " + parts.joined(separator: " │ ")
    let right = (state.isDirty ? "● modified │ " : "") + "theme \(state.themeName) "
    let rightWidth = DisplayWidth.of(right)
    let room = max(0, rect.width - rightWidth - 1)
    let used = screen.put(DisplayWidth.truncate(left, to: room), x: rect.x, y: rect.y, role: .header, limit: room)
    if used + rightWidth < rect.width {
        let x = rect.x + rect.width - rightWidth
        if state.isDirty {
            screen.put("● modified", x: x, y: rect.y, role: .dirty)
            screen.put(" │ theme \(state.themeName) ", x: x + 10, y: rect.y, role: .header)
        } else {
            screen.put(right, x: x, y: rect.y, role: .header)
        }
    }
}
