/// The outcome of one solve.
public struct Solution: Sendable {
    public enum Status: Sendable, Hashable {
        /// Proven optimal (within CBC's default tolerances).
        case optimal
        /// A feasible solution, but the search stopped (time limit) before proving it optimal:
        /// see `bestBound` and `relativeGap`.
        case feasible
        /// Proven to have no feasible solution.
        case infeasible
        /// The linear relaxation is unbounded.
        case unbounded
        /// The time limit (or numerical trouble) ended the search before any feasible solution.
        case noSolutionFound
        /// Stopped by a `SolveCancellation`; `values` holds the incumbent if there was one, without
        /// bound or gap. A solve that ends before CBC sees the flag reports its real status instead.
        case cancelled
    }

    public let status: Status
    /// Variable values by variable index (integer variables rounded); empty without a solution.
    public let values: [Double]
    /// Objective value of `values` in the program's own sense, or nil without a solution.
    public let objectiveValue: Double?
    /// Best proven bound on the optimum (a lower bound when minimising, upper when maximising):
    /// the objective value itself when `.optimal`, CBC's bound when `.feasible`, otherwise nil.
    public let bestBound: Double?
    /// `|objective - bound| / max(|objective|, 1e-9)`: 0 when `.optimal`, nil without both numbers.
    public let relativeGap: Double?
    /// Wall-clock seconds the call took: waiting for another solve to finish, building the CBC
    /// model and solving.
    public let seconds: Double
    /// Branch-and-bound nodes CBC explored (0 when the root settled it or no search ran).
    public let nodes: Int

    public init(
        status: Status, values: [Double], objectiveValue: Double?, bestBound: Double?, relativeGap: Double?,
        seconds: Double, nodes: Int = 0
    ) {
        self.status = status
        self.values = values
        self.objectiveValue = objectiveValue
        self.bestBound = bestBound
        self.relativeGap = relativeGap
        self.seconds = seconds
        self.nodes = nodes
    }

    /// True when `values` holds a solution satisfying every constraint (within CBC's tolerances).
    public var hasSolution: Bool { objectiveValue != nil }

    /// Value of a variable in the solution; the solution must have values.
    public subscript(variable: MixedIntegerProgram.Variable) -> Double {
        precondition(hasSolution, "no solution values (status \(status))")
        return values[variable.index]
    }

    /// Value of a linear expression in the solution, or nil without a solution.
    public func value(of expression: LinearExpression) -> Double? {
        hasSolution ? expression.value(values) : nil
    }
}
