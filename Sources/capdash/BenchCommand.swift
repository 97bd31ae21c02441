import ArgumentParser
import CapDashModel
import CapDashReport
import CapDashUI
import Foundation

/// Measures one portfolio size in this process (so peak memory is this size's own).
/// `Scripts/bench.sh` runs it per size and adds VisiData and terminal-output figures.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure load, evaluation, report, toggle and filter times on a synthetic portfolio.",
        shouldDisplay: true)

    @Option(name: .long, help: "Portfolio size.")
    var facilities: Int = 100_000

    @Option(name: .long, help: "Random seed of the synthetic portfolio.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Toggles to time.")
    var toggles: Int = 1000

    @Option(name: .long, help: ArgumentHelp("Use this scenario instead of generating one.", valueName: "FILE"), completion: .scenarioFile)
    var file: String?

    func run() throws {
        let clock = ContinuousClock()
        func ms(_ duration: Duration) -> Double {
            Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        }
        var path = file
        var scratch: String?
        if path == nil {
            let directory = NSTemporaryDirectory() + "capdash-bench-\(getpid())"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let generated = PortfolioGenerator.scenario(facilities: facilities, seed: seed)
            try CSVReport.render(generated).write(toFile: directory + "/portfolio.csv", atomically: false, encoding: .utf8)
            try PortfolioGenerator.scenarioYAML(for: generated, csvName: "portfolio.csv").write(toFile: directory + "/portfolio.yaml", atomically: false, encoding: .utf8)
            path = directory + "/portfolio.yaml"
            scratch = directory
        }
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }

        var scenario: Scenario!
        let load = try clock.measure { scenario = try ScenarioLoader.load(path: path!) }
        // The dashboard opens as `capdash FILE` does: the state evaluates the scenario itself.
        let size = Size(width: 120, height: 40)
        var state: DashboardState!
        let firstFrame = clock.measure {
            state = DashboardState(scenario: scenario, size: size)
            _ = view(state)
        }

        // A toggle as the user sees it: the intent through update, then the whole frame.
        // Sellable facilities spread over the portfolio, each cycled to its next disposition.
        var toggleTimes: [Double] = []
        var updateTimes: [Double] = []
        // The dashboard holds the only copy, as in `capdash FILE`: a toggle must not copy a million facilities.
        scenario = nil
        let sellable = state.scenario.facilities.indices.filter { state.scenario.facilities[$0].salePrice != nil }
        for step in 0..<toggles where !sellable.isEmpty {
            let target = sellable[(step * 7919) % sellable.count]
            let next = state.scenario.facilities[target].disposition.next
            let changed = clock.measure { _ = update(&state, .setDisposition(facility: target, next)) }
            let drawn = clock.measure { _ = view(state) }
            updateTimes.append(ms(changed))
            toggleTimes.append(ms(changed) + ms(drawn))
        }
        var filterTimes: [Double] = []
        for key in Key.parseSequence("/ ashburn 1 bs bs bs bs x enter esc") {
            filterTimes.append(ms(clock.measure {
                _ = update(&state, key: key)
                _ = view(state)
            }))
        }
        var scrollTimes: [Double] = []
        for _ in 0..<200 {
            scrollTimes.append(ms(clock.measure {
                _ = update(&state, key: .pageDown)
                _ = view(state)
            }))
        }
        // The dashboard's peak, before the reports below add their own.
        let dashboardPeakKB = peakResidentKB()
        var evaluation: Evaluation!
        let evaluateTime = clock.measure { evaluation = evaluate(state.scenario) }
        let report = clock.measure {
            _ = JSONReport.render(state.scenario, evaluation)
            _ = TextReport.render(state.scenario, evaluation)
        }
        toggleTimes.sort()
        updateTimes.sort()
        filterTimes.sort()
        scrollTimes.sort()
        func percentile(_ values: [Double], _ p: Double) -> Double {
            values.isEmpty ? 0 : values[min(values.count - 1, Int(Double(values.count) * p))]
        }
        let figures: [(String, String)] = [
            ("facilities", String(state.scenario.facilities.count)),
            ("load_ms", fmt(ms(load))),
            ("evaluate_ms", fmt(ms(evaluateTime))),
            ("report_ms", fmt(ms(report))),
            ("first_frame_ms", fmt(ms(firstFrame))),
            ("open_total_ms", fmt(ms(load) + ms(firstFrame))),
            ("toggle_median_ms", fmt(percentile(toggleTimes, 0.5))),
            ("toggle_update_median_ms", fmt(percentile(updateTimes, 0.5))),
            ("toggle_p99_ms", fmt(percentile(toggleTimes, 0.99))),
            ("filter_key_max_ms", fmt(filterTimes.last ?? 0)),
            ("page_down_p99_ms", fmt(percentile(scrollTimes, 0.99))),
            ("dashboard_peak_rss_mb", fmt(Double(dashboardPeakKB) / 1024)),
            ("peak_rss_mb", fmt(Double(peakResidentKB()) / 1024)),
        ]
        try Output.standardOutput(figures.map { "\($0.0)=\($0.1)" }.joined(separator: " ") + "\n")
    }

    private func fmt(_ value: Double) -> String {
        Format.fixed(value, decimals: value < 0.1 ? 3 : value < 10 ? 2 : 1)
    }

    /// Peak resident memory of this process (VmHWM), in KiB.
    private func peakResidentKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }
}
