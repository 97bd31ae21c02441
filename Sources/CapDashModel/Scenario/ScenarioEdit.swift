/// One undoable change to a scenario. Undo applies the inverse, so history
/// costs a few bytes per step, not a copy of the portfolio.
public enum ScenarioEdit: Sendable, Equatable {
    case disposition(facility: Int, from: Disposition, to: Disposition)
    case assumptions(from: Assumptions, to: Assumptions)
    /// A contributed facility's own stake (nil: the assumption's default).
    case stake(facility: Int, from: Double?, to: Double?)
    /// A development's financing, stake or lease terms: the whole value before and after.
    case development(index: Int, from: Development, to: Development)
    /// Several changes taken as one step (reset, an accepted plan).
    case batch([ScenarioEdit])

    /// The facilities this edit touches.
    public var facilities: Set<Int> {
        switch self {
        case .disposition(let facility, _, _), .stake(let facility, _, _): [facility]
        case .assumptions, .development: []
        case .batch(let edits): edits.reduce(into: Set<Int>()) { $0.formUnion($1.facilities) }
        }
    }

    /// The developments this edit touches.
    public var developments: Set<Int> {
        switch self {
        case .development(let index, _, _): [index]
        case .disposition, .stake, .assumptions: []
        case .batch(let edits): edits.reduce(into: Set<Int>()) { $0.formUnion($1.developments) }
        }
    }

    public var inverse: ScenarioEdit {
        switch self {
        case .disposition(let facility, let from, let to): .disposition(facility: facility, from: to, to: from)
        case .assumptions(let from, let to): .assumptions(from: to, to: from)
        case .stake(let facility, let from, let to): .stake(facility: facility, from: to, to: from)
        case .development(let index, let from, let to): .development(index: index, from: to, to: from)
        case .batch(let edits): .batch(edits.reversed().map(\.inverse))
        }
    }
}

extension ScenarioEdit {
    /// The edits that turn `current` into `target`: every kind of edit, facilities
    /// matched by id (a facility in only one of them is left alone). Reset, the
    /// recovery file and accepted plans all go through this one comparison.
    public static func edits(from current: Scenario, to target: Scenario) -> [ScenarioEdit] {
        var indexOfID: [String: Int] = [:]
        indexOfID.reserveCapacity(current.facilities.count)
        for (index, facility) in current.facilities.enumerated() where indexOfID[facility.id] == nil {
            indexOfID[facility.id] = index
        }
        var edits: [ScenarioEdit] = []
        for wanted in target.facilities {
            guard let index = indexOfID[wanted.id] else { continue }
            let now = current.facilities[index]
            if now.retainedStake != wanted.retainedStake {
                edits.append(.stake(facility: index, from: now.retainedStake, to: wanted.retainedStake))
            }
            if now.disposition != wanted.disposition, !(wanted.disposition.isSold && now.salePrice == nil) {
                edits.append(.disposition(facility: index, from: now.disposition, to: wanted.disposition))
            }
        }
        var indexOfDevelopment: [String: Int] = [:]
        for (index, development) in current.developments.enumerated() where indexOfDevelopment[development.id] == nil {
            indexOfDevelopment[development.id] = index
        }
        for wanted in target.developments {
            guard let index = indexOfDevelopment[wanted.id] else { continue }
            let now = current.developments[index]
            if !now.sameDecisions(as: wanted) {
                edits.append(.development(index: index, from: now, to: now.withDecisions(of: wanted)))
            }
        }
        if current.assumptions != target.assumptions {
            edits.append(.assumptions(from: current.assumptions, to: target.assumptions))
        }
        return edits
    }
}
