import CapDashReport
import Testing
@testable import CapDashModel

@Suite("Goal-seek optimizer against brute force")
struct OptimizerTests {
    /// Every plan of a small portfolio, scored by the goal's lexicographic objective.
    static func bruteForce(_ scenario: Scenario, _ goal: Optimizer.Goal, _ constraints: Optimizer.Constraints) -> [Double]? {
        let choices: [[Disposition]] = scenario.facilities.map { facility in
            if constraints.locked.contains(facility.id) { return [facility.disposition] }
            if facility.salePrice == nil { return [.retain] }
            return constraints.keepAIReady && facility.aiReady ? [.retain, .leaseback, .contribute] : [.retain, .divest, .leaseback, .contribute]
        }
        var best: [Double]?
        var plan = scenario
        func visit(_ index: Int) {
            if index == choices.count {
                if let score = Self.score(plan, goal), best == nil || Optimizer.lexicographicallyLess(score, best!) { best = score }
                return
            }
            for choice in choices[index] {
                plan.facilities[index].disposition = choice
                visit(index + 1)
            }
        }
        visit(0)
        return best
    }

    /// Lower is better; nil when the plan misses a hard constraint.
    static func score(_ plan: Scenario, _ goal: Optimizer.Goal) -> [Double]? {
        let result = evaluate(plan)
        switch goal {
        case .reachCapex(let target):
            guard result.finance.capexFreed >= target else { return nil }
            return [result.capacity.aiReadyDivestedMW, result.finance.leasebackRentPV, result.capacity.divestedMW, -result.finance.capexFreed]
        case .maximizeCapex(let cap):
            guard result.capacity.divestedMW <= cap + 1e-9 else { return nil }
            return [-result.finance.capexFreed, result.finance.leasebackRentPV, result.capacity.aiReadyDivestedMW, result.capacity.divestedMW]
        }
    }

    static func same(_ a: [Double], _ b: [Double]) -> Bool {
        zip(a, b).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($0), abs($1)) }
    }

    static func smallPortfolio(seed: UInt64) -> Scenario {
        var scenario = PortfolioGenerator.scenario(facilities: 6, seed: seed)
        var random = SeededRandom(seed: seed &* 31)
        for index in scenario.facilities.indices {
            scenario.facilities[index].disposition = .retain
            scenario.facilities[index].aiReady = Bool.random(using: &random)
            if index == 5 { scenario.facilities[index].salePrice = nil }
            // Some facilities bring their own stake; the rest take the assumption's.
            if index % 2 == 1 { scenario.facilities[index].retainedStake = [0, 0.2, 0.5][Int(seed % 3)] }
        }
        scenario.assumptions.contributeRetainedStake = [0.1, 0.3][Int(seed % 2)]
        return scenario
    }

    @Test("reach a target: the same objective as trying every plan", arguments: Array(UInt64(1)...40))
    func reach(seed: UInt64) throws {
        let scenario = Self.smallPortfolio(seed: seed)
        let constraints = Optimizer.Constraints(keepAIReady: seed % 3 == 0, locked: seed % 5 == 0 ? [scenario.facilities[0].id] : [])
        let most = try Optimizer.optimize(scenario, goal: .maximizeCapex(maxDivestedMW: 1e9), constraints: constraints).get().evaluation.finance.capexFreed
        let target = most * [0.2, 0.5, 0.8, 0.95][Int(seed % 4)]
        let plan = try Optimizer.optimize(scenario, goal: .reachCapex(target), constraints: constraints).get()
        #expect(plan.exact)
        let expected = try #require(Self.bruteForce(scenario, .reachCapex(target), constraints))
        let actual = try #require(Self.score(plan.scenario, .reachCapex(target)))
        #expect(Self.same(actual, expected), "seed \(seed): optimizer \(actual), brute force \(expected)")
    }

    @Test("maximize capex under a divested-MW cap: the same objective as trying every plan", arguments: Array(UInt64(1)...40))
    func maximize(seed: UInt64) throws {
        let scenario = Self.smallPortfolio(seed: seed)
        let total = scenario.facilities.reduce(0) { $0 + $1.capacityMW }
        let cap = total * [0, 0.1, 0.3, 0.6][Int(seed % 4)]
        let constraints = Optimizer.Constraints(keepAIReady: seed % 2 == 0)
        let plan = try Optimizer.optimize(scenario, goal: .maximizeCapex(maxDivestedMW: cap), constraints: constraints).get()
        let expected = try #require(Self.bruteForce(scenario, .maximizeCapex(maxDivestedMW: cap), constraints))
        let actual = try #require(Self.score(plan.scenario, .maximizeCapex(maxDivestedMW: cap)))
        #expect(Self.same(actual, expected), "seed \(seed): optimizer \(actual), brute force \(expected)")
    }

    @Test("a search stopped early is labelled, and its gap's lower bound is below the true optimum", arguments: Array(UInt64(1)...10))
    func gap(seed: UInt64) throws {
        var scenario = PortfolioGenerator.scenario(facilities: 14, seed: seed)
        for index in scenario.facilities.indices {
            scenario.facilities[index].disposition = .retain
            if scenario.facilities[index].salePrice == nil { scenario.facilities[index].salePrice = scenario.facilities[index].bookValue }
        }
        let most = try Optimizer.optimize(scenario, goal: .maximizeCapex(maxDivestedMW: 1e9)).get().evaluation.finance.capexFreed
        let goal = Optimizer.Goal.reachCapex(most * 0.6)
        let exact = try Optimizer.optimize(scenario, goal: goal, constraints: .init(), nodeLimit: 10_000_000).get()
        #expect(exact.exact && exact.gap == nil)
        let rough = try Optimizer.optimize(scenario, goal: goal, constraints: .init(), nodeLimit: 20).get()
        #expect(!rough.exact)
        #expect(rough.evaluation.finance.capexFreed >= most * 0.6)
        let gap = try #require(rough.gap)
        let optimum = gap.objective == "leaseback_rent_pv" ? exact.evaluation.finance.leasebackRentPV
            : gap.objective == "divested_mw" ? exact.evaluation.capacity.divestedMW : exact.evaluation.capacity.aiReadyDivestedMW
        #expect(gap.lowerBound <= optimum + 1e-6)
        #expect(optimum <= gap.value + 1e-6)
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
}
