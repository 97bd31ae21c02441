import Testing
@testable import CapDashModel

@Suite("Deal timeline")
struct TimelineTests {
    @Test("with every closing certain, the timeline's cash adds up to gross proceeds, contributions at their sold share")
    func contributedShare() throws {
        let text = header
            + facilityYAML(["disposition": "contribute", "sale_price": "100M", "retained_stake": "0.2", "expected_close": "2026-01-15"], id: "a")
            + facilityYAML(["disposition": "contribute", "sale_price": "50M", "expected_close": "2026-05-01"], id: "b")
            + facilityYAML(["disposition": "divest", "sale_price": "30M", "expected_close": "2026-05-01"], id: "c")
            + facilityYAML(["disposition": "leaseback", "sale_price": "20M"], id: "d")
        var scenario = try loadYAML(text)
        scenario.assumptions.contributeRetainedStake = 0.4
        let timeline = DealTimeline(scenario)
        let committed = timeline.quarters.reduce(0) { $0 + $1.committed }
        let expected = timeline.quarters.reduce(0) { $0 + $1.expected }
        // 80% of 100M, 60% of 50M (the default stake), 30M and 20M whole.
        #expect(committed == 160e6)
        #expect(expected == 160e6)
        #expect(evaluate(scenario).finance.grossProceeds == 160e6)
        #expect(timeline.quarters[0].committed == 80e6)
    }

    @Test("sales group by quarter; committed counts probability 1, expected weights by probability")
    func quarters() throws {
        let text = header
            + facilityYAML(["disposition": "divest", "sale_price": "100M", "book_value": "100M", "expected_close": "2026-01-15", "close_probability": "1"], id: "a")
            + facilityYAML(["disposition": "divest", "sale_price": "200M", "book_value": "200M", "expected_close": "2026-03-31", "close_probability": "0.5"], id: "b")
            + facilityYAML(["disposition": "leaseback", "sale_price": "50M", "book_value": "50M", "expected_close": "2025-11-01"], id: "c")
            + facilityYAML(["disposition": "divest", "sale_price": "10M", "book_value": "10M"], id: "d")
            + facilityYAML(["disposition": "retain", "expected_close": "2025-01-01"], id: "e")
        var scenario = try loadYAML(text)
        scenario.assumptions.taxRate = 0
        scenario.assumptions.transactionCostRate = 0.02
        scenario.assumptions.gpu.unitCapex = 1e6
        let timeline = DealTimeline(scenario)
        // No gain, so no tax: net is 98% of gross.
        #expect(close(timeline.netShare, 0.98))
        #expect(timeline.quarters.map(\.label) == ["2025-Q4", "2026-Q1", "unscheduled"])
        #expect(timeline.quarters[0] .committed == 50e6 && timeline.quarters[0].expected == 50e6)
        #expect(timeline.quarters[1].facilities == 2)
        #expect(timeline.quarters[1].committed == 100e6)
        #expect(timeline.quarters[1].expected == 200e6)  // 100 + 0.5 x 200
        #expect(close(timeline.quarters[1].cumulativeExpectedNet, 250e6 * 0.98))
        #expect(timeline.quarters[1].gpusOnline == 245)
        #expect(timeline.quarters[2].expected == 10e6)
    }

    @Test("timeline keys are validated like the rest of the format")
    func validation() {
        #expect(errors(header + facilityYAML(["expected_close": "2026-13-01", "close_probability": "1.5"])) == [
            "t.yaml:13:24: facilities[0].close_probability: expected a probability from 0 to 1 (like 0.8), found \"1.5\"",
            "t.yaml:14:21: facilities[0].expected_close: expected a date like 2025-08-01, found \"2026-13-01\"",
        ])
    }

    @Test("without timeline keys the docs/scenario-format.md figures are unchanged")
    func unchanged() throws {
        var plain = ScenarioLoader.builtInExample()
        for index in plain.facilities.indices {
            plain.facilities[index].expectedClose = nil
            plain.facilities[index].closeProbability = nil
        }
        #expect(evaluate(plain).finance == evaluate(ScenarioLoader.builtInExample()).finance)
    }
}
