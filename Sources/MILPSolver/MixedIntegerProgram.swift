/// A mixed-integer linear program, built in plain Swift and handed to CBC only inside `solve`.
///
/// A value type: copy it, add rows to the copy, solve either. Building never touches CBC,
/// so a program can be built on one thread and solved on another.
public struct MixedIntegerProgram: Sendable {
    /// Direction of an objective.
    public enum Sense: Sendable, Hashable {
        case minimize
        case maximize
    }

    /// Relation of a constraint's left-hand side to its right-hand side.
    public enum Relation: Sendable, Hashable {
        case lessOrEqual
        case greaterOrEqual
        case equal
    }

    /// A handle to a variable of the program that created it (its column index).
    public struct Variable: Sendable, Hashable, Comparable {
        public let index: Int
        public static func < (a: Variable, b: Variable) -> Bool { a.index < b.index }
    }

    /// Kind of a variable; binaries are integers with bounds 0 and 1.
    public enum Kind: Sendable, Hashable {
        case continuous
        case integer
    }

    /// Objective direction used by `solve`.
    public var sense: Sense

    // Columns.
    private(set) var lower: [Double] = []
    private(set) var upper: [Double] = []
    private(set) var objective: [Double] = []
    private(set) var kinds: [Kind] = []

    // Rows, compressed by row: row r holds entries rowStart[r] ..< rowStart[r + 1].
    private(set) var rowStart: [Int] = [0]
    private(set) var entryColumn: [Int32] = []
    private(set) var entryValue: [Double] = []
    private(set) var rowLower: [Double] = []
    private(set) var rowUpper: [Double] = []

    public init(sense: Sense = .minimize) {
        self.sense = sense
    }

    public var variableCount: Int { kinds.count }
    public var constraintCount: Int { rowLower.count }
    /// Every variable, in creation order.
    public var variables: [Variable] { (0..<variableCount).map { Variable(index: $0) } }

    /// Adds a 0/1 variable with the given objective coefficient.
    public mutating func addBinary(objective: Double = 0) -> Variable {
        addVariable(kind: .integer, lower: 0, upper: 1, objective: objective)
    }

    /// Adds an integer variable; bounds may be infinite.
    public mutating func addInteger(lower: Double = 0, upper: Double = .infinity, objective: Double = 0) -> Variable {
        addVariable(kind: .integer, lower: lower, upper: upper, objective: objective)
    }

    /// Adds a continuous variable; bounds may be infinite (`-.infinity` / `.infinity`).
    public mutating func addContinuous(lower: Double = 0, upper: Double = .infinity, objective: Double = 0) -> Variable {
        addVariable(kind: .continuous, lower: lower, upper: upper, objective: objective)
    }

    private mutating func addVariable(kind: Kind, lower: Double, upper: Double, objective: Double) -> Variable {
        precondition(!lower.isNaN && !upper.isNaN && lower <= upper, "variable bounds must satisfy lower <= upper")
        precondition(lower < .infinity && upper > -.infinity, "variable bounds must leave a value")
        precondition(objective.isFinite, "objective coefficient must be finite")
        precondition(kinds.count < Int(Int32.max), "too many variables for CBC")
        self.lower.append(lower)
        self.upper.append(upper)
        self.objective.append(objective)
        kinds.append(kind)
        return Variable(index: kinds.count - 1)
    }

    /// Sets a variable's objective coefficient (the program's own objective, used by `solve`).
    public mutating func setObjective(_ variable: Variable, _ coefficient: Double) {
        check(variable)
        precondition(coefficient.isFinite, "objective coefficient must be finite")
        objective[variable.index] = coefficient
    }

    /// Replaces the program's objective with `terms` (coefficients of repeated variables add up).
    public mutating func setObjective(_ terms: [(Variable, Double)], sense: Sense) {
        self.sense = sense
        objective = Array(repeating: 0, count: variableCount)
        for (variable, coefficient) in terms {
            check(variable)
            precondition(coefficient.isFinite, "objective coefficient must be finite")
            objective[variable.index] += coefficient
        }
    }

    /// Narrows a variable's bounds, e.g. to fix a binary at 0 where a choice is not allowed.
    public mutating func setBounds(_ variable: Variable, lower: Double, upper: Double) {
        check(variable)
        precondition(!lower.isNaN && !upper.isNaN && lower <= upper, "variable bounds must satisfy lower <= upper")
        self.lower[variable.index] = lower
        self.upper[variable.index] = upper
    }

    /// Adds `sum(coefficient * variable) relation rhs`. Repeated variables are summed, zero
    /// coefficients dropped; an empty left-hand side is allowed (it is 0).
    public mutating func addConstraint(terms: [(Variable, Double)], relation: Relation, rhs: Double) {
        precondition(rhs.isFinite, "constraint right-hand side must be finite")
        var merged = terms
        for (variable, coefficient) in terms {
            check(variable)
            precondition(coefficient.isFinite, "constraint coefficient must be finite")
        }
        merged.sort { $0.0.index < $1.0.index }
        var previous = -1
        for (variable, coefficient) in merged {
            if variable.index == previous {
                entryValue[entryValue.count - 1] += coefficient
            } else {
                entryColumn.append(Int32(variable.index))
                entryValue.append(coefficient)
                previous = variable.index
            }
        }
        // Drop the zeros (including sums that cancelled) from this row.
        let start = rowStart[rowStart.count - 1]
        var write = start
        for read in start..<entryValue.count where entryValue[read] != 0 {
            entryColumn[write] = entryColumn[read]
            entryValue[write] = entryValue[read]
            write += 1
        }
        entryColumn.removeLast(entryColumn.count - write)
        entryValue.removeLast(entryValue.count - write)
        rowStart.append(write)
        switch relation {
        case .lessOrEqual: rowLower.append(-.infinity); rowUpper.append(rhs)
        case .greaterOrEqual: rowLower.append(rhs); rowUpper.append(.infinity)
        case .equal: rowLower.append(rhs); rowUpper.append(rhs)
        }
    }

    /// Kind and bounds of a variable.
    public func kind(of variable: Variable) -> Kind { check(variable); return kinds[variable.index] }
    public func bounds(of variable: Variable) -> ClosedRange<Double> {
        check(variable)
        return lower[variable.index]...upper[variable.index]
    }

    /// The objective coefficients of the program's own objective, by variable index.
    public var objectiveCoefficients: [Double] { objective }

    private func check(_ variable: Variable) {
        precondition(variable.index >= 0 && variable.index < variableCount, "variable from another program")
    }
}

/// A linear expression `sum(coefficient * variable)`, the form objectives take.
public struct LinearExpression: Sendable {
    public var terms: [(MixedIntegerProgram.Variable, Double)]
    public init(_ terms: [(MixedIntegerProgram.Variable, Double)]) { self.terms = terms }

    /// Value of the expression for the given values, indexed by variable index.
    public func value(_ values: [Double]) -> Double {
        terms.reduce(0) { $0 + $1.1 * values[$1.0.index] }
    }
}
