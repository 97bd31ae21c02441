/// Goal-seek: which facilities to retain, divest or lease back.
///
/// Two goals, each solved exactly by branch and bound (a node limit turns it
/// into a labelled best-found plan on huge portfolios):
/// - reach at least a capex-freed target, then, in this order: divest the least
///   AI-ready MW, pay the least leaseback rent (PV), divest the least MW;
/// - freed the most capex with at most N MW divested, then pay the least rent.
/// Divest and leaseback free the same capex (docs/scenario-format.md section 3); they differ in
/// capacity kept and rent paid, which is what the orders above weigh.
public enum Optimizer {
    public enum Goal: Sendable, Equatable {
        case reachCapex(Double)
        case maximizeCapex(maxDivestedMW: Double)
    }

    public struct Constraints: Sendable, Equatable {
        /// AI-ready facilities may be leased back but never divested outright.
        public var keepAIReady = false
        /// Facilities whose current disposition the plan must keep.
        public var locked: Set<String> = []

        public init(keepAIReady: Bool = false, locked: Set<String> = []) {
            self.keepAIReady = keepAIReady
            self.locked = locked
        }
    }

    public struct Plan: Sendable {
        public var dispositions: [Disposition]
        public var scenario: Scenario
        public var evaluation: Evaluation
        /// Proven optimal; false when the search hit its node limit.
        public var exact: Bool
        public var nodes: Int
        /// For a plan not proven optimal: the first objective the plan does not
        /// meet at zero, its value, and a lower bound no plan can beat.
        public var gap: Gap?
    }

    public struct Gap: Sendable, Equatable {
        /// `ai_ready_divested_mw`, `leaseback_rent_pv` or `divested_mw`.
        public var objective: String
        public var value: Double
        public var lowerBound: Double
    }

    /// Why no plan came back; CapDashReport's `PlanReport.describe` words it.
    public enum Failure: Error, Sendable, Equatable {
        case unknownLockedIDs([String])
        /// Selling every facility that can be sold frees only this much.
        case unreachable(mostCapexFreed: Double)
        /// Locked facilities already divest more MW than the cap.
        case lockedOverCap(lockedMW: Double)
        case noPlanWithinNodeLimit(Int)
    }

    /// Nodes the search may visit before it settles for the best plan found.
    public static let nodeLimit = 3_000_000

    public static func optimize(_ scenario: Scenario, goal: Goal, constraints: Constraints = Constraints()) -> Result<Plan, Failure> {
        optimize(scenario, goal: goal, constraints: constraints, nodeLimit: nodeLimit)
    }

    /// A lower node limit lets tests see the labelled best-found result on small portfolios.
    static func optimize(_ scenario: Scenario, goal: Goal, constraints: Constraints, nodeLimit: Int) -> Result<Plan, Failure> {
        let unknown = constraints.locked.filter { scenario.index(ofFacility: $0) == nil }
        if !unknown.isEmpty {
            return .failure(.unknownLockedIDs(unknown.sorted()))
        }
        var problem = Problem(scenario, constraints, nodeLimit: nodeLimit)
        switch goal {
        case .reachCapex(let target):
            return problem.reach(target)
        case .maximizeCapex(let cap):
            return problem.maximize(maxDivestedMW: cap)
        }
    }

    /// The scenario reduced to what the search needs, per facility.
    struct Problem {
        let scenario: Scenario
        let constraints: Constraints
        let factor: Double
        let nodeLimit: Int
        /// Facilities the search decides (sellable and not locked).
        var free: [Int] = []
        var nodes = 0

        init(_ scenario: Scenario, _ constraints: Constraints, nodeLimit: Int) {
            self.scenario = scenario
            self.constraints = constraints
            self.nodeLimit = nodeLimit
            factor = annuityFactor(rate: scenario.assumptions.discountRate, years: scenario.assumptions.horizonYears)
            for (index, facility) in scenario.facilities.enumerated()
            where facility.salePrice != nil && !constraints.locked.contains(facility.id) {
                free.append(index)
            }
        }

        /// Rent PV of leasing the whole facility back, by the disposition's own rule.
        func rentPV(_ index: Int) -> Double {
            factor * Disposition.leaseback.wholeShare(of: scenario.facilities[index]).rent(capRate: scenario.assumptions.leasebackCapRate)
        }

        /// How a sold free facility is best sold for the reach goal: (AI-ready MW divested, rent PV, MW divested).
        func saleCost(_ index: Int) -> (mode: Disposition, cost: [Double]) {
            let facility = scenario.facilities[index]
            let divest = [facility.aiReady ? facility.capacityMW : 0, 0, facility.capacityMW]
            let leaseback = [0, rentPV(index), 0]
            if constraints.keepAIReady && facility.aiReady { return (.leaseback, leaseback) }
            return lexicographicallyLess(divest, leaseback) ? (.divest, divest) : (.leaseback, leaseback)
        }

        /// The sums capex freed is made of: sale prices, book values and sustaining capex of the sold.
        struct Sums {
            var price = 0.0, book = 0.0, capex = 0.0

            static func + (a: Sums, b: Sums) -> Sums {
                Sums(price: a.price + b.price, book: a.book + b.book, capex: a.capex + b.capex)
            }

            /// The share sold by a contribution (phi).
            func scaled(_ phi: Double) -> Sums {
                Sums(price: phi * price, book: phi * book, capex: phi * capex)
            }
        }

        func sums(_ index: Int) -> Sums {
            let share = scenario.facilities[index].share(scenario.assumptions)
            return Sums(price: share.grossProceeds, book: share.bookValueReleased, capex: share.soldAnnualCapex)
        }

        /// A free facility's whole sums, whatever it is now.
        func wholeSums(_ index: Int) -> Sums {
            let facility = scenario.facilities[index]
            return Sums(price: facility.salePrice ?? 0, book: facility.bookValue, capex: facility.annualCapex)
        }

        /// Contributing keeps a stake: it sells phi of the facility and leases it back at phi of the rent.
        func contribution(_ index: Int) -> (phi: Double, cost: [Double]) {
            let phi = Disposition.contribute.soldFraction(stake: scenario.facilities[index].stake(scenario.assumptions))
            return (phi, [0, phi * rentPV(index), 0])
        }

        /// the format doc's capex freed from the sold facilities' sums: O(1) per search node.
        func capexFreed(_ sold: Sums) -> Double {
            var share = SaleShare()
            share.grossProceeds = sold.price
            share.bookValueReleased = sold.book
            share.soldAnnualCapex = sold.capex
            let a = scenario.assumptions
            return Evaluation.Finance.capexFreedBeforeTax(share, a, annuityFactor: factor)
                - a.taxRate * max(0, Evaluation.Finance.gainOnSale(share, a))
        }

        mutating func reach(_ target: Double) -> Result<Plan, Failure> {
            var lockedSums = Sums()
            for (index, facility) in scenario.facilities.enumerated()
            where constraints.locked.contains(facility.id) && facility.disposition.isSold {
                lockedSums = lockedSums + sums(index)
            }
            let costs = free.map { saleCost($0) }
            let contributions = free.map { contribution($0) }
            // Cheapest per dollar freed first: the first dive is the greedy plan, so the bound prunes early.
            let freed = free.map { max(1e-9, capexFreed(wholeSums($0))) }
            let order = free.indices.sorted { x, y in
                lexicographicallyLess(costs[x].cost.map { $0 / freed[x] }, costs[y].cost.map { $0 / freed[y] })
            }
            // Selling whole frees the most, so the rest sold whole bounds what any choice can still add.
            var remaining = [Sums](repeating: Sums(), count: order.count + 1)
            for depth in stride(from: order.count - 1, through: 0, by: -1) {
                remaining[depth] = remaining[depth + 1] + wholeSums(free[order[depth]])
            }
            let most = capexFreed(lockedSums + remaining[0])
            guard most >= target else {
                return .failure(.unreachable(mostCapexFreed: most))
            }
            /// Per free facility: nil kept, .divest/.leaseback sold whole, .contribute.
            var best: (cost: [Double], capex: Double, choice: [Disposition?])?
            var choice = [Disposition?](repeating: nil, count: free.count)
            var exhausted = true

            func search(_ depth: Int, _ cost: [Double], _ current: Sums) {
                nodes += 1
                if nodes > nodeLimit {
                    exhausted = false
                    return
                }
                // Costs only grow with every sale: prune what is already worse than the best plan.
                if let best, lexicographicallyLess(best.cost, cost) { return }
                // Capex only grows with every sale too: prune where even selling all the rest falls short.
                guard capexFreed(current + remaining[depth]) >= target else { return }
                let capex = capexFreed(current)
                if capex >= target, best == nil || lexicographicallyLess(cost, best!.cost) || (cost == best!.cost && capex > best!.capex) {
                    best = (cost, capex, choice)
                }
                guard depth < order.count else { return }
                let slot = order[depth]
                let whole = wholeSums(free[slot])
                choice[slot] = costs[slot].mode
                search(depth + 1, zip(cost, costs[slot].cost).map { $0 + $1 }, current + whole)
                let contributed = contributions[slot]
                if contributed.phi < 1 {
                    choice[slot] = .contribute
                    search(depth + 1, zip(cost, contributed.cost).map { $0 + $1 }, current + whole.scaled(contributed.phi))
                }
                choice[slot] = nil
                search(depth + 1, cost, current)
            }
            search(0, [0, 0, 0], lockedSums)
            guard let best else {
                return .failure(.noPlanWithinNodeLimit(nodeLimit))
            }
            var dispositions = scenario.facilities.map(\.disposition)
            for (slot, index) in free.enumerated() {
                dispositions[index] = best.choice[slot] ?? .retain
            }
            var result = plan(dispositions, exact: exhausted)
            if !exhausted { result.gap = gap(best.cost, costs.map(\.cost), target: target, locked: lockedSums) }
            return .success(result)
        }

        /// A valid bound for the first objective the plan does not meet at zero:
        /// each facility adds at most `bound` capex (its price net of costs, its
        /// capex PV, and the tax its loss could save), so a fractional knapsack over
        /// those bounds costs no more than any plan that reaches the target.
        func gap(_ best: [Double], _ costs: [[Double]], target: Double, locked: Sums) -> Gap? {
            guard let component = best.firstIndex(where: { $0 > 0 }) else { return nil }
            let names = ["ai_ready_divested_mw", "leaseback_rent_pv", "divested_mw"]
            let a = scenario.assumptions
            var deficit = target - capexFreed(locked)
            let items = free.indices.map { slot -> (cost: Double, gain: Double) in
                let facility = scenario.facilities[free[slot]]
                let price = facility.salePrice ?? 0
                let loss = max(0, facility.bookValue - price * (1 - a.transactionCostRate))
                let bound = price * (1 - a.transactionCostRate) + factor * facility.annualCapex + a.taxRate * loss
                // A contribution sells phi of the facility at phi of the cost: take the cheaper rate per dollar.
                let phi = 1 - facility.stake(a)
                let contributed = phi > 0 ? phi * rentPV(free[slot]) / phi : Double.infinity
                let perDollar = component == 1 ? min(costs[slot][component], contributed) : 0
                return (component == 1 ? perDollar : costs[slot][component], bound)
            }.sorted { $0.cost / max($0.gain, 1e-300) < $1.cost / max($1.gain, 1e-300) }
            var lowerBound = 0.0
            for item in items where deficit > 0 {
                let share = item.gain >= deficit ? deficit / item.gain : 1
                lowerBound += item.cost * share
                deficit -= item.gain * share
            }
            return Gap(objective: names[component], value: best[component], lowerBound: min(lowerBound, best[component]))
        }

        mutating func maximize(maxDivestedMW cap: Double) -> Result<Plan, Failure> {
            // Every sale adds capex (a facility's book value and capex PV outweigh its tax), so all
            // free facilities are sold; the choice is which to divest (no rent) within the MW cap.
            let lockedMW = scenario.facilities.filter { constraints.locked.contains($0.id) && $0.disposition == .divest }
                .reduce(0) { $0 + $1.capacityMW }
            let room = cap - lockedMW
            guard room >= 0 else {
                return .failure(.lockedOverCap(lockedMW: lockedMW))
            }
            let candidates = free.filter { !(constraints.keepAIReady && scenario.facilities[$0].aiReady) }
            // 0/1 knapsack: maximize rent saved within `room` MW; ties keep AI-ready capacity, then MW.
            let items = candidates.map { (index: $0, mw: scenario.facilities[$0].capacityMW, value: rentPV($0)) }
                .sorted { $0.value / max($0.mw, 1e-9) > $1.value / max($1.mw, 1e-9) }
            var chosen = [Bool](repeating: false, count: items.count)
            var best: (value: Double, ai: Double, mw: Double, chosen: [Bool]) = (0, 0, 0, chosen)
            var exhausted = true

            func bound(_ depth: Int, _ used: Double, _ value: Double) -> Double {
                var room = cap - lockedMW - used
                var total = value
                for item in items[depth...] {
                    if item.mw <= room {
                        room -= item.mw
                        total += item.value
                    } else {
                        return total + (item.mw > 0 ? item.value * room / item.mw : item.value)
                    }
                }
                return total
            }
            func search(_ depth: Int, _ used: Double, _ value: Double, _ ai: Double) {
                nodes += 1
                if nodes > nodeLimit {
                    exhausted = false
                    return
                }
                if value > best.value || (value == best.value && (ai < best.ai || (ai == best.ai && used < best.mw))) {
                    best = (value, ai, used, chosen)
                }
                guard depth < items.count, bound(depth, used, value) >= best.value else { return }
                let item = items[depth]
                if used + item.mw <= room {
                    chosen[depth] = true
                    search(depth + 1, used + item.mw, value + item.value, ai + (scenario.facilities[item.index].aiReady ? item.mw : 0))
                    chosen[depth] = false
                }
                search(depth + 1, used, value, ai)
            }
            search(0, 0, 0, 0)
            var dispositions = scenario.facilities.map(\.disposition)
            for index in free { dispositions[index] = .leaseback }
            for (slot, item) in items.enumerated() where best.chosen[slot] { dispositions[item.index] = .divest }
            // A leaseback with no rent costs nothing, so it beats divesting; keep it.
            return .success(plan(dispositions, exact: exhausted))
        }

        func plan(_ dispositions: [Disposition], exact: Bool) -> Plan {
            var result = scenario
            for index in result.facilities.indices { result.facilities[index].disposition = dispositions[index] }
            return Plan(dispositions: dispositions, scenario: result, evaluation: evaluate(result), exact: exact, nodes: nodes, gap: nil)
        }
    }

    static func lexicographicallyLess(_ a: [Double], _ b: [Double]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x < y }
        return false
    }
}
