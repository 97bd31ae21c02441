import CapDashModel
import CapDashReport

// The intents that change the scenario: each becomes a `ScenarioEdit`, applied
// through `record`, so undo, redo, reset and the recovery file see every kind alike.

func setDisposition(_ index: Int, _ disposition: Disposition, _ state: inout DashboardState) {
    let facility = state.scenario.facilities[index]
    guard facility.disposition != disposition else { return }
    if disposition.isSold && facility.salePrice == nil {
        state.message = .init(text: "\(facility.id) has no sale price, so it cannot be sold (\(disposition.label)); add sale_price to the scenario", isError: true)
        return
    }
    record(.disposition(facility: index, from: facility.disposition, to: disposition), &state)
    state.message = .init(text: "\(facility.id): \(facility.disposition.label) → \(disposition.label) · u undoes", isError: false)
}

/// A contribution's own stake, 5 points a step, kept in [0, 1).
func stepStake(_ index: Int, _ direction: Int, _ state: inout DashboardState) {
    let facility = state.scenario.facilities[index]
    let current = facility.stake(state.scenario.assumptions)
    let next = ((current + 0.05 * Double(direction)) * 20).rounded() / 20
    guard next >= 0 && next < 1 else {
        state.message = .init(text: "\(facility.id): the stake stays from 0% up to (not including) 100%", isError: true)
        return
    }
    record(.stake(facility: index, from: facility.retainedStake, to: next), &state)
    state.message = .init(text: "\(facility.id): stake \(Format.percent(next, decimals: 0)) · u undoes", isError: false)
}

func stepSetting(_ setting: Setting, _ direction: Int, _ state: inout DashboardState) {
    switch setting.stepped(direction, in: state.scenario) {
    case .success(let edit):
        record(edit, &state)
        state.message = .init(text: "\(setting.name(state.scenario)) = \(setting.display(state.scenario)) · u undoes", isError: false)
    case .failure(let diagnostic):
        state.message = .init(text: "\(setting.name(state.scenario)): \(diagnostic.message)", isError: true)
    }
}

func setFinancing(_ index: Int, _ financing: Financing, _ state: inout DashboardState) {
    let development = state.scenario.developments[index]
    guard development.financing != financing else { return }
    var changed = development
    changed.financing = financing
    record(.development(index: index, from: development, to: changed), &state)
    state.message = .init(text: "\(development.id): \(development.financing.label) → \(financing.label) · u undoes", isError: false)
}

/// A development's own stake, 5 points a step, kept in [0, 1).
func stepDevelopmentStake(_ index: Int, _ direction: Int, _ state: inout DashboardState) {
    let development = state.scenario.developments[index]
    let next = ((development.stake(state.scenario.assumptions) + 0.05 * Double(direction)) * 20).rounded() / 20
    guard next >= 0 && next < 1 else {
        state.message = .init(text: "\(development.id): the stake stays from 0% up to (not including) 100%", isError: true)
        return
    }
    var changed = development
    changed.retainedStake = next
    record(.development(index: index, from: development, to: changed), &state)
    state.message = .init(text: "\(development.id): stake \(Format.percent(next, decimals: 0)) · u undoes", isError: false)
}

/// The scenario's GPU becomes the next of the presets and the scenario's own alternatives.
func cycleGPU(_ state: inout DashboardState) {
    let assumptions = state.scenario.assumptions
    var choices = GPUPreset.all.map(GPUAssumptions.init(preset:))
    for alternative in assumptions.gpuAlternatives ?? [] where !choices.contains(where: { $0.name == alternative.name }) {
        choices.append(alternative)
    }
    let current = choices.firstIndex { $0.name == assumptions.gpu.name } ?? -1
    var changed = assumptions
    changed.gpu = choices[(current + 1) % choices.count]
    record(.assumptions(from: assumptions, to: changed), &state)
    state.message = .init(text: "GPU: \(assumptions.gpu.name) → \(changed.gpu.name) · u undoes", isError: false)
}

/// Applies a new edit and makes it undoable.
func record(_ edit: ScenarioEdit, _ state: inout DashboardState) {
    state.apply(edit)
    state.undoStack.append(edit)
    state.redoStack.removeAll()
}

func undo(_ state: inout DashboardState) {
    guard let edit = state.undoStack.popLast() else {
        state.message = .init(text: "nothing to undo", isError: false)
        return
    }
    state.apply(edit.inverse)
    state.redoStack.append(edit)
    follow(edit, &state)
    state.message = .init(text: "undone (\(state.undoStack.count) more)", isError: false)
}

func redo(_ state: inout DashboardState) {
    guard let edit = state.redoStack.popLast() else {
        state.message = .init(text: "nothing to redo", isError: false)
        return
    }
    state.apply(edit)
    state.undoStack.append(edit)
    follow(edit, &state)
    state.message = .init(text: "redone", isError: false)
}

/// Puts the cursor on the facility an undone or redone edit touched.
private func follow(_ edit: ScenarioEdit, _ state: inout DashboardState) {
    guard edit.facilities.count == 1, let index = edit.facilities.first, let position = state.rows.position(ofFacility: index) else { return }
    state.pane = .facilities
    state.cursor = position
}

/// Every kind of edit back to the file as loaded, as one undoable step.
func reset(_ state: inout DashboardState) {
    let edits = ScenarioEdit.edits(from: state.scenario, to: state.loaded)
    guard !edits.isEmpty else {
        state.message = .init(text: "already as loaded", isError: false)
        return
    }
    record(.batch(edits), &state)
    state.message = .init(text: "reset to the file as loaded (u undoes)", isError: false)
}

/// y or Enter on an offer.
func accept(_ state: inout DashboardState) -> [Effect] {
    switch state.mode {
    case .recoveryOffer:
        state.mode = .normal
        guard let recovery = state.pendingRecovery else { return [] }
        state.pendingRecovery = nil
        record(.batch(recovery.edits), &state)
        // Edits of facilities this scenario no longer has could not be restored: never delete them.
        guard recovery.unmatched.isEmpty else {
            state.message = .init(
                text: "restored \(plural(recovery.edits.count, "unsaved change")); \(notInScenario(recovery.unmatched)), so \(recovery.path) is kept (u undoes; s saves)",
                isError: true)
            return []
        }
        state.message = .init(text: "restored \(plural(recovery.edits.count, "unsaved change")) (u undoes; s saves)", isError: false)
        return [.discardRecovery(recovery.path)]
    case .planOffer(let edits):
        state.mode = .normal
        if !edits.isEmpty { record(.batch(edits), &state) }
        state.message = .init(text: "plan accepted: \(plural(edits.count, "change")) (u undoes)", isError: false)
        return []
    default:
        return []
    }
}

/// n on an offer.
func decline(_ state: inout DashboardState) -> [Effect] {
    switch state.mode {
    case .recoveryOffer:
        state.mode = .normal
        guard let recovery = state.pendingRecovery else { return [] }
        state.pendingRecovery = nil
        state.message = .init(text: "discarded the recovered edits", isError: false)
        return [.discardRecovery(recovery.path)]
    case .planOffer:
        state.mode = .normal
        state.message = .init(text: "plan dismissed", isError: false)
        return []
    default:
        return []
    }
}

func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
