/// Changes to a loaded scenario from the command line (`--divest`, `--partner`,
/// `--set`, …), validated with the same rules as the file.
public struct ScenarioOverrides: Sendable, Equatable {
    public var dispositions: [(id: String, disposition: Disposition)] = []
    public var financings: [(id: String, financing: Financing)] = []
    public var settings: [(key: String, value: String)] = []

    public init() {}

    public var isEmpty: Bool { dispositions.isEmpty && financings.isEmpty && settings.isEmpty }

    public static func == (a: ScenarioOverrides, b: ScenarioOverrides) -> Bool {
        a.dispositions.map(\.id) == b.dispositions.map(\.id)
            && a.dispositions.map(\.disposition) == b.dispositions.map(\.disposition)
            && a.financings.map(\.id) == b.financings.map(\.id) && a.financings.map(\.financing) == b.financings.map(\.financing)
            && a.settings.map(\.key) == b.settings.map(\.key) && a.settings.map(\.value) == b.settings.map(\.value)
    }

    /// Adds `--divest a,b` style lists: comma-separated ids, blanks ignored.
    public mutating func set(_ disposition: Disposition, ids list: String) {
        dispositions += Self.ids(list).map { ($0, disposition) }
    }

    /// Adds `--partner a,b` style lists.
    public mutating func set(_ financing: Financing, ids list: String) {
        financings += Self.ids(list).map { ($0, financing) }
    }

    private static func ids(_ list: String) -> [String] {
        list.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// Adds a `KEY=VALUE` assignment; false when it has no `=`.
    @discardableResult
    public mutating func addSetting(_ assignment: String) -> Bool {
        guard let equals = assignment.firstIndex(of: "=") else { return false }
        settings.append((String(assignment[..<equals]).trimmingSpaces(), String(assignment[assignment.index(after: equals)...]).trimmingSpaces()))
        return true
    }

    /// The scenario with these changes, or every problem with them (at most as many
    /// as a file may report, then a count).
    public func apply(to scenario: Scenario) -> Result<Scenario, ScenarioLoadError> {
        var result = scenario
        var problems: [Diagnostic] = []
        func problem(_ option: String, _ message: String) {
            problems.append(.error(file: nil, at: nil, option, message))
        }

        applyChoices(
            dispositions.map { ($0.id, $0.disposition) }, to: &result.facilities, kind: "facility", otherKind: "development",
            otherIDs: Set(scenario.developments.map(\.id)), flag: \.flag, problem: problem
        ) { facility, disposition in
            disposition.isSold && facility.salePrice == nil
                ? "\(facility.id) has no sale_price, so it cannot be sold; add one to the scenario" : nil
        } set: { $0.disposition = $1 }
        applyChoices(
            financings.map { ($0.id, $0.financing) }, to: &result.developments, kind: "development", otherKind: "facility",
            otherIDs: Set(scenario.facilities.map(\.id)), flag: \.flag, problem: problem
        ) { _, _ in nil } set: { $0.financing = $1 }

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
        guard !problems.isEmpty else { return .success(result) }
        if problems.count > FieldReader.errorLimit {
            let more = problems.count - FieldReader.errorLimit
            problems.removeSubrange(FieldReader.errorLimit...)
            problems.append(.error(file: nil, at: nil, "", "and \(more) more problems with the command line; fix these first"))
        }
        return .failure(ScenarioLoadError(problems))
    }

    /// Applies `--divest`-style choices to facilities, or `--partner`-style ones to
    /// developments: one rule for unknown ids, ids given twice, and choices that cannot be made.
    /// How many unknown ids get a did-you-mean. Each is a pass over every id: at a
    /// million facilities the first few get one and the rest are listed without,
    /// about a second in all (release build).
    static func suggestionCount(among candidates: Int) -> Int {
        min(FieldReader.errorLimit, max(3, 2_000_000 / max(1, candidates)))
    }

    private func applyChoices<Item, Choice: Equatable>(
        _ choices: [(id: String, choice: Choice)], to items: inout [Item], kind: String, otherKind: String,
        otherIDs: @autoclosure () -> Set<String>, flag: (Choice) -> String, problem: (String, String) -> Void,
        refuse: (Item, Choice) -> String?, set: (inout Item, Choice) -> Void
    ) where Item: Identified {
        // No choices, nothing to look up: a million ids are not indexed for nothing.
        guard !choices.isEmpty else { return }
        var indexOfID: [String: Int] = [:]
        for (index, item) in items.enumerated() where indexOfID[item.id] == nil {
            indexOfID[item.id] = index
        }
        let candidates = items.map(\.id)
        let suggested = Self.suggestionCount(among: candidates.count)
        var reported = 0
        var others: Set<String>?
        var chosen: [String: Choice] = [:]
        for (id, choice) in choices {
            let option = flag(choice)
            if let earlier = chosen[id], earlier != choice {
                problem(option, "\(Quoting.quoted(id)) is also given to \(flag(earlier)); choose one")
                continue
            }
            chosen[id] = choice
            guard let index = indexOfID[id] else {
                reported += 1
                if others == nil { others = otherIDs() }
                if others!.contains(id) {
                    problem(option, "\(Quoting.quoted(id)) is a \(otherKind), not a \(kind)")
                } else {
                    let hint = reported <= suggested ? Suggestions.didYouMean(id, among: candidates) : ""
                    problem(option, "unknown \(kind) id \(Quoting.quoted(id))" + hint)
                }
                continue
            }
            if let reason = refuse(items[index], choice) {
                problem(option, reason)
                continue
            }
            set(&items[index], choice)
        }
    }
}

/// Facilities and developments both carry an id the command line names them by.
protocol Identified {
    var id: String { get }
}

extension Facility: Identified {}
extension Development: Identified {}
