import CapDashModel
@testable import CapDashUI

/// The example at a size, with keys already pressed.
func exampleState(_ keys: String = "", size: Size = Size(width: 120, height: 40)) -> DashboardState {
    let state = DashboardState(scenario: ScenarioLoader.builtInExample(), size: size, themeNames: ThemeCatalog.builtInNames)
    return replay(Key.parseSequence(keys), on: state)
}

/// Presses keys one by one, collecting every effect.
@discardableResult
func press(_ keys: String, _ state: inout DashboardState) -> [Effect] {
    var effects: [Effect] = []
    for key in Key.parseSequence(keys) {
        effects += update(&state, .key(key))
    }
    return effects
}

func selectedID(_ state: DashboardState) -> String? {
    state.selectedFacility.map { state.scenario.facilities[$0].id }
}

func disposition(_ id: String, _ state: DashboardState) -> Disposition? {
    state.scenario.index(ofFacility: id).map { state.scenario.facilities[$0].disposition }
}
