import Foundation
import Testing
@testable import CapDashModel

/// A random valid scenario: 1-40 facilities, random dispositions and assumptions.
func randomScenario(seed: UInt64) -> Scenario {
    var random = SeededRandom(seed: seed)
    let count = Int.random(in: 1...40, using: &random)
    let facilities = (0..<count).map { index -> Facility in
        let book = Double.random(in: 0...900e6, using: &random).rounded()
        let price: Double? = Bool.random(using: &random) || index % 3 == 0 ? (book * Double.random(in: 0.5...2, using: &random)).rounded() : nil
        let disposition: Disposition = price == nil ? .retain : Disposition.allCases.randomElement(using: &random)!
        return Facility(
            id: "f\(index)", name: "Facility \(index)", region: ["US", "EU", "APAC"].randomElement(using: &random)!,
            capacityMW: Double.random(in: 0...200, using: &random), aiReady: Bool.random(using: &random),
            bookValue: book, salePrice: price, annualOpex: Double.random(in: 0...60e6, using: &random),
            annualCapex: Double.random(in: 0...30e6, using: &random), disposition: disposition,
            leasebackRent: Bool.random(using: &random) ? Double.random(in: 0...40e6, using: &random) : nil)
    }
    var scenario = Scenario(name: "random \(seed)", facilities: facilities)
    scenario.assumptions.discountRate = [0, 0.05, 0.08, 0.12].randomElement(using: &random)!
    scenario.assumptions.horizonYears = Int.random(in: 1...30, using: &random)
    scenario.assumptions.taxRate = Double.random(in: 0...0.4, using: &random)
    return scenario
}

@Suite("Properties over random valid scenarios")
struct PropertyTests {
    static let seeds: [UInt64] = Array(1...200)

    @Test("toggling a facility through every disposition and back returns the same report", arguments: seeds)
    func toggleRoundTrip(seed: UInt64) {
        var scenario = randomScenario(seed: seed)
        let before = evaluate(scenario)
        let index = Int(seed) % scenario.facilities.count
        for _ in Disposition.allCases {
            scenario.facilities[index].disposition = scenario.facilities[index].disposition.next
        }
        #expect(evaluate(scenario) == before)
    }

    @Test("moving a facility from retain to leaseback never changes retained MW", arguments: seeds)
    func leasebackKeepsCapacity(seed: UInt64) {
        var scenario = randomScenario(seed: seed)
        guard let index = scenario.facilities.firstIndex(where: { $0.disposition == .retain && $0.salePrice != nil }) else { return }
        let before = evaluate(scenario).capacity
        scenario.facilities[index].disposition = .leaseback
        let after = evaluate(scenario).capacity
        #expect(after.retainedMW == before.retainedMW)
        #expect(after.aiReadyRetainedMW == before.aiReadyRetainedMW)
    }

    @Test("retained and divested MW add up to the portfolio", arguments: seeds)
    func capacityPartition(seed: UInt64) {
        let scenario = randomScenario(seed: seed)
        let capacity = evaluate(scenario).capacity
        let total = scenario.facilities.reduce(0) { $0 + $1.capacityMW }
        #expect(close(capacity.retainedMW + capacity.divestedMW, total, tolerance: 1e-9))
    }

    @Test("the regions' proceeds add up to gross proceeds", arguments: seeds)
    func regionsAddUp(seed: UInt64) {
        let result = evaluate(randomScenario(seed: seed))
        #expect(close(result.regions.reduce(0) { $0 + $1.grossProceeds }, result.finance.grossProceeds, tolerance: 1e-9))
    }

    @Test("LiveScenario's running totals equal a naive recomputation after random edits, stakes and resets", arguments: Array(UInt64(1)...60))
    func liveTotalsMatchNaive(seed: UInt64) {
        var random = SeededRandom(seed: seed &+ 1000)
        let start = randomScenario(seed: seed)
        var live = LiveScenario(start)
        var history: [ScenarioEdit] = []
        for _ in 0..<200 {
            let index = Int.random(in: 0..<start.facilities.count, using: &random)
            let facility = live.scenario.facilities[index]
            let edit: ScenarioEdit
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<4:
                let to = facility.salePrice == nil ? .retain : Disposition.allCases.randomElement(using: &random)!
                edit = .disposition(facility: index, from: facility.disposition, to: to)
            case 4..<6:
                let to: Double? = Bool.random(using: &random) ? nil : Double(Int.random(in: 0...19, using: &random)) * 0.05
                edit = .stake(facility: index, from: facility.retainedStake, to: to)
            case 6:
                var assumptions = live.scenario.assumptions
                assumptions.contributeRetainedStake = Double(Int.random(in: 0...19, using: &random)) * 0.05
                assumptions.taxRate = Double(Int.random(in: 0...40, using: &random)) / 100
                edit = .assumptions(from: live.scenario.assumptions, to: assumptions)
            case 7:
                guard let last = history.popLast() else { continue }
                live.apply(last.inverse)
                continue
            default:
                edit = .batch(ScenarioEdit.edits(from: live.scenario, to: start))  // a reset
            }
            live.apply(edit)
            history.append(edit)
        }
        let naive = NaiveModel(live.scenario)
        let f = live.evaluation.finance
        #expect(close(f.grossProceeds, naive.grossProceeds, tolerance: 1e-9))
        #expect(close(f.bookValueReleased, naive.bookValueReleased, tolerance: 1e-9))
        #expect(close(f.tax, naive.tax, tolerance: 1e-9))
        #expect(close(f.capexFreed, naive.capexFreed, tolerance: 1e-9))
        #expect(close(f.leasebackRentPV, naive.rentPV, tolerance: 1e-9))
        #expect(close(f.avoidedOpexPV, naive.avoidedOpexPV, tolerance: 1e-9))
        #expect(close(f.retainedEquity, naive.retainedEquity, tolerance: 1e-9))
        #expect(close(live.evaluation.capacity.retainedMW, naive.retainedMW, tolerance: 1e-9))
        #expect(close(live.evaluation.capacity.aiReadyDivestedMW, naive.aiReadyDivestedMW, tolerance: 1e-9))
        #expect(live.evaluation.counts[.contribute] == live.scenario.facilities.filter { $0.disposition == .contribute }.count)
    }
}

/// docs/scenario-format.md sections 3 and 6 written out the long way, facility by facility,
/// with none of capdash's shared code: the oracle the running totals answer to.
struct NaiveModel {
    var grossProceeds = 0.0, bookValueReleased = 0.0, soldCapex = 0.0, divestedOpex = 0.0, rent = 0.0
    var retainedEquity = 0.0, retainedMW = 0.0, aiReadyDivestedMW = 0.0
    var tax = 0.0, capexFreed = 0.0, rentPV = 0.0, avoidedOpexPV = 0.0

    init(_ scenario: Scenario) {
        let a = scenario.assumptions
        for f in scenario.facilities {
            let stake = f.retainedStake ?? a.contributeRetainedStake
            let phi: Double
            switch f.disposition {
            case .retain: phi = 0
            case .divest, .leaseback: phi = 1
            case .contribute: phi = 1 - stake
            }
            let price = f.salePrice ?? 0
            grossProceeds += phi * price
            bookValueReleased += phi * f.bookValue
            soldCapex += phi * f.annualCapex
            if f.disposition == .divest {
                divestedOpex += f.annualOpex
                if f.aiReady { aiReadyDivestedMW += f.capacityMW }
            } else {
                retainedMW += f.capacityMW
            }
            if f.disposition == .leaseback || f.disposition == .contribute {
                rent += phi * (f.leasebackRent ?? a.leasebackCapRate * price)
            }
            if f.disposition == .contribute { retainedEquity += stake * price }
        }
        let r = a.discountRate
        let h = Double(a.horizonYears)
        var factor = h
        if r != 0 { factor = (1 - 1 / pow(1 + r, h)) / r }
        let costs = a.transactionCostRate * grossProceeds
        tax = a.taxRate * max(0, grossProceeds - bookValueReleased - costs)
        capexFreed = grossProceeds - costs - tax + factor * soldCapex
        rentPV = factor * rent
        avoidedOpexPV = factor * divestedOpex
    }
}
