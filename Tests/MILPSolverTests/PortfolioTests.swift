import MILPSolver
import Testing

/// The goal-seek shape: per facility at most one of divest / leaseback / contribute, one continuous
/// tax variable t >= rate * gain (gain may be negative, so t = max(0, ...)), capex freed >= target,
/// objectives AI-ready MW divested, rent PV, MW divested in turn. All data are dyadic (integers,
/// halves, quarters) so the brute force's sums are exact and comparable with ==.
extension MILP {
    @Suite struct PortfolioTests {
        struct Facility {
            var mw: Double
            var aiReady: Bool
            var freed: [Double]  // capex freed by divest, leaseback, contribute (before tax)
            var gain: [Double]  // taxable gain of each choice, may be negative
            var rent: [Double]  // rent PV of each choice (0 for divest)
        }

        static let taxRate = 0.25

        static func facilities(seed: Int) -> [Facility] {
            var rng = SplitMix64(seed: UInt64(seed) &+ 5000)
            let n = Int.random(in: 3...5, using: &rng)
            return (0..<n).map { _ in
                let sale = Double(Int.random(in: 20...200, using: &rng))
                let book = Double(Int.random(in: 20...200, using: &rng))
                let capex = Double(Int.random(in: 1...20, using: &rng))
                let rent = Double(Int.random(in: 2...15, using: &rng))
                let sold = [1.0, 1.0, 0.5]
                return Facility(
                    mw: Double(Int.random(in: 2...400, using: &rng)),
                    aiReady: Int.random(in: 0..<10, using: &rng) < 3,
                    freed: sold.map { $0 * sale + 4 * $0 * capex },
                    gain: sold.map { $0 * (sale - book) },
                    rent: [0, 4 * rent, 2 * rent])
            }
        }

        /// Best (AI MW, rent PV, MW) over every choice vector, lexicographically, or nil if none meets the target.
        static func bruteForce(_ facilities: [Facility], target: Double) -> [Double]? {
            var best: [Double]?
            var choice = [Int](repeating: -1, count: facilities.count)
            func visit(_ f: Int) {
                if f == facilities.count {
                    var freed = 0.0, gain = 0.0, ai = 0.0, rent = 0.0, mw = 0.0
                    for (i, k) in choice.enumerated() where k >= 0 {
                        freed += facilities[i].freed[k]
                        gain += facilities[i].gain[k]
                        rent += facilities[i].rent[k]
                        if k == 0 {
                            mw += facilities[i].mw
                            if facilities[i].aiReady { ai += facilities[i].mw }
                        }
                    }
                    guard freed - taxRate * max(0, gain) >= target else { return }
                    let key = [ai, rent, mw]
                    if best == nil || key.lexicographicallyPrecedes(best!) { best = key }
                    return
                }
                for k in -1..<3 {
                    choice[f] = k
                    visit(f + 1)
                }
            }
            visit(0)
            return best
        }

        @Test(arguments: 0..<40)
        func lexicographicMatchesBruteForce(seed: Int) {
            let facilities = Self.facilities(seed: seed)
            var rng = SplitMix64(seed: UInt64(seed) &+ 6000)
            let most = facilities.reduce(0) { $0 + $1.freed.max()! }
            // An odd multiple of 1/128 cannot equal any capex total (multiples of 1/8): no ties at the target.
            let target = (most * Double.random(in: 0.2...0.9, using: &rng)).rounded(.down) + 1.0 / 128

            var program = MixedIntegerProgram()
            var aiMW: [(Variable, Double)] = [], rent: [(Variable, Double)] = [], mw: [(Variable, Double)] = []
            var freed: [(Variable, Double)] = [], gain: [(Variable, Double)] = []
            var choices: [[Variable]] = []
            for facility in facilities {
                let x = (0..<3).map { _ in program.addBinary() }
                choices.append(x)
                program.addConstraint(terms: x.map { ($0, 1) }, relation: .lessOrEqual, rhs: 1)
                for k in 0..<3 {
                    freed.append((x[k], facility.freed[k]))
                    gain.append((x[k], facility.gain[k]))
                    if facility.rent[k] != 0 { rent.append((x[k], facility.rent[k])) }
                }
                mw.append((x[0], facility.mw))
                if facility.aiReady { aiMW.append((x[0], facility.mw)) }
            }
            let t = program.addContinuous(lower: 0)
            program.addConstraint(terms: gain.map { ($0.0, Self.taxRate * $0.1) } + [(t, -1)], relation: .lessOrEqual, rhs: 0)
            program.addConstraint(terms: freed + [(t, -1)], relation: .greaterOrEqual, rhs: target)

            let result = program.solveLexicographically(
                [.minimize(aiMW), .minimize(rent), .minimize(mw)], timeLimit: 20)

            guard let expected = Self.bruteForce(facilities, target: target) else {
                #expect(result.stages.count == 1)
                #expect(result.solution.status == .infeasible)
                #expect(result.objectiveValues == nil)
                #expect(!result.allProvenOptimal)
                return
            }
            #expect(result.allProvenOptimal)
            #expect(result.stages.map(\.status) == [.optimal, .optimal, .optimal])
            #expect(result.objectiveValues == expected)
            let values = result.solution.values
            #expect(choices.allSatisfy { x in x.reduce(0) { $0 + values[$1.index] } <= 1 })
            // The tax variable is at (or within tolerance above) its smallest feasible value.
            let taxable = gain.reduce(0) { $0 + $1.1 * values[$1.0.index] }
            #expect(values[t.index] >= Self.taxRate * max(0, taxable) - 1e-6)
            #expect(freed.reduce(0) { $0 + $1.1 * values[$1.0.index] } - values[t.index] >= target - 1e-6)
        }
    }
}
