import CapDashReport
import Foundation
import MILPSolver
import Testing
@testable import CapDashModel

@Suite("Goal-seek optimizer against brute force")
struct OptimizerTests {
    /// A plan's figures, read from its evaluation.
    struct Figures {
        var capexFreed: Double
        var aiReadyDivestedMW: Double
        /// Leaseback and contribution rent, development rent and the guarantees' expected cost, all PV.
        var rentPV: Double
        var divestedMW: Double

        init(_ evaluation: Evaluation) {
            capexFreed = evaluation.finance.capexFreed
            aiReadyDivestedMW = evaluation.capacity.aiReadyDivestedMW
            rentPV = evaluation.finance.leasebackRentPV + evaluation.finance.developmentRentPV + evaluation.finance.rvgExpectedPV
            divestedMW = evaluation.capacity.divestedMW
        }

        /// Lower is better; nil when the plan misses the goal's hard constraint.
        func score(_ goal: Optimizer.Goal) -> [Double]? {
            switch goal {
            case .reachCapex(let target):
                guard capexFreed >= target else { return nil }
                return [aiReadyDivestedMW, rentPV, divestedMW]
            case .maximizeCapex(let cap):
                guard divestedMW <= cap + 1e-9 else { return nil }
                return [-capexFreed, rentPV]
            }
        }
    }

    /// Every plan of a small portfolio: each facility's allowed dispositions times each
    /// development's financings, evaluated by the model.
    static func everyPlan(_ scenario: Scenario, _ constraints: Optimizer.Constraints) -> [Figures] {
        let choices: [[Disposition]] = scenario.facilities.map { facility in
            if constraints.locked.contains(facility.id) { return [facility.disposition] }
            if facility.salePrice == nil { return [.retain] }
            return constraints.keepAIReady && facility.aiReady ? [.retain, .leaseback, .contribute] : [.retain, .divest, .leaseback, .contribute]
        }
        let financings: [[Financing]] = scenario.developments.map { development in
            constraints.locked.contains(development.id) ? [development.financing] : [.partner, .own]
        }
        var plans: [Figures] = []
        var plan = scenario
        func visit(_ index: Int) {
            if index == choices.count + financings.count {
                plans.append(Figures(evaluate(plan)))
            } else if index < choices.count {
                for choice in choices[index] {
                    plan.facilities[index].disposition = choice
                    visit(index + 1)
                }
            } else {
                for financing in financings[index - choices.count] {
                    plan.developments[index - choices.count].financing = financing
                    visit(index + 1)
                }
            }
        }
        visit(0)
        return plans
    }

    /// The best score over every plan, or nil when no plan meets the goal.
    static func bruteForce(_ plans: [Figures], _ goal: Optimizer.Goal) -> [Double]? {
        plans.compactMap { $0.score(goal) }.min { less($0, $1) }
    }

    /// Lexicographic order where figures within rounding noise count as equal.
    static func less(_ a: [Double], _ b: [Double]) -> Bool {
        for (x, y) in zip(a, b) where !same(x, y) { return x < y }
        return false
    }

    static func same(_ x: Double, _ y: Double) -> Bool {
        abs(x - y) <= 1e-6 * max(1, abs(x), abs(y))
    }

    static func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
    }

    /// A development with random terms: build, lease, renewals, exit and (sometimes) a guarantee.
    static func development(_ index: Int, _ random: inout SeededRandom) -> Development {
        let cost = Double(Int.random(in: 200...3_000, using: &random)) * 1e6
        let build = Int.random(in: 1...4, using: &random)
        let firm = Int.random(in: 2...8, using: &random)
        let guarantee = Bool.random(using: &random)
            ? Development.ResidualValueGuarantee(
                amount: cost * Double.random(in: 0.5...1.1, using: &random), declineYears: Int.random(in: 6...20, using: &random),
                fairValueRatio: Double.random(in: 0.3...0.9, using: &random))
            : nil
        return Development(
            id: "dev-\(index)", name: "Campus \(index)", region: "US", capacityMW: Double(Int.random(in: 50...900, using: &random)),
            developmentCost: cost, buildYears: build, financing: Bool.random(using: &random) ? .partner : .own,
            retainedStake: Bool.random(using: &random) ? Double.random(in: 0...0.5, using: &random) : nil,
            lease: .init(
                yieldOnCost: Double.random(in: 0.06...0.12, using: &random), escalation: Double.random(in: 0...0.03, using: &random),
                firmYears: firm, expectedYears: firm + Int.random(in: 0...12, using: &random),
                exitProbability: Double.random(in: 0...0.4, using: &random)),
            guarantee: guarantee)
    }

    /// Six facilities (one without a sale price, some with their own stakes, some sold at a
    /// loss) and two developments.
    static func smallPortfolio(seed: UInt64) -> Scenario {
        var scenario = PortfolioGenerator.scenario(facilities: 6, seed: seed)
        var random = SeededRandom(seed: seed &* 31)
        for index in scenario.facilities.indices {
            scenario.facilities[index].disposition = [.retain, .retain, .divest, .leaseback, .contribute][Int.random(in: 0..<5, using: &random)]
            scenario.facilities[index].aiReady = Bool.random(using: &random)
            if index == 5 { scenario.facilities[index].salePrice = nil }
            // As a loaded scenario: only a facility with a sale price is sold.
            if scenario.facilities[index].salePrice == nil { scenario.facilities[index].disposition = .retain }
            // Losses and gains mixed, so the tax's max(0, gain) binds either way.
            if seed % 4 == 3, let price = scenario.facilities[index].salePrice { scenario.facilities[index].salePrice = price * 0.7 }
            // Some facilities bring their own stake; the rest take the assumption's.
            if index % 2 == 1 { scenario.facilities[index].retainedStake = [0, 0.2, 0.5][Int(seed % 3)] }
        }
        scenario.assumptions.contributeRetainedStake = [0.1, 0.3][Int(seed % 2)]
        scenario.developments = (0..<2).map { development($0, &random) }
        return scenario
    }

    static func constraints(_ scenario: Scenario, seed: UInt64) -> Optimizer.Constraints {
        var locked: Set<String> = []
        if seed % 5 == 0 { locked.insert(scenario.facilities[0].id) }
        if seed % 7 == 0 { locked.insert(scenario.developments[0].id) }
        return Optimizer.Constraints(keepAIReady: seed % 3 == 0, locked: locked)
    }

    /// The plan keeps every rule: locked entries unchanged, no AI-ready facility divested under
    /// keep-AI-ready, nothing without a sale price sold, and the scenario carries the choices.
    static func checkFeasible(_ plan: Optimizer.Plan, _ scenario: Scenario, _ constraints: Optimizer.Constraints) {
        #expect(plan.scenario.facilities.map(\.disposition) == plan.dispositions)
        #expect(plan.scenario.developments.map(\.financing) == plan.financings)
        for (facility, disposition) in zip(scenario.facilities, plan.dispositions) {
            if constraints.locked.contains(facility.id) { #expect(disposition == facility.disposition) }
            if constraints.keepAIReady && facility.aiReady && !constraints.locked.contains(facility.id) { #expect(disposition != .divest) }
            if facility.salePrice == nil { #expect(!disposition.isSold) }
        }
        for (development, financing) in zip(scenario.developments, plan.financings) where constraints.locked.contains(development.id) {
            #expect(financing == development.financing)
        }
        #expect(plan.evaluation == evaluate(plan.scenario))
    }

    @Test("reach a target: the same objective values as trying every plan", arguments: Array(UInt64(1)...40))
    func reach(seed: UInt64) throws {
        let scenario = Self.smallPortfolio(seed: seed)
        let constraints = Self.constraints(scenario, seed: seed)
        let plans = Self.everyPlan(scenario, constraints)
        let most = try #require(plans.map(\.capexFreed).max())
        let target = most * [0.2, 0.5, 0.8, 0.95][Int(seed % 4)]
        let plan = try Optimizer.optimize(scenario, goal: .reachCapex(target), constraints: constraints).get()
        #expect(plan.exact && plan.gap == nil)
        Self.checkFeasible(plan, scenario, constraints)
        let expected = try #require(Self.bruteForce(plans, .reachCapex(target)))
        let actual = try #require(Figures(plan.evaluation).score(.reachCapex(target)), "seed \(seed): the plan misses the target")
        #expect(Self.same(actual, expected), "seed \(seed): optimizer \(actual), brute force \(expected)")
    }

    @Test("maximize capex under a divested-MW cap: the same objective values as trying every plan", arguments: Array(UInt64(1)...40))
    func maximize(seed: UInt64) throws {
        let scenario = Self.smallPortfolio(seed: seed)
        let constraints = Self.constraints(scenario, seed: seed &+ 1)
        let lockedMW = scenario.facilities.filter { constraints.locked.contains($0.id) && !$0.disposition.keepsCapacity }
            .reduce(0) { $0 + $1.capacityMW }
        let total = scenario.facilities.reduce(0) { $0 + $1.capacityMW }
        let cap = lockedMW + total * [0, 0.1, 0.3, 0.6][Int(seed % 4)]
        let plan = try Optimizer.optimize(scenario, goal: .maximizeCapex(maxDivestedMW: cap), constraints: constraints).get()
        #expect(plan.exact)
        Self.checkFeasible(plan, scenario, constraints)
        let expected = try #require(Self.bruteForce(Self.everyPlan(scenario, constraints), .maximizeCapex(maxDivestedMW: cap)))
        let actual = try #require(Figures(plan.evaluation).score(.maximizeCapex(maxDivestedMW: cap)))
        #expect(Self.same(actual, expected), "seed \(seed): optimizer \(actual), brute force \(expected)")
    }

    @Test("choices no optimal plan makes are left out: a rent-free divest beats a leaseback, a leaseback beats divesting AI-ready MW")
    func dominance() {
        typealias Option = GoalSeekProgram.Option
        let reach = Optimizer.Goal.reachCapex(1)
        let most = Optimizer.Goal.maximizeCapex(maxDivestedMW: 100)
        // Divest and leaseback sell the same share: equal capex and gain, different costs.
        let divest = Option(capexBeforeTax: 100, gain: 20, rentPV: 0, divestedMW: 10, aiReadyDivestedMW: 0)
        let leaseback = Option(capexBeforeTax: 100, gain: 20, rentPV: 30, divestedMW: 0, aiReadyDivestedMW: 0)
        let contribute = Option(capexBeforeTax: 80, gain: 16, rentPV: 24, divestedMW: 0, aiReadyDivestedMW: 0)
        #expect(divest.dominates(leaseback, goal: reach, taxRate: 0.21))
        #expect(!leaseback.dominates(divest, goal: reach, taxRate: 0.21))
        var aiReady = divest
        aiReady.aiReadyDivestedMW = 10
        #expect(leaseback.dominates(aiReady, goal: reach, taxRate: 0.21))
        // To reach a target, a rent-free divest leaves out the contribution too; a leaseback,
        // dearer in rent, does not...
        #expect(divest.dominates(contribute, goal: reach, taxRate: 0.21))
        #expect(!leaseback.dominates(contribute, goal: reach, taxRate: 0.21))
        // ...but freeing the most capex always prefers the whole sale, within the MW cap.
        #expect(leaseback.dominates(contribute, goal: most, taxRate: 0.21))
        #expect(!divest.dominates(contribute, goal: most, taxRate: 0.21))
        #expect(!divest.dominates(leaseback, goal: most, taxRate: 0.21) && !leaseback.dominates(divest, goal: most, taxRate: 0.21))
        // A larger gain can cost more tax than the capex it adds: then nothing is left out.
        let taxed = Option(capexBeforeTax: 101, gain: 50, rentPV: 0, divestedMW: 0, aiReadyDivestedMW: 0)
        #expect(!taxed.dominates(leaseback, goal: most, taxRate: 0.21))
        // Ties leave both.
        #expect(!leaseback.dominates(leaseback, goal: reach, taxRate: 0.21))
    }

    @Test("an unreachable target says the most any plan frees, as trying every plan finds", arguments: Array(UInt64(1)...8))
    func unreachableSmall(seed: UInt64) throws {
        let scenario = Self.smallPortfolio(seed: seed)
        let constraints = Self.constraints(scenario, seed: seed)
        let most = try #require(Self.everyPlan(scenario, constraints).map(\.capexFreed).max())
        guard case .failure(.unreachable(let reported)) = Optimizer.optimize(scenario, goal: .reachCapex(most * 1.01 + 1), constraints: constraints)
        else {
            Issue.record("expected the target to be unreachable")
            return
        }
        #expect(Self.same(reported, most))
    }

    @Test("an unreachable target says the most that can be freed")
    func unreachable() {
        let scenario = ScenarioLoader.builtInExample()
        guard case .failure(let failure) = Optimizer.optimize(scenario, goal: .reachCapex(1e12)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(PlanReport.describe(failure, currency: "USD").hasPrefix("the target cannot be reached: selling every facility that can be sold frees $"))
    }

    @Test("$2B from the example while keeping every AI-ready hall")
    func example() throws {
        let scenario = ScenarioLoader.builtInExample()
        let plan = try Optimizer.optimize(scenario, goal: .reachCapex(2e9), constraints: .init(keepAIReady: true)).get()
        #expect(plan.evaluation.finance.capexFreed >= 2e9)
        #expect(plan.evaluation.capacity.aiReadyDivestedMW == 0)
        #expect(plan.exact)
    }

    @Test("ids to lock must name a facility or a development; locked ones over the cap are refused")
    func lockedFailures() throws {
        let scenario = Self.smallPortfolio(seed: 3)
        let unknown = Optimizer.optimize(scenario, goal: .reachCapex(1), constraints: .init(locked: ["nope", "dev-0"]))
        #expect(unknown.failure == .unknownLockedIDs(["nope"]))
        var divested = scenario
        divested.facilities[0].disposition = .divest
        let over = Optimizer.optimize(
            divested, goal: .maximizeCapex(maxDivestedMW: divested.facilities[0].capacityMW / 2),
            constraints: .init(locked: [divested.facilities[0].id]))
        #expect(over.failure == .lockedOverCap(lockedMW: divested.facilities[0].capacityMW))
    }

    @Test("a goal-seek cancelled before it starts, or while CBC runs, comes back cancelled")
    func cancelled() throws {
        let scenario = PortfolioGenerator.scenario(facilities: 2_000, seed: 5)
        let cancellation = SolveCancellation()
        cancellation.cancel()
        let early = Optimizer.optimize(scenario, goal: .reachCapex(1e9), cancellation: cancellation)
        #expect(early.failure == .cancelled)
        let running = SolveCancellation()
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.3)
            running.cancel()
        }
        let most = try Optimizer.optimize(scenario, goal: .maximizeCapex(maxDivestedMW: .infinity)).get().evaluation.finance.capexFreed
        // Hard enough to outlast the cancel; a plan that still comes first must be a whole one.
        switch Optimizer.optimize(scenario, goal: .reachCapex(most * 0.9), cancellation: running) {
        case .failure(let failure): #expect(failure == .cancelled)
        case .success(let plan): #expect(plan.evaluation.finance.capexFreed >= most * 0.9)
        }
    }

    @Test("more decisions than the time limit allows are refused with the count, before any solve")
    func tooLarge() {
        let limit = Optimizer.decisionLimit(timeLimit: Optimizer.defaultTimeLimit)
        #expect(Optimizer.decisionLimit(timeLimit: 4 * Optimizer.defaultTimeLimit) == 2 * limit)
        #expect(Optimizer.decisionLimit(timeLimit: 1) == limit)
        var scenario = PortfolioGenerator.scenario(facilities: limit + 2, seed: 1)
        for index in scenario.facilities.indices where scenario.facilities[index].salePrice == nil {
            scenario.facilities[index].salePrice = scenario.facilities[index].bookValue
        }
        let locked = scenario.facilities[0].id
        let refused = Optimizer.optimize(scenario, goal: .reachCapex(1e9), constraints: .init(locked: [locked]))
        #expect(refused.failure == .tooLarge(decisions: limit + 1, limit: limit))
        #expect(PlanReport.describe(.tooLarge(decisions: limit + 1, limit: limit), currency: "USD").contains("--locked"))
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
