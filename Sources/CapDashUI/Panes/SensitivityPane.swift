import CapDashModel
import CapDashReport

/// The tornado (`x`): each driver's low and high capex freed (or net cash PV, `m`) as bars around the base.
func drawSensitivity(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState) {
    let currency = state.scenario.currency
    guard let tornado = state.tornado else { return }
    // Net cash shows what rent and guarantees move; the bars are drawn the same way.
    let analysis = state.tornadoShowsNetCash ? tornado.asNetCash : tornado
    let metric = state.tornadoShowsNetCash ? "net cash PV" : "capex freed"
    screen.box(rect, title: "Sensitivity · \(metric), base \(Format.money(analysis.baseCapexFreed, currency: currency)) · m switches · x closes", focused: true)
    let inner = rect.inner
    guard inner.width > 30, inner.height > 2 else { return }
    let largest = analysis.drivers.map {
        max(abs($0.capexFreedLow - analysis.baseCapexFreed), abs($0.capexFreedHigh - analysis.baseCapexFreed))
    }.max() ?? 0
    let labelWidth = 25, rangeWidth = 17, moneyWidth = 8
    let halfWidth = max(2, (inner.width - labelWidth - rangeWidth - 2 * moneyWidth - 8) / 2)
    screen.put("Driver", x: inner.x + 1, y: inner.y, role: .title)
    screen.put("Low → high", x: inner.x + 2 + labelWidth, y: inner.y, role: .title)
    screen.put("\(metric) at low │ high", x: inner.x + 3 + labelWidth + rangeWidth, y: inner.y, role: .title, limit: inner.width - labelWidth - rangeWidth - 3)
    for (offset, driver) in analysis.drivers.enumerated() where offset + 1 < inner.height - 1 {
        let y = inner.y + 1 + offset
        var x = inner.x + 1
        screen.putPadded(driver.key, x: x, y: y, width: labelWidth, role: .normal)
        x += labelWidth + 1
        let range = SensitivityReport.label(driver.key, driver.low, currency: currency) + " → " + SensitivityReport.label(driver.key, driver.high, currency: currency)
        screen.putPadded(range, x: x, y: y, width: rangeWidth, role: .muted)
        x += rangeWidth + 1
        screen.putPadded(Format.money(driver.capexFreedLow, currency: currency), x: x, y: y, width: moneyWidth, role: .normal, alignRight: true)
        x += moneyWidth + 1
        let bar = SensitivityReport.bar(driver, base: analysis.baseCapexFreed, largest: largest, halfWidth: halfWidth)
        let center = bar.firstIndex(of: "│").map { bar.distance(from: bar.startIndex, to: $0) } ?? halfWidth
        screen.put(String(bar.prefix(center)), x: x, y: y, role: driver.capexFreedLow < driver.capexFreedHigh ? .negative : .positive)
        screen.put("│", x: x + center, y: y, role: .border)
        screen.put(String(bar.suffix(from: bar.index(bar.startIndex, offsetBy: center + 1))), x: x + center + 1, y: y, role: driver.capexFreedLow < driver.capexFreedHigh ? .positive : .negative)
        x += 2 * halfWidth + 2
        screen.putPadded(Format.money(driver.capexFreedHigh, currency: currency), x: x, y: y, width: moneyWidth, role: .normal)
    }
    let note = "runs/yr of \(analysis.runsModel ?? "—"): base \(Format.runs(analysis.baseRuns)); ranges ±\(Format.percent(analysis.relative, decimals: 0)) unless the scenario sets them"
    screen.put(note, x: inner.x + 1, y: inner.y + inner.height - 1, role: .muted, limit: inner.width - 1)
}
