import CCbc
import Synchronization

/// CBC's command-line driver (CbcMain1, behind `Cbc_solve`) keeps state in C++ globals, so two
/// solves must not run at the same time; this lock makes concurrent callers take turns.
private let cbcLock = Mutex<Void>(())

/// Present while a solve that can be cancelled runs: the cut callback reads the flag and records
/// whether it stopped the search.
private final class InterruptContext: Sendable {
    let cancellation: SolveCancellation
    let interrupted = Atomic<Bool>(false)
    init(cancellation: SolveCancellation) { self.cancellation = cancellation }
}

/// Cut callback: CBC calls it in its cut rounds, at the root and at tree nodes (also inside the small
/// sub-MIPs of its heuristics). When the flag is set it adds a cut no point satisfies (column 0
/// beyond its bound), so every open node is infeasible and branch and bound ends with its incumbent.
/// The C API has no other way in: the message callback cannot stop anything, and CBC's own SIGINT
/// handler is off for models made by Cbc_newModel.
private let interruptCallback: cbc_cut_callback = { osi, cuts, appData in
    guard let osi, let cuts, let appData else { return }
    let context = Unmanaged<InterruptContext>.fromOpaque(appData).takeUnretainedValue()
    guard context.cancellation.isCancelled, Osi_getNumCols(osi) > 0,
        let lower = Osi_getColLower(osi), let upper = Osi_getColUpper(osi)
    else { return }
    context.interrupted.store(true, ordering: .relaxed)
    var column: Int32 = 0
    var one = 1.0
    if upper[0] < 1e20 {
        OsiCuts_addRowCut(cuts, 1, &column, &one, CChar(UInt8(ascii: "G")), upper[0] + 1)
    } else if lower[0] > -1e20 {
        OsiCuts_addRowCut(cuts, 1, &column, &one, CChar(UInt8(ascii: "L")), lower[0] - 1)
    } else {
        let value = Osi_getColSolution(osi)?[0] ?? 0
        OsiCuts_addRowCut(cuts, 1, &column, &one, CChar(UInt8(ascii: "G")), value + 1)
        OsiCuts_addRowCut(cuts, 1, &column, &one, CChar(UInt8(ascii: "L")), value - 1)
    }
}

/// COIN-OR's infinity.
private let coinInfinity = Double.greatestFiniteMagnitude

private func coinBound(_ value: Double) -> Double {
    value == .infinity ? coinInfinity : value == -.infinity ? -coinInfinity : value
}

extension MixedIntegerProgram {
    /// Solves the program with CBC, silently, stopping after `timeLimit` wall-clock seconds or when
    /// `cancellation` is cancelled. Callable from any thread; concurrent solves take turns.
    ///
    /// `initialSolution` (values by variable index, e.g. from a greedy heuristic) is a MIP start:
    /// CBC takes its integer values, completes the continuous ones, and ignores it if infeasible.
    public func solve(
        timeLimit: Double, cancellation: SolveCancellation? = nil, initialSolution: [Double]? = nil
    ) -> Solution {
        precondition(timeLimit > 0, "time limit must be positive")
        precondition(initialSolution == nil || initialSolution!.count == variableCount, "one start value per variable")
        let clock = ContinuousClock()
        let start = clock.now
        func seconds() -> Double {
            let elapsed = clock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
        let cancelledResult = { Solution(status: .cancelled, values: [], objectiveValue: nil, bestBound: nil, relativeGap: nil, seconds: seconds()) }
        if cancellation?.isCancelled == true { return cancelledResult() }
        return cbcLock.withLock { _ -> Solution in
            if cancellation?.isCancelled == true { return cancelledResult() }
            let remaining = max(0.01, timeLimit - seconds())
            var outcome = runCBC(timeLimit: remaining, cancellation: cancellation, initialSolution: initialSolution)
            outcome.seconds = seconds()
            outcome.objective = objective
            outcome.sense = sense
            return outcome.solution
        }
    }

    /// Builds the CBC model (bulk load of the column-major matrix), solves it, reads the result.
    private func runCBC(timeLimit: Double, cancellation: SolveCancellation?, initialSolution: [Double]?) -> Outcome {
        let n = variableCount
        if n == 0 {
            // Nothing to decide (CBC finds no solution here): every row reads 0 <relation> rhs.
            let holds = zip(rowLower, rowUpper).allSatisfy { $0 <= 0 && 0 <= $1 }
            return Outcome(status: holds ? .optimal : .infeasible, values: [], hasSolution: holds, bound: 0)
        }
        // CBC answers a program without integer variables with a bare LP solve that ignores the
        // time limit and callbacks and reports an unbounded LP as infeasible; one integer column
        // fixed at 0 keeps every program on the branch-and-bound path.
        let padded = !kinds.contains(.integer)
        let columns = n + (padded ? 1 : 0)

        // Transpose the rows into compressed columns.
        var starts = [Int32](repeating: 0, count: columns + 1)
        for column in entryColumn { starts[Int(column) + 1] += 1 }
        for c in 0..<columns { starts[c + 1] += starts[c] }
        var next = starts
        var rowIndex = [Int32](repeating: 0, count: entryValue.count)
        var elements = [Double](repeating: 0, count: entryValue.count)
        for r in 0..<constraintCount {
            for k in rowStart[r]..<rowStart[r + 1] {
                let c = Int(entryColumn[k])
                let p = Int(next[c])
                rowIndex[p] = Int32(r)
                elements[p] = entryValue[k]
                next[c] += 1
            }
        }
        var columnLower = lower.map(coinBound)
        var columnUpper = upper.map(coinBound)
        var costs = objective
        if padded {
            columnLower.append(0)
            columnUpper.append(0)
            costs.append(0)
        }
        let lowerRows = rowLower.map(coinBound)
        let upperRows = rowUpper.map(coinBound)

        guard let model = Cbc_newModel() else { fatalError("Cbc_newModel failed") }
        defer { Cbc_deleteModel(model) }
        Cbc_loadProblem(
            model, Int32(columns), Int32(constraintCount), starts, rowIndex, elements,
            columnLower, columnUpper, costs, lowerRows, upperRows)
        for j in 0..<n where kinds[j] == .integer { Cbc_setInteger(model, Int32(j)) }
        if padded { Cbc_setInteger(model, Int32(n)) }
        Cbc_setObjSense(model, sense == .minimize ? 1 : -1)

        // Silent: "-log 0" is what makes CbcMain1 stop printing; the model log level covers the rest.
        Cbc_setLogLevel(model, 0)
        Cbc_setParameter(model, "log", "0")
        Cbc_setParameter(model, "slog", "0")
        // Wall-clock time limit (CBC counts CPU seconds by default).
        Cbc_setParameter(model, "timeMode", "elapsed")
        Cbc_setMaximumSeconds(model, timeLimit)
        Cbc_setParameter(model, "sec", String(timeLimit))

        if let initialSolution {
            // A MIP start: CBC fixes the integer values given, solves for the continuous ones and
            // drops the start if that fails. (Cbc_setInitialSolution, which takes a full solution
            // unchecked, made CBC 2.10.8 report wrong optima after preprocessing: not used.)
            let integerColumns = (0..<n).filter { kinds[$0] == .integer }
            let startValues = integerColumns.map { initialSolution[$0].rounded() }
            let indices = integerColumns.map { Int32($0) }
            Cbc_setMIPStartI(model, Int32(indices.count), indices, startValues)
        }

        let context = cancellation.map(InterruptContext.init)
        if let context {
            Cbc_addCutCallback(model, interruptCallback, "capdash-interrupt", Unmanaged.passUnretained(context).toOpaque())
        }
        withExtendedLifetime(context) { _ = Cbc_solve(model) }
        let interrupted = context?.interrupted.load(ordering: .relaxed) == true

        var values: [Double] = []
        if let best = Cbc_bestSolution(model) {
            values = (0..<n).map { j in
                let value = best[j]
                guard kinds[j] == .integer else { return value }
                return min(max(value.rounded(), lower[j]), upper[j])
            }
        }
        let bound = Cbc_getBestPossibleObjValue(model)
        let status: Solution.Status
        if interrupted {
            status = .cancelled
        } else if !values.isEmpty {
            status = Cbc_isProvenOptimal(model) != 0 ? .optimal : .feasible
        } else if Cbc_isProvenInfeasible(model) != 0 {
            status = .infeasible
        } else if Cbc_isContinuousUnbounded(model) != 0 {
            status = .unbounded
        } else {
            status = .noSolutionFound
        }
        return Outcome(
            status: status, values: values, hasSolution: !values.isEmpty, bound: bound, nodes: Int(Cbc_getNodeCount(model)))
    }

    /// True when `values` satisfy every bound, integrality and row, within 1e-9 on bounds and
    /// integers and 1e-7 + 1e-9 * (sum of |term|) on rows, CBC's own scale of tolerance.
    public func isFeasible(_ values: [Double]) -> Bool {
        guard values.count == variableCount else { return false }
        for j in 0..<variableCount {
            let value = values[j]
            guard value.isFinite, value >= lower[j] - 1e-9, value <= upper[j] + 1e-9 else { return false }
            if kinds[j] == .integer && (value - value.rounded()).magnitude > 1e-9 { return false }
        }
        for r in 0..<constraintCount {
            var activity = 0.0
            var scale = 0.0
            for k in rowStart[r]..<rowStart[r + 1] {
                let term = entryValue[k] * values[Int(entryColumn[k])]
                activity += term
                scale += term.magnitude
            }
            let slack = 1e-7 + 1e-9 * scale
            guard activity >= rowLower[r] - slack, activity <= rowUpper[r] + slack else { return false }
        }
        return true
    }

    private struct Outcome {
        var status: Solution.Status
        var values: [Double]
        var hasSolution: Bool
        /// CBC's best possible objective value, in the program's sense.
        var bound: Double
        var nodes = 0
        var seconds = 0.0
        var objective = [Double]()
        var sense = Sense.minimize

        var solution: Solution {
            guard hasSolution else {
                return Solution(status: status, values: [], objectiveValue: nil, bestBound: nil, relativeGap: nil, seconds: seconds, nodes: nodes)
            }
            let value = zip(objective, values).reduce(0) { $0 + $1.0 * $1.1 }
            if status == .optimal {
                // The search is complete: nothing better than the incumbent is left to find.
                return Solution(status: status, values: values, objectiveValue: value, bestBound: value, relativeGap: 0, seconds: seconds, nodes: nodes)
            }
            guard status == .feasible, bound.magnitude < 1e40 else {
                return Solution(status: status, values: values, objectiveValue: value, bestBound: nil, relativeGap: nil, seconds: seconds, nodes: nodes)
            }
            // The bound never passes the incumbent.
            let clipped = sense == .minimize ? min(bound, value) : max(bound, value)
            let gap = (value - clipped).magnitude / max(value.magnitude, 1e-9)
            return Solution(status: status, values: values, objectiveValue: value, bestBound: clipped, relativeGap: gap, seconds: seconds, nodes: nodes)
        }
    }
}
