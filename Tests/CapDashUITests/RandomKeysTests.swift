import CapDashModel
import Testing
@testable import CapDashUI

@Suite("Random key storms")
struct RandomKeysTests {
    static let keys: [Key] = [
        .character("j"), .character("k"), .character("g"), .character("G"), .character(" "), .character("r"),
        .character("d"), .character("l"), .character("a"), .character("["), .character("]"), .character("e"),
        .character("u"), .control("r"), .character("R"), .character("/"), .character("x"), .character("o"),
        .character("t"), .character("?"), .escape, .enter, .tab, .pageDown, .pageUp, .backspace, .up, .down,
        .character("1"), .character("."), .character("q"), .character("c"), .character("C"), .character("O"),
        .character("R"), .character("["), .character("]"), .character("i"), .character("T"), .character("w"),
        .character("s"), .character("y"), .character("n"), .character("2"), .character("B"), .control("c"),
    ]

    @Test("any keys at any size: no crash, the header or the too-small notice shows, the cursor stays visible, totals stay exact", arguments: Array(UInt64(1)...60))
    func storm(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var scenario = ScenarioLoader.builtInExample()
        // Some storms start with every facility sold or kept, so one group is empty.
        if seed % 3 == 0 {
            for index in scenario.facilities.indices where scenario.facilities[index].salePrice != nil {
                scenario.facilities[index].disposition = .divest
            }
        }
        if seed % 3 == 1 { scenario.facilities = Array(scenario.facilities.prefix(Int(seed % 4) + 1)) }
        // Some with facilities on stakes of their own, contributed or not.
        if seed % 2 == 0 {
            for index in scenario.facilities.indices where index % 3 == 0 && scenario.facilities[index].salePrice != nil {
                scenario.facilities[index].disposition = .contribute
                scenario.facilities[index].retainedStake = Double(index % 5) * 0.1
            }
        }
        var state = DashboardState(scenario: scenario, size: Size(width: 120, height: 40), themeNames: ThemeCatalog.builtInNames)
        for _ in 0..<300 {
            if Int.random(in: 0..<20, using: &random) == 0 {
                let size = Size(width: Int.random(in: 1...200, using: &random), height: Int.random(in: 1...70, using: &random))
                _ = update(&state, .resized(size))
            } else {
                // Effects run as the shell would (never a quit, save or write); a goal-seek runs on
                // small portfolios and stays pending on larger ones, for Esc to cancel.
                state = replay([Self.keys.randomElement(using: &random)!], on: state) { effect in
                    if case .goalSeek(_, let scenario, _, _) = effect, scenario.facilities.count > 6 { return [] }
                    return runPureEffect(effect)
                }
            }
            let screen = view(state)
            if Layout(state.size) != nil {
                #expect(screen.line(0).hasPrefix(" capdash"))
                // The selected facility's row is on screen whenever the table is.
                if state.pane == .facilities, state.mode == .normal, state.rows.count > 0 {
                    let row = state.rows.displayRow(ofPosition: state.cursor)
                    #expect(row >= state.scroll && row < state.scroll + Layout(state.size)!.visibleTableRows)
                }
            } else if state.size.width >= 32 {
                #expect(screen.line(max(0, state.size.height / 2 - 1)).contains("terminal too small"))
            }
        }
        let fresh = evaluate(state.scenario)
        #expect(abs(state.evaluation.finance.capexFreed - fresh.finance.capexFreed) <= 1e-6 * max(1, abs(fresh.finance.capexFreed)))
        #expect(state.evaluation.counts == fresh.counts)
        #expect(state.evaluation.warningCount == fresh.warningCount)
        #expect(state.evaluation.finance.retainedEquity == fresh.finance.retainedEquity || abs(state.evaluation.finance.retainedEquity - fresh.finance.retainedEquity) <= 1e-6 * max(1, fresh.finance.retainedEquity))
    }
}
