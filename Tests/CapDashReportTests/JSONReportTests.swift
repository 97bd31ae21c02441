import Foundation
import Testing
import CapDashModel
@testable import CapDashReport

private func jsonObject(_ scenario: Scenario) throws -> [String: Any] {
    let text = JSONReport.render(scenario, evaluate(scenario))
    return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite("JSON report (docs/scenario-format.md section 4)")
struct JSONReportTests {
    let example = ScenarioLoader.builtInExample()

    @Test("top-level and nested keys are exactly the format doc's")
    func keys() throws {
        let json = try jsonObject(example)
        #expect(Set(json.keys) == ["schema", "scenario", "currency", "counts", "finance", "capacity", "training", "regions", "facilities", "developments", "warnings"])
        #expect(json["schema"] as? String == "capdash/report/v1")
        #expect(Set((json["counts"] as! [String: Any]).keys) == ["facilities", "retain", "divest", "leaseback", "contribute", "developments", "partner_financed"])
        #expect(Set((json["finance"] as! [String: Any]).keys) == [
            "gross_proceeds", "transaction_costs", "gain_on_sale", "tax", "net_proceeds", "book_value_released",
            "annuity_factor", "avoided_capex_pv", "capex_freed", "avoided_opex_pv", "leaseback_rent_pv", "net_cash_pv",
            "retained_equity", "development_capex_avoided_pv", "development_rent_pv", "rvg_expected_pv", "rvg_max_payment",
            "lease_liability_pv", "off_balance_sheet_pv", "development_equity",
        ])
        #expect(Set((json["capacity"] as! [String: Any]).keys) == [
            "retained_mw", "divested_mw", "ai_ready_retained_mw", "ai_ready_divested_mw", "developing_mw", "ai_ready_developing_mw",
        ])
        let training = json["training"] as! [String: Any]
        #expect(Set(training.keys) == [
            "gpu", "gpus_fundable", "power_needed_mw", "gpu_hours_per_year", "flops_per_year", "gpus_displaced",
            "gpu_hours_forgone_per_year", "gpus_hostable_developing", "models", "alternatives",
        ])
        let model = (training["models"] as! [[String: Any]])[0]
        #expect(Set(model.keys) == ["name", "training_flops", "gpu_hours", "runs_per_year", "days_on_fleet"])
        let alternative = (training["alternatives"] as! [[String: Any]])[0]
        #expect(Set(alternative.keys) == ["gpu", "unit_capex", "gpus_fundable", "power_needed_mw", "flops_per_year", "models"])
        #expect(alternative["gpu"] as? String == "GB200 NVL72")
        #expect((json["developments"] as! [Any]).isEmpty)
        let region = (json["regions"] as! [[String: Any]])[0]
        #expect(Set(region.keys) == ["region", "facilities", "retained_mw", "divested_mw", "gross_proceeds"])
        let facility = (json["facilities"] as! [[String: Any]])[0]
        #expect(Set(facility.keys) == [
            "id", "name", "region", "disposition", "capacity_mw", "ai_ready", "book_value", "sale_price", "annual_opex", "annual_capex",
        ])
    }

    @Test("types: counts are integers, figures numbers, absent sale price null, ai_ready boolean")
    func types() throws {
        let json = try jsonObject(example)
        let counts = json["counts"] as! [String: Any]
        #expect(counts["facilities"] as? Int == 14)
        #expect(counts["contribute"] as? Int == 2)
        #expect(counts["divest"] as? Int == 6)
        let facilities = json["facilities"] as! [[String: Any]]
        #expect(facilities[1]["sale_price"] is NSNull)
        #expect((facilities[1]["ai_ready"] as? NSNumber).map { CFGetTypeIDIsBool($0) } == true)
        #expect(facilities.map { $0["id"] as! String } == example.facilities.map(\.id))
        let training = json["training"] as! [String: Any]
        #expect(training["gpus_fundable"] as? Int == 49_952)
        #expect((json["warnings"] as? [String])?.count == 2)
    }

    @Test("numbers round-trip at full precision")
    func precision() throws {
        // JSONDecoder parses doubles exactly (JSONSerialization on Linux may not).
        struct Report: Decodable {
            var finance: [String: Double]
            var capacity: [String: Double]
        }
        for seed in 0..<20 {
            var scenario = example
            for index in scenario.facilities.indices where scenario.facilities[index].salePrice != nil {
                scenario.facilities[index].disposition = Disposition.allCases[(index * 7 + seed) % 3]
            }
            scenario.assumptions.discountRate = 0.01 * Double(seed)
            let result = evaluate(scenario)
            let report = try JSONDecoder().decode(Report.self, from: Data(JSONReport.render(scenario, result).utf8))
            #expect(report.finance["capex_freed"] == result.finance.capexFreed)
            #expect(report.finance["annuity_factor"] == result.finance.annuityFactor)
            #expect(report.finance["net_cash_pv"] == result.finance.netCashPV)
            #expect(report.finance["avoided_opex_pv"] == result.finance.avoidedOpexPV)
            #expect(report.capacity["retained_mw"] == result.capacity.retainedMW)
        }
    }

    @Test("days_on_fleet is null when no GPU is funded")
    func nullDays() throws {
        var scenario = example
        for index in scenario.facilities.indices { scenario.facilities[index].disposition = .retain }
        let models = (try jsonObject(scenario)["training"] as! [String: Any])["models"] as! [[String: Any]]
        #expect(models.allSatisfy { $0["days_on_fleet"] is NSNull })
    }

    @Test("strings are escaped, control characters included")
    func escaping() {
        #expect(JSONWriter.quote("a\"b\\c\n\u{1b}[2J\u{2028}") == "\"a\\\"b\\\\c\\n\\u001b[2J\\u2028\"")
    }

    @Test("exact numbers: integers without .0, others shortest round-trip, non-finite null")
    func exact() {
        #expect(Format.exact(520_000_000) == "520000000")
        #expect(Format.exact(0.1) == "0.1")
        #expect(Format.exact(4.92e26) == "4.92e+26")
        #expect(Format.exact(.infinity) == nil)
    }
}

/// Foundation on Linux bridges JSON booleans to NSNumber; this tells them from 0 and 1.
private func CFGetTypeIDIsBool(_ number: NSNumber) -> Bool {
    String(cString: number.objCType) == "c" || type(of: number) == type(of: NSNumber(value: true))
}
