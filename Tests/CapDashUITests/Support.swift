import CapDashModel
@testable import CapDashUI

/// The example at a size, with keys already pressed.
func exampleState(_ keys: String = "", size: Size = Size(width: 120, height: 40)) -> DashboardState {
    let state = DashboardState(scenario: ScenarioLoader.builtInExample(), size: size, themeNames: ThemeCatalog.builtInNames)
    return replay(Key.parseSequence(keys), on: state)
}

/// Presses keys one by one, collecting every effect; pure ones (a goal-seek) run
/// as the shell would run them, their answers going back through `update`.
@discardableResult
func press(_ keys: String, _ state: inout DashboardState) -> [Effect] {
    var effects: [Effect] = []
    for key in Key.parseSequence(keys) {
        var pending = update(&state, key: key)
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            effects.append(effect)
            for action in runPureEffect(effect) { pending += update(&state, action) }
        }
    }
    return effects
}

func selectedID(_ state: DashboardState) -> String? {
    state.selectedFacility.map { state.scenario.facilities[$0].id }
}

func disposition(_ id: String, _ state: DashboardState) -> Disposition? {
    state.scenario.index(ofFacility: id).map { state.scenario.facilities[$0].disposition }
}

/// The example as if loaded from a file at `path` (nothing is read).
func loadedFrom(_ path: String) throws -> Scenario {
    var scenario = ScenarioLoader.builtInExample()
    scenario.file = path
    return scenario
}
