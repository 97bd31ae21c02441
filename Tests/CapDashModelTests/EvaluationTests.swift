import CapDashReport
import Testing
@testable import CapDashModel

/// A four-facility portfolio small enough to check by hand (money in $M below).
/// r = 0.10, H = 2: annuity factor = (1 - 1.1^-2) / 0.1 = 1.735537190082645
let handScenario = """
    schema: capdash/v1
    name: Hand computed
    assumptions:
      tax_rate: 0.25
      transaction_cost_rate: 0.02
      discount_rate: 0.10
      horizon_years: 2
      leaseback_cap_rate: 0.08
      pue: 1.25
      gpu: {name: Test GPU, unit_capex: 25000, power_kw: 1.6, peak_flops: 1e15, mfu: 0.5}
      reference_models:
        - {name: Published, parameters: 1e9, tokens: 1e12, gpu_hours: 1e6}
        - {name: Estimated, parameters: 1e9, tokens: 1e12}
    facilities:
      - {id: r1, name: R1, region: US, capacity_mw: 10, ai_ready: true, book_value: 100M, annual_opex: 10M, annual_capex: 5M, disposition: retain}
      - {id: d1, name: D1, region: EU, capacity_mw: 20, ai_ready: true, book_value: 100M, sale_price: 200M, annual_opex: 20M, annual_capex: 10M, disposition: divest}
      - {id: l1, name: L1, region: US, capacity_mw: 30, book_value: 50M, sale_price: 100M, annual_opex: 5M, annual_capex: 4M, disposition: leaseback, leaseback_rent: 6M}
      - {id: l2, name: L2, region: EU, capacity_mw: 5, ai_ready: true, book_value: 40M, sale_price: 50M, annual_opex: 3M, annual_capex: 2M, disposition: leaseback}
    """

@Suite("Evaluation (docs/scenario-format.md section 3)")
struct EvaluationTests {
    let result: Evaluation

    init() throws {
        result = evaluate(try loadYAML(handScenario))
    }

    @Test("finance figures match the hand computation")
    func finance() {
        let f = result.finance
        let factor = 1.735537190082645
        #expect(f.grossProceeds == 350e6)  // 200 + 100 + 50
        #expect(close(f.transactionCosts, 7e6))  // 2% of 350
        #expect(close(f.gainOnSale, 153e6))  // (200-100) + (100-50) + (50-40) - 7
        #expect(close(f.tax, 38.25e6))  // 25% of 153
        #expect(close(f.netProceeds, 304.75e6))  // 350 - 7 - 38.25
        #expect(f.bookValueReleased == 190e6)  // 100 + 50 + 40
        #expect(close(f.annuityFactor, factor))
        #expect(close(f.avoidedCapexPV, 16e6 * factor))  // capex 10 + 4 + 2 of the sold
        #expect(close(f.capexFreed, 304.75e6 + 16e6 * factor))
        #expect(close(f.avoidedOpexPV, 20e6 * factor))  // divested only: d1
        #expect(close(f.leasebackRentPV, 10e6 * factor))  // 6 given + 8% of 50
        #expect(close(f.netCashPV, 304.75e6 + 16e6 * factor + 20e6 * factor - 10e6 * factor))
    }

    @Test("capacity: leaseback keeps its MW, divest gives them up")
    func capacity() {
        #expect(result.capacity.retainedMW == 45)  // 10 + 30 + 5
        #expect(result.capacity.divestedMW == 20)
        #expect(result.capacity.aiReadyRetainedMW == 15)  // r1 + l2
        #expect(result.capacity.aiReadyDivestedMW == 20)
        #expect(result.counts.facilities == 4)
        #expect(Disposition.allCases.map { result.counts[$0] } == [1, 1, 2, 0])
    }

    @Test("training budget matches the hand computation")
    func training() {
        let t = result.training
        // capex freed 332,518,595.04 / 25,000 = 13,300.74 -> 13,300 GPUs
        #expect(t.gpusFundable == 13_300)
        #expect(close(t.powerNeededMW, 26.6))  // 13,300 x 1.6 kW x 1.25 / 1000
        #expect(t.gpuHoursPerYear == 116_508_000)  // 13,300 x 8,760
        #expect(close(t.flopsPerYear, 116_508_000 * 3600 * 1e15 * 0.5))
        #expect(t.gpusDisplaced == 10_000)  // 20 MW x 1000 / (1.6 x 1.25)
        #expect(t.gpuHoursForgonePerYear == 87_600_000)
        #expect(t.gpu == "Test GPU")
    }

    @Test("reference models: published H100 GPU-hours become FLOPs on the cards' basis, else 6·N·D; hours and runs follow the fleet's GPU")
    func models() throws {
        let published = result.training.models[0]
        // 1e6 H100-hours at 989e12 FLOP/s and 40% MFU (docs/scenario-format.md section 8), on a 1e15 FLOP/s GPU at 50% MFU.
        let flops = 1e6 * 3600 * 989e12 * 0.40
        #expect(close(published.trainingFlops, flops))
        #expect(close(published.gpuHours, flops / (3600 * 1e15 * 0.5)))  // 791,200 hours: a faster GPU needs fewer
        #expect(close(published.runsPerYear, 116_508_000 * 3600 * 1e15 * 0.5 / flops))
        #expect(close(try #require(published.daysOnFleet), published.gpuHours / 13_300 / 24))
        let estimated = result.training.models[1]
        let hours = 6 * 1e9 * 1e12 / (3600 * 1e15 * 0.5)  // 3,333.33 GPU-hours
        #expect(close(estimated.trainingFlops, 6e21))
        #expect(close(estimated.gpuHours, hours))
        #expect(close(estimated.runsPerYear, 116_508_000 / hours))
    }

    @Test("regions are summed and sorted by name")
    func regions() {
        #expect(result.regions.map(\.region) == ["EU", "US"])
        #expect(result.regions[0] == RegionTotals(region: "EU", facilities: 2, retainedMW: 5, divestedMW: 20, grossProceeds: 250e6))
        #expect(result.regions[1] == RegionTotals(region: "US", facilities: 2, retainedMW: 40, divestedMW: 0, grossProceeds: 100e6))
    }

    @Test("divesting an AI-ready facility outright warns")
    func warnings() {
        #expect(ScenarioWarnings.list(try! loadYAML(handScenario)).map(\.keyPath) == ["facilities[1].disposition"])
        #expect(result.warningCount == 1)
    }

    @Test("discount rate 0: the annuity factor is the horizon")
    func zeroDiscount() throws {
        var scenario = try loadYAML(handScenario)
        scenario.assumptions.discountRate = 0
        let f = evaluate(scenario).finance
        #expect(f.annuityFactor == 2)
        #expect(close(f.avoidedCapexPV, 32e6))
        #expect(close(f.leasebackRentPV, 20e6))
    }

    @Test("a loss on sale pays no tax")
    func negativeGain() throws {
        let text = header + facilityYAML(["book_value": "200M", "sale_price": "150M", "disposition": "divest"])
        let f = evaluate(try loadYAML(text)).finance
        #expect(close(f.gainOnSale, 150e6 - 200e6 - 3e6))
        #expect(f.tax == 0)
        #expect(close(f.netProceeds, 147e6))
    }

    @Test("all retained: nothing freed, no GPUs, days on fleet null")
    func allRetained() throws {
        let result = evaluate(try loadYAML(header + facilityYAML()))
        #expect(result.finance.capexFreed == 0)
        #expect(result.training.gpusFundable == 0)
        #expect(result.training.models.allSatisfy { $0.daysOnFleet == nil && $0.runsPerYear == 0 })
        #expect(result.training.models.map(\.name) == ["Llama 3.1 8B", "Llama 3.1 70B", "Llama 3.1 405B", "Llama 4 Scout", "Llama 4 Maverick"])
    }

    @Test("capex freed below one GPU's price funds zero GPUs")
    func zeroGPUs() throws {
        let text = header + facilityYAML(["book_value": "0", "sale_price": "40000", "annual_capex": "0", "disposition": "divest"])
        var scenario = try loadYAML(text)
        scenario.assumptions.taxRate = 0
        scenario.assumptions.transactionCostRate = 0
        let result = evaluate(scenario)
        #expect(result.finance.capexFreed == 40_000)
        #expect(result.training.gpusFundable == 0)
        #expect(result.training.models.allSatisfy { $0.daysOnFleet == nil })
    }

    @Test("the built-in example loads, sells $1.9B outright or leased back, contributes two sites, and warns twice")
    func example() {
        let scenario = ScenarioLoader.builtInExample()
        let result = evaluate(scenario)
        #expect(scenario.facilities.count == 14)
        // 1,898 sold whole, plus 80% of New Albany (600) and of Mesa (110).
        #expect(result.finance.grossProceeds == 2_466e6)
        #expect(result.counts.facilities == 14)
        #expect(Disposition.allCases.map { result.counts[$0] } == [4, 6, 2, 2])
        #expect(result.training.gpusFundable == 49_952)
        #expect(result.finance.retainedEquity == 142e6)  // 20% of 600 and of 110
        #expect(result.warningCount == 2)
    }

    @Test("incremental totals equal a fresh sum after toggles")
    func incrementalTotals() throws {
        var scenario = try loadYAML(handScenario)
        var totals = PortfolioTotals(scenario.facilities)
        for index in scenario.facilities.indices {
            totals.remove(scenario.facilities[index])
            scenario.facilities[index].disposition = scenario.facilities[index].disposition.next
            totals.add(scenario.facilities[index])
        }
        let fresh = PortfolioTotals(scenario.facilities)
        #expect(totals.facilities == fresh.facilities && totals.counts == fresh.counts)
        #expect(close(totals.sale(defaultStake: 0.2).grossProceeds, fresh.sale(defaultStake: 0.2).grossProceeds) && close(totals.retainedMW, fresh.retainedMW))
    }
}
