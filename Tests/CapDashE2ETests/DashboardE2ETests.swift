import CapDashModel
import CapDashReport
import Foundation
import Testing

/// The real program in a real terminal (tmux): keys in, screens out.
@Suite("Dashboard end to end in tmux", .serialized, .enabled(if: TmuxSession.available, "tmux is not installed (apt-get install -y tmux); end-to-end tests skipped"))
struct DashboardE2ETests {
    static let example = ScenarioLoader.builtInExampleText

    /// Starts capdash on a copy of the example and waits for the first frame.
    private func start(_ session: TmuxSession, arguments: String = "", file: String? = nil) throws -> String {
        let path = try file ?? session.write("plants.yaml", Self.example)
        try session.run("stty -g > stty-before; \(TmuxSession.binary) \(path) \(arguments)")
        let screen = session.waitFor { $0.contains("Capex freed") && $0.contains("Facilities") }
        #expect(screen.contains("Capex freed"), "the dashboard did not appear:\n\(screen)")
        return path
    }

    /// The value in the capex pane's row with this label.
    private func paneValue(_ label: String, in screen: String) -> String? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("│ \(label) ") }) else { return nil }
        let pane = line.components(separatedBy: "│ \(label) ")[1]
        return pane.split(separator: " ").first.map(String.init)
    }

    @Test("every pane is on screen, and equals what capdash snapshot prints")
    func panesAndSnapshot() throws {
        let session = try TmuxSession()
        let path = try start(session)
        let screen = session.capture()
        for title in ["Facilities 14", "Capex freed", "Training budget", "Regions", "KEPT", "DIVESTED", "Llama 3.1 405B"] {
            #expect(screen.contains(title))
        }
        let snapshot = try runCapdash(["snapshot", path, "--size", "120x40"])
        #expect(screen.split(separator: "\n").prefix(40) == snapshot.split(separator: "\n", omittingEmptySubsequences: false).prefix(40))
        try session.keys("q")
    }

    @Test("a toggle changes capex freed by exactly what capdash report gives for the same override")
    func toggleMatchesReport() throws {
        let session = try TmuxSession()
        let path = try start(session)
        let before = paneValue("Capex freed", in: session.capture())
        #expect(before == "$2.50B")
        try session.keys("d")
        let screen = session.waitFor { paneValue("Capex freed", in: $0) != before }
        let json = try runCapdash(["report", path, "--divest", "us-prineville-1", "--format", "json"])
        struct Report: Decodable { struct Finance: Decodable { var capex_freed: Double }; var finance: Finance }
        let capexFreed = try JSONDecoder().decode(Report.self, from: Data(json.utf8)).finance.capex_freed
        #expect(paneValue("Capex freed", in: screen) == Format.money(capexFreed, currency: "USD"))
        let baseline = evaluate(ScenarioLoader.builtInExample()).finance.capexFreed
        #expect(screen.contains(Format.moneyDelta(capexFreed - baseline, currency: "USD")))
        #expect(screen.contains("● modified"))
        try session.keys("q", "q")
    }

    @Test("resizing redraws the stacked layout at once, and the too-small message below 60x20")
    func resize() throws {
        let session = try TmuxSession()
        let path = try start(session)
        let snapshot = try runCapdash(["snapshot", path, "--size", "80x24"]).split(separator: "\n", omittingEmptySubsequences: false).prefix(24)
        try session.resize(width: 80, height: 24)
        let stacked = session.waitFor { $0.split(separator: "\n", omittingEmptySubsequences: false).prefix(24) == snapshot }
        #expect(stacked.split(separator: "\n", omittingEmptySubsequences: false).prefix(24) == snapshot)
        try session.resize(width: 50, height: 15)
        let small = session.waitFor { $0.contains("terminal too small") }
        #expect(small.contains("terminal too small (need 60x20)"))
        try session.keys("q")
        let after = session.waitFor { !$0.contains("terminal too small") }
        #expect(!after.contains("terminal too small"))
    }

    @Test("q gives the terminal back: main screen, same tty settings, a working prompt")
    func quitRestores() throws {
        let session = try TmuxSession()
        _ = try start(session)
        #expect(session.display("#{alternate_on}") == "1")
        try session.keys("q")
        _ = session.waitFor { !$0.contains("Capex freed") }
        try session.run("stty -g > stty-after; cmp -s stty-before stty-after && echo tty-same-$((20+22))")
        let screen = session.waitFor { $0.contains("tty-same-42") }
        #expect(screen.contains("tty-same-42"))
        #expect(session.display("#{alternate_on}") == "0")
    }

    @Test("SIGTERM and SIGHUP restore the terminal too", arguments: ["TERM", "HUP"])
    func signalsRestore(signal: String) throws {
        let session = try TmuxSession()
        _ = try start(session)
        let shell = session.display("#{pane_pid}")
        let pgrep = try runShell("pgrep -P \(shell) -f capdash || pgrep -P \(shell)")
        let pid = pgrep.split(separator: "\n").first.map(String.init) ?? ""
        #expect(!pid.isEmpty)
        _ = try runShell("kill -\(signal) \(pid)")
        _ = session.waitFor { !$0.contains("Capex freed") }
        try session.run("stty -g > stty-after; cmp -s stty-before stty-after && echo tty-same-$((20+22))")
        #expect(session.waitFor { $0.contains("tty-same-42") }.contains("tty-same-42"))
        #expect(session.display("#{alternate_on}") == "0")
    }

    @Test("SIGTERM with unsaved edits writes a recovery file; the next open offers it and y restores it")
    func recovery() throws {
        let session = try TmuxSession()
        let path = try start(session)
        try session.keys("d")
        _ = session.waitFor { $0.contains("● modified") }
        let shell = session.display("#{pane_pid}")
        let pid = try runShell("pgrep -P \(shell)").split(separator: "\n").first.map(String.init) ?? ""
        _ = try runShell("kill -TERM \(pid)")
        let recovery = session.directory + "/.plants.capdash-recover.yaml"
        _ = session.waitFor { _ in FileManager.default.fileExists(atPath: recovery) }
        #expect(FileManager.default.fileExists(atPath: recovery))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.example)  // the scenario itself is untouched
        try session.run("clear; \(TmuxSession.binary) \(path)")
        let offer = session.waitFor { $0.contains("y restores, n discards") }
        #expect(offer.contains("restore 1 unsaved change from an earlier session? y restores, n discards"))
        try session.keys("y")
        let restored = session.waitFor { $0.contains("restored 1 unsaved change") }
        #expect(restored.contains("● modified"))
        #expect(!FileManager.default.fileExists(atPath: recovery))
        try session.keys("q", "q")
    }

    @Test("Ctrl-Z suspends to the shell and fg brings the dashboard back")
    func suspend() throws {
        let session = try TmuxSession()
        _ = try start(session)
        try session.keys("d", "C-z")
        let shell = session.waitFor { $0.contains("Stopped") }
        #expect(shell.contains("Stopped"))
        try session.run("fg")
        let back = session.waitFor { $0.contains("Capex freed") && $0.contains("● modified") }
        #expect(back.contains("Capex freed"))
        #expect(back.contains("● modified"))
        try session.keys("q", "q")
    }

    @Test("NO_COLOR: no color codes reach the terminal, emphasis by attributes only")
    func noColor() throws {
        let session = try TmuxSession(environment: ["NO_COLOR": "1"])
        _ = try start(session)
        let raw = session.capture(escapes: true)
        #expect(raw.contains("theme mono"))
        var codes = Set<String>()
        for sequence in raw.components(separatedBy: "\u{1b}[").dropFirst() {
            guard let end = sequence.firstIndex(of: "m") else { continue }
            codes.formUnion(sequence[..<end].split(separator: ";").map(String.init))
        }
        let colors = codes.filter { code in
            guard let value = Int(code) else { return false }
            return (30...38).contains(value) || (40...48).contains(value) || (90...97).contains(value) || (100...107).contains(value)
        }
        #expect(colors.isEmpty, "color codes: \(colors)")
        #expect(codes.contains("7"))
        try session.keys("q")
    }

    @Test("a file changed on disk is reloaded with the cursor kept; an invalid one keeps the last good state")
    func externalChange() throws {
        let session = try TmuxSession()
        let path = try start(session)
        try session.keys("j", "j", "j")
        let renamed = Self.example.replacingOccurrences(of: "name: Legacy data-center divestiture (illustrative)", with: "name: Renamed on disk")
        try Data(renamed.utf8).write(to: URL(fileURLWithPath: path))
        let reloaded = session.waitFor { $0.contains("Renamed on disk") }
        #expect(reloaded.contains("reloaded"))
        #expect(reloaded.contains("▸eu-paris-1"))
        try Data((renamed + "  - bogus\n").utf8).write(to: URL(fileURLWithPath: path))
        let invalid = session.waitFor { $0.contains("invalid") }
        #expect(invalid.contains("file changed on disk but is invalid"))
        #expect(invalid.contains("Renamed on disk"))
        try session.keys("q")
    }

    @Test("a save racing an external edit of other values merges both into the file")
    func saveRaceMerges() throws {
        let session = try TmuxSession()
        let path = try start(session)
        try session.keys("d")
        _ = session.waitFor { $0.contains("● modified") }
        let external = Self.example.replacingOccurrences(of: "as_of: 2025-08-01", with: "as_of: 2025-09-01")
        try Data(external.utf8).write(to: URL(fileURLWithPath: path))
        _ = session.waitFor { $0.contains("changed on disk") }
        try session.keys("s")
        // "your unsaved edits are kept" is on screen until the save answers.
        let saved = session.waitFor { $0.contains("saved") && !$0.contains("unsaved edits are kept") }
        #expect(!saved.contains("● modified"))
        let merged = try ScenarioLoader.load(path: path)
        #expect(merged.asOf == "2025-09-01")
        #expect(merged.facilities[0].disposition == .divest)
        try session.keys("q")
    }

    @Test("a save racing an external edit of the same value loses neither: theirs stays, ours goes beside it")
    func saveRaceConflict() throws {
        let session = try TmuxSession()
        let path = try start(session)
        try session.keys("d")
        _ = session.waitFor { $0.contains("● modified") }
        let external = Self.example.replacingOccurrences(
            of: "sale_price: 520M          # a standing offer, declined for now\n    annual_opex: 45M\n    annual_capex: 20M\n    disposition: retain",
            with: "sale_price: 520M          # a standing offer, declined for now\n    annual_opex: 45M\n    annual_capex: 20M\n    disposition: leaseback")
        #expect(external != Self.example)
        try Data(external.utf8).write(to: URL(fileURLWithPath: path))
        _ = session.waitFor { $0.contains("changed on disk") }
        try session.keys("s")
        let saved = session.waitFor { $0.contains("saved") && !$0.contains("unsaved edits are kept") }
        #expect(saved.contains("saved to plants.capdash.yaml: us-prineville-1's disposition changed on disk"))
        #expect(saved.contains("plants.capdash.yaml"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == external)
        let beside = try ScenarioLoader.load(path: session.directory + "/plants.capdash.yaml")
        #expect(beside.facilities[0].disposition == .divest)
        try session.keys("q")
    }

    @Test("saving a read-only file says so and keeps the edits on screen")
    func readOnlySave() throws {
        let session = try TmuxSession()
        let path = try start(session)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try session.keys("d", "s")
        let screen = session.waitFor { $0.contains("not saved") }
        #expect(screen.contains("not saved:"))
        #expect(screen.contains("read-only"))
        #expect(screen.contains("● modified"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.example)
        try session.keys("q", "q")
    }

    @Test("O on 10,000 facilities: the status line counts the solve's seconds, Esc cancels it and the keys answer at once")
    func goalSeekProgressAndCancel() throws {
        let session = try TmuxSession()
        _ = try runCapdash(["generate", "--facilities", "10000", "--seed", "1", "-o", session.directory + "/big.csv"])
        try session.run("\(TmuxSession.binary) big.yaml")
        _ = session.waitFor(timeout: 30) { $0.contains("Facilities 10000") }
        try session.keys("O", "2", "0", "0", "B", "Enter")
        let solving = session.waitFor(timeout: 30) { $0.contains(" s of 30 s · Esc cancels") }
        #expect(solving.contains("goal-seek for capex freed of at least $200.00B: solving, "), "\(solving)")
        try session.keys("Escape")
        let cancelled = session.waitFor { $0.contains("goal-seek cancelled") }
        #expect(cancelled.contains("goal-seek cancelled"))
        try session.keys("j")
        let moved = session.waitFor { !$0.contains("goal-seek cancelled") }
        #expect(moved.contains("▸"))
        try session.keys("q")
    }

    @Test("s saves in place: the file keeps its comments and gets the new disposition")
    func save() throws {
        let session = try TmuxSession()
        let path = try start(session)
        try session.keys("d", "s")
        let saved = session.waitFor { $0.contains("saved") }
        #expect(saved.contains("saved \(path)"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("# ILLUSTRATIVE ONLY"))
        #expect(text.contains("    disposition: divest\n  - id: us-council-bluffs-3"))
        #expect(!saved.contains("● modified"))
        try session.keys("q")
    }
}

func runShell(_ command: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
