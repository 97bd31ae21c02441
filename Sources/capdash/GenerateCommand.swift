import ArgumentParser
import CapDashModel
import CapDashReport

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic portfolio (deterministic for a seed) for benchmarks and demos.",
        discussion: """
            --format csv writes the facilities to OUT and, beside it, a scenario OUT-stem.yaml that names \
            them with facilities_csv; --format yaml writes one scenario file with the facilities inline.
            """)

    @Option(name: .long, help: "How many facilities (1 to 1,000,000).")
    var facilities: Int

    @Option(name: .long, help: "Random seed; the same seed writes the same portfolio.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "csv or yaml.")
    var format: GenerateFormat = .csv

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file.", valueName: "OUT"))
    var output: String

    enum GenerateFormat: String, ExpressibleByArgument {
        case csv, yaml
    }

    func validate() throws {
        guard (1...1_000_000).contains(facilities) else {
            throw ValidationError("--facilities must be from 1 to 1,000,000 (the most one scenario may hold)")
        }
    }

    func run() throws {
        let scenario = PortfolioGenerator.scenario(facilities: facilities, seed: seed)
        switch format {
        case .yaml:
            try emit(ScenarioYAMLWriter.write(scenario), to: output)
        case .csv:
            try emit(CSVReport.render(scenario), to: output)
            let stem = output.lowercased().hasSuffix(".csv") ? String(output.dropLast(4)) : output
            let csvName = output.split(separator: "/").last.map(String.init) ?? output
            try emit(PortfolioGenerator.scenarioYAML(for: scenario, csvName: csvName), to: stem + ".yaml")
        }
    }
}
