import CapDashModel
import CapDashReport

/// The smallest terminal the dashboard draws in; below it, a message says so.
public let minimumSize = Size(width: 60, height: 20)

/// The dashboard's only state transition: pure, so every key is testable without a terminal.
public func update(_ state: inout DashboardState, _ action: Action) -> [Effect] {
    switch action {
    case .resized(let size):
        state.size = size
        state.keepCursorVisible()
        return []
    case .key(let key):
        let effects = handle(key, &state)
        state.keepCursorVisible()
        return effects
    case .fileChanged(.success(let scenario)):
        if state.isDirty {
            state.message = .init(text: "\(displayName(state.loaded)) changed on disk; your unsaved edits are kept (s saves them beside it)", isError: true)
        } else {
            state.adopt(loaded: scenario, replacingLive: true)
            state.message = .init(text: "reloaded \(displayName(scenario)): it changed on disk", isError: false)
        }
        state.keepCursorVisible()
        return []
    case .fileChanged(.failure(let error)):
        let first = error.diagnostics.first?.description ?? "invalid scenario"
        state.message = .init(text: "file changed on disk but is invalid, showing the last good state: \(first)", isError: true)
        return []
    case .saved(let paths, let note, let reloaded):
        state.adoptSaved(reloaded)
        state.message = .init(text: "saved " + paths.joined(separator: ", ") + (note.map { " (\($0))" } ?? ""), isError: false)
        return []
    case .saveFailed(let reason):
        state.message = .init(text: "not saved: \(reason); your edits are still here", isError: true)
        return []
    case .viewWritten(let path):
        state.message = .init(text: "wrote the view to \(path)", isError: false)
        return []
    case .viewWriteFailed(let reason):
        state.message = .init(text: "could not write the view: \(reason)", isError: true)
        return []
    case .scenarioFiles(let files):
        let current = state.loaded.file.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        state.scenarioChoices = files.filter { $0.split(separator: "/").last.map(String.init) != current }
        guard !state.scenarioChoices.isEmpty else {
            state.message = .init(text: "no other scenario files here to compare with (.yaml or .csv)", isError: true)
            return []
        }
        state.choiceCursor = 0
        state.mode = .pickingComparison
        return []
    case .comparisonLoaded(.success(let scenario)):
        state.other = scenario
        state.pane = .comparison
        state.message = .init(text: "comparing with \(displayName(scenario)); C closes", isError: false)
        return []
    case .comparisonLoaded(.failure(let error)):
        state.message = .init(text: "cannot compare: " + (error.diagnostics.first?.description ?? "invalid scenario"), isError: true)
        return []
    }
}

func displayName(_ scenario: Scenario) -> String {
    scenario.file ?? ScenarioLoader.builtInExampleName
}

private func handle(_ key: Key, _ state: inout DashboardState) -> [Effect] {
    if key == .control("c") { return [.quit] }
    if key == .control("z") { return [.suspend] }
    let tooSmall = state.size.width < minimumSize.width || state.size.height < minimumSize.height
    if tooSmall {
        return key == .character("q") ? [.quit] : []
    }
    switch state.mode {
    case .help:
        if [.character("?"), .character("q"), .escape, .enter].contains(key) { state.mode = .normal }
        return []
    case .filtering:
        handleFilterKey(key, &state)
        return []
    case .editing(let assumption, let text):
        handleEditKey(key, assumption, text, &state)
        return []
    case .recoveryOffer:
        return handleRecoveryKey(key, &state)
    case .planTarget(let text):
        handlePlanTargetKey(key, text, &state)
        return []
    case .planOffer(let edits):
        handlePlanOfferKey(key, edits, &state)
        return []
    case .pickingComparison:
        return handlePickKey(key, &state)
    case .normal:
        break
    }
    let wasArmed = state.quitArmed
    state.quitArmed = false
    if key != .character("q") { state.message = nil }

    switch key {
    case .character("q"):
        if state.isDirty && !wasArmed {
            state.quitArmed = true
            state.message = .init(text: "unsaved changes: q again quits without saving, s saves", isError: true)
            return []
        }
        return [.quit]
    case .character("?"):
        state.mode = .help
    case .character("j"), .down: move(by: 1, &state)
    case .character("k"), .up: move(by: -1, &state)
    case .pageDown, .control("f"), .control("d"): move(by: state.pageSize, &state)
    case .pageUp, .control("b"), .control("u"): move(by: -state.pageSize, &state)
    case .character("g"), .home: move(by: -Int.max / 2, &state)
    case .character("G"), .end: move(by: Int.max / 2, &state)
    case .tab, .backTab:
        state.pane = state.pane == .facilities ? .assumptions : .facilities
    case .character("a"):
        state.pane = state.pane == .assumptions ? .facilities : .assumptions
    case .character("x"):
        state.pane = state.pane == .sensitivity ? .facilities : .sensitivity
    case .character("T"):
        state.pane = state.pane == .timeline ? .facilities : .timeline
    case .character("C"):
        if state.pane == .comparison {
            state.pane = .facilities
        } else if state.other != nil {
            state.pane = .comparison
        } else {
            let file = state.loaded.file ?? "./"
            let directory = file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : "."
            return [.listScenarios(directory: directory.isEmpty ? "/" : directory)]
        }
    case .character(" "):
        if state.pane == .facilities, let index = state.selectedFacility {
            setDisposition(state.scenario.facilities[index].disposition.next, &state)
        }
    case .character("r"): setDisposition(.retain, &state)
    case .character("d"): setDisposition(.divest, &state)
    case .character("l"): setDisposition(.leaseback, &state)
    case .character("c"): setDisposition(.contribute, &state)
    case .character("]"), .character("+"), .character("="), .right: step(1, &state)
    case .character("["), .character("-"), .left: step(-1, &state)
    case .character("e"), .enter:
        if state.pane == .assumptions {
            let assumption = AssumptionKey.allCases[state.assumptionCursor]
            state.mode = .editing(assumption, assumption.editText(in: state.scenario.assumptions))
        } else if key == .character("e") {
            state.message = .init(text: "e edits an assumption: press a for the assumptions view", isError: false)
        }
    case .character("O"):
        state.mode = .planTarget("")
    case .character("u"): undo(&state)
    case .control("r"): redo(&state)
    case .character("R"): reset(&state)
    case .character("/"):
        state.pane = .facilities
        state.mode = .filtering
    case .escape:
        if !state.filter.isEmpty {
            state.filter = ""
            state.refreshRows()
        }
    case .character("o"):
        state.sort = state.sort.next
        state.refreshRows(resort: true)
        state.message = .init(text: "sorted by \(state.sort.rawValue)", isError: false)
    case .character("t"):
        state.themeIndex = (state.themeIndex + 1) % state.themeNames.count
        state.message = .init(text: "theme: \(state.themeName)", isError: false)
    case .character("s"):
        return [.save(current: state.scenario, loaded: state.loaded)]
    case .character("w"):
        return [.writeView(ReviewPack.markdown(state))]
    default:
        break
    }
    return []
}

private func move(by delta: Int, _ state: inout DashboardState) {
    switch state.pane {
    case .facilities:
        guard state.rows.count > 0 else { return }
        state.cursor = max(0, min(state.rows.count - 1, state.cursor.addingReportingOverflow(delta).partialValue))
    case .assumptions:
        let count = AssumptionKey.allCases.count
        state.assumptionCursor = max(0, min(count - 1, state.assumptionCursor.addingReportingOverflow(delta).partialValue))
    case .sensitivity, .timeline, .comparison:
        break
    }
}

private func setDisposition(_ disposition: Disposition, _ state: inout DashboardState) {
    guard state.pane == .facilities else {
        state.message = .init(text: "dispositions change in the facilities view: press a or Tab", isError: false)
        return
    }
    guard let index = state.selectedFacility else { return }
    let facility = state.scenario.facilities[index]
    guard facility.disposition != disposition else { return }
    if disposition.isSold && facility.salePrice == nil {
        state.message = .init(text: "\(facility.id) has no sale price, so it cannot be sold (\(disposition.rawValue)); add sale_price to the scenario", isError: true)
        return
    }
    record(.disposition(facility: index, from: facility.disposition, to: disposition), &state)
    state.message = .init(text: "\(facility.id): \(facility.disposition.rawValue) → \(disposition.rawValue)", isError: false)
}

/// `[` `]`: the assumption under the cursor, or a contributed facility's stake (5 points a step).
private func step(_ direction: Int, _ state: inout DashboardState) {
    if state.pane == .facilities, let index = state.selectedFacility, state.scenario.facilities[index].disposition == .contribute {
        let facility = state.scenario.facilities[index]
        let current = facility.stake(state.scenario.assumptions)
        let next = ((current + 0.05 * Double(direction)) * 20).rounded() / 20
        guard next >= 0 && next < 1 else {
            state.message = .init(text: "\(facility.id): the stake stays from 0% up to (not including) 100%", isError: true)
            return
        }
        record(.stake(facility: index, from: facility.retainedStake, to: next), &state)
        state.message = .init(text: "\(facility.id): stake \(Format.percent(next, decimals: 0))", isError: false)
        return
    }
    guard state.pane == .assumptions else {
        state.message = .init(text: "[ and ] step assumptions (press a) or a contributed facility's stake", isError: false)
        return
    }
    let key = AssumptionKey.allCases[state.assumptionCursor]
    switch key.stepped(direction, in: state.scenario.assumptions) {
    case .success(let assumptions):
        record(.assumptions(from: state.scenario.assumptions, to: assumptions), &state)
        state.message = .init(text: "\(key.rawValue) = \(key.display(in: assumptions, currency: state.scenario.currency))", isError: false)
    case .failure(let diagnostic):
        state.message = .init(text: "\(key.rawValue): \(diagnostic.message)", isError: true)
    }
}

/// Applies a new edit and makes it undoable.
func record(_ edit: ScenarioEdit, _ state: inout DashboardState) {
    state.apply(edit)
    state.undoStack.append(edit)
    state.redoStack.removeAll()
    state.refreshRows()
}

private func undo(_ state: inout DashboardState) {
    guard let edit = state.undoStack.popLast() else {
        state.message = .init(text: "nothing to undo", isError: false)
        return
    }
    state.apply(edit.inverse)
    state.redoStack.append(edit)
    state.refreshRows()
    follow(edit, &state)
    state.message = .init(text: "undone (\(state.undoStack.count) more)", isError: false)
}

private func redo(_ state: inout DashboardState) {
    guard let edit = state.redoStack.popLast() else {
        state.message = .init(text: "nothing to redo", isError: false)
        return
    }
    state.apply(edit)
    state.undoStack.append(edit)
    state.refreshRows()
    follow(edit, &state)
    state.message = .init(text: "redone", isError: false)
}

/// Puts the cursor on the facility an undone or redone edit touched.
private func follow(_ edit: ScenarioEdit, _ state: inout DashboardState) {
    if case .disposition(let index, _, _) = edit, let position = state.rows.position(ofFacility: index) {
        state.pane = .facilities
        state.cursor = position
    }
}

private func reset(_ state: inout DashboardState) {
    var edits: [ScenarioEdit] = []
    for (index, (now, then)) in zip(state.scenario.facilities, state.loaded.facilities).enumerated() where now.disposition != then.disposition {
        edits.append(.disposition(facility: index, from: now.disposition, to: then.disposition))
    }
    if state.scenario.assumptions != state.loaded.assumptions {
        edits.append(.assumptions(from: state.scenario.assumptions, to: state.loaded.assumptions))
    }
    guard !edits.isEmpty else {
        state.message = .init(text: "already as loaded", isError: false)
        return
    }
    record(.batch(edits), &state)
    state.message = .init(text: "reset to the file as loaded (u undoes)", isError: false)
}

private func handleRecoveryKey(_ key: Key, _ state: inout DashboardState) -> [Effect] {
    guard let recovery = state.pendingRecovery else {
        state.mode = .normal
        return []
    }
    switch key {
    case .character("y"), .character("Y"):
        state.mode = .normal
        state.pendingRecovery = nil
        record(.batch(recovery.edits), &state)
        state.message = .init(text: "restored \(recovery.edits.count) unsaved change\(recovery.edits.count == 1 ? "" : "s") (u undoes; s saves)", isError: false)
        return [.discardRecovery(recovery.path)]
    case .character("n"), .character("N"):
        state.mode = .normal
        state.pendingRecovery = nil
        state.message = .init(text: "discarded the recovered edits", isError: false)
        return [.discardRecovery(recovery.path)]
    case .escape:
        state.mode = .normal
        state.message = .init(text: "kept \(recovery.path) for later", isError: false)
        return []
    default:
        return []
    }
}

/// `O`: type a capex target; the plan keeps every AI-ready facility (leasing back is allowed).
private func handlePlanTargetKey(_ key: Key, _ text: String, _ state: inout DashboardState) {
    switch key {
    case .escape:
        state.mode = .normal
        state.message = nil
    case .backspace, .delete, .control("h"):
        state.mode = .planTarget(String(text.dropLast()))
    case .character(let character):
        state.mode = .planTarget(text + String(character))
    case .enter:
        guard let target = Money.parse(text), target >= 0, target.isFinite else {
            state.message = .init(text: "target: expected money like 2B, found \"\(text)\"", isError: true)
            return
        }
        switch Optimizer.optimize(state.scenario, goal: .reachCapex(target), constraints: .init(keepAIReady: true)) {
        case .failure(let failure):
            state.mode = .normal
            state.message = .init(text: "no plan: \(failure.description)", isError: true)
        case .success(let plan):
            let edits = zip(state.scenario.facilities, plan.dispositions).enumerated().compactMap { index, pair -> ScenarioEdit? in
                pair.0.disposition == pair.1 ? nil : .disposition(facility: index, from: pair.0.disposition, to: pair.1)
            }
            let currency = state.scenario.currency
            state.mode = .planOffer(edits)
            state.message = .init(
                text: "plan: \(edits.count) change\(edits.count == 1 ? "" : "s"), capex freed \(Format.money(plan.evaluation.finance.capexFreed, currency: currency)), "
                    + "rent PV \(Format.money(plan.evaluation.finance.leasebackRentPV, currency: currency)), AI-ready kept"
                    + (plan.exact ? "" : " (best found, not proven optimal)") + ": Enter accepts, Esc dismisses",
                isError: false)
        }
    default:
        break
    }
}

private func handlePlanOfferKey(_ key: Key, _ edits: [ScenarioEdit], _ state: inout DashboardState) {
    switch key {
    case .enter, .character("y"):
        state.mode = .normal
        if !edits.isEmpty { record(.batch(edits), &state) }
        state.message = .init(text: "plan accepted: \(edits.count) change\(edits.count == 1 ? "" : "s") (u undoes)", isError: false)
    case .escape, .character("n"):
        state.mode = .normal
        state.message = .init(text: "plan dismissed", isError: false)
    default:
        break
    }
}

private func handlePickKey(_ key: Key, _ state: inout DashboardState) -> [Effect] {
    switch key {
    case .character("j"), .down: state.choiceCursor = min(state.scenarioChoices.count - 1, state.choiceCursor + 1)
    case .character("k"), .up: state.choiceCursor = max(0, state.choiceCursor - 1)
    case .escape, .character("q"): state.mode = .normal
    case .enter:
        state.mode = .normal
        return [.loadComparison(state.scenarioChoices[state.choiceCursor])]
    default: break
    }
    return []
}

private func handleFilterKey(_ key: Key, _ state: inout DashboardState) {
    switch key {
    case .enter:
        state.mode = .normal
        state.message = state.filter.isEmpty ? nil : .init(text: "filter: \(state.filter) (\(state.rows.count) shown; Esc clears)", isError: false)
        return
    case .escape:
        state.mode = .normal
        state.filter = ""
    case .backspace, .delete, .control("h"):
        if !state.filter.isEmpty { state.filter.removeLast() }
    case .control("u"):
        state.filter = ""
    case .character(let character):
        state.filter.append(character)
    default:
        return
    }
    state.refreshRows()
    state.cursor = min(state.cursor, max(0, state.rows.count - 1))
}

private func handleEditKey(_ key: Key, _ assumption: AssumptionKey, _ text: String, _ state: inout DashboardState) {
    switch key {
    case .escape:
        state.mode = .normal
        state.message = nil
    case .enter:
        switch assumption.setting(text, in: state.scenario.assumptions) {
        case .success(let assumptions):
            state.mode = .normal
            if assumptions != state.scenario.assumptions {
                record(.assumptions(from: state.scenario.assumptions, to: assumptions), &state)
            }
            state.message = .init(text: "\(assumption.rawValue) = \(assumption.display(in: assumptions, currency: state.scenario.currency))", isError: false)
        case .failure(let diagnostic):
            state.message = .init(text: "\(assumption.rawValue): \(diagnostic.message)", isError: true)
        }
    case .backspace, .delete, .control("h"):
        state.mode = .editing(assumption, String(text.dropLast()))
    case .control("u"):
        state.mode = .editing(assumption, "")
    case .character(let character):
        state.mode = .editing(assumption, text + String(character))
    default:
        break
    }
}
