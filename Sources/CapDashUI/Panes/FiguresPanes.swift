import CapDashModel
import CapDashReport

/// The capex pane's figures, top to bottom.
let capexPaneFigures: [Figure] = [
    .grossProceeds, .transactionCosts, .tax, .netProceeds, .avoidedCapexPV, .capexFreed, .avoidedOpexPV,
    .leasebackRentPV, .netCashPV, .bookValueReleased, .retainedEquity,
]
/// The training pane's figures above the models.
let trainingPaneFigures: [Figure] = [.gpusFundable, .powerNeededMW, .gpuHoursPerYear, .gpusDisplaced]

/// Every figure the panes show, in screen order: what `i` walks.
func figureRows(_ state: DashboardState) -> [Figure] {
    capexPaneFigures + trainingPaneFigures + state.evaluation.training.models.map { Figure.runsPerYear($0.name) }
}

/// The focused figure's definition, for the status line.
func figureMessage(_ state: DashboardState) -> DashboardState.Message? {
    let rows = figureRows(state)
    guard rows.indices.contains(state.figureCursor) else { return nil }
    let figure = rows[state.figureCursor]
    return .init(text: "\(figure.label): \(figure.definition)", isError: false)
}

/// The key of the figure under the cursor while the panes have focus.
private func focusedFigure(_ state: DashboardState) -> String? {
    guard state.mode == .figures else { return nil }
    let rows = figureRows(state)
    return rows.indices.contains(state.figureCursor) ? rows[state.figureCursor].key : nil
}

/// Capex freed and the figures around it, each with its change against the file as loaded.
func drawCapex(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState) {
    let focused = focusedFigure(state)
    screen.box(rect, title: "Capex freed · Δ vs loaded", focused: focused != nil)
    let inner = rect.inner
    let currency = state.scenario.currency
    let deltaWidth = 9, valueWidth = 8
    let labelWidth = max(4, inner.width - deltaWidth - valueWidth - 3)
    for (offset, figure) in capexPaneFigures.enumerated() where offset < inner.height {
        let y = inner.y + offset
        let emphasis: StyleRole = figure.key == Figure.capexFreed.key || figure.key == Figure.netCashPV.key ? .accent : .normal
        let now = figure.signedValue(state.evaluation)
        screen.putPadded(figure.label, x: inner.x + 1, y: y, width: labelWidth, role: emphasis)
        screen.putPadded(Format.money(now, currency: currency), x: inner.x + 1 + labelWidth, y: y, width: valueWidth, role: emphasis, alignRight: true)
        let delta = now - figure.signedValue(state.baseline)
        let role: StyleRole = delta > 0 ? .positive : delta < 0 ? .negative : .muted
        screen.putPadded(Format.moneyDelta(delta, currency: currency), x: inner.x + 2 + labelWidth + valueWidth, y: y, width: deltaWidth, role: role, alignRight: true)
        if figure.key == focused { markFocus(&screen, inner, y) }
    }
}

/// Highlights the focused figure's row, with the cursor mark plain-text snapshots show.
private func markFocus(_ screen: inout Screen, _ inner: Rect, _ y: Int) {
    screen.restyle(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selected)
    screen.put("▸", x: inner.x, y: y, role: .selected)
}

/// What the freed capital buys in training compute, and what divested AI-ready capacity gives up.
func drawTraining(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState) {
    let focused = focusedFigure(state)
    screen.box(rect, title: "Training budget", focused: focused != nil)
    let inner = rect.inner
    let training = state.evaluation.training
    let gpu = state.scenario.assumptions.gpu
    let currency = state.scenario.currency
    var lines: [(label: String, value: String, role: StyleRole, key: String?)] = [
        (gpu.name, Format.money(gpu.unitCapex, currency: currency) + "/GPU", .title, nil),
    ]
    for figure in trainingPaneFigures {
        let value = figure.value(state.evaluation)
        let role: StyleRole = figure.key == Figure.gpusFundable.key ? .accent : figure.key == Figure.gpusDisplaced.key && value > 0 ? .negative : .normal
        lines.append((figure.shortLabel, Format.figure(value, figure.unit, currency: currency), role, figure.key))
    }
    let modelTop = lines.count
    lines.append(("Model", "runs/yr   days", .muted, nil))
    for model in training.models {
        let days = model.daysOnFleet.map { Format.fixed($0, decimals: 1) } ?? "—"
        lines.append((model.name, DisplayWidth.pad(Format.runs(model.runsPerYear), to: 7, alignRight: true) + DisplayWidth.pad(days, to: 7, alignRight: true), .normal, Figure.runsPerYear(model.name).key))
    }
    let barRow = inner.height - 1
    for (offset, line) in lines.enumerated() where offset < barRow {
        let y = inner.y + offset
        let valueWidth = DisplayWidth.of(line.value)
        screen.put(line.label, x: inner.x + 1, y: y, role: offset == modelTop ? .muted : line.role == .title ? .title : .normal, limit: max(0, inner.width - valueWidth - 3))
        screen.put(line.value, x: inner.x + inner.width - valueWidth - 1, y: y, role: line.role == .title ? .muted : line.role)
        if let key = line.key, key == focused { markFocus(&screen, inner, y) }
    }
    drawComputeBar(&screen, x: inner.x + 1, y: inner.y + barRow, width: inner.width - 2, funded: training.gpusFundable, displaced: training.gpusDisplaced)
}

/// funded ████▒▒ displaced: the share of GPUs the deal funds against those it displaces.
private func drawComputeBar(_ screen: inout Screen, x: Int, y: Int, width: Int, funded: Double, displaced: Double) {
    let labels = "funded ", tail = " displaced"
    let barWidth = width - labels.count - tail.count
    guard barWidth >= 4 else { return }
    screen.put(labels, x: x, y: y, role: .muted)
    let total = funded + displaced
    let fundedCells = total > 0 ? Int((funded / total * Double(barWidth)).rounded()) : 0
    let displacedCells = total > 0 ? barWidth - fundedCells : 0
    screen.put(String(repeating: "█", count: fundedCells), x: x + labels.count, y: y, role: .bar)
    screen.put(String(repeating: "▒", count: displacedCells), x: x + labels.count + fundedCells, y: y, role: .barAlt)
    if total == 0 { screen.put(String(repeating: "·", count: barWidth), x: x + labels.count, y: y, role: .muted) }
    screen.put(tail, x: x + labels.count + barWidth, y: y, role: .muted)
}

/// MW kept (█) and divested (▒) and gross proceeds per region, as horizontal bars.
func drawRegions(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState) {
    screen.box(rect, title: "Regions · MW kept █ divested ▒ · proceeds")
    let inner = rect.inner
    let regions = state.evaluation.regions
    let currency = state.scenario.currency
    let largestMW = max(1e-9, regions.map { $0.retainedMW + $0.divestedMW }.max() ?? 1)
    let largestProceeds = max(1e-9, regions.map(\.grossProceeds).max() ?? 1)
    let twoLines = inner.height >= regions.count * 2
    let nameWidth = min(8, max(2, regions.map { DisplayWidth.of($0.region) }.max() ?? 2))
    let figureWidth = twoLines ? 15 : 24
    let barWidth = max(4, inner.width - nameWidth - figureWidth - 4)
    var y = inner.y
    for region in regions {
        guard y < inner.y + inner.height else { break }
        screen.putPadded(region.region, x: inner.x + 1, y: y, width: nameWidth, role: .title)
        let kept = Int((region.retainedMW / largestMW * Double(barWidth)).rounded())
        let divested = min(barWidth - kept, Int((region.divestedMW / largestMW * Double(barWidth)).rounded()))
        let barX = inner.x + 2 + nameWidth
        screen.put(String(repeating: "█", count: kept), x: barX, y: y, role: .bar)
        screen.put(String(repeating: "▒", count: max(0, divested)), x: barX + kept, y: y, role: .barAlt)
        let mw = Format.fixed(region.retainedMW, decimals: 0) + "/" + Format.fixed(region.divestedMW, decimals: 0) + " MW"
        let money = Format.money(region.grossProceeds, currency: currency)
        screen.putPadded(twoLines ? mw : mw + "  " + money, x: barX + barWidth + 1, y: y, width: figureWidth, role: .normal, alignRight: true)
        y += 1
        guard twoLines, y < inner.y + inner.height else { continue }
        let proceeds = Int((region.grossProceeds / largestProceeds * Double(barWidth)).rounded())
        screen.put(String(repeating: "▬", count: proceeds), x: barX, y: y, role: .accent)
        screen.putPadded(money, x: barX + barWidth + 1, y: y, width: figureWidth, role: .normal, alignRight: true)
        y += 1
    }
}
