import CapDashModel
import CapDashReport
import CapDashTerminal
import CapDashUI
import Foundation
import MILPSolver
import Synchronization

/// The dashboard's loop: draw, read a key, turn it into an intent, update, and
/// run every effect update asks for, feeding each result back through update.
/// Reads top to bottom; all terminal work is in `Terminal`, all decisions in `update`.
struct DashboardRuntime {
    let terminal: Terminal
    private(set) var state: DashboardState
    private var themes: ThemeChoice
    private var theme: Theme
    private var watched: FileStamp?
    private let jobs = BackgroundJobs()
    /// When each running goal-seek started, for its progress.
    private var jobStarts: [Int: ContinuousClock.Instant] = [:]

    struct Outcome {
        var signal: Int32?
        /// Where unsaved edits were kept when a signal stopped the session.
        var recoveryNote: String?
    }

    init(terminal: Terminal, state: DashboardState, themes: ThemeChoice) {
        self.terminal = terminal
        self.state = state
        var themes = themes
        theme = themes.theme(state.themeName).0
        self.themes = themes
        watched = FileStamp(state.loadedExceptFacilities)
    }

    mutating func run() -> Outcome {
        if run(initialEffects(state)) { return Outcome() }
        while true {
            terminal.draw(view(state), theme: theme)
            // A running job's answer should show promptly; idle, a key or a half-second tick.
            let event = terminal.nextEvent(timeoutMilliseconds: jobs.isBusy ? 50 : 500)
            if let signal = terminal.terminationSignal ?? (event == nil && terminal.isLost ? SIGHUP : nil) {
                return Outcome(signal: signal, recoveryNote: keepUnsavedEdits())
            }
            var actions = jobs.finished() + jobProgress()
            switch event {
            case .key(let key): actions.append(Keymap.action(for: key, in: state))
            case .resize(let size): actions.append(.resized(size))
            case nil: actions += pollFile()
            }
            for action in actions where run(update(&state, action)) {
                return Outcome()
            }
        }
    }

    /// Runs effects, and the effects their results ask for, until none are left; true to quit.
    private mutating func run(_ effects: [Effect]) -> Bool {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if case .quit = effect { return true }
            for action in perform(effect) { pending += update(&state, action) }
        }
        return false
    }

    /// One effect: quick ones here, slow ones (goal-seek, the review pack) on a background job.
    private mutating func perform(_ effect: Effect) -> [Action] {
        switch effect {
        case .quit:
            return []
        case .suspend:
            terminal.suspend()
            return [.resized(terminal.size)]
        case .save(let current, let loaded):
            return [save(current, loaded)]
        case .writeReview(let directory):
            let (snapshot, theme) = (state, theme)
            jobs.start(id: 0) { ReviewPackWriter.write(snapshot, theme: theme, into: directory) }
            return []
        case .discardRecovery(let path):
            unlink(path)
            return []
        case .checkRecovery, .listScenarios, .loadComparison:
            return FileReadingEffects.run(effect) ?? []
        case .loadTheme(let name):
            let (loaded, problem) = themes.theme(name)
            theme = loaded
            return problem.map { [.themeFailed($0)] } ?? []
        case .goalSeek(let job, let scenario, let goal, let constraints):
            let cancellation = SolveCancellation()
            jobStarts = [job: ContinuousClock.now]
            jobs.start(id: job, cancellation: cancellation) {
                .planFound(job: job, Optimizer.optimize(scenario, goal: goal, constraints: constraints, cancellation: cancellation))
            }
            return []
        case .cancel(let job):
            jobs.cancel(id: job)
            return []
        }
    }

    /// A second more of the running goal-seek, when one has passed.
    private func jobProgress() -> [Action] {
        guard case .planSolving(let job, _) = state.mode, let start = jobStarts[job] else { return [] }
        let seconds = Int((ContinuousClock.now - start).components.seconds)
        return seconds > state.solvingSeconds ? [.jobRunning(job: job, seconds: seconds)] : []
    }

    /// Stopped from outside (SIGTERM, a closed terminal): keep the edits for next time.
    private func keepUnsavedEdits() -> String? {
        guard state.isDirty else { return nil }
        // Beside the scenario; where that directory cannot be written, in the user's state folder.
        var failures: [String] = []
        for path in RecoveryFile.candidates(for: state.loadedExceptFacilities.file) {
            do {
                try RecoveryFile.prepareDirectory(for: path)
                try AtomicFile.write(ScenarioYAMLWriter.write(state.scenario), to: path)
                return "unsaved edits kept in \(path)"
            } catch {
                failures.append(error.description)
            }
        }
        return "unsaved edits could not be kept: " + failures.joined(separator: "; ")
    }

    private mutating func pollFile() -> [Action] {
        guard let stamp = watched, let now = FileStamp(stamp.paths), now != stamp else { return [] }
        watched = now
        guard let path = state.loadedExceptFacilities.file else { return [] }
        return [.fileChanged(ScenarioLoader.result(path: path))]
    }

    /// Saves by the plan: edits in place where they are safe, the whole scenario beside
    /// the file for the rest; then the file is read back for the next save's positions.
    private mutating func save(_ current: Scenario, _ loaded: Scenario) -> Action {
        // Raw bytes: a byte-order mark and line ends are kept as they are.
        let plan = ScenarioSaver.plan(saving: current, loaded: loaded) { path in
            try? SourceFile.readBytes(path: path, displayName: path)
        }
        let writes = plan.inPlace + (plan.beside.map { [$0] } ?? [])
        for write in writes {
            do {
                try AtomicFile.write(write.text, to: write.path)
            } catch {
                // The reason first: the status line is one row, and a long path would push it off.
                return .saveFailed("\(error.reason) (\(error.path))")
            }
        }
        defer {
            watched = FileStamp(state.loadedExceptFacilities)
            // Saved edits need no recovery file any more.
            for path in RecoveryFile.candidates(for: loaded.file) { unlink(path) }
        }
        let note = plan.beside.map { _ in plan.reasons.joined(separator: "; ") }
        // Read the edited file back: the next save edits it in place at fresh positions.
        let reloaded = plan.inPlace.isEmpty ? nil : loaded.file.flatMap { try? ScenarioLoader.load(path: $0) }
        return .saved(paths: writes.map(\.path), note: note, reloaded: reloaded)
    }
}

/// Work that must not block the update loop, run on its own thread; the loop
/// collects finished results as actions. A cancelled job's result is dropped,
/// and a job started with a cancellation (goal-seek's solver) is told to stop.
final class BackgroundJobs: Sendable {
    private let results = Mutex<(running: [Int: SolveCancellation?], done: [Action])>(([:], []))

    var isBusy: Bool { results.withLock { !$0.running.isEmpty } }

    func start(id: Int, cancellation: SolveCancellation? = nil, _ work: @escaping @Sendable () -> Action) {
        results.withLock { $0.running[id] = .some(cancellation) }
        Thread.detachNewThread { [self] in
            let action = work()
            self.results.withLock { state in
                if state.running.removeValue(forKey: id) != nil { state.done.append(action) }
            }
        }
    }

    func cancel(id: Int) {
        let removed = results.withLock { $0.running.removeValue(forKey: id) }
        removed??.cancel()
    }

    func finished() -> [Action] {
        results.withLock { state in
            defer { state.done = [] }
            return state.done
        }
    }
}

/// What identifies a file version cheaply: modification time, size and inode, for each file a scenario reads.
struct FileStamp: Equatable {
    var paths: [String]
    var marks: [[Int]]

    init?(_ scenario: Scenario) {
        guard let file = scenario.file else { return nil }
        var paths = [file]
        if let csv = scenario.facilitiesFile, csv != file { paths.append(csv) }
        self.init(paths)
    }

    init?(_ paths: [String]) {
        self.paths = paths
        marks = paths.map { path in
            var info = stat()
            guard stat(path, &info) == 0 else { return [] }
            return [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_size), Int(info.st_ino)]
        }
    }
}
