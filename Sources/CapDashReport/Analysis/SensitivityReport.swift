import CapDashModel

/// The tornado as text (bars), markdown or JSON (`capdash sensitivity`).
public enum SensitivityReport {
    /// How a driver's low or high value reads: `6.4%`, `4 yr`, `$40.0K`, `x0.80`.
    public static func label(_ key: String, _ value: Double, currency: String) -> String {
        switch key {
        case _ where SensitivityAnalysis.isMultiplier(key): "x" + Format.fixed(value, decimals: 2)
        case "contribute_retained_stake": Format.percent(value, decimals: 0)
        case "horizon_years": Format.fixed(value, decimals: 0) + " yr"
        case "gpu.unit_capex": Format.money(value, currency: currency)
        default: Format.percent(value, decimals: 1)
        }
    }

    /// One tornado bar: the low side left of the center line, the high side right, scaled to `largest`.
    public static func bar(_ driver: SensitivityAnalysis.Driver, base: Double, largest: Double, halfWidth: Int) -> String {
        func cells(_ value: Double) -> Int {
            largest > 0 ? min(halfWidth, Int((abs(value - base) / largest * Double(halfWidth)).rounded())) : 0
        }
        let down = min(driver.capexFreedLow, driver.capexFreedHigh)
        let up = max(driver.capexFreedLow, driver.capexFreedHigh)
        let left = cells(min(down, base))
        let right = cells(max(up, base))
        return String(repeating: " ", count: halfWidth - left) + String(repeating: "█", count: left) + "│"
            + String(repeating: "█", count: right) + String(repeating: " ", count: halfWidth - right)
    }

    static func table(_ analysis: SensitivityAnalysis, currency: String) -> ReviewSheet.Table {
        let largest = analysis.drivers.map { max(abs($0.capexFreedLow - analysis.baseCapexFreed), abs($0.capexFreedHigh - analysis.baseCapexFreed)) }.max() ?? 0
        return ReviewSheet.Table(
            columns: [
                .init(title: "Driver", alignRight: false, maxWidth: 30),
                .init(title: "Low → high", alignRight: false, maxWidth: 20),
                .init(title: "Capex freed low … high", alignRight: false, maxWidth: 36),
                .init(title: "Swing", alignRight: true, maxWidth: 9),
                .init(title: "Net cash swing", alignRight: true, maxWidth: 14),
                .init(title: "Runs/yr low … high", alignRight: true, maxWidth: 20),
            ],
            rows: analysis.drivers.map { driver in
                [driver.key,
                 label(driver.key, driver.low, currency: currency) + " → " + label(driver.key, driver.high, currency: currency),
                 Format.money(driver.capexFreedLow, currency: currency) + " " + bar(driver, base: analysis.baseCapexFreed, largest: largest, halfWidth: 8) + " " + Format.money(driver.capexFreedHigh, currency: currency),
                 Format.money(driver.capexSwing, currency: currency),
                 Format.money(driver.netCashSwing, currency: currency),
                 Format.runs(driver.runsLow) + " … " + Format.runs(driver.runsHigh)]
            },
            totals: nil)
    }

    static func heading(_ analysis: SensitivityAnalysis, _ scenario: Scenario) -> [String] {
        [
            "Sensitivity of " + TerminalSafe.text(scenario.name),
            "Base capex freed \(Format.money(analysis.baseCapexFreed, currency: scenario.currency)); runs per year of "
                + TerminalSafe.text(analysis.runsModel ?? "no model") + " \(Format.runs(analysis.baseRuns)). "
                + "Ranges from the scenario's sensitivity block, else ±\(Format.percent(analysis.relative, decimals: 0)).",
        ]
    }

    public static func text(_ analysis: SensitivityAnalysis, _ scenario: Scenario) -> String {
        var lines = heading(analysis, scenario).flatMap { TextReport.wrap($0, width: 98) }
        lines += [""] + TextReport.render(table(analysis, currency: scenario.currency))
        return lines.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ analysis: SensitivityAnalysis, _ scenario: Scenario) -> String {
        let heading = heading(analysis, scenario)
        var lines = ["## " + MarkdownReport.escape(heading[0]), "", MarkdownReport.escape(heading[1]), ""]
        lines += MarkdownReport.render(table(analysis, currency: scenario.currency))
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ analysis: SensitivityAnalysis, _ scenario: Scenario) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("schema", .string("capdash/sensitivity/v1"))
        json.field("scenario", .string(scenario.name))
        json.field("base_capex_freed", .number(analysis.baseCapexFreed))
        json.field("base_net_cash_pv", .number(analysis.baseNetCash))
        json.field("runs_model", analysis.runsModel.map { .string($0) } ?? .null)
        json.field("base_runs_per_year", .number(analysis.baseRuns))
        json.beginArray("drivers")
        for driver in analysis.drivers {
            json.beginObject()
            json.field("driver", .string(driver.key))
            json.field("low", .number(driver.low))
            json.field("high", .number(driver.high))
            json.field("capex_freed_low", .number(driver.capexFreedLow))
            json.field("capex_freed_high", .number(driver.capexFreedHigh))
            json.field("capex_swing", .number(driver.capexSwing))
            json.field("net_cash_pv_low", .number(driver.netCashLow))
            json.field("net_cash_pv_high", .number(driver.netCashHigh))
            json.field("net_cash_swing", .number(driver.netCashSwing))
            json.field("runs_low", .number(driver.runsLow))
            json.field("runs_high", .number(driver.runsHigh))
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output
    }
}
