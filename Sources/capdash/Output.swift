import CapDashModel
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Every byte capdash prints goes through here, as checked POSIX writes: a full
/// disk, a closed descriptor or a vanished reader is an exit code, never a
/// truncated file that looks complete, and never a trap (FileHandle.write traps
/// on a write error; print's buffer loses it).
enum Output {
    /// Standard output or standard error could not be written (full disk, closed,
    /// broken pipe, lost terminal).
    static let failureCode: Int32 = 3

    /// Run first: a broken pipe becomes EPIPE from write rather than a silent
    /// SIGPIPE death, and a closed standard descriptor is held by the read end
    /// of a pipe, so writing to it fails (EBADF) instead of landing in whatever
    /// file happens to be opened next with that number.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { continue }
            if ends[0] != descriptor {
                dup2(ends[0], descriptor)
                close(ends[0])
            }
            // Reading gets end of file at once; a later closed descriptor is taken on its own turn.
            close(ends[1])
        }
    }

    /// Writes `text` to standard output, all of it, or throws the exit that says why.
    static func standardOutput(_ text: String) throws(ExitFailure) {
        try standardOutputFailed(write(text, to: 1))
    }

    /// `standardOutput` for bytes already encoded (a report written in pieces).
    static func standardOutput(bytes: UnsafeRawBufferPointer) throws(ExitFailure) {
        try standardOutputFailed(write(bytes, to: 1))
    }

    private static func standardOutputFailed(_ failure: Int32?) throws(ExitFailure) {
        guard let failure else { return }
        if failure == EPIPE {
            // The reader has gone (`| head`): nothing to say, but not a success.
            throw ExitFailure(code: failureCode, lines: [])
        }
        throw ExitFailure(code: failureCode, lines: ["capdash: cannot write to standard output: \(reason(failure))"])
    }

    /// One message line on standard error, terminal-safe (messages echo file
    /// names, option values and TERM). Where even that fails there is no one
    /// to tell: the failure only makes an otherwise successful exit non-zero.
    static func errorLine(_ line: String) {
        if write(TerminalSafe.text(line) + "\n", to: 2) != nil { standardErrorFailed.store(true, ordering: .relaxed) }
    }

    /// Draws `text` over the current line of standard error (a terminal), or erases the
    /// line when nil. `text` must be terminal-safe already; it is written as it is.
    static func progressLine(_ text: String?) {
        _ = write("\r" + (text ?? "") + "\u{1B}[K", to: 2)
    }

    /// Ends the process; a success whose messages could not be written is not one.
    static func exit(_ code: Int32) -> Never {
        Glibc.exit(code == 0 && standardErrorFailed.load(ordering: .relaxed) ? failureCode : code)
    }

    /// The errno that stopped the write, or nil when every byte went out.
    private static func write(_ text: String, to descriptor: Int32) -> Int32? {
        AtomicFile.writeEveryByte(text, to: descriptor)
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        AtomicFile.writeEveryByte(bytes, to: descriptor)
    }

    private static func reason(_ code: Int32) -> String {
        code == EBADF ? "it is closed" : String(cString: strerror(code))
    }
}

private let standardErrorFailed = Atomic<Bool>(false)
