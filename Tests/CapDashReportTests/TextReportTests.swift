import Testing
import CapDashModel
@testable import CapDashReport

@Suite("Text, markdown and CSV reports")
struct TextReportTests {
    let example = ScenarioLoader.builtInExample()

    @Test("the text sheet fits 100 columns and has every section")
    func fits() {
        let text = TextReport.render(example, evaluate(example))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 100 })
        for heading in ["CAPITAL FREED", "CAPACITY", "TRAINING BUDGET", "REGIONS", "FACILITIES", "WARNINGS (2)"] {
            #expect(lines.contains { $0 == heading })
        }
        #expect(lines.contains("  Capex freed            $2.50B   net proceeds + avoided capex PV"))
        #expect(lines.contains("  Retained equity       $142.0M   stakes kept in contributed facilities (default 20% for 1 of 2)"))
        #expect(lines.contains("  GPUs fundable        49,952   capex freed / $50.0K per GPU"))
    }

    @Test("long names and paths from the file still fit 100 columns")
    func longNames() {
        var scenario = example
        scenario.name = String(repeating: "Very long scenario name ", count: 8)
        scenario.file = "/" + String(repeating: "deep/", count: 40) + "plants.yaml"
        scenario.assumptions.gpu.name = String(repeating: "G", count: 150)
        let text = TextReport.render(scenario, evaluate(scenario))
        #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 100 })
        #expect(text.contains("Very long scenario name"))
    }

    @Test("CJK and emoji names keep the columns aligned")
    func wideNames() {
        var scenario = example
        scenario.facilities[0].name = "東京データセンター"
        scenario.facilities[1].name = "Site 🚀 one"
        let lines = TextReport.render(scenario, evaluate(scenario)).split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.hasPrefix("  us-prineville-1") || $0.hasPrefix("  us-council-bluffs-3") || $0.hasPrefix("  eu-odense-1") }
        #expect(rows.count == 3)
        // The region column starts at the same display column on every row.
        let regionColumns = rows.map { row -> Int in
            let prefix = row.components(separatedBy: "  US  ").first ?? row.components(separatedBy: "  EU  ").first!
            return DisplayWidth.of(prefix.count < row.count ? prefix : row.components(separatedBy: "  EU  ")[0])
        }
        #expect(Set(regionColumns).count == 1)
        #expect(rows[0].contains("東京データセンター"))
    }

    @Test("names from a file cannot smuggle terminal escapes into the text sheet")
    func sanitized() {
        var scenario = example
        scenario.facilities[0].name = "evil\u{1b}]0;pwned\u{07}\u{202e}"
        let text = TextReport.render(scenario, evaluate(scenario))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x07 || $0.value == 0x202e })
        #expect(text.contains("evil\\x1b]0;pwned"))
    }

    @Test("markdown has GitHub tables for figures, regions and facilities")
    func markdown() {
        let text = MarkdownReport.render(example, evaluate(example))
        #expect(text.hasPrefix("# Legacy data-center divestiture (illustrative)\n"))
        #expect(text.contains("| Capex freed | $2.50B | net proceeds + avoided capex PV |"))
        #expect(text.contains("| Region | Facilities | Retained MW | Divested MW | Gross proceeds |\n| --- | ---: | ---: | ---: | ---: |"))
        #expect(text.contains("| us-ashburn-2 | Ashburn 2 | US | 60.0 |  | $210.0M | $340.0M | divest |"))
        #expect(text.contains("| us-mesa-land | Mesa land parcel | US | 0.0 |  | $60.0M | $110.0M | contribute 20% |"))
        #expect(text.contains("| **Total** | **14** | **574.0** | **253.0** | **$2.47B** |"))
    }

    @Test("markdown escapes pipes in names")
    func markdownPipes() {
        var scenario = example
        scenario.facilities[0].name = "A | B"
        #expect(MarkdownReport.render(scenario, evaluate(scenario)).contains("| A \\| B |"))
    }

    @Test("CSV has one row per facility and loads back as the same facilities")
    func csvRoundTrip() throws {
        var scenario = example
        scenario.facilities[0].name = "Hall \"A\", west"
        scenario.facilities[2].disposition = .retain
        let csv = CSVReport.render(scenario)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 15)
        // The example has stakes and deal-timeline keys, so their columns follow the format doc's.
        #expect(lines[0] == "id,name,region,country,capacity_mw,ai_ready,commissioned,book_value,sale_price,annual_opex,annual_capex,disposition,leaseback_rent,retained_stake,expected_close,close_probability")
        #expect(lines[1] == "us-prineville-1,\"Hall \"\"A\"\", west\",US,US,120,false,2011,380000000,520000000,45000000,20000000,retain,,,,")
        #expect(lines[11].hasSuffix(",leaseback,21000000,,2025-12-31,1"))
        #expect(lines[13].hasSuffix(",contribute,30000000,0.2,2026-03-31,0.9"))
        let reloaded = try ScenarioLoader.loadCSV(Array(csv.utf8), file: "out.csv")
        for (a, b) in zip(reloaded.facilities, scenario.facilities) {
            #expect(a.id == b.id && a.name == b.name && a.disposition == b.disposition && a.salePrice == b.salePrice
                && a.bookValue == b.bookValue && a.aiReady == b.aiReady && a.leasebackRent == b.leasebackRent
                && a.commissioned == b.commissioned && a.country == b.country
                && a.expectedClose == b.expectedClose && a.closeProbability == b.closeProbability
                && a.retainedStake == b.retainedStake)
        }
    }

    @Test("a scenario without stakes or timeline keys keeps exactly the format doc's CSV columns")
    func csvWithoutTimeline() {
        var scenario = example
        for index in scenario.facilities.indices {
            scenario.facilities[index].expectedClose = nil
            scenario.facilities[index].closeProbability = nil
            scenario.facilities[index].retainedStake = nil
        }
        #expect(CSVReport.render(scenario).hasPrefix("id,name,region,country,capacity_mw,ai_ready,commissioned,book_value,sale_price,annual_opex,annual_capex,disposition,leaseback_rent\n"))
    }

    @Test("display width: CJK and emoji are two cells, combining marks none")
    func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.truncate("東京データ", to: 5) == "東京…")
        #expect(DisplayWidth.pad("東", to: 4) == "東  ")
    }
}
