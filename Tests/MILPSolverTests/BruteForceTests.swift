import MILPSolver
import Testing

/// CBC against exhaustive enumeration on many seeded random instances: the optimum must agree exactly
/// (integer data, so exact in floating point too), and CBC's solution must be feasible and attain it.
extension MILP { @Suite struct BruteForceTests {
    @Test(arguments: 0..<40)
    func knapsackWithSeveralRows(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &+ 1000)
        let n = Int.random(in: 6...12, using: &rng)
        let m = Int.random(in: 1...3, using: &rng)
        let value = (0..<n).map { _ in Double(Int.random(in: 1...60, using: &rng)) }
        let weight = (0..<m).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...40, using: &rng)) } }
        let capacity = weight.map { ($0.reduce(0, +) * Double.random(in: 0.2...0.6, using: &rng)).rounded(.down) }

        var program = MixedIntegerProgram(sense: .maximize)
        let x = value.map { program.addBinary(objective: $0) }
        for r in 0..<m {
            program.addConstraint(terms: Array(zip(x, weight[r])), relation: .lessOrEqual, rhs: capacity[r])
        }
        let solution = program.solve(timeLimit: 20)

        var best = -1.0
        for mask in allSubsets(n) {
            let fits = (0..<m).allSatisfy { r in (0..<n).reduce(0) { $0 + weight[r][$1] * bit(mask, $1) } <= capacity[r] }
            if fits { best = max(best, (0..<n).reduce(0) { $0 + value[$1] * bit(mask, $1) }) }
        }
        #expect(solution.status == .optimal)
        #expect(solution.objectiveValue == best)
        #expect(solution.bestBound == best)
        #expect(solution.relativeGap == 0)
        #expect(solution.values.allSatisfy { $0 == 0 || $0 == 1 })
        #expect((0..<n).reduce(0) { $0 + value[$1] * solution[x[$1]] } == best)
        for r in 0..<m {
            #expect((0..<n).reduce(0) { $0 + weight[r][$1] * solution[x[$1]] } <= capacity[r])
        }
    }

    /// Covering (>=) rows with a minimised cost, and an equality on the number chosen.
    @Test(arguments: 0..<30)
    func coveringWithCardinality(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &+ 2000)
        let n = Int.random(in: 6...11, using: &rng)
        let cost = (0..<n).map { _ in Double(Int.random(in: 1...50, using: &rng)) }
        let cover = (0..<2).map { _ in (0..<n).map { _ in Double(Int.random(in: 0...30, using: &rng)) } }
        let need = cover.map { ($0.reduce(0, +) * 0.4).rounded() }
        let count = Double(Int.random(in: 2...(n - 1), using: &rng))

        var program = MixedIntegerProgram()
        let x = cost.map { program.addBinary(objective: $0) }
        for r in 0..<2 { program.addConstraint(terms: Array(zip(x, cover[r])), relation: .greaterOrEqual, rhs: need[r]) }
        program.addConstraint(terms: x.map { ($0, 1) }, relation: .equal, rhs: count)
        let solution = program.solve(timeLimit: 20)

        var best: Double?
        for mask in allSubsets(n) where Double(mask.nonzeroBitCount) == count {
            let covered = (0..<2).allSatisfy { r in (0..<n).reduce(0) { $0 + cover[r][$1] * bit(mask, $1) } >= need[r] }
            let total = (0..<n).reduce(0) { $0 + cost[$1] * bit(mask, $1) }
            if covered { best = min(best ?? total, total) }
        }
        if let best {
            #expect(solution.status == .optimal)
            #expect(solution.objectiveValue == best)
            #expect(x.reduce(0) { $0 + solution[$1] } == count)
        } else {
            #expect(solution.status == .infeasible)
            #expect(!solution.hasSolution)
        }
    }

    /// n x n assignment: each worker one task, each task one worker (equality rows), minimum cost.
    @Test(arguments: 0..<20)
    func assignment(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &+ 3000)
        let n = Int.random(in: 3...6, using: &rng)
        let cost = (0..<n).map { _ in (0..<n).map { _ in Double(Int.random(in: 0...99, using: &rng)) } }

        var program = MixedIntegerProgram()
        let x = (0..<n).map { i in (0..<n).map { j in program.addBinary(objective: cost[i][j]) } }
        for i in 0..<n { program.addConstraint(terms: x[i].map { ($0, 1) }, relation: .equal, rhs: 1) }
        for j in 0..<n { program.addConstraint(terms: (0..<n).map { (x[$0][j], 1) }, relation: .equal, rhs: 1) }
        let solution = program.solve(timeLimit: 20)

        var best = Double.infinity
        func permute(_ used: Int, _ row: Int, _ total: Double) {
            if row == n { best = min(best, total); return }
            for j in 0..<n where (used >> j) & 1 == 0 { permute(used | 1 << j, row + 1, total + cost[row][j]) }
        }
        permute(0, 0, 0)
        #expect(solution.status == .optimal)
        #expect(solution.objectiveValue == best)
        for i in 0..<n {
            #expect(x[i].reduce(0) { $0 + solution[$1] } == 1)
            #expect((0..<n).reduce(0.0) { $0 + solution[x[$1][i]] } == 1)
        }
    }

    /// General integers with finite ranges, brute-forced over the grid.
    @Test(arguments: 0..<20)
    func boundedIntegers(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &+ 4000)
        let ranges = (0..<3).map { _ in Int.random(in: -3...0, using: &rng)...Int.random(in: 1...5, using: &rng) }
        let c = (0..<3).map { _ in Double(Int.random(in: -9...9, using: &rng)) }
        let a = (0..<2).map { _ in (0..<3).map { _ in Double(Int.random(in: -5...7, using: &rng)) } }
        let b = (0..<2).map { _ in Double(Int.random(in: 0...12, using: &rng)) }

        var program = MixedIntegerProgram(sense: .maximize)
        let v = (0..<3).map { program.addInteger(lower: Double(ranges[$0].lowerBound), upper: Double(ranges[$0].upperBound), objective: c[$0]) }
        for r in 0..<2 { program.addConstraint(terms: Array(zip(v, a[r])), relation: .lessOrEqual, rhs: b[r]) }
        let solution = program.solve(timeLimit: 20)

        var best: Double?
        for p in ranges[0] { for q in ranges[1] { for s in ranges[2] {
            let point = [Double(p), Double(q), Double(s)]
            guard (0..<2).allSatisfy({ r in (0..<3).reduce(0) { $0 + a[r][$1] * point[$1] } <= b[r] }) else { continue }
            let value = (0..<3).reduce(0) { $0 + c[$1] * point[$1] }
            best = max(best ?? value, value)
        } } }
        if let best {
            #expect(solution.status == .optimal)
            #expect(solution.objectiveValue == best)
            #expect(v.allSatisfy { ranges[$0.index].contains(Int(solution[$0])) })
        } else {
            #expect(solution.status == .infeasible)
        }
    }
}
}
