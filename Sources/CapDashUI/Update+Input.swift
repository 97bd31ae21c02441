import CapDashModel
import CapDashReport

// Typing: a filter after `/`, an exact value after `e`, a goal-seek target after `O`.

func typeCharacter(_ character: Character, _ state: inout DashboardState) {
    editInput(&state) { $0.append(character) }
}

/// Changes the text being typed, whichever input is open.
func editInput(_ state: inout DashboardState, _ change: (inout String) -> Void) {
    switch state.mode {
    case .filtering:
        change(&state.filter)
        state.refreshRows()
        state.cursor = min(state.cursor, max(0, state.rows.count - 1))
    case .editing(let setting, var text):
        change(&text)
        state.mode = .editing(setting, text)
    case .planTarget(var text):
        change(&text)
        state.mode = .planTarget(text)
        state.message = nil
    default:
        break
    }
}

/// Enter: keep the filter, set the value, start the goal-seek, pick the file.
func submit(_ state: inout DashboardState) -> [Effect] {
    switch state.mode {
    case .filtering:
        state.mode = .normal
        if !state.filter.isEmpty { state.searchTerm = state.filter }
        state.message = state.filter.isEmpty ? nil : .init(text: "filter: \(state.filter) (\(state.rows.count) shown; Esc clears, n/N find it after)", isError: false)
    case .editing(let setting, let text):
        switch setting.setting(text, in: state.scenario) {
        case .success(let edit):
            state.mode = .normal
            if edit != edit.inverse { record(edit, &state) }
            state.message = .init(text: "\(setting.name(state.scenario)) = \(setting.display(state.scenario)) · u undoes", isError: false)
        case .failure(let diagnostic):
            state.message = .init(text: "\(setting.name(state.scenario)): \(diagnostic.message)", isError: true)
        }
    case .planTarget(let text):
        guard let target = Money.parse(text), target >= 0, target.isFinite else {
            state.message = .init(text: "target: expected money like 2B, found \"\(TerminalSafe.text(text))\"", isError: true)
            return []
        }
        state.lastJob += 1
        state.mode = .planSolving(job: state.lastJob, target: target)
        state.solvingSeconds = 0
        state.message = nil
        // Goal-seek keeps every AI-ready facility (leasing back is allowed).
        return [.goalSeek(job: state.lastJob, scenario: state.scenario, goal: .reachCapex(target), constraints: .init(keepAIReady: true))]
    case .warnings(let cursor):
        jumpToWarning(cursor, &state)
    case .pickingComparison:
        state.mode = .normal
        guard state.scenarioChoices.indices.contains(state.choiceCursor) else { return [] }
        return [.loadComparison(state.scenarioChoices[state.choiceCursor])]
    default:
        break
    }
    return []
}
