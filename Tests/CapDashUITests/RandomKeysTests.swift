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

    @Test("any keys at any size: no crash, every screen exactly fills its size, totals stay exact", arguments: Array(UInt64(1)...60))
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
                // Effects (a goal-seek) run as the shell would; a quit or save is not run.
                state = replay([Self.keys.randomElement(using: &random)!], on: state)
            }
            let screen = view(state)
            #expect(screen.lines.count == state.size.height)
        }
        let fresh = evaluate(state.scenario)
        #expect(abs(state.evaluation.finance.capexFreed - fresh.finance.capexFreed) <= 1e-6 * max(1, abs(fresh.finance.capexFreed)))
        #expect(state.evaluation.counts == fresh.counts)
        #expect(state.evaluation.warningCount == fresh.warningCount)
        #expect(state.evaluation.finance.retainedEquity == fresh.finance.retainedEquity || abs(state.evaluation.finance.retainedEquity - fresh.finance.retainedEquity) <= 1e-6 * max(1, fresh.finance.retainedEquity))
    }
}
