import CapDashModel
import CapDashReport

/// The assumptions view (`a`): every assumption, then each development's lease
/// terms, with its value, stepped with `[` `]`, typed with `e`.
func drawAssumptions(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState) {
    screen.box(rect, title: "Assumptions · [ ] step · e edit", focused: state.pane == .assumptions)
    let inner = rect.inner
    let settings = Setting.all(state.scenario)
    // Scroll just enough to keep the cursor's row on screen.
    let first = max(0, min(state.assumptionCursor - inner.height + 1, settings.count - inner.height))
    let labelWidth = min(max(20, settings.map { DisplayWidth.of($0.label(state.scenario)) }.max() ?? 20), max(20, inner.width / 2 - 6))
    for (offset, setting) in settings.enumerated().dropFirst(first) where offset - first < inner.height {
        let y = inner.y + offset - first
        let selected = offset == state.assumptionCursor
        let now = setting.display(state.scenario)
        let then = setting.display(state.loadedExceptFacilities)
        let changed = now != then
        screen.putPadded(setting.label(state.scenario), x: inner.x + 1, y: y, width: labelWidth, role: selected ? .selected : .normal)
        screen.putPadded(now, x: inner.x + 2 + labelWidth, y: y, width: 12, role: selected ? .selected : (changed ? .accent : .normal), alignRight: true)
        let note = changed ? "was " + then : (setting.steps ? "" : "e to type")
        screen.put(note, x: inner.x + 16 + labelWidth, y: y, role: selected ? .selected : .muted, limit: max(0, inner.width - 16 - labelWidth))
        if selected {
            screen.restyle(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selected)
            screen.put("▸", x: inner.x, y: y, role: .selected)
        }
    }
    let notesTop = inner.y + settings.count - first + 1
    if notesTop < inner.y + inner.height {
        let models = state.scenario.assumptions.referenceModels.map(\.name).joined(separator: ", ")
        screen.put("Reference models: " + models, x: inner.x + 1, y: notesTop, role: .muted, limit: inner.width - 1)
    }
}
