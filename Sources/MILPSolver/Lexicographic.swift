/// One objective of a lexicographic solve.
public struct Objective: Sendable {
    public var expression: LinearExpression
    public var sense: MixedIntegerProgram.Sense

    public init(_ expression: LinearExpression, sense: MixedIntegerProgram.Sense) {
        self.expression = expression
        self.sense = sense
    }

    public static func minimize(_ terms: [(MixedIntegerProgram.Variable, Double)]) -> Objective {
        Objective(LinearExpression(terms), sense: .minimize)
    }

    public static func maximize(_ terms: [(MixedIntegerProgram.Variable, Double)]) -> Objective {
        Objective(LinearExpression(terms), sense: .maximize)
    }
}

/// How far a later stage may let an earlier objective slip from the value the earlier stage reached:
/// `absolute + relative * |value|`. The default (1e-6 + 1e-9 * |value|) is above CBC's feasibility
/// tolerance (1e-7 per row) yet far below one unit of any realistic coefficient, so the later stages
/// keep the earlier optimum and only break its ties.
public struct LexicographicTolerance: Sendable, Hashable {
    public var absolute: Double
    public var relative: Double

    public init(absolute: Double = 1e-6, relative: Double = 1e-9) {
        precondition(absolute >= 0 && relative >= 0, "tolerances must not be negative")
        self.absolute = absolute
        self.relative = relative
    }

    public func allowance(for value: Double) -> Double { absolute + relative * value.magnitude }
}

/// The outcome of a lexicographic solve.
public struct LexicographicSolution: Sendable {
    /// The solve of each stage, in objective order; fewer than the objectives when a stage found
    /// no solution, was cancelled, or the time limit ran out before the next stage.
    public let stages: [Solution]
    /// The last solution found: it satisfies the constraints of every stage that ran before it.
    /// Its status is that of the stage it came from; without any solution it is the failed stage's.
    public let solution: Solution
    /// Every objective's value in `solution`, in objective order, or nil without a solution.
    public let objectiveValues: [Double]?
    /// True when every stage ran and CBC proved each optimal.
    public let allProvenOptimal: Bool

    /// True when a stage was cancelled (`solution` may still hold an earlier stage's solution).
    public var wasCancelled: Bool { stages.contains { $0.status == .cancelled } }
}

extension MixedIntegerProgram {
    /// Optimises `objectives` in turn: each stage optimises one objective subject to the program's
    /// constraints and to every earlier objective staying within `tolerance` of the value its stage
    /// reached. Stages share `timeLimit` (each gets what the earlier ones left) and `cancellation`.
    /// The program's own objective is ignored. `initialSolution` is the first stage's MIP start;
    /// with `startFromPreviousStage` each later stage gets the previous stage's solution as its
    /// MIP start (much faster when later stages are hard; some overhead when they are easy).
    public func solveLexicographically(
        _ objectives: [Objective], timeLimit: Double, cancellation: SolveCancellation? = nil,
        tolerance: LexicographicTolerance = LexicographicTolerance(), initialSolution: [Double]? = nil,
        startFromPreviousStage: Bool = true
    ) -> LexicographicSolution {
        precondition(!objectives.isEmpty, "at least one objective")
        precondition(timeLimit > 0, "time limit must be positive")
        let clock = ContinuousClock()
        let deadline = clock.now + .nanoseconds(Int64((timeLimit * 1e9).rounded()))
        var stagesProgram = self
        var stages: [Solution] = []
        var start = initialSolution
        var last: Solution?
        for (index, objective) in objectives.enumerated() {
            let left = clock.now.duration(to: deadline)
            let remaining = Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18
            if index > 0 && remaining <= 0 { break }
            stagesProgram.setObjective(objective.expression.terms, sense: objective.sense)
            let stage = stagesProgram.solve(
                timeLimit: max(remaining, 0.001), cancellation: cancellation, initialSolution: start)
            stages.append(stage)
            guard stage.hasSolution else { break }
            last = stage
            start = startFromPreviousStage ? stage.values : nil
            let reached = objective.expression.value(stage.values)
            let slack = tolerance.allowance(for: reached)
            switch objective.sense {
            case .minimize:
                stagesProgram.addConstraint(terms: objective.expression.terms, relation: .lessOrEqual, rhs: reached + slack)
            case .maximize:
                stagesProgram.addConstraint(terms: objective.expression.terms, relation: .greaterOrEqual, rhs: reached - slack)
            }
            if stage.status != .optimal && stage.status != .feasible { break }
        }
        let solution = last ?? stages[stages.count - 1]
        return LexicographicSolution(
            stages: stages,
            solution: solution,
            objectiveValues: solution.hasSolution ? objectives.map { $0.expression.value(solution.values) } : nil,
            allProvenOptimal: stages.count == objectives.count && stages.allSatisfy { $0.status == .optimal })
    }
}
