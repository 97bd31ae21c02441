import MILPSolver

/// Goal-seek as a mixed-integer program: what `Optimizer` hands to CBC.
///
/// Variables, all built from the model's own per-facility rules:
/// - per decided facility and per disposition that sells (`isSold`) and is allowed there, a
///   binary x; at most one per facility (none chosen is retain);
/// - per decided development, a binary y per financing, exactly one per development
///   (in both, a choice no optimal plan makes for the goal is left out: `Option.dominates`);
/// - one continuous tax t >= 0 with t >= tax_rate x gain_on_sale. Capex freed is the sum of the
///   choices' before-tax capex minus t, so wherever capex freed counts, t is tax_rate x
///   max(0, gain) at the optimum: exact.
/// Locked facilities and developments, and facilities without a sale price, are constants.
struct GoalSeekProgram {
    /// Money enters the program in millions: coefficients near the MW figures' scale keep CBC's
    /// absolute tolerances (1e-7 on rows, 1e-6 between lexicographic stages) meaningful.
    static let moneyUnit = 1e6

    /// A measure of a plan: a linear expression in the program's variables plus what the fixed
    /// part of the scenario adds, in program units (millions, or MW).
    struct Measure {
        var terms: [(MixedIntegerProgram.Variable, Double)] = []
        var constant = 0.0
        var scale = 1.0

        /// A value of the linear part (a CBC objective or bound) in the scenario's units.
        func unscaled(_ linearPart: Double) -> Double { (constant + linearPart) * scale }
    }

    var program = MixedIntegerProgram()
    /// The binaries of each facility, by disposition: nil where it is locked, empty where it can
    /// only be retained.
    var facilityChoices: [[(disposition: Disposition, variable: MixedIntegerProgram.Variable)]?]
    /// The binaries of each development, by financing: nil where it is locked.
    var developmentChoices: [[(financing: Financing, variable: MixedIntegerProgram.Variable)]?]
    var measures: [Optimizer.Objective: Measure] = [:]

    /// Facilities the plan decides, and the dispositions open to each (the sold ones, by the rules
    /// of `Disposition`): the one place goal-seek's constraints on a facility are read.
    static func choices(for facility: Facility, _ constraints: Optimizer.Constraints) -> [Disposition]? {
        guard !constraints.locked.contains(facility.id) else { return nil }
        // Without a sale price a facility can only be retained.
        guard facility.salePrice != nil else { return [] }
        return Disposition.allCases.filter { disposition in
            disposition.isSold && !(constraints.keepAIReady && facility.aiReady && !disposition.keepsCapacity)
        }
    }

    /// What one choice (a facility's disposition, a development's financing) adds to the
    /// program's figures, in program units.
    struct Option {
        /// Capex freed before tax: for a development, the capex its financing avoids.
        var capexBeforeTax = 0.0
        var gain = 0.0
        var rentPV = 0.0
        var divestedMW = 0.0
        var aiReadyDivestedMW = 0.0

        /// The option's term in a minimised objective (capex freed is treated apart: its tax is not linear).
        func cost(_ objective: Optimizer.Objective) -> Double {
            switch objective {
            case .capexFreed: -capexBeforeTax
            case .rentPV: rentPV
            case .divestedMW: divestedMW
            case .aiReadyDivestedMW: aiReadyDivestedMW
            }
        }

        /// True when choosing `self` instead of `other` makes every plan strictly better for the
        /// goal, lexicographically, and keeps it feasible; no optimal plan then chooses `other`.
        /// Swapping moves capex freed by at least `floor` (tax_rate x max(0, gain) grows by at
        /// most tax_rate x max(0, the gain's change)), exactly by it when the gains are equal.
        func dominates(_ other: Option, goal: Optimizer.Goal, taxRate: Double) -> Bool {
            let floor = (capexBeforeTax - other.capexBeforeTax) - taxRate * max(0, gain - other.gain)
            guard floor >= 0 else { return false }
            if case .maximizeCapex = goal, divestedMW > other.divestedMW { return false }
            for objective in goal.objectives {
                if objective == .capexFreed {
                    if floor > 0 { return true }
                    continue
                }
                let change = cost(objective) - other.cost(objective)
                if change != 0 { return change < 0 }
            }
            return false
        }
    }

    /// The program of `goal`'s objectives and constraint (without its target or cap: see `require`).
    /// Choices no optimal plan makes are left out (`Option.dominates`): leasing back a hall that
    /// could be divested rent-free, say, or divesting an AI-ready hall that could be leased back.
    init(_ scenario: Scenario, _ constraints: Optimizer.Constraints, goal: Optimizer.Goal) {
        let assumptions = scenario.assumptions
        let factor = annuityFactor(rate: assumptions.discountRate, years: assumptions.horizonYears)
        let unit = Self.moneyUnit
        var capexBeforeTax = Measure(scale: unit)
        var gain = Measure(scale: unit)
        var rent = Measure(scale: unit)
        var divested = Measure()
        var aiReadyDivested = Measure()
        facilityChoices = Array(repeating: nil, count: scenario.facilities.count)
        developmentChoices = Array(repeating: nil, count: scenario.developments.count)

        /// A facility's option, by the disposition's own rules.
        func option(_ facility: Facility, _ disposition: Disposition) -> Option {
            let share = disposition.share(of: facility, stake: facility.stake(assumptions))
            let mw = disposition.keepsCapacity ? 0 : facility.capacityMW
            return Option(
                capexBeforeTax: Evaluation.Finance.capexFreedBeforeTax(share, assumptions, annuityFactor: factor) / unit,
                gain: Evaluation.Finance.gainOnSale(share, assumptions) / unit,
                rentPV: factor * share.rent(capRate: assumptions.leasebackCapRate) / unit,
                divestedMW: mw, aiReadyDivestedMW: facility.aiReady ? mw : 0)
        }
        /// A development's option: capex avoided against net rent and the guarantee's expected
        /// cost, by the development's own section-7 evaluation under that financing.
        func option(_ development: Development, _ financing: Financing) -> Option {
            var financed = development
            financed.financing = financing
            let evaluation = financed.evaluate(assumptions)
            return Option(capexBeforeTax: evaluation.capexAvoidedPV / unit, rentPV: (evaluation.netRentPV + evaluation.rvgExpectedPV) / unit)
        }
        /// Adds an option's figures, times `variable` (nil: a constant).
        func add(_ option: Option, _ variable: MixedIntegerProgram.Variable?) {
            func put(_ measure: inout Measure, _ amount: Double) {
                guard amount != 0 else { return }
                if let variable { measure.terms.append((variable, amount)) } else { measure.constant += amount }
            }
            put(&capexBeforeTax, option.capexBeforeTax)
            put(&gain, option.gain)
            put(&rent, option.rentPV)
            put(&divested, option.divestedMW)
            put(&aiReadyDivested, option.aiReadyDivestedMW)
        }
        /// The options no other option dominates.
        func undominated<Choice>(_ options: [(Choice, Option)]) -> [(Choice, Option)] {
            options.filter { candidate in
                !options.contains { $0.1.dominates(candidate.1, goal: goal, taxRate: assumptions.taxRate) }
            }
        }

        for (index, facility) in scenario.facilities.enumerated() {
            guard let open = Self.choices(for: facility, constraints) else {
                add(option(facility, facility.disposition), nil)
                continue
            }
            let binaries = undominated(open.map { ($0, option(facility, $0)) }).map { choice, option in
                let variable = program.addBinary()
                add(option, variable)
                return (disposition: choice, variable: variable)
            }
            if binaries.count > 1 {
                program.addConstraint(terms: binaries.map { ($0.variable, 1) }, relation: .lessOrEqual, rhs: 1)
            }
            facilityChoices[index] = binaries
        }
        for (index, development) in scenario.developments.enumerated() {
            guard !constraints.locked.contains(development.id) else {
                add(option(development, development.financing), nil)
                continue
            }
            let binaries = undominated(Financing.allCases.map { ($0, option(development, $0)) }).map { choice, option in
                let variable = program.addBinary()
                add(option, variable)
                return (financing: choice, variable: variable)
            }
            program.addConstraint(terms: binaries.map { ($0.variable, 1) }, relation: .equal, rhs: 1)
            developmentChoices[index] = binaries
        }

        // t >= tax_rate x gain, as tax_rate x (gain's terms) - t <= -tax_rate x (gain's constant).
        let tax = program.addContinuous(lower: 0)
        program.addConstraint(
            terms: gain.terms.map { ($0.0, assumptions.taxRate * $0.1) } + [(tax, -1)], relation: .lessOrEqual,
            rhs: -assumptions.taxRate * gain.constant)
        var capexFreed = capexBeforeTax
        capexFreed.terms.append((tax, -1))

        measures = [.capexFreed: capexFreed, .rentPV: rent, .divestedMW: divested, .aiReadyDivestedMW: aiReadyDivested]
    }

    func measure(_ objective: Optimizer.Objective) -> Measure { measures[objective]! }

    /// Requires `objective` to reach at least (or at most, for one minimised) `bound`, in the scenario's units.
    mutating func require(_ objective: Optimizer.Objective, atLeast: Bool, _ bound: Double) {
        let measure = measure(objective)
        program.addConstraint(
            terms: measure.terms, relation: atLeast ? .greaterOrEqual : .lessOrEqual, rhs: bound / measure.scale - measure.constant)
    }

    /// The objective as a stage of a lexicographic solve (its constant does not move the optimum).
    func stage(_ objective: Optimizer.Objective) -> MILPSolver.Objective {
        MILPSolver.Objective(LinearExpression(measure(objective).terms), sense: objective.sense)
    }

    /// The dispositions and financings a solution chooses: locked entries keep theirs, and a
    /// decided facility with no binary set is retained.
    func decisions(_ values: [Double], _ scenario: Scenario) -> (dispositions: [Disposition], financings: [Financing]) {
        let dispositions = scenario.facilities.indices.map { index -> Disposition in
            guard let binaries = facilityChoices[index] else { return scenario.facilities[index].disposition }
            return binaries.first { values[$0.variable.index] > 0.5 }?.disposition ?? .retain
        }
        let financings = scenario.developments.indices.map { index -> Financing in
            guard let binaries = developmentChoices[index] else { return scenario.developments[index].financing }
            return binaries.first { values[$0.variable.index] > 0.5 }?.financing ?? scenario.developments[index].financing
        }
        return (dispositions, financings)
    }
}
