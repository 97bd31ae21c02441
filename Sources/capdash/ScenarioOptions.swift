import ArgumentParser
import CapDashModel

/// The scenario to open and the command-line overrides applied to it.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "Scenario file (.yaml or a facilities .csv); - reads standard input. Default: the built-in example.", completion: .scenarioFile)
    var file: String?

    @Option(name: .long, help: ArgumentHelp(Disposition.divest.flagHelp, valueName: "ID[,ID...]"))
    var divest: [String] = []

    @Option(name: .long, help: ArgumentHelp(Disposition.retain.flagHelp, valueName: "ID[,ID...]"))
    var retain: [String] = []

    @Option(name: .long, help: ArgumentHelp(Disposition.leaseback.flagHelp, valueName: "ID[,ID...]"))
    var leaseback: [String] = []

    @Option(name: .long, help: ArgumentHelp(Disposition.contribute.flagHelp, valueName: "ID[,ID...]"))
    var contribute: [String] = []

    @Option(name: .long, help: ArgumentHelp(Financing.partner.flagHelp, valueName: "ID[,ID...]"))
    var partner: [String] = []

    @Option(name: .long, help: ArgumentHelp(Financing.own.flagHelp, valueName: "ID[,ID...]"))
    var own: [String] = []

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Change an assumption, e.g. discount_rate=0.1 or gpu.unit_capex=35000.", valueName: "KEY=VALUE"))
    var settings: [String] = []

    /// The scenario with overrides applied, or an `ExitFailure` with every problem.
    func loadScenario() throws -> Scenario {
        try loadScenarioAndFile().scenario
    }

    /// The scenario as its file has it, and with the overrides applied.
    func loadScenarioAndFile() throws -> (file: Scenario, scenario: Scenario) {
        let scenario = try Self.load(file)
        var overrides = ScenarioOverrides()
        let lists: [Disposition: [String]] = [.retain: retain, .divest: divest, .leaseback: leaseback, .contribute: contribute]
        for disposition in Disposition.allCases {
            for list in lists[disposition] ?? [] { overrides.set(disposition, ids: list) }
        }
        let financings: [Financing: [String]] = [.partner: partner, .own: own]
        for financing in Financing.allCases {
            for list in financings[financing] ?? [] { overrides.set(financing, ids: list) }
        }
        for assignment in settings where !overrides.addSetting(assignment) {
            throw ExitFailure(code: ExitFailure.usage, lines: ["capdash: --set \(assignment): expected KEY=VALUE, like discount_rate=0.1"])
        }
        switch overrides.apply(to: scenario) {
        case .success(let updated): return (scenario, updated)
        case .failure(let error):
            throw ExitFailure(code: ExitFailure.usage, lines: error.diagnostics.map { "capdash: " + $0.description })
        }
    }

    /// Loads a file, standard input for `-`, or the built-in example when none is named.
    static func load(_ file: String?) throws -> Scenario {
        guard let file else { return ScenarioLoader.builtInExample() }
        if file == "-" { try StandardInput.refuseTerminal() }
        do {
            return try LoadingProgress.around(file) { progress throws(ScenarioLoadError) in
                try StandardInput.load(path: file, progress: progress).get()
            }
        } catch {
            throw ExitFailure(code: ExitFailure.invalidScenario, lines: error.diagnostics.map(\.description))
        }
    }
}
