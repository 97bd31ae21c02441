import MILPSolver
import Testing

extension MILP {
    @Suite struct LexicographicTests {
        @Test func secondObjectiveBreaksTies() {
            // Pick exactly two of four items. Weight ties three pairs at 2; value then prefers {1, 2}.
            var program = MixedIntegerProgram()
            let x = (0..<4).map { _ in program.addBinary() }
            program.addConstraint(terms: x.map { ($0, 1) }, relation: .equal, rhs: 2)
            let weight: [Double] = [1, 1, 1, 2]
            let value: [Double] = [5, 9, 7, 30]
            let result = program.solveLexicographically(
                [.minimize(Array(zip(x, weight))), .maximize(Array(zip(x, value)))], timeLimit: 10)
            #expect(result.allProvenOptimal)
            #expect(result.stages.count == 2)
            #expect(result.solution.values == [0, 1, 1, 0])
            #expect(result.objectiveValues == [2, 16])
            // The weight-3 pairs with item 3 would be worth more (39) but lose on the first objective.
        }

        @Test func toleranceLetsEarlierObjectiveSlipOnlyByTheAllowance() {
            // The first objective's optimum is 10; a tolerance of 0.5 absolute lets stage two pick
            // 10.25 (value 3) but not 11 (value 100).
            var program = MixedIntegerProgram()
            let a = program.addBinary(), b = program.addBinary(), c = program.addBinary()
            program.addConstraint(terms: [(a, 1), (b, 1), (c, 1)], relation: .equal, rhs: 1)
            let cost: [(Variable, Double)] = [(a, 10), (b, 10.25), (c, 11)]
            let value: [(Variable, Double)] = [(a, 1), (b, 3), (c, 100)]
            let tight = program.solveLexicographically([.minimize(cost), .maximize(value)], timeLimit: 10)
            #expect(tight.objectiveValues == [10, 1])
            let loose = program.solveLexicographically(
                [.minimize(cost), .maximize(value)], timeLimit: 10,
                tolerance: LexicographicTolerance(absolute: 0.5, relative: 0))
            #expect(loose.objectiveValues == [10.25, 3])
            #expect(LexicographicTolerance(absolute: 1, relative: 0.01).allowance(for: -200) == 3)
        }

        @Test func infeasibleFirstStageStops() {
            var program = MixedIntegerProgram()
            let x = program.addBinary()
            program.addConstraint(terms: [(x, 1)], relation: .greaterOrEqual, rhs: 2)
            let result = program.solveLexicographically([.minimize([(x, 1)]), .maximize([(x, 1)])], timeLimit: 10)
            #expect(result.stages.map(\.status) == [.infeasible])
            #expect(result.solution.status == .infeasible)
            #expect(result.objectiveValues == nil)
            #expect(!result.allProvenOptimal)
            #expect(!result.wasCancelled)
        }
    }
}
