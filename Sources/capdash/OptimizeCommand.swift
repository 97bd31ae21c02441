import ArgumentParser
import CapDashModel
import CapDashReport

struct Optimize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Goal-seek: choose retain, divest, leaseback or contribute per facility, and partner or own financing per development, to reach a capex target or to free the most capex under a divested-MW cap.",
        discussion: """
            --target-capex T: reach at least T of capex freed, then divest the least AI-ready MW, pay the least rent \
            (PV of leaseback and contribution rent, development rent and expected guarantee cost), divest the least MW. \
            --max-divest-mw N (alone): free the most capex with at most N MW divested, then pay the least rent. Solved \
            as a mixed-integer program by the COIN-OR CBC solver: the output says whether the plan is proven optimal, \
            or the best found within --time-limit together with the solver's proven bound.
            """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .customLong("target-capex"), help: ArgumentHelp("Capex freed to reach, like 2B.", valueName: "MONEY"))
    var targetCapex: String?

    @Option(name: .customLong("max-divest-mw"), help: "With no target: the most MW that may be divested outright.")
    var maxDivestMW: Double?

    @Flag(name: .customLong("keep-ai-ready"), help: "Never divest an AI-ready facility outright (leasing it back is allowed).")
    var keepAIReady = false

    @Option(name: .long, help: ArgumentHelp("Facilities and developments whose current disposition or financing must stay.", valueName: "ID[,ID...]"))
    var locked: [String] = []

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Wall-clock seconds the CBC solver may take, all objectives together.", valueName: "SECONDS"))
    var timeLimit: Double = Optimizer.defaultTimeLimit

    @Option(name: .long, help: "text or json.")
    var format: AnalysisFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically).", valueName: "OUT"))
    var output: String?

    func validate() throws {
        if (targetCapex == nil) == (maxDivestMW == nil) {
            throw ValidationError("give --target-capex, or --max-divest-mw alone")
        }
        if let targetCapex, Money.parse(targetCapex).map({ $0 >= 0 && $0.isFinite }) != true {
            throw ValidationError("--target-capex \(targetCapex): expected money like 2B")
        }
        if !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit must be a number of seconds above 0")
        }
        if let maxDivestMW, !(maxDivestMW >= 0) {
            throw ValidationError("--max-divest-mw must be 0 or more")
        }
    }

    func run() throws {
        let loaded = try scenario.loadScenario()
        let goal: Optimizer.Goal
        let description: String
        if let targetCapex, let target = Money.parse(targetCapex) {
            goal = .reachCapex(target)
            description = "capex freed >= \(Format.money(target, currency: loaded.currency))" + (keepAIReady ? ", AI-ready kept" : "")
        } else {
            goal = .maximizeCapex(maxDivestedMW: maxDivestMW ?? 0)
            description = "most capex freed with at most \(Format.mw(maxDivestMW ?? 0)) MW divested" + (keepAIReady ? ", AI-ready kept" : "")
        }
        let ids = Set(locked.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty })
        switch Optimizer.optimize(loaded, goal: goal, constraints: .init(keepAIReady: keepAIReady, locked: ids), timeLimit: timeLimit) {
        case .failure(let failure):
            throw ExitFailure(code: ExitFailure.invalidScenario, lines: ["capdash: optimize: \(PlanReport.describe(failure, currency: loaded.currency))"])
        case .success(let plan):
            try format.emit(
                text: { PlanReport.text(plan, loaded, goal: description) },
                markdown: { "```text\n" + PlanReport.text(plan, loaded, goal: description) + "```\n" },
                json: { PlanReport.json(plan, loaded, goal: description) }, to: output)
        }
    }
}
