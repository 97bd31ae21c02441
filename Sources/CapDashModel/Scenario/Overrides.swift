/// Changes to a loaded scenario from the command line (`--divest`, `--set`, …),
/// validated with the same rules as the file.
public struct ScenarioOverrides: Sendable, Equatable {
    public var dispositions: [(id: String, disposition: Disposition)] = []
    public var settings: [(key: String, value: String)] = []

    public init() {}

    public var isEmpty: Bool { dispositions.isEmpty && settings.isEmpty }

    public static func == (a: ScenarioOverrides, b: ScenarioOverrides) -> Bool {
        a.dispositions.map(\.id) == b.dispositions.map(\.id)
            && a.dispositions.map(\.disposition) == b.dispositions.map(\.disposition)
            && a.settings.map(\.key) == b.settings.map(\.key) && a.settings.map(\.value) == b.settings.map(\.value)
    }

    /// Adds `--divest a,b` style lists: comma-separated ids, blanks ignored.
    public mutating func set(_ disposition: Disposition, ids list: String) {
        for id in list.split(separator: ",").map({ String($0).trimmingSpaces() }) where !id.isEmpty {
            dispositions.append((id, disposition))
        }
    }

    /// Adds a `KEY=VALUE` assignment; false when it has no `=`.
    @discardableResult
    public mutating func addSetting(_ assignment: String) -> Bool {
        guard let equals = assignment.firstIndex(of: "=") else { return false }
        settings.append((String(assignment[..<equals]).trimmingSpaces(), String(assignment[assignment.index(after: equals)...]).trimmingSpaces()))
        return true
    }

    /// The scenario with these changes, or every problem with them.
    public func apply(to scenario: Scenario) -> Result<Scenario, ScenarioLoadError> {
        var result = scenario
        var problems: [Diagnostic] = []
        func problem(_ option: String, _ message: String) {
            problems.append(.error(file: nil, at: nil, option, message))
        }

        var indexOfID: [String: Int] = [:]
        for (index, facility) in scenario.facilities.enumerated() where indexOfID[facility.id] == nil {
            indexOfID[facility.id] = index
        }
        var chosen: [String: Disposition] = [:]
        for (id, disposition) in dispositions {
            let option = disposition.flag
            if let earlier = chosen[id], earlier != disposition {
                problem(option, "\(Quoting.quoted(id)) is also given to \(earlier.flag); choose one")
                continue
            }
            chosen[id] = disposition
            guard let index = indexOfID[id] else {
                problem(
                    option,
                    "unknown facility id \(Quoting.quoted(id))"
                        + Suggestions.didYouMean(id, among: scenario.facilities.map(\.id)))
                continue
            }
            if disposition.isSold && result.facilities[index].salePrice == nil {
                problem(option, "\(id) has no sale_price, so it cannot be sold; add one to the scenario")
                continue
            }
            result.facilities[index].disposition = disposition
        }

        for (key, value) in settings {
            guard let assumption = AssumptionKey(rawValue: key) else {
                problem(
                    "--set", "unknown assumption \(Quoting.quoted(key))"
                        + Suggestions.didYouMean(key, among: AssumptionKey.names, fallback: AssumptionKey.names))
                continue
            }
            switch assumption.setting(value, in: result.assumptions) {
            case .success(let assumptions): result.assumptions = assumptions
            case .failure(let diagnostic): problem("--set \(key)", diagnostic.message)
            }
        }
        return problems.isEmpty ? .success(result) : .failure(ScenarioLoadError(problems))
    }
}
