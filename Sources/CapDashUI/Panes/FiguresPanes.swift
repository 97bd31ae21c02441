import CapDashModel
import CapDashReport

/// Capex freed and the figures around it, each with its change against the file as loaded.
func drawCapex(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState) {
    screen.box(rect, title: "Capex freed · Δ vs loaded")
    let inner = rect.inner
    let now = state.evaluation.finance
    let then = state.baseline.finance
    let currency = state.scenario.currency
    let rows: [(String, Double, Double, Bool)] = [
        ("Gross proceeds", now.grossProceeds, then.grossProceeds, false),
        ("Transaction costs", -now.transactionCosts, -then.transactionCosts, false),
        ("Tax", -now.tax, -then.tax, false),
        ("Net proceeds", now.netProceeds, then.netProceeds, false),
        ("Avoided capex PV", now.avoidedCapexPV, then.avoidedCapexPV, false),
        ("Capex freed", now.capexFreed, then.capexFreed, true),
        ("Avoided opex PV", now.avoidedOpexPV, then.avoidedOpexPV, false),
        ("Leaseback rent PV", -now.leasebackRentPV, -then.leasebackRentPV, false),
        ("Net cash PV", now.netCashPV, then.netCashPV, true),
        ("Book value released", now.bookValueReleased, then.bookValueReleased, false),
        ("Retained equity", now.retainedEquity, then.retainedEquity, false),
    ]
    let deltaWidth = 9, valueWidth = 8
    let labelWidth = max(4, inner.width - deltaWidth - valueWidth - 3)
    for (offset, row) in rows.enumerated() where offset < inner.height {
        let y = inner.y + offset
        let emphasis: StyleRole = row.3 ? .accent : .normal
        screen.putPadded(row.0, x: inner.x + 1, y: y, width: labelWidth, role: emphasis)
        screen.putPadded(Format.money(row.1, currency: currency), x: inner.x + 1 + labelWidth, y: y, width: valueWidth, role: emphasis, alignRight: true)
        let delta = row.1 - row.2
        let role: StyleRole = delta > 0 ? .positive : delta < 0 ? .negative : .muted
        screen.putPadded(Format.moneyDelta(delta, currency: currency), x: inner.x + 2 + labelWidth + valueWidth, y: y, width: deltaWidth, role: role, alignRight: true)
    }
}

/// What the freed capital buys in training compute, and what divested AI-ready capacity gives up.
func drawTraining(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState) {
    screen.box(rect, title: "Training budget")
    let inner = rect.inner
    let training = state.evaluation.training
    let gpu = state.scenario.assumptions.gpu
    let currency = state.scenario.currency
    var lines: [(String, String, StyleRole)] = [
        (gpu.name, Format.money(gpu.unitCapex, currency: currency) + "/GPU", .title),
        ("GPUs fundable", Format.count(training.gpusFundable), .accent),
        ("Power needed", Format.mw(training.powerNeededMW) + " MW", .normal),
        ("GPU-hours / year", Format.scaled(training.gpuHoursPerYear), .normal),
        ("GPUs displaced", Format.count(training.gpusDisplaced), training.gpusDisplaced > 0 ? .negative : .normal),
    ]
    let modelTop = lines.count
    lines.append(("Model", "runs/yr   days", .muted))
    for model in training.models {
        let days = model.daysOnFleet.map { Format.fixed($0, decimals: 1) } ?? "—"
        lines.append((model.name, DisplayWidth.pad(Format.runs(model.runsPerYear), to: 7, alignRight: true) + DisplayWidth.pad(days, to: 7, alignRight: true), .normal))
    }
    let barRow = inner.height - 1
    for (offset, line) in lines.enumerated() where offset < barRow {
        let y = inner.y + offset
        let valueWidth = DisplayWidth.of(line.1)
        screen.put(line.0, x: inner.x + 1, y: y, role: offset == modelTop ? .muted : line.2 == .title ? .title : .normal, limit: max(0, inner.width - valueWidth - 3))
        screen.put(line.1, x: inner.x + inner.width - valueWidth - 1, y: y, role: line.2 == .title ? .muted : line.2)
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
