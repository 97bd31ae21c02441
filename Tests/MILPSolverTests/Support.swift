import MILPSolver

/// Seeded generator, so every random instance can be reproduced from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

typealias Variable = MixedIntegerProgram.Variable

/// True when `values` satisfy `rows` (each `(terms, relation, rhs)`) within `tolerance`.
func satisfies(
    _ values: [Double], _ rows: [([(Variable, Double)], MixedIntegerProgram.Relation, Double)], tolerance: Double = 1e-6
) -> Bool {
    rows.allSatisfy { terms, relation, rhs in
        let lhs = terms.reduce(0) { $0 + $1.1 * values[$1.0.index] }
        switch relation {
        case .lessOrEqual: return lhs <= rhs + tolerance
        case .greaterOrEqual: return lhs >= rhs - tolerance
        case .equal: return (lhs - rhs).magnitude <= tolerance
        }
    }
}

/// Every 0/1 vector of length `n`, as bit masks.
func allSubsets(_ n: Int) -> Range<Int> { 0..<(1 << n) }

func bit(_ mask: Int, _ i: Int) -> Double { (mask >> i) & 1 == 1 ? 1 : 0 }

/// A market-split style program (Cornuéjols and Dawande): binaries that must split random weights
/// exactly in half on several rows, with slack variables whose sum is minimised. Always feasible
/// (all zero), tiny, and far beyond what branch and bound proves in a fraction of a second.
func marketSplit(rows m: Int, columns n: Int, seed: UInt64) -> MixedIntegerProgram {
    var rng = SplitMix64(seed: seed)
    var program = MixedIntegerProgram(sense: .minimize)
    let x = (0..<n).map { _ in program.addBinary() }
    for _ in 0..<m {
        let weights = (0..<n).map { _ in Double(Int.random(in: 0...99, using: &rng)) }
        let over = program.addContinuous(lower: 0, objective: 1)
        let under = program.addContinuous(lower: 0, objective: 1)
        let half = (weights.reduce(0, +) / 2).rounded(.down)
        program.addConstraint(
            terms: zip(x, weights).map { ($0, $1) } + [(over, -1), (under, 1)], relation: .equal, rhs: half)
    }
    return program
}
