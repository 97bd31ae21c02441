import Testing
@testable import CapDashModel

@Suite("Sensitivity (tornado)")
struct SensitivityTests {
    let example = ScenarioLoader.builtInExample()

    @Test("each driver's low and high are the model evaluated at those values")
    func values() throws {
        let analysis = SensitivityAnalysis(example)
        let tax = try #require(analysis.drivers.first { $0.key == "tax_rate" })
        #expect(close(tax.low, 0.21 * 0.8) && close(tax.high, 0.21 * 1.2))
        var low = example
        low.assumptions.taxRate = tax.low
        #expect(tax.capexFreedLow == evaluate(low).finance.capexFreed)
        let prices = try #require(analysis.drivers.first { $0.key == "sale_prices" })
        var scaled = example
        for index in scaled.facilities.indices { scaled.facilities[index].salePrice = scaled.facilities[index].salePrice.map { $0 * 1.2 } }
        #expect(prices.capexFreedHigh == evaluate(scaled).finance.capexFreed)
        #expect(analysis.runsModel == "Llama 3.1 405B")
        #expect(analysis.baseCapexFreed == evaluate(example).finance.capexFreed)
    }

    @Test("drivers are ranked by capex swing, then by runs swing")
    func ranking() {
        let drivers = SensitivityAnalysis(example).drivers
        #expect(drivers.first?.key == "sale_prices")
        #expect(zip(drivers, drivers.dropFirst()).allSatisfy { $0.capexSwing >= $1.capexSwing })
        let unitCapex = drivers.firstIndex { $0.key == "gpu.unit_capex" }!
        let mfu = drivers.firstIndex { $0.key == "gpu.mfu" }!
        #expect(unitCapex < mfu)  // both move no capital; unit capex moves runs, MFU (with published GPU-hours) does not
    }

    @Test("ranges stay valid: horizon in whole years, rates within 0..1")
    func clamping() {
        var scenario = example
        scenario.assumptions.horizonYears = 1
        scenario.assumptions.taxRate = 0.95
        let analysis = SensitivityAnalysis(scenario, relative: 0.5)
        let horizon = analysis.drivers.first { $0.key == "horizon_years" }!
        #expect(horizon.low == 1 && horizon.high == 2)
        let tax = analysis.drivers.first { $0.key == "tax_rate" }!
        #expect(tax.high == 1)
    }

    @Test("the scenario's sensitivity block sets ranges and the default swing")
    func block() throws {
        let text = "schema: capdash/v1\nname: s\nsensitivity:\n  relative: 0.1\n  discount_rate: [0.05, 0.12]\n  sale_prices: [0.7, 1.1]\nfacilities:\n" + facilityYAML()
        let scenario = try loadYAML(text)
        let analysis = SensitivityAnalysis(scenario)
        #expect(analysis.relative == 0.1)
        let discount = analysis.drivers.first { $0.key == "discount_rate" }!
        #expect(discount.low == 0.05 && discount.high == 0.12)
        let tax = analysis.drivers.first { $0.key == "tax_rate" }!
        #expect(close(tax.low, 0.189) && close(tax.high, 0.231))
    }

    @Test("a bad sensitivity block gets positioned errors")
    func badBlock() {
        let text = "schema: capdash/v1\nname: s\nsensitivity:\n  discount_rate: [0.12, 0.05]\n  tax_rate: [0, 2]\n  discout_rate: [0, 1]\nfacilities:\n" + facilityYAML()
        #expect(errors(text) == [
            "t.yaml:4:18: sensitivity.discount_rate: expected low <= high, found [0.12, 0.05]",
            "t.yaml:5:17: sensitivity.tax_rate: expected a rate from 0 to 1 (like 0.21), found \"2\" (2% is 0.02)",
            "t.yaml:6:3: sensitivity.discout_rate: unknown key; did you mean discount_rate?",
        ])
    }
}
