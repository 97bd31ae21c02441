import Testing
@testable import CapDashModel
import CapDashReport

/// Correctness at scale (timings live in `capdash bench`, not in tests).
@Suite("Large portfolios")
struct ScaleTests {
    @Test("the generator is deterministic for a seed and differs across seeds")
    func deterministic() {
        let a = PortfolioGenerator.scenario(facilities: 500, seed: 7)
        let b = PortfolioGenerator.scenario(facilities: 500, seed: 7)
        let c = PortfolioGenerator.scenario(facilities: 500, seed: 8)
        #expect(CSVReport.render(a) == CSVReport.render(b))
        #expect(CSVReport.render(a) != CSVReport.render(c))
        #expect(Set(a.facilities.map(\.disposition)) == [.retain, .divest, .leaseback])
        #expect(Set(a.facilities.map(\.region)) == ["US", "EU", "APAC", "LATAM"])
    }

    @Test("100,000 facilities: totals equal sums computed independently here")
    func totals() {
        let scenario = PortfolioGenerator.scenario(facilities: 100_000, seed: 1)
        let result = evaluate(scenario)
        var gross = 0.0, book = 0.0, capex = 0.0, opex = 0.0, retained = 0.0, divested = 0.0
        for f in scenario.facilities {
            if f.disposition != .retain {
                gross += f.salePrice!
                book += f.bookValue
                capex += f.annualCapex
            }
            if f.disposition == .divest {
                opex += f.annualOpex
                divested += f.capacityMW
            } else {
                retained += f.capacityMW
            }
        }
        #expect(close(result.finance.grossProceeds, gross, tolerance: 1e-12))
        #expect(close(result.finance.bookValueReleased, book, tolerance: 1e-12))
        #expect(close(result.finance.avoidedCapexPV, capex * result.finance.annuityFactor, tolerance: 1e-12))
        #expect(close(result.finance.avoidedOpexPV, opex * result.finance.annuityFactor, tolerance: 1e-12))
        #expect(close(result.capacity.retainedMW, retained, tolerance: 1e-12))
        #expect(close(result.capacity.divestedMW, divested, tolerance: 1e-12))
        #expect(result.counts.facilities == 100_000)
    }

    @Test("a generated portfolio survives CSV and back unchanged")
    func csvRoundTrip() throws {
        let scenario = PortfolioGenerator.scenario(facilities: 20_000, seed: 3)
        let loaded = try ScenarioLoader.loadCSV(Array(CSVReport.render(scenario).utf8), file: "g.csv")
        #expect(evaluate(loaded).finance == evaluate(scenario).finance)
        #expect(loaded.facilities.map(\.name) == scenario.facilities.map(\.name))
    }

    @Test("past the facility limit the loader stops with one clear error (1,000,000 in use; 1,000 here)")
    func limit() {
        #expect(FacilityCollector.limit == 1_000_000)
        var csv = "id,name,region,capacity_mw,book_value,annual_opex,annual_capex,disposition\n"
        for index in 0..<1_500 { csv += "f\(index),F,US,1,1,1,1,retain\n" }
        do {
            _ = try ScenarioLoader.loadCSV(Array(csv.utf8), file: "big.csv", facilityLimit: 1_000)
            Issue.record("expected the limit to stop the load")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "big.csv:1002:1: facilities[1000]: more than 1000 facilities; capdash handles at most 1000 per scenario, so split the portfolio"
            ])
        }
    }
}

@Suite("Sums that do not drift")
struct CompensatedSumTests {
    @Test("adding 0.1 ten million times gives 1,000,000 to the last digit")
    func tenthSum() {
        var sum = CompensatedSum()
        var naive = 0.0
        for _ in 0..<10_000_000 {
            sum += 0.1
            naive += 0.1
        }
        // Ten million of the double nearest 0.1 sum to 1,000,000.0000000000555: the double 1,000,000.
        #expect(sum.value == 1_000_000)
        #expect(abs(naive - 1_000_000) > 1e-6)  // the plain sum does drift
    }

    @Test("a big value added and removed leaves the small ones exact")
    func cancel() {
        var sum = CompensatedSum()
        sum += 0.01
        sum += 1e15
        sum += 0.02
        sum += -1e15
        #expect(sum.value == 0.03)
    }

    @Test("a million toggles leave the totals where a fresh sum puts them")
    func toggling() {
        let scenario = PortfolioGenerator.scenario(facilities: 2_000, seed: 5)
        var live = LiveScenario(scenario)
        var random = SeededRandom(seed: 9)
        for _ in 0..<200_000 {
            let index = Int.random(in: 0..<scenario.facilities.count, using: &random)
            let facility = live.scenario.facilities[index]
            guard facility.salePrice != nil else { continue }
            live.apply(.disposition(facility: index, from: facility.disposition, to: facility.disposition.next))
        }
        let fresh = evaluate(live.scenario)
        #expect(live.evaluation.finance.grossProceeds == fresh.finance.grossProceeds)
        #expect(live.evaluation.capacity.retainedMW == fresh.capacity.retainedMW)
        #expect(live.evaluation.finance.capexFreed == fresh.finance.capexFreed)
    }
}
