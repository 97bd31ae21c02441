import CapDashModel
import Foundation
import Testing

/// Saving while another editor changes the file, and the files a save or a
/// signal leaves behind: each finding of "Saving and the command line under fire",
/// driven through the real program in tmux.
@Suite("Saving under fire, end to end in tmux", .serialized, .enabled(if: TmuxSession.available, "tmux is not installed (apt-get install -y tmux); end-to-end tests skipped"))
struct SaveUnderFireE2ETests {
    static let head = "schema: capdash/v1\nname: Under fire\nfacilities:\n"

    static func block(_ id: String, name: String, region: String = "US", disposition: String = "retain", extra: String = "") -> String {
        "  - id: \(id)\n    name: \(name)\n    region: \(region)\n    capacity_mw: 10\n    book_value: 100M\n    sale_price: 150M\n"
            + "    annual_opex: 5M\n    annual_capex: 2M\n\(extra)    disposition: \(disposition)\n"
    }

    static let fa = block("f-a", name: "Alpha")
    static let fb = block("f-b", name: "Beta", region: "EU")
    static let fc = block("f-c", name: "Gamma")
    static let twoFacilities = head + fa + fb

    /// Starts capdash on `path` (a shell command prefix may run it as another user) and waits for the first frame.
    private func open(_ session: TmuxSession, _ path: String, prefix: String = "", suffix: String = "") -> String {
        try? session.run("clear; \(prefix)\(TmuxSession.binary) \(path)\(suffix)")
        let screen = session.waitFor { $0.contains("Capex freed") && $0.contains("Facilities") }
        #expect(screen.contains("Capex freed"), "the dashboard did not appear:\n\(screen)")
        return screen
    }

    /// The capdash process the pane's shell started, if it is running.
    private func dashboardPID(_ session: TmuxSession) -> String? {
        let shell = session.display("#{pane_pid}")
        let pids = (try? runShell("pgrep -P \(shell)")) ?? ""
        return pids.split(separator: "\n").first.map(String.init)
    }

    /// The status line: the screen's last non-empty line.
    private func statusLine(_ screen: String) -> String {
        screen.split(separator: "\n").last.map(String.init) ?? ""
    }

    /// A save's answer is on the status line ("saved …", "not saved: …", "nothing to save"; never "…unsaved…").
    private func saveAnswered(_ screen: String) -> Bool {
        let status = statusLine(screen)
        return ["saved ", "not saved", "nothing to save"].contains { status.hasPrefix($0) }
    }

    /// Presses a key and waits until the status line changes (or shows `expected`): proof the loop still answers.
    @discardableResult
    private func press(_ session: TmuxSession, _ key: String, expecting expected: [String]) -> String {
        try? session.keys(key)
        let screen = session.waitFor { screen in expected.contains { statusLine(screen).hasPrefix($0) } }
        #expect(expected.contains { statusLine(screen).hasPrefix($0) }, "after \(key), expected one of \(expected):\n\(screen)")
        return screen
    }

    /// The id of the facility under the cursor (`▸f-a`).
    private func selectedID(_ screen: String) -> String? {
        guard let marker = screen.range(of: "│▸") else { return nil }
        return screen[marker.upperBound...].split(separator: " ").first.map(String.init)
    }

    /// The id on the table's first facility row.
    private func firstRowID(_ screen: String) -> String? {
        for line in screen.split(separator: "\n") where line.hasPrefix("│▸f-") || line.hasPrefix("│ f-") {
            return line.dropFirst(2).split(separator: " ").first.map(String.init)
        }
        return nil
    }

    /// j, k, u and s still work, the dashboard is on screen and the process is alive.
    private func stillResponsive(_ session: TmuxSession) {
        // From the first row (a divested f-a sits last, in its own group, where j would stay put).
        try? session.keys("g")
        let top = session.waitFor { selectedID($0) != nil && selectedID($0) == firstRowID($0) }
        let first = selectedID(top)
        #expect(first != nil && first == firstRowID(top), "g did not go to the first row:\n\(top)")
        try? session.keys("j")
        let moved = session.waitFor { selectedID($0) != first }
        #expect(selectedID(moved) != first, "j did not move the cursor:\n\(moved)")
        try? session.keys("k")
        let back = session.waitFor { selectedID($0) == first }
        #expect(selectedID(back) == first, "k did not move the cursor back:\n\(back)")
        press(session, "u", expecting: ["undone", "nothing to undo"])
        try? session.keys("s")
        let screen = session.waitFor(saveAnswered)
        #expect(saveAnswered(screen), "s did not answer:\n\(screen)")
        #expect(screen.contains("Capex freed") && screen.contains("Facilities"), "the dashboard is gone:\n\(screen)")
        #expect(dashboardPID(session) != nil, "capdash exited")
    }

    /// f-a's block with the divestment: what an in-place save must change, and nothing else.
    static let faDivested = fa.replacingOccurrences(of: "disposition: retain", with: "disposition: divest")

    static let externalEdits: [(name: String, text: String)] = [
        ("insert above f-a", head + fc + fa + fb),
        ("swap f-a and f-b", head + fb + fa),
        ("append at the end", head + fa + fb + fc),
        ("reorder and rename others", head + block("f-z", name: "Zeta (was f-b)", region: "APAC") + fc.replacingOccurrences(of: "Gamma", with: "Gamma renamed") + fa),
    ]

    @Test("divest f-a, another editor changes the file, s: the divestment lands on f-a only and the dashboard lives on",
        arguments: externalEdits.map(\.name))
    func externalEditThenSave(name: String) throws {
        let external = try #require(Self.externalEdits.first { $0.name == name }).text
        let session = try TmuxSession()
        let path = try session.write("s.yaml", Self.twoFacilities)
        _ = open(session, path)
        try session.keys("d")
        _ = session.waitFor { $0.contains("● modified") }
        // The other editor writes while our edit is unsaved: the dashboard keeps our edit and says so.
        try Data(external.utf8).write(to: URL(fileURLWithPath: path))
        let warned = session.waitFor { $0.contains("changed on disk") }
        #expect(warned.contains("your unsaved edits are kept"))
        try session.keys("s")
        let saved = session.waitFor(saveAnswered)
        #expect(statusLine(saved).contains("saved \(path)"), "\(saved)")
        // Exactly f-a's disposition changed; every other byte is the other editor's.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == external.replacingOccurrences(of: Self.fa, with: Self.faDivested))
        let onDisk = try ScenarioLoader.load(path: path)
        for facility in onDisk.facilities {
            #expect(facility.disposition == (facility.id == "f-a" ? .divest : .retain), "\(facility.id)")
        }
        #expect(!FileManager.default.fileExists(atPath: session.directory + "/s.capdash.yaml"))
        #expect(!saved.contains("● modified"))
        stillResponsive(session)
        try session.keys("q", "q")
    }

    @Test("divest f-a, another editor leases back f-b, s: both are in the file and on screen, and s again keeps theirs")
    func theirValueKept() throws {
        let session = try TmuxSession()
        let path = try session.write("s.yaml", Self.twoFacilities)
        _ = open(session, path)
        try session.keys("d")
        _ = session.waitFor { $0.contains("● modified") }
        let theirs = Self.fb.replacingOccurrences(of: "disposition: retain", with: "disposition: leaseback")
        let external = Self.head + Self.fa + theirs
        try Data(external.utf8).write(to: URL(fileURLWithPath: path))
        _ = session.waitFor { $0.contains("changed on disk") }
        try session.keys("s")
        let saved = session.waitFor(saveAnswered)
        let merged = Self.head + Self.faDivested + theirs
        #expect(try String(contentsOfFile: path, encoding: .utf8) == merged)
        #expect(!saved.contains("● modified"), "their leaseback shows as an unsaved edit of ours:\n\(saved)")
        #expect(row("f-b", in: saved).contains("leaseback"), "\(saved)")
        try session.keys("s")
        let again = session.waitFor { statusLine($0).hasPrefix("nothing to save") || statusLine($0).hasPrefix("saved ") && $0 != saved }
        #expect(statusLine(again).hasPrefix("nothing to save"), "\(statusLine(again))")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == merged)
        try session.keys("q", "q")
    }

    @Test("divest f-a, another editor deletes f-a, s: the file is untouched, s.capdash.yaml holds the edit, the status line says why")
    func deletedThenSave() throws {
        let session = try TmuxSession()
        let path = try session.write("s.yaml", Self.twoFacilities)
        _ = open(session, path)
        try session.keys("d")
        _ = session.waitFor { $0.contains("● modified") }
        let external = Self.head + Self.fb
        try Data(external.utf8).write(to: URL(fileURLWithPath: path))
        _ = session.waitFor { $0.contains("changed on disk") }
        try session.keys("s")
        let saved = session.waitFor(saveAnswered)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == external)
        let beside = try ScenarioLoader.load(path: session.directory + "/s.capdash.yaml")
        #expect(beside.facilities.first { $0.id == "f-a" }?.disposition == .divest)
        #expect(beside.facilities.first { $0.id == "f-b" }?.disposition == .retain)
        // The file beside, the facility and why come first, so a long path cannot push them off the status line.
        #expect(statusLine(saved).hasPrefix("saved to s.capdash.yaml: f-a is no longer in the file"), "status line: \(statusLine(saved))")
        stillResponsive(session)
        // The second save went beside again; the file itself is still the other editor's.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == external)
        try session.keys("q", "q")
    }

    @Test("a merge key in the dashboard: the edited facility gets its own key, the others keep theirs, the anchor line is untouched")
    func mergeKey() throws {
        let anchor = "x-defaults: &defaults {region: US, book_value: 1M, sale_price: 2M, annual_opex: 1M, annual_capex: 1M, disposition: retain}"
        let text = """
            schema: capdash/v1
            name: Merged
            \(anchor)
            facilities:
              - id: m1
                name: One
                capacity_mw: 1
                <<: *defaults
              - id: m2
                name: Two
                capacity_mw: 2
                <<: *defaults
              - id: m3
                name: Three
                capacity_mw: 3
                <<: *defaults
                disposition: leaseback

            """
        let session = try TmuxSession()
        let path = try session.write("merged.yaml", text)
        _ = open(session, path)
        try session.keys("d")
        _ = session.waitFor { $0.contains("● modified") }
        try session.keys("s")
        let saved = session.waitFor(saveAnswered)
        #expect(statusLine(saved).contains("saved \(path)"), "\(saved)")
        #expect(!FileManager.default.fileExists(atPath: session.directory + "/merged.capdash.yaml"))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let lines = written.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.contains("&defaults") } == [Substring(anchor)])
        #expect(written == text.replacingOccurrences(of: "  - id: m1\n", with: "  - id: m1\n    disposition: divest\n"))
        let onDisk = try ScenarioLoader.load(path: path)
        #expect(onDisk.facilities.map(\.disposition) == [.divest, .retain, .leaseback])
        try session.keys("q")
    }

    @Test("a symlinked scenario: s writes the link's target and the link stays a link")
    func symlink() throws {
        let session = try TmuxSession()
        try FileManager.default.createDirectory(atPath: session.directory + "/real", withIntermediateDirectories: true)
        let target = try session.write("real/target.yaml", Self.twoFacilities)
        let link = session.directory + "/link.yaml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/target.yaml")
        _ = open(session, link)
        try session.keys("d", "s")
        let saved = session.waitFor(saveAnswered)
        #expect(statusLine(saved).contains("saved \(link)"), "\(saved)")
        var info = stat()
        #expect(lstat(link, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFLNK, "the link was replaced by a file")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/target.yaml")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == Self.twoFacilities.replacingOccurrences(of: Self.fa, with: Self.faDivested))
        // No stray temp file beside the link or the target.
        #expect(try FileManager.default.contentsOfDirectory(atPath: session.directory + "/real") == ["target.yaml"])
        try session.keys("q")
    }

    /// Sends a signal to the running dashboard.
    private func kill(_ session: TmuxSession, _ signal: String = "TERM") throws {
        let pid = try #require(dashboardPID(session), "no capdash process to signal")
        _ = try runShell("kill -\(signal) \(pid)")
    }

    /// The one facility row of f-a, as the table shows it.
    private func row(_ id: String, in screen: String) -> String {
        screen.split(separator: "\n").first { $0.contains("│▸\(id) ") || $0.contains("│ \(id) ") }.map(String.init) ?? ""
    }

    @Test("SIGTERM with a stake-only edit keeps it; the next open offers it and y restores the stake")
    func stakeOnlyRecovery() throws {
        let session = try TmuxSession()
        let path = try session.write("s.yaml", Self.head + Self.block("f-a", name: "Alpha", disposition: "contribute") + Self.fb)
        let recovery = session.directory + "/.s.capdash-recover.yaml"
        let first = open(session, path)
        #expect(row("f-a", in: first).contains("contr. 20%"))
        try session.keys("]")
        let stepped = session.waitFor { row("f-a", in: $0).contains("contr. 25%") }
        #expect(stepped.contains("● modified"))
        try kill(session)
        let stopped = session.waitFor { $0.contains("stopped by signal") }
        // The shell wraps the long line at the pane's width.
        #expect(stopped.replacingOccurrences(of: "\n", with: "").contains("unsaved edits kept in \(recovery)"), "\(stopped)")
        #expect(try ScenarioLoader.load(path: recovery).facilities.first?.retainedStake == 0.25)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("disposition: contribute\n  - id: f-b"))  // untouched
        _ = open(session, path)
        let offer = session.waitFor { $0.contains("y restores, n discards") }
        #expect(offer.contains("restore 1 unsaved change from an earlier session?"), "\(offer)")
        try session.keys("y")
        let restored = session.waitFor { $0.contains("restored 1 unsaved change") }
        #expect(row("f-a", in: restored).contains("contr. 25%"), "\(restored)")
        #expect(restored.contains("● modified"))
        #expect(!FileManager.default.fileExists(atPath: recovery))
        try session.keys("q", "q")
    }

    @Test("SIGTERM with a contribution, its stake and the tax rate edited: all three come back")
    func stakeAndTaxRecovery() throws {
        let session = try TmuxSession()
        let path = try session.write("s.yaml", Self.twoFacilities)
        _ = open(session, path)
        try session.keys("c", "]")
        _ = session.waitFor { row("f-a", in: $0).contains("contr. 25%") }
        try session.keys("a", "]")
        _ = session.waitFor { $0.contains("tax_rate = 22.0%") }
        try session.keys("a")
        _ = session.waitFor { $0.contains("Facilities 2") }
        try kill(session)
        _ = session.waitFor { $0.contains("stopped by signal") }
        let kept = try ScenarioLoader.load(path: session.directory + "/.s.capdash-recover.yaml")
        #expect(kept.facilities.first?.disposition == .contribute)
        #expect(kept.facilities.first?.retainedStake == 0.25)
        #expect(kept.assumptions.taxRate == 0.22)
        _ = open(session, path)
        let offer = session.waitFor { $0.contains("y restores, n discards") }
        #expect(offer.contains("restore 3 unsaved changes from an earlier session?"), "\(offer)")
        try session.keys("y")
        let restored = session.waitFor { $0.contains("restored 3 unsaved changes") }
        #expect(row("f-a", in: restored).contains("contr. 25%"), "\(restored)")
        try session.keys("a")
        let assumptions = session.waitFor { $0.contains("Assumptions") }
        #expect(assumptions.contains("Tax rate                    22.0%  was 21.0%"), "\(assumptions)")
        try session.keys("a", "q", "q")
    }

    /// Runs the dashboard where the scenario's directory cannot be written. As root, permission
    /// bits do not stop a write (CAP_DAC_OVERRIDE), so a chmod 555 directory alone proves
    /// nothing; the dashboard is then run as nobody through `setpriv` (util-linux), for whom
    /// 555 really denies it. (chattr +i would deny root too, but an immutable directory left by
    /// a crashed test could not be removed; a read-only bind mount needs a mount namespace.)
    @Test("a read-only scenario folder: SIGTERM keeps unsaved edits in $XDG_STATE_HOME/capdash, stderr says where, the next open offers them",
        .enabled(if: geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "root needs setpriv to drop privileges"))
    func readOnlyFolderRecovery() throws {
        let session = try TmuxSession()
        let folder = session.directory + "/ro"
        let state = session.directory + "/state"
        let output = session.directory + "/out"
        for directory in [folder, state, output] { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let path = try session.write("ro/s.yaml", Self.twoFacilities)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        // Writable by whoever the dashboard runs as.
        for directory in [state, output] { try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory) }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
        let user = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        // The folder really is read-only for that user.
        _ = try runShell("\(user)touch \(folder)/probe 2>/dev/null")
        #expect(!FileManager.default.fileExists(atPath: folder + "/probe"), "the folder is writable: the test proves nothing")
        let environment = "env XDG_STATE_HOME=\(state) "
        let stderr = output + "/stderr.txt"
        _ = open(session, path, prefix: user + environment, suffix: " 2>\(stderr)")
        try session.keys("d")
        _ = session.waitFor { $0.contains("● modified") }
        try kill(session)
        _ = session.waitFor { !$0.contains("Capex freed") }
        let flattened = path.split(separator: "/").joined(separator: "%")
        let recovery = state + "/capdash/" + flattened + ".capdash-recover.yaml"
        _ = session.waitFor { _ in FileManager.default.fileExists(atPath: recovery) }
        #expect(FileManager.default.fileExists(atPath: recovery))
        #expect(!FileManager.default.fileExists(atPath: folder + "/.s.capdash-recover.yaml"))
        #expect(try ScenarioLoader.load(path: recovery).facilities.first?.disposition == .divest)
        let message = try String(contentsOfFile: stderr, encoding: .utf8)
        #expect(message.contains("capdash: stopped by signal 15; unsaved edits kept in \(recovery)"), "stderr: \(message)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.twoFacilities)
        // The next open (same user, same state folder) finds it there.
        _ = open(session, path, prefix: user + environment, suffix: " 2>\(stderr)")
        let offer = session.waitFor { $0.contains("y restores, n discards") }
        #expect(offer.contains("restore 1 unsaved change from an earlier session?"), "\(offer)")
        try session.keys("y")
        let restored = session.waitFor { $0.contains("restored 1 unsaved change") }
        #expect(restored.contains("● modified"))
        #expect(row("f-a", in: restored).contains("divest"))
        #expect(!FileManager.default.fileExists(atPath: recovery))
        try session.keys("q", "q")
    }

    @Test("a recovery file that is not a valid scenario is reported on the status line and kept")
    func invalidRecovery() throws {
        let session = try TmuxSession()
        let path = try session.write("s.yaml", Self.twoFacilities)
        let garbage = "schema: capdash/v1\nfacilities: [\n"
        let recovery = try session.write(".s.capdash-recover.yaml", garbage)
        let screen = open(session, path)
        let reported = screen.contains("cannot be used") ? screen : session.waitFor { $0.contains("cannot be used") }
        #expect(statusLine(reported).hasPrefix("recovery file cannot be used and is kept: invalid YAML"), "\(statusLine(reported))")
        #expect(!reported.contains("● modified"))
        try session.keys("j", "q")
        _ = session.waitFor { !$0.contains("Capex freed") }
        #expect(try String(contentsOfFile: recovery, encoding: .utf8) == garbage)
    }

    @Test("a recovery file of other facilities is reported on the status line and kept")
    func foreignRecovery() throws {
        let session = try TmuxSession()
        let path = try session.write("s.yaml", Self.twoFacilities)
        let foreign = Self.head + Self.block("x-1", name: "Other", disposition: "divest") + Self.block("x-2", name: "Other 2", disposition: "leaseback")
        let recovery = try session.write(".s.capdash-recover.yaml", foreign)
        let screen = open(session, path)
        let reported = screen.contains("it is kept") ? screen : session.waitFor { $0.contains("it is kept") }
        #expect(statusLine(reported).hasPrefix("recovery file is of other facilities (none of its 2 is in this scenario); it is kept: /"), "\(statusLine(reported))")
        #expect(!reported.contains("y restores"))
        #expect(!reported.contains("● modified"))
        try session.keys("q")
        _ = session.waitFor { !$0.contains("Capex freed") }
        #expect(try String(contentsOfFile: recovery, encoding: .utf8) == foreign)
    }

    @Test("a recovery file that also holds a facility the scenario lost: y restores the rest and keeps the file")
    func partlyForeignRecovery() throws {
        // At 120 columns the offer takes the whole status line and still names the missing facility.
        let session = try TmuxSession(width: 120)
        let path = try session.write("s.yaml", Self.twoFacilities)
        let partly = Self.head + Self.faDivested + Self.block("x-1", name: "Deleted meanwhile", disposition: "leaseback") + Self.fb
        let recovery = try session.write(".s.capdash-recover.yaml", partly)
        _ = open(session, path)
        let offer = session.waitFor { $0.contains("y restores, n discards") }
        #expect(statusLine(offer).hasPrefix("restore 1 unsaved change? y restores, n discards, Esc later; x-1 is not in this scenario, so y keeps the file"), "\(statusLine(offer))")
        try session.keys("y")
        let restored = session.waitFor { $0.contains("restored 1 unsaved change") }
        #expect(statusLine(restored).hasPrefix("restored 1 unsaved change; x-1 is not in this scenario, so "), "\(statusLine(restored))")
        #expect(row("f-a", in: restored).contains("divest"))
        #expect(try String(contentsOfFile: recovery, encoding: .utf8) == partly)
        try session.keys("q", "q")
    }
}
