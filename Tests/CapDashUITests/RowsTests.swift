import CapDashModel
import Testing
@testable import CapDashUI

@Suite("Rows at portfolio scale")
struct RowsTests {
    @Test("rows kept up to date by toggles equal rows built afresh: order, positions and group totals", arguments: Array(UInt64(1)...20))
    func incrementalEqualsFresh(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let scenario = PortfolioGenerator.scenario(facilities: 400, seed: seed)
        var state = DashboardState(scenario: scenario, size: Size(width: 120, height: 40))
        // A sort and a filter some of the time, so matches are a sorted subset.
        if seed % 2 == 0 { state = replay(Key.parseSequence("o"), on: state) }
        if seed % 3 == 0 { state = replay(Key.parseSequence("/ us enter"), on: state) }
        for _ in 0..<300 {
            let index = Int.random(in: 0..<scenario.facilities.count, using: &random)
            guard scenario.facilities[index].salePrice != nil else { continue }
            _ = update(&state, .setDisposition(facility: index, Disposition.allCases.randomElement(using: &random)!))
        }
        let matches = (0..<state.rows.facilityCount).compactMap { position -> Int? in
            if case .facility(let index) = state.rows.item(at: position) { return index }
            return nil
        }
        // Afresh: the same matches in sort order, regrouped.
        let sorted = matches.sorted { state.rows.position(ofFacility: $0)! < state.rows.position(ofFacility: $1)! }
        let fresh = FacilityRows(matches: sortOrderOf(state, sorted), state.scenario.facilities)
        #expect(state.rows.keptCount == fresh.keptCount)
        for position in 0..<fresh.facilityCount {
            #expect(state.rows.item(at: position) == fresh.item(at: position))
        }
        for index in matches {
            #expect(state.rows.position(ofFacility: index) == fresh.position(ofFacility: index))
        }
        #expect(abs(state.rows.keptTotals.mw.value - fresh.keptTotals.mw.value) < 1e-6)
        #expect(abs(state.rows.divestedTotals.sale.value - fresh.divestedTotals.sale.value) < 1e-3)
    }

    /// The matches in the state's sort order (as `refreshRows` keeps them).
    private func sortOrderOf(_ state: DashboardState, _ matches: [Int]) -> [Int] {
        let order = state.sort.order(state.scenario.facilities)
        let wanted = Set(matches)
        return order.filter(wanted.contains)
    }

    @Test("a toggle that moves a facility to a group off screen leaves the cursor on its row; one on screen is followed")
    func cursorStays() {
        let scenario = PortfolioGenerator.scenario(facilities: 2_000, seed: 3)
        var state = DashboardState(scenario: scenario, size: Size(width: 120, height: 40))
        // The first kept facility that can be sold.
        while let index = state.selectedFacility, scenario.facilities[index].salePrice == nil { _ = update(&state, key: .down) }
        let before = state.cursor
        let moved = state.selectedFacility!
        _ = update(&state, key: .character("d"))
        #expect(state.scenario.facilities[moved].disposition == .divest)
        #expect(state.cursor == before)
        #expect(state.selectedFacility != moved)
        #expect(state.message?.text.hasPrefix("d: ") == true)
        _ = update(&state, key: .character("u"))
        #expect(state.selectedFacility == moved)
        // In the example everything is on screen: the cursor follows the facility.
        var small = exampleState("d")
        #expect(selectedID(small) == "us-prineville-1")
        press("r", &small)
        #expect(selectedID(small) == "us-prineville-1")
    }
}
