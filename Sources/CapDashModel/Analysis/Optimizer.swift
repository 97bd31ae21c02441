import MILPSolver

/// Goal-seek: which facilities to retain, divest, lease back or contribute, and which
/// developments a partner should finance.
///
/// Two goals, each a mixed-integer program (`GoalSeekProgram`) solved by COIN-OR CBC one
/// objective after another, every later objective keeping the earlier optima:
/// - reach at least a capex-freed target, then: divest the least AI-ready MW, pay the least
///   rent (PV of leaseback and contribution rent, development rent and expected guarantee
///   cost), divest the least MW;
/// - free the most capex with at most N MW divested, then pay the least rent.
/// A plan is `exact` when CBC proved every objective optimal; otherwise it is the best found
/// within the time limit, with CBC's proven bound on the first objective left open.
public enum Optimizer {
    public enum Goal: Sendable, Equatable {
        case reachCapex(Double)
        case maximizeCapex(maxDivestedMW: Double)

        /// What the goal optimises, in order.
        public var objectives: [Objective] {
            switch self {
            case .reachCapex: [.aiReadyDivestedMW, .rentPV, .divestedMW]
            case .maximizeCapex: [.capexFreed, .rentPV]
            }
        }
    }

    /// A figure goal-seek optimises; the raw value is its name in the JSON plan.
    public enum Objective: String, Sendable, Hashable, CaseIterable {
        case capexFreed = "capex_freed"
        case aiReadyDivestedMW = "ai_ready_divested_mw"
        /// Leaseback and contribution rent PV, development rent PV and the guarantees' expected cost.
        case rentPV = "rent_pv"
        case divestedMW = "divested_mw"

        public var sense: MixedIntegerProgram.Sense { self == .capexFreed ? .maximize : .minimize }
        public var isMoney: Bool { self == .capexFreed || self == .rentPV }

        /// The figure in an evaluated plan.
        public func value(in evaluation: Evaluation) -> Double {
            switch self {
            case .capexFreed: evaluation.finance.capexFreed
            case .aiReadyDivestedMW: evaluation.capacity.aiReadyDivestedMW
            case .rentPV: evaluation.finance.leasebackRentPV + evaluation.finance.developmentRentPV + evaluation.finance.rvgExpectedPV
            case .divestedMW: evaluation.capacity.divestedMW
            }
        }
    }

    public struct Constraints: Sendable, Equatable {
        /// AI-ready facilities may be leased back or contributed but never divested outright.
        public var keepAIReady = false
        /// Facilities and developments whose current disposition or financing the plan must keep.
        public var locked: Set<String> = []

        public init(keepAIReady: Bool = false, locked: Set<String> = []) {
            self.keepAIReady = keepAIReady
            self.locked = locked
        }
    }

    public struct Plan: Sendable {
        public var dispositions: [Disposition]
        /// Each development's financing, in file order.
        public var financings: [Financing]
        public var scenario: Scenario
        public var evaluation: Evaluation
        /// Proven optimal by CBC in every objective of the goal.
        public var exact: Bool
        /// Branch-and-bound nodes CBC explored, over every objective.
        public var nodes: Int
        /// For a plan not proven optimal: the first objective left open, with CBC's proven bound.
        public var gap: Gap?
        /// Wall-clock seconds the solver took, and the limit it had.
        public var seconds: Double
        public var timeLimit: Double
    }

    public struct Gap: Sendable, Equatable {
        public var objective: Objective
        /// The plan's value of that objective.
        public var value: Double
        /// No plan (keeping the earlier objectives' optima) does better than this: a lower bound
        /// for a minimised objective, an upper bound for capex freed. Nil when the time ran out
        /// before CBC worked on this objective.
        public var bound: Double?
    }

    /// Why no plan came back; CapDashReport's `PlanReport.describe` words it.
    public enum Failure: Error, Sendable, Equatable {
        case unknownLockedIDs([String])
        /// Selling every facility that can be sold (and partner financing) frees only this much.
        case unreachable(mostCapexFreed: Double)
        /// Locked facilities already divest more MW than the cap.
        case lockedOverCap(lockedMW: Double)
        /// More facilities and developments to decide than `decisionLimit(timeLimit:)` allows.
        case tooLarge(decisions: Int, limit: Int)
        /// The solver found no plan at all before the time limit (seconds).
        case noPlanWithinTimeLimit(Double)
        case cancelled
    }

    /// Default wall-clock limit for one goal-seek, all objectives together.
    public static let defaultTimeLimit = 30.0

    /// The most facilities and developments one goal-seek decides within `timeLimit` seconds
    /// (locked ones, and facilities without a sale price, do not count). CBC's first LP cannot be
    /// interrupted and grows with the square of the size (measured on 2 shared cores: about 8 s
    /// at 20,000, 40 s at 50,000, 150 s at 100,000, no plan in 10 minutes at 1,000,000), so past
    /// this no plan would come in time: 25,000 at the default 30 s, more with more time.
    public static func decisionLimit(timeLimit: Double) -> Int {
        Int(min(200_000, 25_000 * max(1, timeLimit / defaultTimeLimit).squareRoot()))
    }

    /// Solves the goal with CBC within `timeLimit` seconds (wall clock, every objective
    /// together); `cancellation` stops it from another thread.
    public static func optimize(
        _ scenario: Scenario, goal: Goal, constraints: Constraints = Constraints(), timeLimit: Double = defaultTimeLimit,
        cancellation: SolveCancellation? = nil
    ) -> Result<Plan, Failure> {
        precondition(timeLimit > 0, "time limit must be positive")
        let known = Set(scenario.facilities.map(\.id)).union(scenario.developments.map(\.id))
        let unknown = constraints.locked.subtracting(known)
        if !unknown.isEmpty {
            return .failure(.unknownLockedIDs(unknown.sorted()))
        }
        let decisions = scenario.facilities.filter { GoalSeekProgram.choices(for: $0, constraints)?.isEmpty == false }.count
            + scenario.developments.filter { !constraints.locked.contains($0.id) }.count
        let limit = decisionLimit(timeLimit: timeLimit)
        guard decisions <= limit else {
            return .failure(.tooLarge(decisions: decisions, limit: limit))
        }
        let clock = ContinuousClock()
        let start = clock.now
        switch goal {
        case .reachCapex(let target):
            var reach = GoalSeekProgram(scenario, constraints, goal: goal)
            reach.require(.capexFreed, atLeast: true, target)
            switch solve(reach, goal.objectives, scenario, timeLimit, cancellation) {
            case .plan(let plan): return .success(plan)
            case .failed(let failure): return .failure(failure)
            case .infeasible:
                // Say by how much: the most any plan frees, in the time left.
                let left = timeLimit - seconds(since: start, clock)
                let most = GoalSeekProgram(scenario, constraints, goal: .maximizeCapex(maxDivestedMW: .infinity))
                switch solve(most, [.capexFreed], scenario, max(left, 0.5), cancellation) {
                case .plan(let most): return .failure(.unreachable(mostCapexFreed: most.evaluation.finance.capexFreed))
                case .failed(let failure): return .failure(failure)
                case .infeasible: return .failure(.noPlanWithinTimeLimit(timeLimit))
                }
            }
        case .maximizeCapex(let cap):
            var program = GoalSeekProgram(scenario, constraints, goal: goal)
            let lockedMW = program.measure(.divestedMW).constant
            guard lockedMW <= cap else {
                return .failure(.lockedOverCap(lockedMW: lockedMW))
            }
            if cap < .infinity { program.require(.divestedMW, atLeast: false, cap) }
            switch solve(program, goal.objectives, scenario, timeLimit, cancellation) {
            case .plan(let plan): return .success(plan)
            case .failed(let failure): return .failure(failure)
            // Retaining every decided facility is always within the cap: only numerical trouble lands here.
            case .infeasible: return .failure(.noPlanWithinTimeLimit(timeLimit))
            }
        }
    }

    private enum Outcome {
        case plan(Plan)
        case infeasible
        case failed(Failure)
    }

    private static func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
        let elapsed = clock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// The objectives in turn, each keeping the earlier ones' optima (within CBC's tolerance).
    private static func solve(
        _ program: GoalSeekProgram, _ objectives: [Objective], _ scenario: Scenario, _ timeLimit: Double,
        _ cancellation: SolveCancellation?
    ) -> Outcome {
        // An objective no decision moves (AI-ready MW when none can be divested) needs no solve;
        // without any objective left, the last one still finds a plan.
        let moved = objectives.filter { !program.measure($0).terms.isEmpty }
        let objectives = moved.isEmpty ? [objectives[objectives.count - 1]] : moved
        let result = program.program.solveLexicographically(
            objectives.map(program.stage), timeLimit: timeLimit, cancellation: cancellation)
        if result.wasCancelled { return .failed(.cancelled) }
        guard result.solution.hasSolution else {
            return result.solution.status == .infeasible ? .infeasible : .failed(.noPlanWithinTimeLimit(timeLimit))
        }
        let (dispositions, financings) = program.decisions(result.solution.values, scenario)
        var planned = scenario
        for index in planned.facilities.indices { planned.facilities[index].disposition = dispositions[index] }
        for index in planned.developments.indices { planned.developments[index].financing = financings[index] }
        let evaluation = evaluate(planned)

        var gap: Gap?
        if !result.allProvenOptimal {
            // The first objective CBC did not prove: the stage that stopped, or the first that never ran.
            let open = result.stages.firstIndex { $0.status != .optimal } ?? result.stages.count
            let objective = objectives[open]
            let bound = open < result.stages.count ? result.stages[open].bestBound.map(program.measure(objective).unscaled) : nil
            gap = Gap(objective: objective, value: objective.value(in: evaluation), bound: bound)
        }
        return .plan(Plan(
            dispositions: dispositions, financings: financings, scenario: planned, evaluation: evaluation,
            exact: result.allProvenOptimal, nodes: result.stages.reduce(0) { $0 + $1.nodes }, gap: gap,
            seconds: result.stages.reduce(0) { $0 + $1.seconds }, timeLimit: timeLimit))
    }
}
