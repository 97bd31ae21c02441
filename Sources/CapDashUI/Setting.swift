import CapDashModel
import CapDashReport

/// A value the assumptions view shows, steps with `[` `]` and types with `e`:
/// a scenario-wide assumption, or one development's lease term.
public enum Setting: Sendable, Equatable {
    case assumption(AssumptionKey)
    case term(development: Int, DevelopmentTerm)

    /// Every setting of a scenario, in the view's order.
    static func all(_ scenario: Scenario) -> [Setting] {
        AssumptionKey.allCases.map(Setting.assumption)
            + scenario.developments.indices.flatMap { index in
                DevelopmentTerm.terms(of: scenario.developments[index]).map { Setting.term(development: index, $0) }
            }
    }

    /// Its name in the view and in messages: `discount_rate`, `us-hyperion lease.yield_on_cost`.
    func name(_ scenario: Scenario) -> String {
        switch self {
        case .assumption(let key): key.rawValue
        case .term(let index, let term): "\(scenario.developments[index].id) \(term.rawValue)"
        }
    }

    func label(_ scenario: Scenario) -> String {
        switch self {
        case .assumption(let key): key.label
        case .term(let index, let term): "\(scenario.developments[index].id) \(term.label)"
        }
    }

    func display(_ scenario: Scenario) -> String {
        switch self {
        case .assumption(let key): key.display(in: scenario.assumptions, currency: scenario.currency)
        case .term(let index, let term):
            if scenario.developments.indices.contains(index), let value = term.value(in: scenario.developments[index]) {
                term == .fairValueRatio ? Format.fixed(value, decimals: 2) : Format.percent(value, decimals: 1)
            } else {
                "—"
            }
        }
    }

    func editText(_ scenario: Scenario) -> String {
        switch self {
        case .assumption(let key): key.editText(in: scenario.assumptions)
        case .term(let index, let term): term.value(in: scenario.developments[index]).map(Numbers.plain) ?? ""
        }
    }

    /// Whether `[` `]` step it (a GPU's name and preset are only typed).
    var steps: Bool {
        switch self {
        case .assumption(let key): key.step != nil
        case .term: true
        }
    }

    /// The edit that steps it, or why not.
    func stepped(_ direction: Int, in scenario: Scenario) -> Result<ScenarioEdit, Diagnostic> {
        switch self {
        case .assumption(let key):
            key.stepped(direction, in: scenario.assumptions).map { ScenarioEdit.assumptions(from: scenario.assumptions, to: $0) }
        case .term(let index, let term):
            stepped(term, development: index, direction, in: scenario)
        }
    }

    private func stepped(_ term: DevelopmentTerm, development index: Int, _ direction: Int, in scenario: Scenario) -> Result<ScenarioEdit, Diagnostic> {
        let development = scenario.developments[index]
        let current = term.value(in: development) ?? 0
        // Snap to the step's grid so repeated steps do not collect float dust.
        let next = (((current + Double(direction) * term.step) / term.step).rounded() * term.step * 1e9).rounded() / 1e9
        return term.setting(Numbers.plain(next), in: development).map { ScenarioEdit.development(index: index, from: development, to: $0) }
    }

    /// The edit that sets it from typed text, or why not.
    func setting(_ text: String, in scenario: Scenario) -> Result<ScenarioEdit, Diagnostic> {
        switch self {
        case .assumption(let key):
            key.setting(text, in: scenario.assumptions).map { ScenarioEdit.assumptions(from: scenario.assumptions, to: $0) }
        case .term(let index, let term):
            term.setting(text, in: scenario.developments[index]).map { ScenarioEdit.development(index: index, from: scenario.developments[index], to: $0) }
        }
    }
}
