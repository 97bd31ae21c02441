import CapDashModel
import CapDashReport

/// Lines that must fit a pane: when they do not, the least important go first
/// (highest `priority` number), and the rest keep their order.
func fitted<Line>(_ lines: [(priority: Int, line: Line)], rows: Int) -> [Line] {
    var kept = lines
    while kept.count > max(0, rows), let worst = kept.map(\.priority).max() {
        kept.remove(at: kept.lastIndex { $0.priority == worst }!)
    }
    return kept.map(\.line)
}

/// The capex pane's figures, top to bottom, each with how much it matters when space is short.
func capexPaneFigures(_ scenario: Scenario) -> [(priority: Int, line: Figure)] {
    let developments = !scenario.developments.isEmpty
    return [
        (2, .grossProceeds), (3, .transactionCosts), (2, .tax), (2, .netProceeds), (3, .avoidedCapexPV),
    ] + (developments ? [(1, .developmentCapexAvoidedPV)] : []) + [
        (1, .capexFreed), (3, .avoidedOpexPV), (2, .leasebackRentPV),
    ] + (developments ? [(1, .developmentRentPV), (2, .rvgExpectedPV)] : []) + [
        (1, .netCashPV), (4, .bookValueReleased), (4, .retainedEquity),
    ]
}

/// A line of the training pane: a label, a value, a style, and the figure it shows (for `i`).
struct TrainingLine {
    var label: String
    var value: String
    var role: StyleRole
    var figure: String?
    /// The funded/displaced bar rather than text.
    var isBar = false
}

/// The training pane's lines, each with how much it matters when space is short: the GPU,
/// what the capital funds, every reference model's runs and days, and the same capital in
/// the alternative GPUs.
func trainingPaneLines(_ state: DashboardState) -> [(priority: Int, line: TrainingLine)] {
    let evaluation = state.evaluation
    let training = evaluation.training
    let gpu = state.scenario.assumptions.gpu
    let currency = state.scenario.currency
    func figure(_ priority: Int, _ figure: Figure, role: StyleRole = .normal) -> (Int, TrainingLine) {
        (priority, TrainingLine(label: figure.shortLabel, value: Format.figure(figure.value(evaluation), figure.unit, currency: currency), role: role, figure: figure.key))
    }
    var lines: [(priority: Int, line: TrainingLine)] = [
        (1, TrainingLine(label: gpu.name, value: Format.money(gpu.unitCapex, currency: currency) + "/GPU", role: .title, figure: nil)),
        figure(1, .gpusFundable, role: .accent),
        figure(3, .powerNeededMW),
        figure(3, .gpuHoursPerYear),
        figure(2, .gpusDisplaced, role: training.gpusDisplaced > 0 ? .negative : .normal),
    ]
    if !state.scenario.developments.isEmpty {
        lines.append(figure(2, .developingMW))
        lines.append(figure(2, .gpusHostableDeveloping))
    }
    lines.append((1, TrainingLine(label: "Model", value: "runs/yr   days", role: .muted, figure: nil)))
    for model in training.models {
        let days = model.daysOnFleet.map { Format.fixed($0, decimals: 1) } ?? "—"
        lines.append((1, TrainingLine(
            label: model.name,
            value: DisplayWidth.pad(Format.runs(model.runsPerYear), to: 7, alignRight: true) + DisplayWidth.pad(days, to: 7, alignRight: true),
            role: .normal, figure: Figure.runsPerYear(model.name).key)))
    }
    if let largest = training.models.max(by: { $0.trainingFlops < $1.trainingFlops }), !training.alternatives.isEmpty {
        // Runs of the model that takes the most compute, named by its last word (`405B`).
        let short = String((largest.name.split(separator: " ").last.map(String.init) ?? largest.name).prefix(6))
        lines.append((2, TrainingLine(label: "Same capital in", value: "GPUs     MW " + DisplayWidth.pad(short + "/yr", to: 7, alignRight: true), role: .muted, figure: nil)))
        for alternative in training.alternatives {
            let runs = alternative.models.first { $0.name == largest.name }?.runsPerYear ?? 0
            lines.append((2, TrainingLine(
                label: alternative.gpu,
                value: Format.count(alternative.gpusFundable) + DisplayWidth.pad(Format.fixed(alternative.powerNeededMW, decimals: 0), to: 7, alignRight: true)
                    + DisplayWidth.pad(Format.runs(runs), to: 8, alignRight: true),
                role: .normal, figure: nil)))
        }
    }
    lines.append((4, TrainingLine(label: "", value: "", role: .normal, figure: nil, isBar: true)))
    return lines
}

/// Every figure the panes show, in screen order: what `i` walks.
func figureRows(_ state: DashboardState) -> [Figure] {
    capexPaneFigures(state.scenario).map(\.line) + [.gpusFundable, .powerNeededMW, .gpuHoursPerYear, .gpusDisplaced]
        + (state.scenario.developments.isEmpty ? [] : [.developingMW, .gpusHostableDeveloping])
        + state.evaluation.training.models.map { Figure.runsPerYear($0.name) }
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
func drawCapex(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState, _ lines: [(priority: Int, line: Figure)]) {
    let focused = focusedFigure(state)
    screen.box(rect, title: "Capex freed · Δ vs loaded", focused: focused != nil)
    let inner = rect.inner
    let currency = state.scenario.currency
    let deltaWidth = 9, valueWidth = 8
    let labelWidth = max(4, inner.width - deltaWidth - valueWidth - 3)
    for (offset, figure) in fitted(lines, rows: inner.height).enumerated() {
        let y = inner.y + offset
        let emphasis: StyleRole = figure.key == Figure.capexFreed.key || figure.key == Figure.netCashPV.key ? .accent : .normal
        let now = figure.signedValue(state.evaluation)
        screen.putPadded(figure.shortLabel, x: inner.x + 1, y: y, width: labelWidth, role: emphasis)
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
func drawTraining(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState, _ lines: [(priority: Int, line: TrainingLine)]) {
    let focused = focusedFigure(state)
    screen.box(rect, title: "Training budget", focused: focused != nil)
    let inner = rect.inner
    let training = state.evaluation.training
    for (offset, line) in fitted(lines, rows: inner.height).enumerated() {
        let y = inner.y + offset
        if line.isBar {
            drawComputeBar(&screen, x: inner.x + 1, y: y, width: inner.width - 2, funded: training.gpusFundable, displaced: training.gpusDisplaced)
            continue
        }
        let valueWidth = DisplayWidth.of(line.value)
        screen.put(line.label, x: inner.x + 1, y: y, role: line.role == .accent || line.role == .negative ? .normal : line.role, limit: max(0, inner.width - valueWidth - 3))
        screen.put(line.value, x: inner.x + inner.width - valueWidth - 1, y: y, role: line.role == .title ? .muted : line.role)
        if let key = line.figure, key == focused { markFocus(&screen, inner, y) }
    }
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
