/// A development's lease terms the dashboard can step and type, like
/// assumptions: one rule each, shared by the loader and the editor.
public enum DevelopmentTerm: String, Sendable, CaseIterable {
    case yieldOnCost = "lease.yield_on_cost"
    case escalation = "lease.escalation"
    case exitProbability = "lease.exit_probability"
    case fairValueRatio = "residual_value_guarantee.fair_value_ratio"

    /// The key as a file writes it under its parent (`yield_on_cost`).
    public var key: String { String(rawValue.split(separator: ".").last!) }

    public var label: String {
        switch self {
        case .yieldOnCost: "yield on cost"
        case .escalation: "escalation"
        case .exitProbability: "exit probability"
        case .fairValueRatio: "fair value ratio"
        }
    }

    /// What a valid value looks like, for messages.
    public var expected: String {
        switch self {
        case .yieldOnCost: "a yield on cost in (0, 1] like 0.09"
        case .escalation: "a yearly escalation from 0 up to (not including) 1, like 0.02"
        case .exitProbability: "a probability from 0 to 1 (like 0.1)"
        case .fairValueRatio: "a fair value ratio >= 0 (expected value at exit / cost, like 0.6)"
        }
    }

    public func isValid(_ value: Double) -> Bool {
        switch self {
        case .yieldOnCost: value > 0 && value <= 1
        case .escalation: value >= 0 && value < 1
        case .exitProbability: (0...1).contains(value)
        case .fairValueRatio: value >= 0 && value.isFinite
        }
    }

    /// The dashboard's `[` `]` step.
    public var step: Double {
        switch self {
        case .yieldOnCost, .escalation: 0.005
        case .exitProbability, .fairValueRatio: 0.05
        }
    }

    /// The value in a development; nil when it has no guarantee to hold a fair value ratio.
    public func value(in development: Development) -> Double? {
        switch self {
        case .yieldOnCost: development.lease.yieldOnCost
        case .escalation: development.lease.escalation
        case .exitProbability: development.lease.exitProbability
        case .fairValueRatio: development.guarantee?.fairValueRatio
        }
    }

    /// The development with this term set (already checked valid).
    public func setting(_ value: Double, in development: Development) -> Development {
        var result = development
        switch self {
        case .yieldOnCost: result.lease.yieldOnCost = value
        case .escalation: result.lease.escalation = value
        case .exitProbability: result.lease.exitProbability = value
        case .fairValueRatio: result.guarantee?.fairValueRatio = value
        }
        return result
    }

    /// The development with this term set from typed text, or why not.
    public func setting(_ text: String, in development: Development) -> Result<Development, Diagnostic> {
        let percent = FieldReader.percentBody(text)
        guard let parsed = Numbers.parse(percent ?? text), case let value = percent == nil ? parsed : parsed / 100,
            value.isFinite, isValid(value)
        else {
            return .failure(.error(file: nil, at: nil, rawValue, "expected \(expected), found \(Quoting.quoted(text))"))
        }
        return .success(setting(value, in: development))
    }

    /// Where the term stands in the file, for an in-place save.
    public func position(in source: DevelopmentSource) -> SourcePosition? {
        switch self {
        case .yieldOnCost: source.yieldOnCost
        case .escalation: source.escalation
        case .exitProbability: source.exitProbability
        case .fairValueRatio: source.fairValueRatio
        }
    }

    /// The terms a development has (the fair value ratio only with a guarantee).
    public static func terms(of development: Development) -> [DevelopmentTerm] {
        allCases.filter { $0.value(in: development) != nil }
    }
}
