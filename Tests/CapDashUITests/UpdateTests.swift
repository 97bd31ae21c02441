import CapDashModel
import CapDashReport
import Testing
@testable import CapDashUI

@Suite("update: every key")
struct UpdateTests {
    @Test("j, k, arrows, g, G, PgDn and PgUp move the cursor within the list")
    func movement() {
        var state = exampleState()
        #expect(selectedID(state) == "us-prineville-1")
        press("j j", &state)
        #expect(state.cursor == 2)
        press("down up k", &state)
        #expect(state.cursor == 1)
        press("G", &state)
        #expect(state.cursor == 13)
        press("j", &state)
        #expect(state.cursor == 13)
        press("g", &state)
        #expect(state.cursor == 0)
        press("k", &state)
        #expect(state.cursor == 0)
        press("pgdn", &state)
        #expect(state.cursor == min(13, state.pageSize))
        press("pgup", &state)
        #expect(state.cursor == 0)
        press("end home", &state)
        #expect(state.cursor == 0)
    }

    @Test("space cycles retain → divest → leaseback → contribute → retain and the cursor follows the facility")
    func spaceCycles() {
        var state = exampleState()
        press("space", &state)
        #expect(disposition("us-prineville-1", state) == .divest)
        #expect(selectedID(state) == "us-prineville-1")
        press("space", &state)
        #expect(disposition("us-prineville-1", state) == .leaseback)
        press("space", &state)
        #expect(disposition("us-prineville-1", state) == .contribute)
        press("space", &state)
        #expect(disposition("us-prineville-1", state) == .retain)
        #expect(!state.isDirty)
    }

    @Test("edits leave the scenario as loaded intact: dispositions, stakes and assumptions come back from `loaded`, and undoing them clears dirty")
    func loadedKeptBesideEdits() {
        let file = ScenarioLoader.builtInExample()
        var state = exampleState()
        press("d j c ] a j + esc", &state)
        #expect(state.isDirty)
        #expect(state.scenario.assumptions != file.assumptions)
        #expect(state.undoStack.count == 4)
        #expect(state.loaded == file)
        #expect(state.loadedExceptFacilities.facilities.isEmpty)
        #expect(state.loadedExceptFacilities.assumptions == file.assumptions)
        press("u u u u", &state)
        #expect(state.scenario == file)
        #expect(!state.isDirty)
        #expect(state.loaded == file)
    }

    @Test("r, d and l set the disposition directly")
    func directKeys() {
        var state = exampleState()
        press("d", &state)
        #expect(disposition("us-prineville-1", state) == .divest)
        press("l", &state)
        #expect(disposition("us-prineville-1", state) == .leaseback)
        press("r", &state)
        #expect(disposition("us-prineville-1", state) == .retain)
        #expect(state.undoStack.count == 3)
    }

    @Test("c contributes; [ and ] step the stake 5 points; undo covers both; the pane marks it")
    func contribute() {
        var state = exampleState("c")
        #expect(disposition("us-prineville-1", state) == .contribute)
        #expect(view(state).plainText.contains("contr. 20%"))
        press("] ]", &state)
        #expect(state.scenario.facilities[0].retainedStake == 0.3)
        // Prineville at 30%, plus the example's own contributions: New Albany at 20%, Mesa at the default 20%.
        #expect(abs(state.evaluation.finance.retainedEquity - (0.3 * 520e6 + 0.2 * 600e6 + 0.2 * 110e6)) < 1e-3)
        #expect(view(state).plainText.contains("Retained equity"))
        press("u u", &state)
        #expect(state.scenario.facilities[0].retainedStake == nil)
        press("u", &state)
        #expect(!state.isDirty)
        var low = exampleState("c [ [ [ [")
        #expect(low.scenario.facilities[0].retainedStake == 0)
        press("[", &low)
        #expect(low.message?.isError == true)
        var high = exampleState("c")
        for _ in 0..<20 { press("]", &high) }
        #expect(high.scenario.facilities[0].retainedStake == 0.95)
    }

    @Test("a facility without a sale price cannot be sold, and the status line says why")
    func noSalePrice() {
        var state = exampleState("j")
        #expect(selectedID(state) == "us-council-bluffs-3")
        press("d", &state)
        #expect(disposition("us-council-bluffs-3", state) == .retain)
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("has no sale price") == true)
        #expect(state.undoStack.isEmpty)
    }

    @Test("divesting a facility changes capex freed by exactly what the model says")
    func toggleMatchesModel() throws {
        var state = exampleState()
        press("d", &state)
        var overrides = ScenarioOverrides()
        overrides.set(.divest, ids: "us-prineville-1")
        let expected = evaluate(try overrides.apply(to: ScenarioLoader.builtInExample()).get())
        #expect(state.evaluation.finance.capexFreed == expected.finance.capexFreed)
        #expect(state.evaluation.finance == expected.finance)
        #expect(state.evaluation.capacity == expected.capacity)
        #expect(state.evaluation.regions == expected.regions)
        #expect(state.evaluation.warningCount == expected.warningCount)
        #expect(state.evaluation.warningCount == ScenarioWarnings.list(state.scenario).count)
    }

    @Test("undo and redo are unlimited; a new edit clears redo")
    func undoRedo() {
        var state = exampleState()
        let original = state.evaluation
        press("d j j j l j d", &state)
        #expect(state.undoStack.count == 3)
        press("u u u", &state)
        #expect(state.evaluation == original)
        #expect(!state.isDirty)
        press("u", &state)
        #expect(state.message?.text == "nothing to undo")
        press("C-r C-r", &state)
        #expect(state.undoStack.count == 2)
        press("C-r C-r", &state)
        #expect(state.undoStack.count == 3)
        #expect(state.message?.text == "nothing to redo")
        press("u d", &state)
        #expect(state.redoStack.isEmpty)
    }

    @Test("R resets to the file as loaded in one undoable step")
    func reset() {
        var state = exampleState("d j j j l a ]")
        #expect(state.isDirty)
        press("R", &state)
        #expect(!state.isDirty)
        #expect(state.evaluation == exampleState().evaluation)
        press("u", &state)
        #expect(state.isDirty)
        #expect(state.scenario.assumptions.taxRate == 0.22)
    }

    @Test("a and Tab switch between facilities and assumptions")
    func panes() {
        var state = exampleState()
        press("a", &state)
        #expect(state.pane == .assumptions)
        press("a", &state)
        #expect(state.pane == .facilities)
        press("tab", &state)
        #expect(state.pane == .assumptions)
        press("btab", &state)
        #expect(state.pane == .facilities)
    }

    @Test("x shows the tornado, which follows every edit; x again closes it")
    func tornado() {
        var state = exampleState("x")
        #expect(state.pane == .sensitivity)
        let before = state.tornado?.baseCapexFreed
        #expect(before == state.evaluation.finance.capexFreed)
        press("x d", &state)  // back to facilities, divest the first
        #expect(state.tornado == nil)
        press("x", &state)
        #expect(state.tornado?.baseCapexFreed == state.evaluation.finance.capexFreed)
        #expect(state.tornado?.baseCapexFreed != before)
    }

    @Test("O proposes a goal-seek plan; Enter accepts it as one undoable step, Esc dismisses it")
    func goalSeek() throws {
        var state = exampleState("O 2B enter")
        guard case .planOffer(let edits) = state.mode else {
            Issue.record("expected a plan offer, got \(state.mode)")
            return
        }
        #expect(!edits.isEmpty)
        #expect(!state.isDirty)
        press("enter", &state)
        #expect(state.evaluation.finance.capexFreed >= 2e9)
        #expect(state.evaluation.capacity.aiReadyDivestedMW == 0)
        #expect(state.undoStack.count == 1)
        let plan = try Optimizer.optimize(ScenarioLoader.builtInExample(), goal: .reachCapex(2e9), constraints: .init(keepAIReady: true)).get()
        #expect(state.scenario.facilities.map(\.disposition) == plan.dispositions)
        press("u", &state)
        #expect(!state.isDirty)
        var dismissed = exampleState("O 2B enter esc")
        #expect(dismissed.mode == .normal && !dismissed.isDirty)
        press("O lots enter", &dismissed)
        #expect(dismissed.message?.text == "target: expected money like 2B, found \"lots\"")
        press("esc O 900B enter", &dismissed)
        #expect(dismissed.message?.text.hasPrefix("no plan: the target cannot be reached") == true)
    }

    @Test("a goal-seek plan that partner-finances a development counts its rent and guarantee in the offer's rent PV")
    func goalSeekDevelopmentRent() throws {
        let scenario = try ScenarioLoader.load(path: "Scenarios/hyperion.yaml")
        var state = DashboardState(scenario: scenario, size: Size(width: 160, height: 40))
        press("O 20B enter", &state)
        let plan = try Optimizer.optimize(scenario, goal: .reachCapex(20e9), constraints: .init(keepAIReady: true)).get()
        #expect(plan.financings == [.partner, .partner])
        let rent = Optimizer.Objective.rentPV.value(in: plan.evaluation)
        #expect(rent > plan.evaluation.finance.developmentRentPV)  // the guarantee's expected cost is in it
        #expect(state.message?.text.contains("rent PV \(Format.money(rent, currency: "USD"))") == true, "\(state.message?.text ?? "")")
    }

    @Test("while the goal-seek solves, the status line counts its seconds against the time limit; Esc cancels it")
    func goalSeekProgress() {
        var state = exampleState("O 2B")
        let effects = update(&state, key: .enter)  // the solve is an effect, not run here
        guard case .goalSeek(let job, _, _, _) = effects.first else {
            Issue.record("expected a goal-seek effect, got \(effects)")
            return
        }
        #expect(view(state).lines.last?.hasPrefix("goal-seek for capex freed of at least $2.00B: solving… · Esc cancels") == true)
        _ = update(&state, .jobRunning(job: job, seconds: 3))
        #expect(view(state).lines.last?.hasPrefix("goal-seek for capex freed of at least $2.00B: solving, 3 s of 30 s · Esc cancels") == true)
        _ = update(&state, .jobRunning(job: job + 1, seconds: 9))  // another job's tick changes nothing
        #expect(state.solvingSeconds == 3)
        #expect(update(&state, key: .escape) == [.cancel(job: job)])
        #expect(state.mode == .normal)
    }

    @Test("T shows the deal timeline; C compares with a second scenario, or offers the files beside this one")
    func timelineAndCompare() {
        var state = exampleState("T")
        #expect(state.pane == .timeline)
        press("T", &state)
        #expect(state.pane == .facilities)
        #expect(press("C", &state) == [.listScenarios(directory: ".")])  // the built-in example: the working directory
        _ = update(&state, .scenarioFiles(["dir/a.yaml", "dir/b.csv"]))
        #expect(state.mode == .pickingComparison)
        press("j", &state)
        #expect(press("enter", &state) == [.loadComparison("dir/b.csv")])
        var other = ScenarioLoader.builtInExample()
        other.facilities[0].disposition = .divest
        _ = update(&state, .comparisonLoaded(.success(other)))
        #expect(state.pane == .comparison)
        let screen = view(state).plainText
        #expect(screen.contains("Decisions that differ: 1"))
        #expect(screen.contains("us-prineville-1  retain → divest"))
        press("C", &state)
        #expect(state.pane == .facilities)
        _ = update(&state, .scenarioFiles([]))
        #expect(state.message?.isError == true)
    }

    @Test("[ and ] step assumptions in sensible steps, within their valid range")
    func stepping() {
        var state = exampleState("a")
        press("]", &state)
        #expect(state.scenario.assumptions.taxRate == 0.22)
        press("[ [ [", &state)
        #expect(state.scenario.assumptions.taxRate == 0.19)
        press("j j ] ]", &state)
        #expect(state.scenario.assumptions.discountRate == 0.09)
        press("j +", &state)
        #expect(state.scenario.assumptions.horizonYears == 6)
        press("j j j j j j -", &state)
        #expect(state.scenario.assumptions.gpu.unitCapex == 45_000)
        press("G ]", &state)
        #expect(state.scenario.assumptions.gpu.mfu == 0.41)
        var floor = exampleState("a")
        for _ in 0..<25 { press("[", &floor) }
        #expect(floor.scenario.assumptions.taxRate == 0)
        #expect(floor.message?.isError == true)
    }

    @Test("e types an exact value, validated like the file; Esc cancels")
    func editing() {
        var state = exampleState("a j j e")
        #expect(state.mode == .editing(.assumption(.discountRate), "0.08"))
        press("bs bs bs bs 1.5 enter", &state)
        #expect(state.mode == .editing(.assumption(.discountRate), "1.5"))
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("expected a rate from 0 to 1") == true)
        press("C-u 0.1 enter", &state)
        #expect(state.mode == .normal)
        #expect(state.scenario.assumptions.discountRate == 0.1)
        press("e 9 esc", &state)
        #expect(state.scenario.assumptions.discountRate == 0.1)
        #expect(state.mode == .normal)
    }

    @Test("/ filters by id, name or region as you type; Enter keeps it, Esc clears it")
    func filtering() {
        var state = exampleState("/ dub")
        #expect(state.mode == .filtering)
        #expect(state.rows.count == 1)
        #expect(selectedID(state) == "eu-dublin-1")
        press("bs bs bs EU", &state)
        #expect(state.rows.count == 5)
        press("enter", &state)
        #expect(state.mode == .normal)
        #expect(state.filter == "EU")
        press("d", &state)
        #expect(state.rows.count == 5)
        press("esc", &state)
        #expect(state.filter.isEmpty)
        #expect(state.rows.count == 14)
        press("/ zzz", &state)
        #expect(state.rows.count == 0)
        #expect(state.selectedFacility == nil)
        press("esc", &state)
        #expect(state.rows.count == 14)
    }

    @Test("o cycles the sort: file order, MW, sale price, gain, name")
    func sorting() {
        var state = exampleState("o")
        #expect(state.sort == .capacity)
        #expect([0, 1].map { position -> String? in
            guard case .facility(let index) = state.rows.item(at: position) else { return nil }
            return state.scenario.facilities[index].id
        } == ["us-council-bluffs-3", "us-prineville-1"])
        press("o", &state)
        #expect(state.sort == .salePrice)
        press("o o", &state)
        #expect(state.sort == .name)
        guard case .facility(let first) = state.rows.item(at: 0) else {
            Issue.record("expected a facility first")
            return
        }
        #expect(state.scenario.facilities[first].name == "Amsterdam 2")
        press("o", &state)
        #expect(state.sort == .file)
    }

    @Test("t cycles themes")
    func themes() {
        var state = exampleState()
        #expect(state.themeName == "dark")
        press("t", &state)
        #expect(state.themeName == "light")
        press("t t t", &state)
        #expect(state.themeName == "dark")
    }

    @Test("q quits at once when clean, asks once when there are unsaved changes")
    func quitting() {
        var clean = exampleState()
        #expect(press("q", &clean) == [.quit])
        var dirty = exampleState("d")
        #expect(press("q", &dirty).isEmpty)
        #expect(dirty.message?.text.contains("unsaved changes") == true)
        #expect(press("q", &dirty) == [.quit])
        var disarmed = exampleState("d q j")
        #expect(press("q", &disarmed).isEmpty)
    }

    @Test("Ctrl-C quits, Ctrl-Z suspends")
    func controlKeys() {
        var state = exampleState("d")
        #expect(press("C-c", &state) == [.quit])
        #expect(press("C-z", &state) == [.suspend])
    }

    @Test("? opens the help overlay; Esc or ? closes it; other keys do nothing meanwhile")
    func help() {
        var state = exampleState("?")
        #expect(state.mode == .help(.keys, scroll: 0))
        press("d", &state)
        #expect(!state.isDirty)
        press("esc", &state)
        #expect(state.mode == .normal)
    }

    @Test("s asks the shell to save the current scenario against the loaded one")
    func save() {
        var state = exampleState("d")
        let effects = press("s", &state)
        #expect(effects == [.save(current: state.scenario, loaded: state.loaded)])
        _ = update(&state, .saved(paths: ["x.yaml"], note: nil, reloaded: nil))
        #expect(!state.isDirty)
        #expect(state.message?.text == "saved x.yaml")
        _ = update(&state, .saveFailed("disk full"))
        #expect(state.message?.isError == true)
    }

    @Test("a save that merged another editor's change shows it, leaves nothing unsaved and keeps undo; s again never reverts it")
    func saveAdoptsTheirChange() throws {
        var state = exampleState("d")  // us-prineville-1: ours
        var saved = state.scenario
        saved.facilities[3].disposition = .leaseback  // eu-paris-1: theirs, kept by the in-place save
        saved.assumptions.pue = 1.3                    // theirs too
        _ = update(&state, .saved(paths: ["x.yaml"], note: nil, reloaded: saved))
        #expect(!state.isDirty)
        #expect([0, 3].map { state.scenario.facilities[$0].disposition } == [.divest, .leaseback])
        #expect(state.scenario.assumptions.pue == 1.3)
        #expect(ScenarioEdit.edits(from: state.loaded, to: state.scenario).isEmpty)  // a second s writes nothing of ours over theirs
        press("u", &state)
        #expect([0, 3].map { state.scenario.facilities[$0].disposition } == [.retain, .leaseback])
    }

    @Test("after a save took their assumption and development values, undoing ours puts back ours alone")
    func undoAfterMergedSaveKeepsTheirs() throws {
        var state = DashboardState(scenario: try ScenarioLoader.load(path: "Scenarios/hyperion.yaml"), size: Size(width: 120, height: 40))
        _ = update(&state, .stepSetting(.assumption(.discountRate), by: 4))               // ours: 8% → 10%
        _ = update(&state, .setFinancing(development: 1, .partner))                      // ours: El Paso partner-financed
        var saved = state.scenario
        saved.assumptions.taxRate = 0.25                                                 // theirs
        saved.developments[1].developmentCost = 2e9                                      // theirs
        saved.developments[1].lease.escalation = 0.03                                    // theirs
        _ = update(&state, .saved(paths: ["x.yaml"], note: nil, reloaded: saved))
        press("u", &state)
        #expect(state.scenario.developments[1].financing == .own)
        #expect(state.scenario.developments[1].developmentCost == 2e9)
        #expect(state.scenario.developments[1].lease.escalation == 0.03)
        press("u", &state)
        #expect(state.scenario.assumptions.discountRate == 0.08)
        #expect(state.scenario.assumptions.taxRate == 0.25)
        press("C-r", &state)
        #expect(abs(state.scenario.assumptions.discountRate - 0.1) < 1e-12)
        #expect(state.scenario.assumptions.taxRate == 0.25)
    }

    @Test("a save whose edit conflicted keeps that edit on screen, unsaved; the edits that landed are saved")
    func saveKeepsConflictingEdit() throws {
        var state = exampleState("d")
        _ = update(&state, .setDisposition(facility: 3, .divest))  // us-prineville-1 and eu-paris-1 divested
        var saved = state.scenario
        saved.facilities[0].disposition = .leaseback  // theirs won on disk; ours went beside
        _ = update(&state, .saved(paths: ["x.yaml", "x.capdash.yaml"], note: "us-prineville-1's disposition changed on disk (now leaseback)", reloaded: saved))
        #expect([0, 3].map { state.scenario.facilities[$0].disposition } == [.divest, .divest])
        #expect(state.isDirty)
        #expect(ScenarioEdit.edits(from: state.loaded, to: state.scenario).count == 1)
    }

    @Test("a save that went beside says which edit and why before any path, on a status line too narrow for both")
    func besideSaveNoteFirst() throws {
        let long = "/tmp/capdash-e2e-0123456789ABCDEF0123456789ABCDEF0123/"
        var state = DashboardState(scenario: try loadedFrom(long + "s.yaml"), size: Size(width: 120, height: 40))
        press("d", &state)
        let note = "us-prineville-1 is no longer in the file"
        _ = update(&state, .saved(paths: [long + "s.capdash.yaml"], note: note, reloaded: nil))
        #expect(state.message?.text == "saved to s.capdash.yaml: us-prineville-1 is no longer in the file")
        #expect(state.message?.isError == true)
        // Part in place, part beside: the reason still leads; the in-place file is named after it.
        _ = update(&state, .saved(paths: [long + "s.yaml", long + "s.capdash.yaml"], note: note, reloaded: nil))
        #expect(state.message?.text == "saved to s.capdash.yaml: us-prineville-1 is no longer in the file; the rest in place in \(long)s.yaml")
        // What the status line shows of it (its right end holds the sort) still names the facility and the cause.
        let status = view(state).lines.last.map { String($0.prefix(100)) } ?? ""
        #expect(status.contains("us-prineville-1 is no longer in the file"))
    }

    @Test("a change on disk while edits are unsaved says they are kept before the (long) path")
    func changedOnDiskMessageFirst() throws {
        var state = DashboardState(
            scenario: try loadedFrom("/tmp/capdash-e2e-0123456789ABCDEF0123456789ABCDEF0123/s.yaml"), size: Size(width: 120, height: 40))
        press("d", &state)
        var changed = state.loaded
        changed.name = "Renamed by someone else"
        _ = update(&state, .fileChanged(.success(changed)))
        #expect(state.message?.text.hasPrefix("changed on disk; your unsaved edits are kept (s saves them): /tmp/") == true)
    }

    @Test("w asks the shell to write the review pack beside the scenario, off the update loop")
    func writeReview() throws {
        var state = exampleState("d")
        #expect(press("w", &state) == [.writeReview(directory: ".")])
        var inFolder = DashboardState(scenario: try loadedFrom("plans/q3/plants.yaml"), size: Size(width: 120, height: 40))
        #expect(press("w", &inFolder) == [.writeReview(directory: "plans/q3")])
        let markdown = ReviewPack.markdown(state)
        #expect(markdown.contains("us-prineville-1"))
        #expect(markdown.contains("┌ Facilities 14"))
        #expect(markdown.contains("| Capex freed | $3.06B |"))
        #expect(markdown.contains("## Sensitivity of"))
        #expect(markdown.contains("## Deal timeline"))
        _ = update(&state, .reviewWritten(["plans/q3/capdash-review-1.md"]))
        #expect(state.message?.text == "wrote plans/q3/capdash-review-1.md")
    }

    @Test("a file changed on disk reloads and keeps the cursor on the same facility")
    func reload() throws {
        var state = exampleState("j j j")
        #expect(selectedID(state) == "eu-paris-1")
        var changed = ScenarioLoader.builtInExample()
        changed.facilities.swapAt(0, 3)
        changed.name = "Changed"
        _ = update(&state, .fileChanged(.success(changed)))
        #expect(state.scenario.name == "Changed")
        #expect(selectedID(state) == "eu-paris-1")
        #expect(state.message?.text.hasPrefix("reloaded") == true)
    }

    @Test("an invalid file on disk keeps the last good state, with the error shown")
    func invalidReload() {
        var state = exampleState()
        let error = ScenarioLoadError([.error(file: "s.yaml", at: SourcePosition(line: 3, column: 1), "name", "missing")])
        _ = update(&state, .fileChanged(.failure(error)))
        #expect(state.scenario.name == "Legacy data-center divestiture (illustrative)")
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("s.yaml:3:1: name: missing") == true)
    }

    @Test("unsaved edits survive a change on disk")
    func reloadWhileDirty() {
        var state = exampleState("d")
        var changed = ScenarioLoader.builtInExample()
        changed.name = "Renamed by someone else"
        _ = update(&state, .fileChanged(.success(changed)))
        #expect(disposition("us-prineville-1", state) == .divest)
        #expect(state.message?.isError == true)
        // A file touched but holding the same scenario says nothing.
        var quiet = exampleState("d")
        _ = update(&quiet, .fileChanged(.success(ScenarioLoader.builtInExample())))
        #expect(quiet.message?.text == "d: us-prineville-1: retain → divest · u undoes")
    }

    @Test("below 60x20 only quitting works")
    func tooSmall() {
        var state = exampleState(size: Size(width: 50, height: 15))
        press("d", &state)
        #expect(!state.isDirty)
        #expect(press("q", &state) == [.quit])
    }

    @Test("resizing keeps the cursor row on screen")
    func resizeScrolls() {
        var state = exampleState("G")
        _ = update(&state, .resized(Size(width: 80, height: 24)))
        let visible = Layout(state.size)!.visibleTableRows
        let row = state.rows.displayRow(ofPosition: state.cursor)
        #expect(row >= state.scroll && row < state.scroll + visible)
    }
}

@Suite("Recovery of unsaved edits")
struct RecoveryTests {
    private func recovered() -> Scenario {
        var scenario = ScenarioLoader.builtInExample()
        scenario.facilities[0].disposition = .divest
        scenario.assumptions.taxRate = 0.3
        return scenario
    }

    @Test("y restores a recovery file's edits as one undoable step and deletes the file")
    func restore() {
        var state = exampleState()
        _ = update(&state, .recoveryFound(path: ".x.capdash-recover.yaml", .success(recovered())))
        #expect(state.mode == .recoveryOffer)
        #expect(press("d", &state).isEmpty)
        #expect(!state.isDirty)
        #expect(press("y", &state) == [.discardRecovery(".x.capdash-recover.yaml")])
        #expect(disposition("us-prineville-1", state) == .divest)
        #expect(state.scenario.assumptions.taxRate == 0.3)
        press("u", &state)
        #expect(!state.isDirty)
    }

    @Test("n discards the recovery file; Esc keeps it for later")
    func decline() {
        var state = exampleState()
        _ = update(&state, .recoveryFound(path: "r.yaml", .success(recovered())))
        #expect(press("n", &state) == [.discardRecovery("r.yaml")])
        #expect(!state.isDirty)
        var later = exampleState()
        _ = update(&later, .recoveryFound(path: "r.yaml", .success(recovered())))
        #expect(press("esc", &later).isEmpty)
        #expect(later.mode == .normal)
    }

    @Test("the file changes on disk while a recovery is offered: the offer is checked again against the new file, and y never touches a facility by its old place")
    func reloadDuringOffer() {
        var state = DashboardState(scenario: try! loadedFrom("/s/x.yaml"), size: Size(width: 120, height: 40))
        var recovery = state.scenario
        let last = recovery.facilities.count - 1
        recovery.facilities[last].disposition = recovery.facilities[last].disposition == .divest ? .retain : .divest
        _ = update(&state, .recoveryFound(path: "/s/.x.capdash-recover.yaml", .success(recovery)))
        #expect(state.mode == .recoveryOffer)
        // Another editor removes that last facility.
        var changed = state.scenario
        changed.facilities.removeLast()
        #expect(update(&state, .fileChanged(.success(changed))) == [.checkRecovery(scenarioFile: "/s/x.yaml")])
        #expect(state.mode == .normal)
        #expect(state.pendingRecovery == nil)
        #expect(press("y", &state).isEmpty)
        #expect(state.scenario == changed)
        // Checked again: the recovery names a facility the file no longer has, which the offer says.
        _ = update(&state, .recoveryFound(path: "/s/.x.capdash-recover.yaml", .success(recovery)))
        #expect(state.scenario == changed)
    }

    @Test("the file changes on disk during a goal-seek or with a plan offered: the solve is cancelled, the plan dropped")
    func reloadDuringPlan() {
        var changed = ScenarioLoader.builtInExample()
        changed.facilities.swapAt(0, 1)
        var solving = exampleState("O 2B")
        let started = update(&solving, key: .enter)  // the solve is not run here
        guard case .planSolving(let job, _) = solving.mode, case .goalSeek = started.first else {
            Issue.record("expected a running goal-seek, got \(solving.mode)")
            return
        }
        #expect(update(&solving, .fileChanged(.success(changed))) == [.cancel(job: job)])
        #expect(solving.mode == .normal)
        var offered = exampleState("O 2B enter")
        guard case .planOffer = offered.mode else {
            Issue.record("expected a plan offer, got \(offered.mode)")
            return
        }
        #expect(update(&offered, .fileChanged(.success(changed))).isEmpty)
        #expect(offered.mode == .normal)
        press("enter y", &offered)
        #expect(offered.scenario == changed)
        #expect(!offered.isDirty)
    }

    @Test("a recovery file with nothing new offers nothing")
    func nothingNew() {
        var state = exampleState()
        _ = update(&state, .recoveryFound(path: "r.yaml", .success(ScenarioLoader.builtInExample())))
        #expect(state.mode == .normal)
        #expect(state.pendingRecovery == nil)
    }

    @Test("an unusable or foreign recovery file is reported, cause before path, and never deleted")
    func unusableKept() {
        let long = "/tmp/capdash-e2e-0123456789ABCDEF0123456789ABCDEF0123/.plants.capdash-recover.yaml"
        var state = exampleState()
        let error = ScenarioLoadError([.error(file: long, at: SourcePosition(line: 2, column: 14), "facilities", "invalid YAML")])
        #expect(update(&state, .recoveryFound(path: long, .failure(error))).isEmpty)
        #expect(state.message?.text == "recovery file cannot be used and is kept: invalid YAML (\(long))")
        #expect(state.mode == .normal)
        var foreign = ScenarioLoader.builtInExample()
        for index in foreign.facilities.indices { foreign.facilities[index].id = "other-\(index)" }
        foreign.developments = []
        var other = exampleState()
        #expect(update(&other, .recoveryFound(path: long, .success(foreign))).isEmpty)
        #expect(other.message?.text.hasPrefix("recovery file is of other facilities (none of its 14 is in this scenario); it is kept: ") == true)
        #expect(other.message?.isError == true)
        #expect(other.mode == .normal)
        #expect(!other.isDirty)
        for keys in ["y", "n", "esc"] { #expect(press(keys, &other).allSatisfy { if case .discardRecovery = $0 { false } else { true } }) }
    }

    @Test("y restores what matches a recovery file that also holds facilities this scenario lacks, and keeps the file")
    func partlyForeign() {
        var partly = recovered()
        partly.facilities[1].id = "sold-meanwhile"
        partly.facilities[1].disposition = .leaseback
        var state = exampleState()
        _ = update(&state, .recoveryFound(path: "r.yaml", .success(partly)))
        #expect(state.mode == .recoveryOffer)
        #expect(state.message?.text.contains("sold-meanwhile is not in this scenario, so y keeps the file") == true)
        #expect(press("y", &state).isEmpty)  // no discardRecovery
        #expect(disposition("us-prineville-1", state) == .divest)
        #expect(state.message?.text == "restored 2 unsaved changes; sold-meanwhile is not in this scenario, so r.yaml is kept (u undoes; s saves)")
        // n still discards it: the user chose to.
        var declined = exampleState()
        _ = update(&declined, .recoveryFound(path: "r.yaml", .success(partly)))
        #expect(press("n", &declined) == [.discardRecovery("r.yaml")])
    }

    @Test("the recovery file sits beside the scenario, hidden")
    func path() {
        #expect(RecoveryFile.path(for: "dir/plants.yaml") == "dir/.plants.capdash-recover.yaml")
        #expect(RecoveryFile.path(for: "plants.csv") == ".plants.capdash-recover.yaml")
    }
}
