import CapDashModel

/// Runs keys through `update` as the live dashboard would, without a terminal:
/// the basis of `capdash snapshot` and of the tests. Saves and other effects
/// are not run (a snapshot never writes files); a quit stops the keys.
public func replay(_ keys: [Key], on state: DashboardState) -> DashboardState {
    var state = state
    for key in keys {
        let effects = update(&state, .key(key))
        if effects.contains(.quit) { break }
    }
    return state
}
