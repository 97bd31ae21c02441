import CapDashReport
import Testing
@testable import CapDashModel

@Suite("Input as analysts type it")
struct AnalystInputTests {
    @Test("rates, stakes, MFU and probabilities take a percent sign")
    func percents() throws {
        let text = """
            schema: capdash/v1
            name: Percent
            assumptions: {tax_rate: 30%, discount_rate: 7.5 %, contribute_retained_stake: 25%, gpu: {mfu: 45%}}
            facilities:

            """ + facilityYAML(["close_probability": "80%", "disposition": "contribute"])
        let scenario = try loadYAML(text)
        #expect(scenario.assumptions.taxRate == 0.3)
        #expect(scenario.assumptions.discountRate == 0.075)
        #expect(scenario.assumptions.contributeRetainedStake == 0.25)
        #expect(scenario.assumptions.gpu.mfu == 0.45)
        #expect(scenario.facilities[0].closeProbability == 0.8)
        #expect(AssumptionKey.taxRate.setting("22%", in: Assumptions()).map(\.taxRate) == .success(0.22))
        // A percent where a plain number is meant is still an error.
        #expect(errors(header + facilityYAML(["capacity_mw": "30%"])) == [
            "t.yaml:7:18: facilities[0].capacity_mw: expected a capacity in MW >= 0, found \"30%\""
        ])
    }

    @Test("money takes the scenario currency's symbol; another currency's symbol and words get a hint")
    func currencySymbols() throws {
        let euros = "schema: capdash/v1\nname: Euro\ncurrency: EUR\nfacilities:\n"
        let scenario = try loadYAML(euros + facilityYAML(["book_value": "€300M", "sale_price": "\"€ 1.2B\""]))
        #expect(scenario.facilities[0].bookValue == 300e6)
        #expect(scenario.facilities[0].salePrice == 1.2e9)
        #expect(errors(euros + facilityYAML(["book_value": "£300M"])) == [
            "t.yaml:9:17: facilities[0].book_value: expected money like €450M, found \"£300M\"; £ is GBP, but this scenario is in EUR (currency:)"
        ])
        #expect(errors(header + facilityYAML(["annual_opex": "14 million"])) == [
            "t.yaml:10:18: facilities[0].annual_opex: expected money like 450M, found \"14 million\"; did you mean 14M?"
        ])
        #expect(errors(header + facilityYAML(["annual_opex": "3bn"])) == [
            "t.yaml:10:18: facilities[0].annual_opex: expected money like 450M, found \"3bn\"; did you mean 3B?"
        ])
    }

    @Test("a CSV header titled like the dashboard's columns gets a did-you-mean to the key")
    func csvLabels() {
        let csv = "id,name,region,MW,Book,Sale,annual_opex,annual_capex,Decision\na,A,US,1,1,2,1,1,retain\n"
        do {
            _ = try ScenarioLoader.loadCSV(Array(csv.utf8), file: "p.csv")
            Issue.record("expected errors")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains("p.csv:1:16: unknown column \"MW\"; did you mean capacity_mw?"))
            #expect(messages.contains("p.csv:1:24: unknown column \"Sale\"; did you mean sale_price?"))
            #expect(messages.contains("p.csv:1:54: unknown column \"Decision\"; did you mean disposition?"))
        }
    }
}
