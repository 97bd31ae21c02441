import CapDashModel
import CapDashReport

// What the shell reports back: resizes, files changed on disk, and the results of effects.

func isEvent(_ action: Action) -> Bool {
    switch action {
    case .resized, .fileChanged, .saved, .saveFailed, .reviewWritten, .reviewWriteFailed, .scenarioFiles,
        .comparisonLoaded, .recoveryFound, .planFound, .jobRunning, .themeFailed:
        true
    default:
        false
    }
}

func handleEvent(_ action: Action, _ state: inout DashboardState) -> [Effect] {
    switch action {
    case .resized(let size):
        state.size = size
    case .fileChanged(.success(let scenario)):
        // Touched but not changed (an editor saving the same text): nothing to say.
        if scenario == state.loaded { return [] }
        if state.isDirty {
            // What it means first: a long path would push it off the one-row status line.
            state.message = .init(text: "changed on disk; your unsaved edits are kept (s saves them): \(displayName(state.loadedExceptFacilities))", isError: true)
        } else {
            let effects = state.adopt(loaded: scenario, replacingLive: true)
            state.message = .init(text: "reloaded \(displayName(scenario)): it changed on disk", isError: false)
            return effects
        }
    case .fileChanged(.failure(let error)):
        let first = error.diagnostics.first?.description ?? "invalid scenario"
        state.message = .init(text: "file changed on disk but is invalid, showing the last good state: \(first)", isError: true)
    case .saved(let paths, let note, let reloaded):
        guard !paths.isEmpty else {
            state.message = .init(text: "nothing to save: the file already holds these values", isError: false)
            return state.adoptSaved(reloaded)
        }
        let effects = state.adoptSaved(reloaded)
        guard let note, let beside = paths.last else {
            state.message = .init(text: "saved " + paths.joined(separator: ", "), isError: false)
            return effects
        }
        // Which edits went beside and why come before any long path: the status line is one row.
        // The file beside is named alone (it sits next to the scenario); then what was saved in place.
        let inPlace = paths.dropLast()
        let besideName = beside.split(separator: "/").last.map(String.init) ?? beside
        state.message = .init(
            text: "saved to \(besideName): \(note)" + (inPlace.isEmpty ? "" : "; the rest in place in " + inPlace.joined(separator: ", ")),
            isError: true)
        return effects
    case .saveFailed(let reason):
        state.message = .init(text: "not saved: \(reason); your edits are still here", isError: true)
    case .reviewWritten(let paths):
        state.message = .init(text: "wrote " + paths.joined(separator: ", "), isError: false)
    case .reviewWriteFailed(let reason):
        state.message = .init(text: "review pack not written: \(reason)", isError: true)
    case .scenarioFiles(let files):
        let others = files.filter { $0 != state.loadedExceptFacilities.file }
        if others.isEmpty {
            state.message = .init(text: "no other scenario files here to compare with (capdash A.yaml B.yaml compares two)", isError: true)
        } else {
            state.scenarioChoices = others
            state.choiceCursor = 0
            state.mode = .pickingComparison
        }
    case .comparisonLoaded(.success(let scenario)):
        state.other = scenario
        state.pane = .comparison
        state.message = .init(text: "comparing with \(displayName(scenario)); C closes", isError: false)
    case .comparisonLoaded(.failure(let error)):
        state.message = .init(text: "cannot compare: " + (error.diagnostics.first?.description ?? "invalid scenario"), isError: true)
    case .recoveryFound(let path, .success(let recovered)):
        let edits = RecoveryFile.edits(from: state.scenario, to: recovered)
        let ids = Set(state.scenario.facilities.map(\.id) + state.scenario.developments.map(\.id))
        let theirs = recovered.facilities.map(\.id) + recovered.developments.map(\.id)
        let unmatched = theirs.filter { !ids.contains($0) }
        // What and why before the path, which may be long: the status line is one row.
        guard !edits.isEmpty else {
            if !theirs.isEmpty, unmatched.count == theirs.count {
                state.message = .init(
                    text: "recovery file is of other facilities (none of its \(theirs.count) is in this scenario); it is kept: \(path)", isError: true)
            } else {
                state.message = .init(text: "recovery file holds no changes to this scenario; it is kept, delete it when done: \(path)", isError: false)
            }
            return []
        }
        state.pendingRecovery = (path, edits, unmatched)
        state.mode = .recoveryOffer
        // Keys first: a narrow status line cuts the end, and the path matters least.
        // With facilities the scenario lost, naming them matters more than where the edits came from.
        let missing = unmatched.isEmpty ? "" : "; \(notInScenario(unmatched)), so y keeps the file"
        let origin = unmatched.isEmpty ? " from an earlier session" : ""
        state.message = .init(
            text: "restore \(plural(edits.count, "unsaved change"))\(origin)? y restores, n discards, Esc later\(missing) (kept in \(path))",
            isError: true)
    case .recoveryFound(let path, .failure(let error)):
        // Never delete what cannot be read: it may be the only copy of someone's work.
        let first = error.diagnostics.first.map { $0.message } ?? "unreadable"
        state.message = .init(text: "recovery file cannot be used and is kept: \(first) (\(path))", isError: true)
    case .jobRunning(let job, let seconds):
        guard case .planSolving(job, _) = state.mode else { return [] }
        state.solvingSeconds = seconds
    case .planFound(let job, let result):
        guard case .planSolving(job, _) = state.mode else { return [] }  // cancelled or stale
        switch result {
        case .failure(let failure):
            state.mode = .normal
            state.message = .init(text: "no plan: " + PlanReport.describe(failure, currency: state.scenario.currency), isError: true)
        case .success(let plan):
            let target = plan.scenario
            let edits = ScenarioEdit.edits(from: state.scenario, to: target)
            let currency = state.scenario.currency
            state.mode = .planOffer(edits)
            state.message = .init(
                text: "plan: \(plural(edits.count, "change")), capex freed \(Format.money(plan.evaluation.finance.capexFreed, currency: currency)), "
                    + "rent PV \(Format.money(Optimizer.Objective.rentPV.value(in: plan.evaluation), currency: currency)), AI-ready kept"
                    + (plan.exact ? "" : " (best found, not proven optimal)") + ": Enter accepts, Esc dismisses",
                isError: false)
        }
    case .themeFailed(let reason):
        state.message = .init(text: reason, isError: true)
    default:
        break
    }
    return []
}

/// `x-1 is not in this scenario`, `x-1, x-2 and 3 more are not in this scenario`.
func notInScenario(_ ids: [String]) -> String {
    let named = ids.prefix(2).joined(separator: ", ") + (ids.count > 2 ? " and \(ids.count - 2) more" : "")
    return named + (ids.count == 1 ? " is" : " are") + " not in this scenario"
}
