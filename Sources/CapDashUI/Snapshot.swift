import CapDashModel

/// Runs keys through `update` as the live dashboard would, without a terminal:
/// the basis of `capdash snapshot` and of the tests. Effects go to `run`, whose
/// answers go through `update` in turn; by default only pure work runs (a
/// goal-seek), never a save or a file write, and a quit stops the keys.
public func replay(
    _ keys: [Key], on state: DashboardState, startingWith initial: [Effect] = [], run: (Effect) -> [Action] = runPureEffect
) -> DashboardState {
    var state = state
    func drain(_ effects: [Effect]) -> Bool {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if effect == .quit { return true }
            for action in run(effect) { pending += update(&state, action) }
        }
        return false
    }
    if drain(initial) { return state }
    for key in keys where drain(update(&state, key: key)) {
        break
    }
    return state
}

/// Runs an effect that needs neither disk nor terminal (a goal-seek), right away.
public func runPureEffect(_ effect: Effect) -> [Action] {
    switch effect {
    case .goalSeek(let job, let scenario, let goal, let constraints):
        [.planFound(job: job, Optimizer.optimize(scenario, goal: goal, constraints: constraints))]
    default:
        []
    }
}
