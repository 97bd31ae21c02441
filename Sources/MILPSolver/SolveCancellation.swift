import Synchronization

/// A thread-safe flag that stops a running solve: call `cancel()` from any thread (the dashboard's
/// Esc key), and the solve returns `.cancelled` at CBC's next cut round, normally within milliseconds.
/// One flag can serve several solves (all stages of a lexicographic solve); once cancelled it stays so.
public final class SolveCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .releasing) }

    public var isCancelled: Bool { flag.load(ordering: .acquiring) }
}
