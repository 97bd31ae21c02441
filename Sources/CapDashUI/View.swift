import CapDashModel
import CapDashReport

/// Draws the whole dashboard for a size: the same function serves the live
/// terminal, `capdash snapshot` and the golden tests.
public func view(_ state: DashboardState, size: Size? = nil) -> Screen {
    let size = size ?? state.size
    var screen = Screen(size: size)
    // The figure panes' lines, made once: the layout sizes the panes by them, the panes draw them.
    let capexLines = capexPaneFigures(state.scenario)
    let trainingLines = trainingPaneLines(state)
    guard let layout = Layout(size, capexRows: capexLines.count, trainingRows: trainingLines.count) else {
        drawTooSmall(&screen, size)
        return screen
    }
    drawHeader(&screen, layout.header, state)
    switch state.pane {
    case .facilities: drawFacilities(&screen, layout.main, state)
    case .assumptions: drawAssumptions(&screen, layout.main, state)
    case .sensitivity: drawSensitivity(&screen, layout.main, state)
    case .timeline: drawTimeline(&screen, layout.main, state)
    case .comparison: drawComparison(&screen, layout.main, state)
    case .developmentFinancing: drawDevelopmentFinancing(&screen, layout.main, state)
    }
    drawCapex(&screen, layout.capex, state, capexLines)
    drawTraining(&screen, layout.training, state, trainingLines)
    if let regions = layout.regions { drawRegions(&screen, regions, state) }
    drawStatus(&screen, layout.status, state)
    if case .help(let page, let scroll) = state.mode { drawHelp(&screen, size, page: page, scroll: scroll) }
    if state.mode == .pickingComparison { drawPicker(&screen, size, state) }
    if case .warnings(let cursor) = state.mode { drawWarnings(&screen, size, state, cursor: cursor) }
    return screen
}

private func drawTooSmall(_ screen: inout Screen, _ size: Size) {
    let lines = [
        "terminal too small (need \(minimumSize.width)x\(minimumSize.height))",
        "now \(size.width)x\(size.height); enlarge it, or press q to quit",
    ]
    let top = max(0, size.height / 2 - 1)
    for (offset, line) in lines.enumerated() {
        let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
        screen.put(line, x: x, y: top + offset, role: offset == 0 ? .warning : .muted)
    }
}
