import ArgumentParser
import CapDashModel
import CapDashReport

#if canImport(Glibc)
import Glibc
#endif

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic portfolio (deterministic for a seed) for benchmarks and demos.",
        discussion: """
            --format csv writes the facilities to OUT and, beside it, a scenario OUT-stem.yaml that names \
            them with facilities_csv (an existing OUT-stem.yaml is kept unless --force); --format yaml \
            writes one scenario file with the facilities inline.
            """)

    @Option(name: .long, help: "How many facilities (1 to 1,000,000).")
    var facilities: Int

    @Option(name: .long, help: "Random seed; the same seed writes the same portfolio.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "csv or yaml.")
    var format: GenerateFormat = .csv

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file.", valueName: "OUT"))
    var output: String

    @Flag(name: .long, help: "With --format csv, replace an existing OUT-stem.yaml (OUT itself is always written).")
    var force = false

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
            let stem = output.lowercased().hasSuffix(".csv") ? String(output.dropLast(4)) : output
            let scenarioPath = stem + ".yaml"
            // The user named the CSV, not the scenario beside it: that may be someone's work.
            var existing = stat()
            if !force, lstat(scenarioPath, &existing) == 0 {
                throw ExitFailure(code: ExitFailure.usage, lines: [
                    "capdash: generate: \(scenarioPath) exists and would be replaced by the scenario naming \(output); use --force to replace it, or another -o"
                ])
            }
            try emit(CSVReport.render(scenario), to: output)
            let csvName = output.split(separator: "/").last.map(String.init) ?? output
            try emit(PortfolioGenerator.scenarioYAML(for: scenario, csvName: csvName), to: scenarioPath)
        }
    }
}
