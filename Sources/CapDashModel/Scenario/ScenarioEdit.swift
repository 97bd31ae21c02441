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

/// An edit applies as a change, not a copy: only what differs between its `from`
/// and `to` is set. After a save took in another editor's values, undoing an
/// earlier step of ours then puts back our value alone and keeps theirs. (With
/// nothing merged, the current value is `from` and this is plain assignment.)
protocol ChangeApplying {}

extension ChangeApplying {
    mutating func take<Value: Equatable>(_ key: WritableKeyPath<Self, Value>, _ from: Self, _ to: Self) {
        if from[keyPath: key] != to[keyPath: key] { self[keyPath: key] = to[keyPath: key] }
    }
}

extension Assumptions: ChangeApplying {
    public mutating func take(changes from: Assumptions, _ to: Assumptions) {
        take(\.taxRate, from, to)
        take(\.transactionCostRate, from, to)
        take(\.discountRate, from, to)
        take(\.horizonYears, from, to)
        take(\.leasebackCapRate, from, to)
        take(\.pue, from, to)
        take(\.contributeRetainedStake, from, to)
        take(\.gpu.name, from, to)
        take(\.gpu.unitCapex, from, to)
        take(\.gpu.powerKW, from, to)
        take(\.gpu.peakFlops, from, to)
        take(\.gpu.mfu, from, to)
        take(\.gpu.preset, from, to)
        take(\.gpu.explicitKeys, from, to)
        take(\.referenceModels, from, to)
        take(\.gpuAlternatives, from, to)
    }
}

extension Development: ChangeApplying {
    /// The decisions the dashboard edits (financing, stake, lease terms, fair value).
    public mutating func take(changes from: Development, _ to: Development) {
        take(\.financing, from, to)
        take(\.retainedStake, from, to)
        take(\.lease, from, to)
        if from.guarantee?.fairValueRatio != to.guarantee?.fairValueRatio, let ratio = to.guarantee?.fairValueRatio {
            guarantee?.fairValueRatio = ratio
        }
    }
}
