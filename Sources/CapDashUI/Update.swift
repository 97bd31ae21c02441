import CapDashModel
import CapDashReport

/// The smallest terminal the dashboard draws in; below it, a message says so.
public let minimumSize = Size(width: 60, height: 20)

/// A key, turned into its intent by the keymap and applied. A key that changes data
/// says so, named, in the status line (`l: us-chicago-1: retain → leaseback · u undoes`):
/// letters and arrows that edit should never surprise a hand used to vim.
public func update(_ state: inout DashboardState, key: Key) -> [Effect] {
    let action = Keymap.action(for: key, in: state)
    let edits = state.undoStack.count
    let effects = update(&state, action)
    if state.undoStack.count != edits, let message = state.message, !message.isError, !isTyping(action) {
        state.message = .init(text: "\(key.label): " + message.text, isError: false)
    }
    return effects
}

private func isTyping(_ action: Action) -> Bool {
    switch action {
    case .type, .deleteBackward, .clearInput, .submit: true
    default: false
    }
}

/// The dashboard's only state transition: pure and instant, so every key is
/// testable without a terminal. Slow or outside work comes back as effects.
public func update(_ state: inout DashboardState, _ action: Action) -> [Effect] {
    let effects: [Effect]
    if isEvent(action) {
        effects = handleEvent(action, &state)
    } else {
        let armed = state.quitArmed
        state.quitArmed = false
        if state.mode == .normal || state.mode == .figures { state.message = nil }
        effects = handleIntent(action, &state, quitArmed: armed)
    }
    state.keepCursorVisible()
    return effects
}

/// What the dashboard asks the shell to do as it opens: a recovery file to offer,
/// a file to compare with, the theme to load.
public func initialEffects(_ state: DashboardState) -> [Effect] {
    var effects: [Effect] = [.loadTheme(state.themeName)]
    if let file = state.loadedExceptFacilities.file { effects.append(.checkRecovery(scenarioFile: file)) }
    if let file = state.compareFileAtStart { effects.append(.loadComparison(file)) }
    return effects
}

func displayName(_ scenario: Scenario) -> String {
    scenario.file ?? ScenarioLoader.builtInExampleName
}

private func handleIntent(_ action: Action, _ state: inout DashboardState, quitArmed: Bool) -> [Effect] {
    switch action {
    case .move(let rows): move(by: rows, &state)
    case .movePage(let pages): move(by: pages * state.pageSize, &state)
    case .moveToFirst: move(by: -Int.max / 2, &state)
    case .moveToLast: move(by: Int.max / 2, &state)

    case .togglePane(let pane):
        state.mode = .normal
        state.pane = state.pane == pane ? .facilities : pane
    case .switchView:
        state.mode = .normal
        state.pane = state.pane == .facilities ? .assumptions : .facilities
    case .compare:
        if state.pane == .comparison {
            state.pane = .facilities
        } else if state.other != nil {
            state.pane = .comparison
        } else {
            return [.listScenarios(directory: directory(of: state.loadedExceptFacilities.file))]
        }
    case .showHelp: state.mode = .help(.keys, scroll: 0)
    case .switchHelpPage:
        if case .help(let page, _) = state.mode { state.mode = .help(page == .keys ? .glossary : .keys, scroll: 0) }
    case .focusFigures:
        state.mode = .figures
        state.message = figureMessage(state)
    case .close: return close(&state)

    case .setDisposition(let index, let disposition): setDisposition(index, disposition, &state)
    case .stepStake(let index, let direction): stepStake(index, direction, &state)
    case .setFinancing(let index, let financing): setFinancing(index, financing, &state)
    case .stepDevelopmentStake(let index, let direction): stepDevelopmentStake(index, direction, &state)
    case .cycleGPU: cycleGPU(&state)
    case .stepSetting(let setting, let direction): stepSetting(setting, direction, &state)
    case .editSetting(let setting): state.mode = .editing(setting, setting.editText(state.scenario))
    case .undo: undo(&state)
    case .redo: redo(&state)
    case .reset: reset(&state)
    case .accept: return accept(&state)
    case .decline: return decline(&state)

    case .beginFilter:
        state.pane = .facilities
        state.mode = .filtering
    case .clearFilter:
        state.searchTerm = state.filter
        state.filter = ""
        state.refreshRows()
        state.message = .init(text: "filter cleared · n/N find “\(state.searchTerm)” without hiding rows", isError: false)
    case .findNext(let direction): findNext(direction, &state)
    case .showWarnings:
        state.warningList = ScenarioWarnings.list(state.scenario)
        if state.warningList.isEmpty {
            state.message = .init(text: "no warnings", isError: false)
        } else {
            state.mode = .warnings(cursor: 0)
        }
    case .switchTornadoMetric:
        state.tornadoShowsNetCash.toggle()
    case .cycleSort:
        state.sort = state.sort.next
        state.refreshRows(resort: true)
        state.message = .init(text: "sorted by \(state.sort.rawValue)", isError: false)
    case .beginGoalSeek: state.mode = .planTarget("")
    case .explain(let text): state.message = .init(text: text, isError: false)

    case .type(let character): typeCharacter(character, &state)
    case .deleteBackward: editInput(&state) { if !$0.isEmpty { $0.removeLast() } }
    case .clearInput: editInput(&state) { $0 = "" }
    case .submit: return submit(&state)

    case .save: return [.save(current: state.scenario, loaded: state.loaded)]
    case .writeReview:
        state.message = .init(text: "writing the review pack…", isError: false)
        return [.writeReview(directory: directory(of: state.loadedExceptFacilities.file))]
    case .nextTheme:
        state.themeIndex = (state.themeIndex + 1) % state.themeNames.count
        state.message = .init(text: "theme: \(state.themeName)", isError: false)
        return [.loadTheme(state.themeName)]
    case .quit:
        if state.isDirty && !quitArmed {
            state.quitArmed = true
            state.message = .init(text: "unsaved changes: q again quits without saving, s saves", isError: true)
            return []
        }
        return [.quit]
    case .quitNow: return [.quit]
    case .suspend: return [.suspend]
    case .unknownKey(let key):
        if Layout(state.size) != nil {
            state.message = .init(text: "\(key.label): no action here · ? for help", isError: false)
        }

    case .resized, .fileChanged, .saved, .saveFailed, .reviewWritten, .reviewWriteFailed, .scenarioFiles,
        .comparisonLoaded, .recoveryFound, .planFound, .jobRunning, .themeFailed:
        break
    }
    return []
}

/// `n` / `N`: the cursor to the next (or previous) row matching the search term, wrapping.
private func findNext(_ direction: Int, _ state: inout DashboardState) {
    let term = state.filter.isEmpty ? state.searchTerm : state.filter
    guard !term.isEmpty else {
        state.message = .init(text: "nothing to find yet: / types a search (Esc keeps it for n and N)", isError: false)
        return
    }
    let count = state.rows.count
    guard count > 0 else { return }
    state.pane = .facilities
    for step in 1...count {
        let position = ((state.cursor + direction * step) % count + count) % count
        if let item = state.rows.item(at: position), state.matches(item, term) {
            state.message = .init(text: (step == count ? "only match of" : "found") + " “\(term)” · n next · N previous", isError: false)
            state.cursor = position
            return
        }
    }
    state.message = .init(text: "no row matches “\(term)”", isError: true)
}

/// Enter on a warning: the cursor to its facility or development.
func jumpToWarning(_ cursor: Int, _ state: inout DashboardState) {
    state.mode = .normal
    guard state.warningList.indices.contains(cursor) else { return }
    let path = state.warningList[cursor].keyPath
    func index(after prefix: String) -> Int? {
        guard path.hasPrefix(prefix + "["), let close = path.firstIndex(of: "]") else { return nil }
        return Int(path[path.index(path.startIndex, offsetBy: prefix.count + 1)..<close])
    }
    let target: FacilityRows.Item? = index(after: "facilities").map(FacilityRows.Item.facility) ?? index(after: "developments").map(FacilityRows.Item.development)
    guard let target else {
        state.message = .init(text: "that warning is about the whole file", isError: false)
        return
    }
    state.pane = .facilities
    if !state.filter.isEmpty {
        state.filter = ""
        state.refreshRows()
    }
    let position: Int? = switch target {
    case .facility(let index): state.rows.position(ofFacility: index)
    case .development(let index): state.rows.position(ofDevelopment: index)
    }
    if let position { state.cursor = position }
    state.message = .init(text: TerminalSafe.text(state.warningList[cursor].message), isError: false)
}

/// The directory a scenario file is in: where saves, review packs and the compare picker look.
func directory(of file: String?) -> String {
    guard let file, let slash = file.lastIndex(of: "/") else { return "." }
    let directory = String(file[..<slash])
    return directory.isEmpty ? "/" : directory
}

private func move(by delta: Int, _ state: inout DashboardState) {
    func clamp(_ value: Int, _ count: Int) -> Int {
        max(0, min(count - 1, value.addingReportingOverflow(delta).partialValue))
    }
    switch state.mode {
    case .help(let page, let scroll):
        state.mode = .help(page, scroll: max(0, scroll.addingReportingOverflow(delta).partialValue))
        return
    case .pickingComparison:
        state.choiceCursor = clamp(state.choiceCursor, state.scenarioChoices.count)
        return
    case .warnings(let cursor):
        state.mode = .warnings(cursor: clamp(cursor, state.warningList.count))
        return
    case .figures:
        state.figureCursor = clamp(state.figureCursor, figureRows(state).count)
        state.message = figureMessage(state)
        return
    default:
        break
    }
    switch state.pane {
    case .facilities:
        guard state.rows.count > 0 else { return }
        state.cursor = clamp(state.cursor, state.rows.count)
    case .assumptions:
        state.assumptionCursor = clamp(state.assumptionCursor, Setting.all(state.scenario).count)
    case .sensitivity, .timeline, .comparison, .developmentFinancing:
        break
    }
}

/// Esc and friends: leave whatever overlay or input is open.
private func close(_ state: inout DashboardState) -> [Effect] {
    switch state.mode {
    case .filtering:
        state.filter = ""
        state.refreshRows()
        state.message = nil
    case .recoveryOffer:
        if let recovery = state.pendingRecovery {
            state.message = .init(text: "kept \(recovery.path) for later", isError: false)
        }
    case .planSolving(let job, _):
        state.mode = .normal
        state.message = .init(text: "goal-seek cancelled", isError: false)
        return [.cancel(job: job)]
    case .planOffer:
        state.message = .init(text: "plan dismissed", isError: false)
    case .figures, .editing, .planTarget:
        state.message = nil
    case .help, .pickingComparison, .warnings, .normal:
        break
    }
    state.mode = .normal
    return []
}
