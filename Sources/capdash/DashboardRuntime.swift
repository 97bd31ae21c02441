import CapDashModel
import CapDashReport
import CapDashTerminal
import CapDashUI
import Foundation

/// The dashboard's loop: draw, read a key, update, run the effects update asks for.
/// Reads top to bottom; all terminal work is in `Terminal`, all decisions in `update`.
struct DashboardRuntime {
    let terminal: Terminal
    var state: DashboardState
    private var watched: FileStamp?

    struct Outcome {
        var signal: Int32?
    }

    init(terminal: Terminal, scenario: Scenario, themes: [String], initialTheme: String) {
        self.terminal = terminal
        state = DashboardState(scenario: scenario, size: terminal.size, themeNames: themes, theme: initialTheme)
        watched = FileStamp(scenario)
        let recovery = RecoveryFile.path(for: scenario.file)
        if let recovered = try? ScenarioLoader.load(path: recovery) {
            state.offerRecovery(path: recovery, recovered: recovered)
        }
    }

    mutating func run(themes: inout ThemeChoice) -> Outcome {
        while true {
            let (theme, themeError) = themes.theme(state.themeName)
            if let themeError { state.message = .init(text: themeError, isError: true) }
            terminal.draw(view(state), theme: theme)
            let event = terminal.nextEvent()
            if let signal = terminal.terminationSignal ?? (event == nil && terminal.isLost ? SIGHUP : nil) {
                // Stopped from outside (SIGTERM, a closed terminal): keep the edits for next time.
                if state.isDirty { try? AtomicFile.write(ScenarioYAMLWriter.write(state.scenario), to: RecoveryFile.path(for: state.loaded.file)) }
                return Outcome(signal: signal)
            }
            let effects: [Effect]
            switch event {
            case .key(let key): effects = update(&state, .key(key))
            case .resize(let size): effects = update(&state, .resized(size))
            case nil:
                // Idle: a stat() every half second is all watching costs.
                pollFile()
                effects = []
            }
            for effect in effects {
                switch effect {
                case .quit: return Outcome(signal: nil)
                case .suspend:
                    terminal.suspend()
                    _ = update(&state, .resized(terminal.size))
                case .save(let current, let loaded): save(current, loaded)
                case .writeView(let markdown): writeView(markdown)
                case .discardRecovery(let path): unlink(path)
                case .listScenarios(let directory):
                    let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                        .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".csv")) }
                        .sorted().map { directory == "." ? $0 : directory + "/" + $0 }
                    _ = update(&state, .scenarioFiles(files))
                case .loadComparison(let path):
                    do {
                        _ = update(&state, .comparisonLoaded(.success(try ScenarioLoader.load(path: path))))
                    } catch {
                        _ = update(&state, .comparisonLoaded(.failure(error)))
                    }
                }
            }
        }
    }

    private mutating func pollFile() {
        guard let stamp = watched, let now = FileStamp(stamp.paths), now != stamp else { return }
        watched = now
        guard let path = state.loaded.file else { return }
        do {
            _ = update(&state, .fileChanged(.success(try ScenarioLoader.load(path: path))))
        } catch {
            _ = update(&state, .fileChanged(.failure(error)))
        }
        if state.loaded.file != nil { watched = FileStamp(state.loaded) }
    }

    private mutating func save(_ current: Scenario, _ loaded: Scenario) {
        let plan = ScenarioSaver.plan(saving: current, loaded: loaded) { path in
            try? SourceFile.readText(path: path, displayName: path)
        }
        let writes: [ScenarioSaver.FileWrite]
        var note: String?
        switch plan {
        case .inPlace(let files): writes = files
        case .beside(let file, let reason):
            writes = [file]
            note = reason
        }
        for write in writes {
            do {
                try AtomicFile.write(write.text, to: write.path)
            } catch {
                // The reason first: the status line is one row, and a long path would push it off.
                _ = update(&state, .saveFailed("\(error.reason) (\(error.path))"))
                return
            }
        }
        // Read the saved file back: the next save edits it in place at fresh positions.
        let target = writes.first(where: { $0.path.hasSuffix(".yaml") || $0.path.hasSuffix(".yml") })?.path ?? loaded.file
        let reloaded = target.flatMap { try? ScenarioLoader.load(path: $0) }
        _ = update(&state, .saved(paths: writes.map(\.path), note: note, reloaded: reloaded))
        watched = FileStamp(state.loaded)
        // Saved edits need no recovery file any more.
        unlink(RecoveryFile.path(for: loaded.file))
    }

    private mutating func writeView(_ markdown: String) {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let path = "capdash-view-\(formatter.string(from: Date())).md"
        do {
            try AtomicFile.write(markdown, to: path)
            _ = update(&state, .viewWritten(path))
        } catch {
            _ = update(&state, .viewWriteFailed(error.description))
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
