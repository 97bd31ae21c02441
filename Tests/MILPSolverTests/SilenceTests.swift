import Foundation
import Synchronization
import Testing

extension MILP {
    /// CBC must print nothing (the dashboard owns the terminal). Runs `milp-bench --silence-check`,
    /// which solves to every kind of end (optimal, infeasible, unbounded, time limit, cancelled,
    /// lexicographic, with a MIP start) in a process of its own, so all its output can be captured.
    @Suite struct SilenceTests {
        static var bench: URL {
            let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
                .appendingPathComponent("milp-bench")
            if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            return root.appendingPathComponent(".build/debug/milp-bench")
        }

        @Test func solvesPrintNothing() throws {
            let process = Process()
            process.executableURL = Self.bench
            process.arguments = ["--silence-check"]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            // Drain stderr on another thread while reading stdout here, so no pipe can fill and stall.
            let errText = Mutex("")
            let drained = DispatchSemaphore(value: 0)
            Thread {
                errText.withLock { $0 = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
                drained.signal()
            }.start()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            drained.wait()
            process.waitUntilExit()
            let stderr = errText.withLock { $0 }
            #expect(process.terminationStatus == 0)
            #expect(stdout == "")
            #expect(stderr == "")
        }
    }
}
