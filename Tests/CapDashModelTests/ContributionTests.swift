import CapDashReport
import Testing
@testable import CapDashModel

/// docs/scenario-format.md section 6 on hand-computed fixtures. One facility, money in $M:
/// price 200, book 100, capex 10/yr, opex 20/yr, no rent given (cap rate 0.08);
/// tax 0.25, transaction costs 0.02, r = 0.10, H = 2: annuity factor 1.735537190082645.
@Suite("Co-development contribution (docs/scenario-format.md section 6)")
struct ContributionTests {
    static let factor = 1.735537190082645

    static func scenario(stake: Double?, disposition: String = "contribute", defaultStake: Double = 0.2) throws -> Scenario {
        var overrides: [String: String] = [
            "sale_price": "200M", "book_value": "100M", "annual_capex": "10M", "annual_opex": "20M", "disposition": disposition,
            "capacity_mw": "30", "ai_ready": "true",
        ]
        if let stake { overrides["retained_stake"] = "\(stake)" }
        var scenario = try loadYAML(header + facilityYAML(overrides))
        scenario.assumptions.taxRate = 0.25
        scenario.assumptions.transactionCostRate = 0.02
        scenario.assumptions.discountRate = 0.10
        scenario.assumptions.horizonYears = 2
        scenario.assumptions.leasebackCapRate = 0.08
        scenario.assumptions.contributeRetainedStake = defaultStake
        return scenario
    }

    @Test("each generalized formula, at stakes 0, 0.2 and 0.99", arguments: [0.0, 0.2, 0.99])
    func formulas(stake: Double) throws {
        let f = evaluate(try Self.scenario(stake: stake)).finance
        let phi = 1 - stake
        #expect(close(f.grossProceeds, phi * 200e6))  // phi x price
        #expect(close(f.transactionCosts, 0.02 * phi * 200e6))
        #expect(close(f.gainOnSale, phi * (200e6 - 100e6) - 0.02 * phi * 200e6))
        #expect(close(f.tax, 0.25 * (phi * 100e6 - 0.02 * phi * 200e6)))
        #expect(close(f.bookValueReleased, phi * 100e6))
        #expect(close(f.avoidedCapexPV, Self.factor * phi * 10e6))
        #expect(f.avoidedOpexPV == 0)  // opex is avoided only by divesting
        #expect(close(f.leasebackRentPV, Self.factor * phi * 0.08 * 200e6))  // phi x cap rate x price
        #expect(close(f.retainedEquity, stake * 200e6))
        #expect(close(f.netCashPV, f.capexFreed - f.leasebackRentPV))
    }

    @Test("a facility without its own stake takes the assumption's, and follows it")
    func defaultStake() throws {
        let own = evaluate(try Self.scenario(stake: 0.35)).finance
        let byDefault = evaluate(try Self.scenario(stake: nil, defaultStake: 0.35)).finance
        #expect(close(own.capexFreed, byDefault.capexFreed))
        #expect(close(own.retainedEquity, byDefault.retainedEquity))
        #expect(close(own.leasebackRentPV, byDefault.leasebackRentPV))
    }

    @Test("a stake of 0 equals a leaseback exactly")
    func zeroStakeIsLeaseback() throws {
        let contributed = evaluate(try Self.scenario(stake: 0))
        let leased = evaluate(try Self.scenario(stake: nil, disposition: "leaseback"))
        #expect(contributed.finance == leased.finance)
        #expect(contributed.capacity == leased.capacity)
        #expect(contributed.regions == leased.regions)
        #expect(contributed.counts[.contribute] == 1 && leased.counts[.leaseback] == 1)
    }

    @Test("contributing never changes retained MW", arguments: Array(UInt64(1)...50))
    func keepsCapacity(seed: UInt64) {
        var scenario = randomScenario(seed: seed)
        guard let index = scenario.facilities.firstIndex(where: { $0.salePrice != nil && $0.disposition != .divest }) else { return }
        let before = evaluate(scenario).capacity
        scenario.facilities[index].disposition = .contribute
        scenario.facilities[index].retainedStake = Double(seed % 10) / 10
        let after = evaluate(scenario).capacity
        #expect(after.retainedMW == before.retainedMW)
        #expect(after.aiReadyRetainedMW == before.aiReadyRetainedMW)
    }

    @Test("live totals stay exact through toggles, stake edits and default-stake steps")
    func live() throws {
        var live = LiveScenario(ScenarioLoader.builtInExample())
        let assumptions = live.scenario.assumptions
        live.apply(.disposition(facility: 0, from: .retain, to: .contribute))
        live.apply(.stake(facility: 0, from: nil, to: 0.4))
        var stepped = assumptions
        stepped.contributeRetainedStake = 0.3
        live.apply(.assumptions(from: assumptions, to: stepped))
        live.apply(.disposition(facility: 10, from: .leaseback, to: .contribute))
        let fresh = evaluate(live.scenario)
        #expect(close(live.evaluation.finance.capexFreed, fresh.finance.capexFreed))
        #expect(close(live.evaluation.finance.retainedEquity, fresh.finance.retainedEquity))
        // Prineville 40%, Chicago and Mesa at the stepped default 30%, New Albany its own 20%.
        #expect(close(live.evaluation.finance.retainedEquity, 0.4 * 520e6 + 0.3 * 300e6 + 0.2 * 600e6 + 0.3 * 110e6))
        #expect(live.evaluation.regions == fresh.regions)
    }

    @Test("diagnostics: a stake outside [0, 1), a stake on a facility not contributed, no sale price")
    func diagnostics() {
        #expect(errors(header + facilityYAML(["disposition": "contribute", "retained_stake": "1"])) == [
            "t.yaml:13:21: facilities[0].retained_stake: expected a stake from 0 up to (not including) 1, like 0.2, found \"1\""
        ])
        #expect(errors(header + facilityYAML(["disposition": "contribute", "sale_price": "<absent>"])) == [
            "t.yaml:11:18: facilities[0].sale_price: a contribute facility needs a sale_price"
        ])
        let text = "schema: capdash/v1\nname: x\nassumptions: {contribute_retained_stake: -0.1}\nfacilities:\n" + facilityYAML()
        #expect(errors(text) == [
            "t.yaml:3:42: assumptions.contribute_retained_stake: expected a stake from 0 up to (not including) 1, like 0.2, found \"-0.1\""
        ])
    }

    @Test("retained_stake on a facility that is not contributed is a warning")
    func stakeWarning() throws {
        let scenario = try loadYAML(header + facilityYAML(["retained_stake": "0.3"]))
        #expect(ScenarioWarnings.list(scenario).map(\.description) == [
            "t.yaml:13:21: facilities[0].retained_stake: ignored: f1 is retain, not contribute"
        ])
    }
}
