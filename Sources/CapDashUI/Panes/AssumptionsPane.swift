import CapDashModel
import CapDashReport

/// The assumptions view (`a`): every assumption with its value, stepped with `[` `]`, typed with `e`.
func drawAssumptions(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState) {
    screen.box(rect, title: "Assumptions · [ ] step · e edit", focused: state.pane == .assumptions)
    let inner = rect.inner
    let assumptions = state.scenario.assumptions
    let loaded = state.loaded.assumptions
    let currency = state.scenario.currency
    let keys = AssumptionKey.allCases
    // Scroll just enough to keep the cursor's row on screen.
    let first = max(0, min(state.assumptionCursor - inner.height + 1, keys.count - inner.height))
    for (offset, key) in keys.enumerated().dropFirst(first) where offset - first < inner.height {
        let y = inner.y + offset - first
        let selected = offset == state.assumptionCursor
        let changed = key.display(in: assumptions, currency: currency) != key.display(in: loaded, currency: currency)
        screen.putPadded(key.label, x: inner.x + 1, y: y, width: 20, role: selected ? .selected : .normal)
        screen.putPadded(key.display(in: assumptions, currency: currency), x: inner.x + 22, y: y, width: 12, role: selected ? .selected : (changed ? .accent : .normal), alignRight: true)
        let note = changed ? "was " + key.display(in: loaded, currency: currency) : (key.step == nil ? "e to type" : "")
        screen.put(note, x: inner.x + 36, y: y, role: selected ? .selected : .muted, limit: max(0, inner.width - 36))
        if selected {
            screen.restyle(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selected)
            screen.put("▸", x: inner.x, y: y, role: .selected)
        }
    }
    let notesTop = inner.y + keys.count + 1
    if notesTop < inner.y + inner.height {
        let models = assumptions.referenceModels.map(\.name).joined(separator: ", ")
        screen.put("Reference models: " + models, x: inner.x + 1, y: notesTop, role: .muted, limit: inner.width - 1)
    }
}
