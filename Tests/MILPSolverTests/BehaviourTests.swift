import MILPSolver
import Testing

extension MILP {
    @Suite struct BehaviourTests {
        @Test func infeasibleProgram() {
            var program = MixedIntegerProgram()
            let x = program.addBinary(objective: 1)
            let y = program.addBinary(objective: 1)
            program.addConstraint(terms: [(x, 1), (y, 1)], relation: .greaterOrEqual, rhs: 3)
            let solution = program.solve(timeLimit: 10)
            #expect(solution.status == .infeasible)
            #expect(!solution.hasSolution)
            #expect(solution.objectiveValue == nil)
            #expect(solution.bestBound == nil)
            #expect(solution.relativeGap == nil)
        }

        @Test func integralityMakesAnLPFeasibleProgramInfeasible() {
            // 2x = 1 has the LP solution x = 0.5 but no integer one.
            var program = MixedIntegerProgram()
            let x = program.addInteger(lower: 0, upper: 10)
            program.addConstraint(terms: [(x, 2)], relation: .equal, rhs: 1)
            #expect(program.solve(timeLimit: 10).status == .infeasible)
        }

        @Test func continuousEqualities() {
            // x + y = 10, x - y = 4, minimise x + 2y: the unique point is (7, 3). No integer variable:
            // the solver still goes through branch and bound (a fixed padding column).
            var program = MixedIntegerProgram()
            let x = program.addContinuous(lower: -.infinity, objective: 1)
            let y = program.addContinuous(lower: -.infinity, objective: 2)
            program.addConstraint(terms: [(x, 1), (y, 1)], relation: .equal, rhs: 10)
            program.addConstraint(terms: [(x, 1), (y, -1)], relation: .equal, rhs: 4)
            let solution = program.solve(timeLimit: 10)
            #expect(solution.status == .optimal)
            #expect(solution.values.count == 2)
            #expect(abs(solution[x] - 7) < 1e-9)
            #expect(abs(solution[y] - 3) < 1e-9)
            #expect(abs(solution.objectiveValue! - 13) < 1e-9)
        }

        @Test func mixedEqualityWithBinariesAndContinuous() {
            // Choose binaries so that 3a + 5b + 7c + s = 11 with 0 <= s <= 1 and maximise 3a + 5b + 7c.
            var program = MixedIntegerProgram(sense: .maximize)
            let a = program.addBinary(objective: 3), b = program.addBinary(objective: 5), c = program.addBinary(objective: 7)
            let s = program.addContinuous(lower: 0, upper: 1)
            program.addConstraint(terms: [(a, 3), (b, 5), (c, 7), (s, 1)], relation: .equal, rhs: 11)
            let solution = program.solve(timeLimit: 10)
            #expect(solution.status == .optimal)
            #expect(solution.objectiveValue == 10)  // 3 + 7 with s = 1
            #expect([solution[a], solution[b], solution[c]] == [1, 0, 1])
            #expect(abs(solution[s] - 1) < 1e-9)
        }

        @Test func unboundedPrograms() {
            var continuous = MixedIntegerProgram(sense: .maximize)
            let x = continuous.addContinuous(objective: 1)
            let y = continuous.addBinary(objective: 1)
            continuous.addConstraint(terms: [(x, 1), (y, -1)], relation: .greaterOrEqual, rhs: 0)
            let solution = continuous.solve(timeLimit: 10)
            #expect(solution.status == .unbounded)
            #expect(!solution.hasSolution)

            var pureLP = MixedIntegerProgram()
            let z = pureLP.addContinuous(lower: -.infinity, objective: 1)
            pureLP.addConstraint(terms: [(z, 1)], relation: .lessOrEqual, rhs: 5)
            #expect(pureLP.solve(timeLimit: 10).status == .unbounded)
        }

        @Test func emptyProgramAndEmptyRows() {
            let empty = MixedIntegerProgram()
            let solution = empty.solve(timeLimit: 10)
            #expect(solution.status == .optimal)
            #expect(solution.values.isEmpty == true)

            var satisfied = MixedIntegerProgram()
            let x = satisfied.addBinary(objective: -2)
            satisfied.addConstraint(terms: [], relation: .lessOrEqual, rhs: 0)
            satisfied.addConstraint(terms: [(x, 1), (x, -1)], relation: .equal, rhs: 0)  // cancels to 0 = 0
            let result = satisfied.solve(timeLimit: 10)
            #expect(result.status == .optimal)
            #expect(result.objectiveValue == -2)

            var violated = MixedIntegerProgram()
            _ = violated.addBinary(objective: 1)
            violated.addConstraint(terms: [], relation: .greaterOrEqual, rhs: 1)  // 0 >= 1
            #expect(violated.solve(timeLimit: 10).status == .infeasible)
        }

        @Test func repeatedTermsAddUp() {
            // 2x + 3x <= 4 is 5x <= 4: x must be 0 although each term alone would allow 1.
            var program = MixedIntegerProgram(sense: .maximize)
            let x = program.addBinary(objective: 1)
            let y = program.addBinary(objective: 1)
            program.addConstraint(terms: [(x, 2), (y, 1), (x, 3)], relation: .lessOrEqual, rhs: 4)
            let solution = program.solve(timeLimit: 10)
            #expect(solution.status == .optimal)
            #expect(solution[x] == 0)
            #expect(solution[y] == 1)
        }

        @Test func maximiseReportsBoundInItsOwnSense() {
            var program = MixedIntegerProgram(sense: .maximize)
            let a = program.addBinary(objective: 3), b = program.addBinary(objective: 4), c = program.addBinary(objective: 5)
            program.addConstraint(terms: [(a, 2), (b, 3), (c, 4)], relation: .lessOrEqual, rhs: 5)
            let solution = program.solve(timeLimit: 10)
            #expect(solution.status == .optimal)
            #expect(solution.objectiveValue == 7)
            #expect(solution.bestBound == 7)
            #expect([solution[a], solution[b], solution[c]] == [1, 1, 0])
        }

        @Test func fixedBoundsAreRespected() {
            var program = MixedIntegerProgram(sense: .maximize)
            let x = (0..<4).map { _ in program.addBinary(objective: 1) }
            program.setBounds(x[1], lower: 0, upper: 0)
            program.setBounds(x[2], lower: 1, upper: 1)
            program.setObjective(x[2], -5)
            let solution = program.solve(timeLimit: 10)
            #expect(solution.values == [1, 0, 1, 1])
            #expect(solution.objectiveValue == -3)
            #expect(program.bounds(of: x[1]) == 0...0)
        }

        @Test func feasibilityCheck() {
            var program = MixedIntegerProgram()
            let x = program.addBinary()
            let t = program.addContinuous(lower: 0, upper: 10)
            program.addConstraint(terms: [(x, 4), (t, 1)], relation: .greaterOrEqual, rhs: 5)
            #expect(program.isFeasible([1, 1]))
            #expect(program.isFeasible([0, 5]))
            #expect(!program.isFeasible([1, 0.5]))  // row: 4.5 < 5
            #expect(!program.isFeasible([0.5, 4]))  // x not integral
            #expect(!program.isFeasible([0, 11]))  // t above its bound
            #expect(!program.isFeasible([1]))  // wrong length
        }

        @Test(arguments: [false, true])
        func startingSolutionsLeadToTheSameOptimum(feasibleStart: Bool) {
            var rng = SplitMix64(seed: 77)
            var program = MixedIntegerProgram(sense: .maximize)
            let value = (0..<20).map { _ in Double(Int.random(in: 1...60, using: &rng)) }
            let weight = (0..<20).map { _ in Double(Int.random(in: 1...40, using: &rng)) }
            let x = value.map { program.addBinary(objective: $0) }
            program.addConstraint(terms: Array(zip(x, weight)), relation: .lessOrEqual, rhs: 150)
            let reference = program.solve(timeLimit: 20)
            // A feasible start (nothing chosen) or an infeasible one (everything chosen).
            let start = [Double](repeating: feasibleStart ? 0 : 1, count: 20)
            #expect(program.isFeasible(start) == feasibleStart)
            let started = program.solve(timeLimit: 20, initialSolution: start)
            #expect(reference.status == .optimal)
            #expect(started.status == .optimal)
            #expect(started.objectiveValue == reference.objectiveValue)
        }

        @Test func timeLimitStopsWithAGapOrWithoutASolution() {
            let program = marketSplit(rows: 6, columns: 50, seed: 3)
            let solution = program.solve(timeLimit: 0.5)
            #expect(solution.status == .feasible || solution.status == .noSolutionFound)
            if solution.status == .feasible {
                let objective = try! #require(solution.objectiveValue)
                let bound = try! #require(solution.bestBound)
                #expect(objective > bound)
                #expect(solution.relativeGap! > 0)
                #expect(program.isFeasible(solution.values))
            }
        }

        @Test func concurrentSolvesFromManyTasks() async {
            // Solves from parallel tasks take turns on CBC and each gets its own right answer.
            let results = await withTaskGroup(of: (Int, Double?).self) { group in
                for size in 1...8 {
                    group.addTask {
                        var program = MixedIntegerProgram(sense: .maximize)
                        let x = (0..<size).map { program.addBinary(objective: Double($0 + 1)) }
                        program.addConstraint(terms: x.map { ($0, 1) }, relation: .lessOrEqual, rhs: 2)
                        return (size, program.solve(timeLimit: 10).objectiveValue)
                    }
                }
                var all: [Int: Double?] = [:]
                for await (size, value) in group { all[size] = value }
                return all
            }
            for size in 1...8 {
                // The best two of 1...size.
                let expected = size == 1 ? 1.0 : Double(size + size - 1)
                #expect(results[size] == expected)
            }
        }
    }
}
extension MILP.BehaviourTests {
    @Test func noRows() {
        var program = MixedIntegerProgram(sense: .maximize)
        let x = program.addBinary(objective: 2)
        let y = program.addContinuous(lower: 0, upper: 3, objective: -1)
        let z = program.addInteger(lower: -2, upper: 4, objective: 1)
        let solution = program.solve(timeLimit: 10)
        #expect(solution.status == .optimal)
        #expect(solution.values == [1, 0, 4])
        _ = (x, y, z)
    }
}
