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
        var used = screen.put("\(key.name(state.scenario)) = \(text)", x: rect.x, y: rect.y, role: .input, limit: leftLimit)
        used += screen.put("▏", x: rect.x + used, y: rect.y, role: .input)
        if let message = state.message, message.isError {
            screen.put("  " + message.text, x: rect.x + used, y: rect.y, role: .error, limit: max(0, leftLimit - used))
        } else {
            screen.put("  Enter sets · Esc cancels", x: rect.x + used, y: rect.y, role: .muted, limit: max(0, leftLimit - used))
        }
    case .planSolving(_, let target):
        // Progress a user can judge: how long so far against when the solver gives its best found.
        let elapsed = state.solvingSeconds > 0 ? ", \(state.solvingSeconds) s of \(Int(Optimizer.defaultTimeLimit)) s" : "…"
        let text = "goal-seek for capex freed of at least \(Format.money(target, currency: state.scenario.currency)): solving\(elapsed) · Esc cancels"
        screen.put(text, x: rect.x, y: rect.y, role: .accent, limit: leftLimit)
    case .planTarget(let text):
        var used = screen.put("goal-seek: capex freed of at least " + text, x: rect.x, y: rect.y, role: .input, limit: leftLimit)
        used += screen.put("▏", x: rect.x + used, y: rect.y, role: .input)
        let hint = state.message.map { "  " + $0.text } ?? "  like 2B · keeps AI-ready · Enter plans · Esc cancels"
        screen.put(hint, x: rect.x + used, y: rect.y, role: state.message?.isError == true ? .error : .muted, limit: max(0, leftLimit - used))
    default:
        if let message = state.message {
            // A message longer than its share takes the whole line: it says what just
            // happened, the warning count and sort are on screen again at the next key.
            let whole = DisplayWidth.of(message.text) > leftLimit
            screen.put(message.text, x: rect.x, y: rect.y, role: message.isError ? .error : .accent, limit: whole ? rect.width : leftLimit)
            if whole { return }
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

/// The keymap's hints for what is on screen, as many as fit.
private func drawHints(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState, limit: Int) {
    var x = rect.x
    let end = rect.x + limit
    for (key, word) in Keymap.hints(state) {
        let width = DisplayWidth.of(key) + 1 + DisplayWidth.of(word) + 2
        guard x + width <= end else { break }
        x += screen.put(key, x: x, y: rect.y, role: .key)
        x += screen.put(" " + word + "  ", x: x, y: rect.y, role: .muted)
    }
}
