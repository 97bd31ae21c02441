import Foundation
import MILPSolver
import Testing
@testable import CapDashModel

/// Goal-seek on generated portfolios of 300 and 1,000 facilities: proven optimal, feasible, on
/// target, and at 300 the same optimum as an independently built program. No timing here.
@Suite("Goal-seek at portfolio scale")
struct OptimizerScaleTests {
    typealias Figures = OptimizerTests.Figures

    /// The same question built another way, from docs/scenario-format.md's formulas written out here rather
    /// than the model's per-facility rules: a binary for every allowed disposition (retain
    /// included, exactly one per facility) and for every financing, and the tax through the
    /// positive and negative parts of the gain (gain = g+ - g-, tax = rate x g+).
    struct IndependentProgram {
        var program = MixedIntegerProgram()
        var capexFreed: [(MixedIntegerProgram.Variable, Double)] = []
        var aiReadyDivestedMW: [(MixedIntegerProgram.Variable, Double)] = []
        var rentPV: [(MixedIntegerProgram.Variable, Double)] = []
        var divestedMW: [(MixedIntegerProgram.Variable, Double)] = []

        init(_ scenario: Scenario, _ constraints: Optimizer.Constraints) {
            let a = scenario.assumptions
            let r = a.discountRate
            let h = Double(a.horizonYears)
            let annuity = r == 0 ? h : (1 - pow(1 + r, -h)) / r
            let cost = a.transactionCostRate
            var gain: [(MixedIntegerProgram.Variable, Double)] = []
            for facility in scenario.facilities {
                let allowed: [Disposition] =
                    constraints.locked.contains(facility.id) ? [facility.disposition]
                    : facility.salePrice == nil ? [.retain]
                    : constraints.keepAIReady && facility.aiReady ? [.retain, .leaseback, .contribute]
                    : [.retain, .divest, .leaseback, .contribute]
                let price = facility.salePrice ?? 0
                let stake = facility.retainedStake ?? a.contributeRetainedStake
                var one: [(MixedIntegerProgram.Variable, Double)] = []
                for choice in allowed {
                    let x = program.addBinary()
                    one.append((x, 1))
                    let phi: Double = switch choice {
                    case .retain: 0
                    case .divest, .leaseback: 1
                    case .contribute: 1 - stake
                    }
                    capexFreed.append((x, (phi * price * (1 - cost) + annuity * phi * facility.annualCapex) / 1e6))
                    gain.append((x, (phi * (price - facility.bookValue) - cost * phi * price) / 1e6))
                    if choice == .leaseback || choice == .contribute {
                        rentPV.append((x, annuity * phi * (facility.leasebackRent ?? a.leasebackCapRate * price) / 1e6))
                    }
                    if choice == .divest {
                        divestedMW.append((x, facility.capacityMW))
                        if facility.aiReady { aiReadyDivestedMW.append((x, facility.capacityMW)) }
                    }
                }
                program.addConstraint(terms: one, relation: .equal, rhs: 1)
            }
            for development in scenario.developments {
                let financings: [Financing] = constraints.locked.contains(development.id) ? [development.financing] : [.partner, .own]
                var one: [(MixedIntegerProgram.Variable, Double)] = []
                for financing in financings {
                    let y = program.addBinary()
                    one.append((y, 1))
                    var financed = development
                    financed.financing = financing
                    let figures = financed.evaluate(a)
                    capexFreed.append((y, figures.capexAvoidedPV / 1e6))
                    rentPV.append((y, (figures.netRentPV + figures.rvgExpectedPV) / 1e6))
                }
                program.addConstraint(terms: one, relation: .equal, rhs: 1)
            }
            let positive = program.addContinuous(lower: 0)
            let negative = program.addContinuous(lower: 0)
            program.addConstraint(terms: gain + [(positive, -1), (negative, 1)], relation: .equal, rhs: 0)
            capexFreed.append((positive, -a.taxRate))
        }

        func objectives(_ goal: Optimizer.Goal) -> [Objective] {
            switch goal {
            case .reachCapex: [.minimize(aiReadyDivestedMW), .minimize(rentPV), .minimize(divestedMW)]
            case .maximizeCapex: [.maximize(capexFreed), .minimize(rentPV)]
            }
        }

        /// The goal's objective values in the scenario's units (money back from millions).
        func solve(_ goal: Optimizer.Goal) -> (values: [Double], proven: Bool)? {
            var constrained = program
            switch goal {
            case .reachCapex(let target): constrained.addConstraint(terms: capexFreed, relation: .greaterOrEqual, rhs: target / 1e6)
            case .maximizeCapex(let cap):
                if cap < .infinity { constrained.addConstraint(terms: divestedMW, relation: .lessOrEqual, rhs: cap) }
            }
            let result = constrained.solveLexicographically(objectives(goal), timeLimit: 600)
            guard let values = result.objectiveValues else { return nil }
            let money: [Bool] = switch goal {
            case .reachCapex: [false, true, false]
            case .maximizeCapex: [true, true]
            }
            return (zip(values, money).map { $1 ? $0 * 1e6 : $0 }, result.allProvenOptimal)
        }
    }

    static func score(_ plan: Optimizer.Plan, _ goal: Optimizer.Goal) -> [Double] {
        let figures = Figures(plan.evaluation)
        switch goal {
        case .reachCapex: return [figures.aiReadyDivestedMW, figures.rentPV, figures.divestedMW]
        case .maximizeCapex: return [figures.capexFreed, figures.rentPV]
        }
    }

    /// A generated portfolio with some developments, a few entries locked, and current
    /// dispositions as generated.
    static func portfolio(_ count: Int, seed: UInt64) -> (Scenario, Optimizer.Constraints) {
        var scenario = PortfolioGenerator.scenario(facilities: count, seed: seed)
        var random = SeededRandom(seed: seed &+ 17)
        scenario.developments = (0..<4).map { OptimizerTests.development($0, &random) }
        let locked = Set(stride(from: 0, to: count, by: 97).map { scenario.facilities[$0].id } + ["dev-3"])
        return (scenario, Optimizer.Constraints(keepAIReady: true, locked: locked))
    }

    @Test("300 facilities: proven optimal, and the same optimum as the independently built program", arguments: [UInt64(300), 301])
    func threeHundred(seed: UInt64) throws {
        let (scenario, constraints) = Self.portfolio(300, seed: seed)
        let independent = IndependentProgram(scenario, constraints)
        let most = try #require(independent.solve(.maximizeCapex(maxDivestedMW: .infinity))).values[0]
        let totalMW = scenario.facilities.reduce(0) { $0 + $1.capacityMW }
        for goal in [Optimizer.Goal.reachCapex(most * 0.5), .reachCapex(most * 0.8), .maximizeCapex(maxDivestedMW: totalMW * 0.05)] {
            let plan = try Optimizer.optimize(scenario, goal: goal, constraints: constraints).get()
            #expect(plan.exact && plan.gap == nil, "\(goal)")
            OptimizerTests.checkFeasible(plan, scenario, constraints)
            if case .reachCapex(let target) = goal { #expect(plan.evaluation.finance.capexFreed >= target) }
            if case .maximizeCapex(let cap) = goal { #expect(plan.evaluation.capacity.divestedMW <= cap + 1e-6) }
            let other = try #require(independent.solve(goal))
            #expect(other.proven)
            #expect(OptimizerTests.same(Self.score(plan, goal), other.values), "\(goal): optimizer \(Self.score(plan, goal)), independent \(other.values)")
        }
    }

    @Test("1,000 facilities: proven optimal, feasible, on target")
    func thousand() throws {
        let (scenario, constraints) = Self.portfolio(1_000, seed: 1_000)
        let most = try Optimizer.optimize(scenario, goal: .maximizeCapex(maxDivestedMW: .infinity), constraints: constraints).get()
        #expect(most.exact)
        let target = most.evaluation.finance.capexFreed * 0.5
        let plan = try Optimizer.optimize(scenario, goal: .reachCapex(target), constraints: constraints).get()
        #expect(plan.exact && plan.gap == nil)
        OptimizerTests.checkFeasible(plan, scenario, constraints)
        #expect(plan.evaluation.finance.capexFreed >= target)
        #expect(plan.evaluation.capacity.aiReadyDivestedMW == 0)
    }

    @Test("a plan stopped by the time limit says so, and its proven bound holds against the optimum")
    func timeLimited() throws {
        let (scenario, constraints) = Self.portfolio(1_000, seed: 1_001)
        let most = try Optimizer.optimize(scenario, goal: .maximizeCapex(maxDivestedMW: .infinity), constraints: constraints).get()
        let goal = Optimizer.Goal.reachCapex(most.evaluation.finance.capexFreed * 0.93)
        let rough: Optimizer.Plan
        switch Optimizer.optimize(scenario, goal: goal, constraints: constraints, timeLimit: 0.5) {
        case .failure(let failure):
            #expect(failure == .noPlanWithinTimeLimit(0.5))
            return
        case .success(let plan): rough = plan
        }
        OptimizerTests.checkFeasible(rough, scenario, constraints)
        #expect(rough.evaluation.finance.capexFreed >= most.evaluation.finance.capexFreed * 0.93)
        guard !rough.exact else {
            #expect(rough.gap == nil)
            return
        }
        let gap = try #require(rough.gap)
        let exact = try Optimizer.optimize(scenario, goal: goal, constraints: constraints, timeLimit: 600).get()
        #expect(exact.exact)
        // The bound holds wherever the earlier objectives reached their optima.
        let objectives = goal.objectives
        let open = try #require(objectives.firstIndex(of: gap.objective))
        let earlierSame = objectives[..<open].allSatisfy { OptimizerTests.same($0.value(in: rough.evaluation), $0.value(in: exact.evaluation)) }
        #expect(earlierSame, "objectives proven before \(gap.objective) match the exact plan's")
        let optimum = gap.objective.value(in: exact.evaluation)
        #expect(optimum <= gap.value * (1 + 1e-9) + 1e-6)
        if let bound = gap.bound {
            #expect(bound <= optimum * (1 + 1e-9) + 1e-6, "bound \(bound), optimum \(optimum)")
        }
    }
}
