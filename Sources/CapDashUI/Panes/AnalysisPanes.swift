import CapDashModel
import CapDashReport

/// Cash by quarter of expected close (`T`): committed, expected, and GPUs online as it lands.
func drawTimeline(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState) {
    screen.box(rect, title: "Deal timeline · by expected close · T closes", focused: true)
    let inner = rect.inner
    guard let timeline = state.timeline else { return }
    let currency = state.scenario.currency
    let widths = [12, 6, 10, 10, 11, 12]
    let titles = ["Quarter", "Sales", "Committed", "Expected", "Net so far", "GPUs online"]
    var x = inner.x + 1
    for (title, width) in zip(titles, widths) {
        screen.putPadded(title, x: x, y: inner.y, width: width, role: .title, alignRight: x != inner.x + 1)
        x += width + 1
    }
    let largest = max(1, timeline.quarters.map(\.expected).max() ?? 1)
    for (offset, quarter) in timeline.quarters.enumerated() where offset + 2 < inner.height {
        let y = inner.y + 1 + offset
        let cells = [quarter.label, String(quarter.facilities), Format.money(quarter.committed, currency: currency),
                     Format.money(quarter.expected, currency: currency), Format.money(quarter.cumulativeExpectedNet, currency: currency),
                     Format.count(quarter.gpusOnline)]
        x = inner.x + 1
        for (index, (cell, width)) in zip(cells, widths).enumerated() {
            screen.putPadded(cell, x: x, y: y, width: width, role: index == 5 ? .accent : .normal, alignRight: index > 0)
            x += width + 1
        }
        let room = inner.x + inner.width - x - 1
        if room > 4 {
            let committed = Int((quarter.committed / largest * Double(room)).rounded())
            let expected = max(0, Int((quarter.expected / largest * Double(room)).rounded()) - committed)
            screen.put(String(repeating: "█", count: committed), x: x, y: y, role: .bar)
            screen.put(String(repeating: "▒", count: expected), x: x + committed, y: y, role: .barAlt)
        }
    }
    if timeline.quarters.isEmpty { screen.put("no sales in this scenario", x: inner.x + 1, y: inner.y + 2, role: .muted) }
    // The developments' years beside the sales: a line each, as room allows (D shows them whole).
    let years = timeline.developments.years.filter { $0.capexAvoided != 0 || $0.netRent != 0 }
    var y = inner.y + 2 + max(1, timeline.quarters.count)
    if !years.isEmpty, y + 2 < inner.y + inner.height - 1 {
        screen.put("Developments by year end: capex avoided · net rent (D for the whole lease)", x: inner.x + 1, y: y, role: .title, limit: inner.width - 1)
        y += 1
        for year in years where y < inner.y + inner.height - 1 {
            screen.putPadded(year.label, x: inner.x + 1, y: y, width: 12, role: .normal)
            screen.putPadded(year.capexAvoided == 0 ? "" : Format.money(year.capexAvoided, currency: currency), x: inner.x + 14, y: y, width: 10, role: .positive, alignRight: true)
            screen.putPadded(year.netRent == 0 ? "" : Format.money(-year.netRent, currency: currency), x: inner.x + 25, y: y, width: 10, role: .negative, alignRight: true)
            y += 1
        }
    }
    screen.put("█ committed ▒ expected (price x close_probability) · net after costs and tax, pro rata", x: inner.x + 1, y: inner.y + inner.height - 1, role: .muted, limit: inner.width - 1)
}

/// This scenario beside a second one (`C`): headline figures with deltas, then
/// the assumptions and the decisions that differ.
func drawComparison(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState) {
    guard let other = state.other, let comparison = state.comparison else { return }
    screen.box(rect, title: "Compare · this (A) vs \(displayName(other)) (B) · C closes", focused: true)
    let inner = rect.inner
    let currency = state.scenario.currency
    let valueWidth = 10
    let labelWidth = max(10, min(30, inner.width - 3 * valueWidth - 5))
    var y = inner.y
    screen.putPadded("Figure", x: inner.x + 1, y: y, width: labelWidth, role: .title)
    for (offset, title) in ["A", "B", "B - A"].enumerated() {
        screen.putPadded(title, x: inner.x + 2 + labelWidth + offset * (valueWidth + 1), y: y, width: valueWidth, role: .title, alignRight: true)
    }
    y += 1
    // The headline figures, and runs of the model that takes most compute.
    let largest = state.evaluation.training.models.max { $0.gpuHours < $1.gpuHours }?.name
    let shownKeys = Figure.headline.map(\.key) + (largest.map { [Figure.runsPerYear($0).key] } ?? [])
    for figure in shownKeys.compactMap({ key in comparison.figures.first { $0.key == key } }) {
        guard y < inner.y + inner.height else { break }
        screen.putPadded(figure.figure.label, x: inner.x + 1, y: y, width: labelWidth, role: .normal)
        let cells = [Format.figure(figure.a, figure.unit, currency: currency), Format.figure(figure.b, figure.unit, currency: currency),
                     Format.figureDelta(figure.delta, figure.unit, currency: currency)]
        for (offset, cell) in cells.enumerated() {
            let role: StyleRole = offset < 2 ? .normal : figure.delta > 0 ? .positive : figure.delta < 0 ? .negative : .muted
            screen.putPadded(cell, x: inner.x + 2 + labelWidth + offset * (valueWidth + 1), y: y, width: valueWidth, role: role, alignRight: true)
        }
        y += 1
    }
    let assumptions = ComparisonReport.assumptionRows(comparison)
    if !assumptions.isEmpty {
        y += 1
        if y < inner.y + inner.height {
            screen.put("Assumptions that differ: \(assumptions.count)", x: inner.x + 1, y: y, role: .group)
            y += 1
        }
        for row in assumptions where y < inner.y + inner.height {
            screen.put("\(row.key)  \(row.a) → \(row.b)", x: inner.x + 2, y: y, role: .normal, limit: inner.width - 2)
            y += 1
        }
    }
    y += 1
    if y < inner.y + inner.height {
        screen.put("Decisions that differ: \(comparison.changes.count)", x: inner.x + 1, y: y, role: .group)
        y += 1
    }
    for change in comparison.changes where y < inner.y + inner.height {
        let line = "\(change.id)  \(ComparisonReport.decision(change.a, stake: change.stakeA)) → \(ComparisonReport.decision(change.b, stake: change.stakeB))"
        screen.put(line, x: inner.x + 2, y: y, role: .normal, limit: inner.width - 2)
        y += 1
    }
    if !comparison.developmentChanges.isEmpty {
        y += 1
        if y < inner.y + inner.height {
            screen.put("Developments that differ: \(comparison.developmentChanges.count)", x: inner.x + 1, y: y, role: .group)
            y += 1
        }
        for row in ComparisonReport.developmentRows(comparison) where y < inner.y + inner.height {
            screen.put("\(row[0])  \(row[2]) → \(row[3])" + (row[4].isEmpty ? "" : "  (\(row[4]))"), x: inner.x + 2, y: y, role: .normal, limit: inner.width - 2)
            y += 1
        }
    }
}

/// The `C` picker: scenario files beside the current one.
func drawPicker(_ screen: inout Screen, _ size: Size, _ state: DashboardState) {
    let width = min(size.width - 4, 64)
    let height = min(size.height - 2, state.scenarioChoices.count + 2)
    let rect = Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
    screen.fill(rect, role: .normal)
    screen.box(rect, title: "compare with · Enter picks · Esc cancels", focused: true)
    let inner = rect.inner
    let first = max(0, state.choiceCursor - inner.height + 1)
    for (offset, file) in state.scenarioChoices.enumerated().dropFirst(first) where offset - first < inner.height {
        let y = inner.y + offset - first
        let selected = offset == state.choiceCursor
        screen.putPadded((selected ? "▸" : " ") + file, x: inner.x, y: y, width: inner.width, role: selected ? .selected : .normal)
    }
}

/// What partner financing frees now and costs later (`D`): the section-7 totals,
/// then each year's capital avoided (█) against net rent (▒), from `as_of`.
func drawDevelopmentFinancing(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState) {
    screen.box(rect, title: "Development financing · capital now, rent later · D closes", focused: true)
    let inner = rect.inner
    guard inner.width > 30, inner.height > 4 else { return }
    let currency = state.scenario.currency
    guard !state.scenario.developments.isEmpty else {
        screen.put("no developments in this scenario (see the format docs, section 7)", x: inner.x + 1, y: inner.y + 1, role: .muted, limit: inner.width - 1)
        return
    }
    let finance = state.evaluation.finance
    let money = { Format.money($0, currency: currency) }
    let lines: [(String, String, String)] = [
        ("Capex avoided now (PV)", money(finance.developmentCapexAvoidedPV), "partner builds (1 - stake) of the cost"),
        ("Net rent PV", money(-finance.developmentRentPV), "the lease, less the stake's share"),
        ("Guarantee exposure", money(finance.rvgMaxPayment), "expected cost " + money(-finance.rvgExpectedPV)),
        ("Lease liability (on BS)", money(finance.leaseLiabilityPV), "off balance sheet " + money(finance.offBalanceSheetPV)),
        ("Equity in the vehicles", money(finance.developmentEquity), "\(state.evaluation.counts.partnerFinanced) of \(state.evaluation.counts.developments) partner-financed"),
    ]
    var y = inner.y
    for (label, value, note) in lines where y < inner.y + inner.height {
        screen.putPadded(label, x: inner.x + 1, y: y, width: 24, role: .normal)
        screen.putPadded(value, x: inner.x + 26, y: y, width: 9, role: .accent, alignRight: true)
        screen.put(note, x: inner.x + 37, y: y, role: .muted, limit: max(0, inner.width - 38))
        y += 1
    }
    y += 1
    guard let schedule = state.developmentSchedule, !schedule.years.isEmpty, y + 2 < inner.y + inner.height else {
        if y < inner.y + inner.height {
            screen.put("every development is built on its own: nothing avoided, no rent (f on one switches it)", x: inner.x + 1, y: y, role: .muted, limit: inner.width - 1)
        }
        return
    }
    screen.put("Year end    capex avoided      net rent", x: inner.x + 1, y: y, role: .title, limit: inner.width - 1)
    y += 1
    // Years past the rows on screen are grouped, so the whole lease always shows.
    let rows = inner.y + inner.height - y - 1
    let group = max(1, (schedule.years.count + rows - 1) / max(1, rows))
    let buckets = stride(from: 0, to: schedule.years.count, by: group).map { start in
        let slice = schedule.years[start..<min(schedule.years.count, start + group)]
        let label = slice.count == 1 ? slice.first!.label : "\(slice.first!.label)…"
        return (label, slice.reduce(0) { $0 + $1.capexAvoided }, slice.reduce(0) { $0 + $1.netRent })
    }
    let largest = max(1e-9, buckets.map { max($0.1, $0.2) }.max() ?? 1)
    let barWidth = max(2, inner.width - 42)
    for bucket in buckets where y < inner.y + inner.height - 1 {
        screen.putPadded(bucket.0, x: inner.x + 1, y: y, width: 10, role: .normal)
        screen.putPadded(bucket.1 == 0 ? "" : money(bucket.1), x: inner.x + 12, y: y, width: 13, role: .positive, alignRight: true)
        screen.putPadded(bucket.2 == 0 ? "" : money(-bucket.2), x: inner.x + 26, y: y, width: 13, role: .negative, alignRight: true)
        let capexCells = Int((bucket.1 / largest * Double(barWidth)).rounded())
        let rentCells = Int((bucket.2 / largest * Double(barWidth)).rounded())
        if capexCells > 0 { screen.put(String(repeating: "█", count: capexCells), x: inner.x + 41, y: y, role: .bar) }
        if rentCells > 0 { screen.put(String(repeating: "▒", count: rentCells), x: inner.x + 41, y: y, role: .barAlt) }
        y += 1
    }
    let note = "█ capex avoided ▒ net rent · undiscounted, per year" + (group > 1 ? ", \(group) years a row" : "")
    screen.put(note, x: inner.x + 1, y: inner.y + inner.height - 1, role: .muted, limit: inner.width - 1)
}

/// The `!` list: every warning with its position; the cursor's is shown whole at the bottom.
func drawWarnings(_ screen: inout Screen, _ size: Size, _ state: DashboardState, cursor: Int) {
    let warnings = state.warningList
    let width = min(size.width - 2, max(40, (warnings.map { DisplayWidth.of($0.description) }.max() ?? 40) + 4))
    let height = min(size.height - 2, warnings.count + 2)
    let rect = Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
    screen.fill(rect, role: .normal)
    screen.box(rect, title: "⚠ \(warnings.count) warning\(warnings.count == 1 ? "" : "s") · Enter goes to it · Esc closes", focused: true)
    let inner = rect.inner
    let first = max(0, cursor - inner.height + 1)
    for (offset, warning) in warnings.enumerated().dropFirst(first) where offset - first < inner.height {
        let y = inner.y + offset - first
        let selected = offset == cursor
        screen.putPadded((selected ? "▸" : " ") + warning.description, x: inner.x, y: y, width: inner.width, role: selected ? .selected : .warning)
    }
}
