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

    @Test("net cash PV = capex freed + avoided opex PV - leaseback rent PV", arguments: seeds)
    func netCashIdentity(seed: UInt64) {
        let f = evaluate(randomScenario(seed: seed)).finance
        #expect(close(f.netCashPV, f.capexFreed + f.avoidedOpexPV - f.leasebackRentPV, tolerance: 1e-9))
    }

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
}
