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
