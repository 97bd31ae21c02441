/// Two scenarios side by side: every compared figure with its change, the
/// assumptions that differ, and the facilities whose decision differs (matched by id).
public struct ScenarioComparison: Sendable {
    public struct FigureValues: Sendable {
        public var figure: Figure
        public var a: Double
        public var b: Double
        public var key: String { figure.key }
        public var unit: Figure.Unit { figure.unit }
        public var delta: Double { b - a }
    }

    public struct Change: Sendable {
        public var id: String
        public var name: String
        /// nil where the facility is not in that scenario.
        public var a: Disposition?
        public var b: Disposition?
        /// The stakes kept, where the facility is contributed (its own or the default).
        public var stakeA: Double?
        public var stakeB: Double?
    }

    /// A development whose financing, stake or lease terms differ (matched by id).
    public struct DevelopmentChange: Sendable {
        public var id: String
        public var name: String
        /// nil where the development is not in that scenario.
        public var a: Financing?
        public var b: Financing?
        public var stakeA: Double?
        public var stakeB: Double?
        /// Lease terms that differ, by name (`lease.yield_on_cost`).
        public var terms: [DevelopmentTerm]
    }

    public var a: Scenario
    public var b: Scenario
    public var figures: [FigureValues]
    /// Assumptions whose value differs, in `AssumptionKey` order.
    public var assumptionChanges: [AssumptionKey]
    /// The reference models differ (names, sizes or GPU-hours).
    public var referenceModelsDiffer: Bool
    public var changes: [Change]
    public var developmentChanges: [DevelopmentChange]

    public init(_ a: Scenario, _ b: Scenario) {
        self.a = a
        self.b = b
        let ea = evaluate(a)
        let eb = evaluate(b)
        let runs = ea.training.models.map(\.name).filter { name in eb.training.models.contains { $0.name == name } }
        let developments = !a.developments.isEmpty || !b.developments.isEmpty
        figures = (Figure.compared.filter { developments || !$0.isDevelopmentFigure } + runs.map(Figure.runsPerYear)).map { figure in
            FigureValues(figure: figure, a: figure.value(ea), b: figure.value(eb))
        }
        assumptionChanges = AssumptionKey.allCases.filter { $0.text(in: a.assumptions) != $0.text(in: b.assumptions) }
        referenceModelsDiffer = a.assumptions.referenceModels != b.assumptions.referenceModels

        func stake(_ facility: Facility?, _ scenario: Scenario) -> Double? {
            guard let facility, facility.disposition.keepsStake else { return nil }
            return facility.stake(scenario.assumptions)
        }
        var inB: [String: Facility] = [:]
        for facility in b.facilities where inB[facility.id] == nil { inB[facility.id] = facility }
        var seen = Set<String>()
        var changes: [Change] = []
        for facility in a.facilities where seen.insert(facility.id).inserted {
            let other = inB[facility.id]
            let change = Change(
                id: facility.id, name: facility.name, a: facility.disposition, b: other?.disposition,
                stakeA: stake(facility, a), stakeB: stake(other, b))
            if change.a != change.b || change.stakeA != change.stakeB { changes.append(change) }
        }
        for facility in b.facilities where seen.insert(facility.id).inserted {
            changes.append(Change(id: facility.id, name: facility.name, a: nil, b: facility.disposition, stakeA: nil, stakeB: stake(facility, b)))
        }
        self.changes = changes

        var developmentsInB: [String: Development] = [:]
        for development in b.developments where developmentsInB[development.id] == nil { developmentsInB[development.id] = development }
        var seenDevelopments = Set<String>()
        var developmentChanges: [DevelopmentChange] = []
        for development in a.developments where seenDevelopments.insert(development.id).inserted {
            let other = developmentsInB[development.id]
            let terms = DevelopmentTerm.allCases.filter { term in other.map { term.value(in: $0) != term.value(in: development) } ?? false }
            let change = DevelopmentChange(
                id: development.id, name: development.name, a: development.financing, b: other?.financing,
                stakeA: development.stake(a.assumptions), stakeB: other?.stake(b.assumptions), terms: terms)
            if change.a != change.b || change.stakeA != change.stakeB || !terms.isEmpty { developmentChanges.append(change) }
        }
        for development in b.developments where seenDevelopments.insert(development.id).inserted {
            developmentChanges.append(DevelopmentChange(
                id: development.id, name: development.name, a: nil, b: development.financing, stakeA: nil,
                stakeB: development.stake(b.assumptions), terms: []))
        }
        self.developmentChanges = developmentChanges
    }
}
