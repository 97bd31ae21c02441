import CapDashModel
import CapDashReport

/// The bottom line: an input prompt, the last message, or key hints; warnings on the right.
func drawStatus(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState) {
    let warnings = state.evaluation.warningCount
    let right = (warnings > 0 ? "⚠ \(warnings) warning\(warnings == 1 ? "" : "s") │ " : "") + "sort: \(state.sort.rawValue) "
    let rightWidth = DisplayWidth.of(right)
    let leftLimit = max(0, rect.width - rightWidth - 1)
    switch state.mode {
    case .filtering:
        let used = screen.put("/" + state.filter, x: rect.x, y: rect.y, role: .input, limit: leftLimit)
        screen.put("▏", x: rect.x + used, y: rect.y, role: .input)
        screen.put("  Enter keeps · Esc clears", x: rect.x + used + 1, y: rect.y, role: .muted, limit: max(0, leftLimit - used - 1))
    case .editing(let key, let text):
        var used = screen.put("\(key.rawValue) = \(text)", x: rect.x, y: rect.y, role: .input, limit: leftLimit)
        used += screen.put("▏", x: rect.x + used, y: rect.y, role: .input)
        if let message = state.message, message.isError {
            screen.put("  " + message.text, x: rect.x + used, y: rect.y, role: .error, limit: max(0, leftLimit - used))
        } else {
            screen.put("  Enter sets · Esc cancels", x: rect.x + used, y: rect.y, role: .muted, limit: max(0, leftLimit - used))
        }
    case .planTarget(let text):
        var used = screen.put("goal-seek: capex freed of at least " + text, x: rect.x, y: rect.y, role: .input, limit: leftLimit)
        used += screen.put("▏", x: rect.x + used, y: rect.y, role: .input)
        let hint = state.message.map { "  " + $0.text } ?? "  like 2B · keeps AI-ready · Enter plans · Esc cancels"
        screen.put(hint, x: rect.x + used, y: rect.y, role: state.message?.isError == true ? .error : .muted, limit: max(0, leftLimit - used))
    default:
        if let message = state.message {
            screen.put(message.text, x: rect.x, y: rect.y, role: message.isError ? .error : .accent, limit: leftLimit)
        } else {
            drawHints(&screen, rect, state, limit: leftLimit)
        }
    }
    if rightWidth < rect.width {
        let x = rect.x + rect.width - rightWidth
        if warnings > 0 {
            let warningText = "⚠ \(warnings) warning\(warnings == 1 ? "" : "s")"
            let used = screen.put(warningText, x: x, y: rect.y, role: .warning)
            screen.put(" │ sort: \(state.sort.rawValue) ", x: x + used, y: rect.y, role: .muted)
        } else {
            screen.put(right, x: x, y: rect.y, role: .muted)
        }
    }
}

private func drawHints(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState, limit: Int) {
    let hints: [(String, String)] = state.pane == .facilities
        ? [("?", "help"), ("j/k", "move"), ("space", "toggle"), ("a", "assumptions"), ("/", "filter"), ("u", "undo"), ("s", "save"), ("q", "quit")]
        : [("?", "help"), ("j/k", "move"), ("[ ]", "step"), ("e", "edit"), ("a", "facilities"), ("u", "undo"), ("s", "save"), ("q", "quit")]
    var x = rect.x
    let end = rect.x + limit
    for (key, action) in hints {
        let width = DisplayWidth.of(key) + 1 + DisplayWidth.of(action) + 2
        guard x + width <= end else { break }
        x += screen.put(key, x: x, y: rect.y, role: .key)
        x += screen.put(" " + action + "  ", x: x, y: rect.y, role: .muted)
    }
}
