import Foundation
import Testing
@testable import CapDashModel
@testable import CapDashReport

@Suite("Diff report")
struct ComparisonReportTests {
    @Test("JSON gives a changed GPU preset and name as text, no preset as null, numbers as numbers")
    func assumptionValues() throws {
        let a = ScenarioLoader.builtInExample()
        var b = a
        b.assumptions.gpu = GPUAssumptions(preset: GPUPreset.named("GB200 NVL72")!)
        b.assumptions.discountRate = 0.1
        let json = ComparisonReport.json(ScenarioComparison(a, b))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(object["assumptions_differ"] as? [[String: Any]])
        let byKey = Dictionary(uniqueKeysWithValues: rows.map { ($0["assumption"] as? String ?? "", $0) })
        #expect(byKey["gpu.preset"]?["a"] is NSNull)
        #expect(byKey["gpu.preset"]?["b"] as? String == "GB200 NVL72")
        #expect(byKey["gpu.name"]?["a"] as? String == "H100 SXM")
        #expect(byKey["gpu.name"]?["b"] as? String == "GB200 NVL72")
        #expect(byKey["gpu.unit_capex"]?["b"] as? Double == 70_000)
        #expect(byKey["discount_rate"]?["a"] as? Double == 0.08)
        #expect(byKey["discount_rate"]?["b"] as? Double == 0.1)
    }
}
