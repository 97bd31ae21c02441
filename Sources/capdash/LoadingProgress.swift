import CapDashModel
import CapDashReport
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// `capdash: reading plants.csv: 412,345 rows, 35.1 of 84.5 MB` on standard error
/// while a big file loads, so a big file is never a silent wait: only when standard
/// error is a terminal (tests and pipes see nothing), only once loading has taken
/// 0.2 s, redrawn at most ten times a second, and erased when loading ends.
final class LoadingProgress: Sendable {
    /// Loads with a progress line when standard error is a terminal; `body` gets the loader's callback.
    static func around<T, Failure: Error>(_ file: String, _ body: (LoadProgress?) throws(Failure) -> T) throws(Failure) -> T {
        guard isatty(STDERR_FILENO) == 1 else { return try body(nil) }
        let progress = LoadingProgress(file: file)
        defer { progress.finish() }
        return try body { rows, bytes, total in progress.update(rows: rows, bytes: bytes, total: total) }
    }

    /// How long a load may take before it gets a line; CAPDASH_PROGRESS_AFTER (seconds) sets it for tests.
    private static let delay: Duration = .milliseconds(
        Int((Double(ProcessInfo.processInfo.environment["CAPDASH_PROGRESS_AFTER"] ?? "") ?? 0.2) * 1000))

    private struct State {
        var lastDrawn: ContinuousClock.Instant?
    }

    private let name: String
    private let start = ContinuousClock.now
    private let state = Mutex(State())

    private init(file: String) {
        name = TerminalSafe.text(file)
    }

    private func update(rows: Int, bytes: Int, total: Int) {
        let now = ContinuousClock.now
        guard now - start >= Self.delay else { return }
        let due = state.withLock { state -> Bool in
            if let last = state.lastDrawn, now - last < .milliseconds(100) { return false }
            state.lastDrawn = now
            return true
        }
        guard due else { return }
        let megabytes = { (count: Int) in Format.fixed(Double(count) / 1_000_000, decimals: 1) }
        Output.progressLine("capdash: reading \(name): \(Format.count(Double(rows))) rows, \(megabytes(bytes)) of \(megabytes(total)) MB")
    }

    private func finish() {
        if state.withLock({ $0.lastDrawn != nil }) { Output.progressLine(nil) }
    }
}
