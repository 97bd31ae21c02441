import CapDashModel
import CapDashReport
import Testing
@testable import CapDashUI

@Suite("Terminal conventions in the dashboard")
struct ConventionsTests {
    @Test("n and N jump to the next and previous match of the search without hiding rows; / still filters")
    func search() {
        var state = exampleState("/ eu- enter esc")
        #expect(state.filter.isEmpty)
        #expect(state.rows.count == 14)
        #expect(state.searchTerm == "eu-")
        press("n", &state)
        let first = selectedID(state)
        #expect(first?.hasPrefix("eu-") == true)
        press("n", &state)
        #expect(selectedID(state)?.hasPrefix("eu-") == true)
        #expect(selectedID(state) != first)
        press("N", &state)
        #expect(selectedID(state) == first)
        #expect(state.rows.count == 14)
        var nothing = exampleState("n")
        #expect(nothing.message?.text.hasPrefix("nothing to find yet") == true)
        press("/ zzz enter esc n", &nothing)
        #expect(nothing.message?.text == "no row matches “zzz”")
    }

    @Test("! lists every warning with its position, and Enter puts the cursor on its facility")
    func warnings() {
        var state = exampleState("!")
        guard case .warnings(let cursor) = state.mode else {
            Issue.record("expected the warnings list, got \(state.mode)")
            return
        }
        #expect(cursor == 0)
        #expect(state.warningList.map(\.keyPath) == ["facilities[7].sale_price", "facilities[9].disposition"])
        #expect(view(state).plainText.contains("⚠ 2 warnings · Enter goes to it"))
        press("j enter", &state)
        #expect(state.mode == .normal)
        #expect(selectedID(state) == "eu-frankfurt-1")
        #expect(state.message?.text.hasPrefix("eu-frankfurt-1 is AI-ready") == true)
    }

    @Test("a key that changes data names itself and what it did in the status line")
    func keyNamesItself() {
        #expect(exampleState("l").message?.text == "l: us-prineville-1: retain → leaseback · u undoes")
        #expect(exampleState("c right").message?.text == "→: us-prineville-1: stake 25% · u undoes")
        #expect(exampleState("a ]").message?.text == "]: tax_rate = 22.0% · u undoes")
        #expect(exampleState("j").message == nil)
    }

    @Test("an unknown key says so briefly")
    func unknownKey() {
        #expect(exampleState("z").message?.text == "z: no action here · ? for help")
    }

    @Test("i walks the figures and the status line defines the one under the cursor")
    func figureFocus() {
        var state = exampleState("i")
        #expect(state.mode == .figures)
        #expect(state.message?.text == "Gross proceeds: sum of the sold share (phi) of each sale price")
        press("j j j j j", &state)
        #expect(state.message?.text.hasPrefix("Capex freed: net proceeds + avoided capex PV") == true)
        press("esc", &state)
        #expect(state.mode == .normal)
    }

    @Test("the help overlay sizes itself to its longest line and wraps on narrow screens, never cutting a line")
    func helpFits() {
        let lines = helpLines(.keys)
        for width in [100, 54, 30] {
            let wrapped = wrappedHelp(lines, width: width)
            #expect(wrapped.allSatisfy { DisplayWidth.of($0.keys) + 2 + DisplayWidth.of($0.text) <= width + 2 })
            let words = wrapped.map { $0.text }.joined(separator: " ").split(separator: " ").joined(separator: " ")
            #expect(words.contains("goal-seek: a plan to reach a capex target"))
        }
        // Scrolled to its end, a short screen shows the last key, not a cut line.
        var paged = exampleState("?", size: Size(width: 60, height: 20))
        press("pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn", &paged)
        #expect(view(paged).plainText.contains("Ctrl-U"))
        #expect(!view(paged).plainText.contains("capex targ\n"))
    }

    @Test("the hint bar comes from the keymap of the view on screen: the tornado's a opens assumptions")
    func hints() {
        let tornado = exampleState("x")
        let hints = Keymap.hints(tornado).map { "\($0.keys) \($0.word)" }
        #expect(hints.contains("a assumptions"))
        #expect(hints.contains("m metric"))
        #expect(!hints.contains("a facilities"))
        #expect(Keymap.hints(exampleState("a")).map { "\($0.keys) \($0.word)" }.contains("a facilities"))
    }

    @Test("the review pack opens with each decision before and after, its effect on capex freed, and the headline figures")
    func reviewPack() {
        let state = exampleState("d G c ] a ]")
        let pack = ReviewPack.markdown(state)
        let decisions = pack.components(separatedBy: "### Decisions")[1]
        #expect(decisions.hasPrefix(" (2)"))
        #expect(decisions.contains("| us-prineville-1 (Prineville 1) | retain | divest | +$562.2M |"))
        #expect(decisions.contains("| eu-frankfurt-1 (Frankfurt 1) | divest | contribute 25% |"))
        #expect(pack.contains("| tax\\_rate | 21.0% | 22.0% |"))
        #expect(pack.contains("## Headline figures, before → after"))
        #expect(pack.range(of: "### Decisions")!.lowerBound < pack.range(of: "## The dashboard")!.lowerBound)
    }
}
