import Foundation
import MILPSolver
import Testing

/// Runs `body` on a thread of its own (as the dashboard will), resuming when it returns.
func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}

extension MILP {
    @Suite struct CancellationTests {
        @Test func cancelledBeforeStartingReturnsAtOnce() {
            let cancellation = SolveCancellation()
            cancellation.cancel()
            #expect(cancellation.isCancelled)
            let program = marketSplit(rows: 6, columns: 50, seed: 1)
            let solution = program.solve(timeLimit: 60, cancellation: cancellation)
            #expect(solution.status == .cancelled)
            #expect(!solution.hasSolution)
            let lexicographic = program.solveLexicographically(
                [.minimize([(program.variables[0], 1)])], timeLimit: 60, cancellation: cancellation)
            #expect(lexicographic.wasCancelled)
            #expect(lexicographic.objectiveValues == nil)
        }

        @Test func cancelStopsARunningSolve() async throws {
            // Far too hard to finish within its 60 s limit: only the cancellation can end it early,
            // and it reports `.cancelled` (not `.feasible`, which the time limit would give).
            let program = marketSplit(rows: 6, columns: 50, seed: 2)
            let cancellation = SolveCancellation()
            async let solution = onThread { program.solve(timeLimit: 60, cancellation: cancellation) }
            try await Task.sleep(for: .milliseconds(300))
            cancellation.cancel()
            let result = await solution
            #expect(result.status == .cancelled)
            #expect(result.bestBound == nil)
            #expect(result.relativeGap == nil)
            if result.hasSolution {
                // The incumbent it stopped with is a real solution.
                #expect(program.isFeasible(result.values))
            }
        }

        @Test func cancelStopsALexicographicSolve() async throws {
            var built = marketSplit(rows: 6, columns: 50, seed: 4)
            let first = LinearExpression(built.variables.filter { built.kind(of: $0) == .continuous }.map { ($0, 1) })
            let count = built.variables.filter { built.kind(of: $0) == .integer }.map { ($0, 1.0) }
            built.addConstraint(terms: count, relation: .lessOrEqual, rhs: 40)
            let program = built
            let cancellation = SolveCancellation()
            async let solution = onThread {
                program.solveLexicographically(
                    [Objective(first, sense: .minimize), .maximize(count)], timeLimit: 60, cancellation: cancellation)
            }
            try await Task.sleep(for: .milliseconds(300))
            cancellation.cancel()
            let result = await solution
            #expect(result.wasCancelled)
            #expect(!result.allProvenOptimal)
            #expect(result.stages.last?.status == .cancelled)
        }
    }
}
