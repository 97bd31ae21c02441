import CapDashModel
import Testing
@testable import CapDashUI

/// Lines that moved between two frames, for the terminal to scroll: what the shell paints
/// first must be the old frame with those lines moved whole, and only when a list moved.
@Suite("Screen: lines that moved")
struct LineMoveTests {
    /// A frame of `rows` list rows on the left (from `first`) beside a fixed pane on the right.
    static func frame(listFrom first: Int, height: Int = 20) -> Screen {
        var screen = Screen(size: Size(width: 60, height: height))
        for y in 0..<height {
            screen.put("facility-\(first + y) Hall \(first + y)   \((first + y) * 7) MW", x: 0, y: y, role: .normal)
            screen.put("│ pane line \(y)", x: 40, y: y, role: .muted)
        }
        return screen
    }

    @Test("a list that lost a row moves up beside a fixed pane: found, and scrolled whole in the first paint")
    func upward() throws {
        let old = Self.frame(listFrom: 0)
        var new = Self.frame(listFrom: 0)
        // Rows 5 on lose their list line 5: each shows the one below it.
        for y in 5..<20 { new.put(String(repeating: " ", count: 40), x: 0, y: y, role: .normal) }
        for y in 5..<19 { new.put("facility-\(y + 1) Hall \(y + 1)   \((y + 1) * 7) MW", x: 0, y: y, role: .normal) }
        let moved = try #require(new.linesMoved(since: old))
        #expect(moved.lines == 5...18)
        #expect(moved.by == 1)
        let first = new.scrolled(moved, from: old)
        for y in 5...18 { #expect(first.lines[y] == old.lines[y + 1]) }
        #expect(first.lines[19] == new.lines[19])
        #expect(first.lines[4] == old.lines[4])
    }

    @Test("a row that came back moves the list down: found with by -1, and the opened line is the new one")
    func downward() throws {
        let old = Self.frame(listFrom: 1)
        let new = Self.frame(listFrom: 0)
        let moved = try #require(new.linesMoved(since: old))
        #expect(moved.by == -1)
        #expect(moved.lines == 1...19)
        let first = new.scrolled(moved, from: old)
        #expect(first.lines[0] == new.lines[0])
        for y in 1...19 { #expect(first.lines[y] == old.lines[y - 1]) }
    }

    @Test("nothing moved, a short move, or a move narrower than the list: nil")
    func notMoved() {
        let old = Self.frame(listFrom: 0)
        #expect(Self.frame(listFrom: 0).linesMoved(since: old) == nil)
        var short = Self.frame(listFrom: 0)
        for y in 0..<4 { short.put("facility-\(y + 1) Hall \(y + 1)   \((y + 1) * 7) MW  ", x: 0, y: y, role: .normal) }
        #expect(short.linesMoved(since: old) == nil)
        #expect(Self.frame(listFrom: 1).linesMoved(since: old, minimumColumns: 55) == nil)
        #expect(Self.frame(listFrom: 1).linesMoved(since: Screen(size: Size(width: 60, height: 10))) == nil)
    }

    @Test("two frames with more combining marks than 16 bits number: no move is reported (the first paint is only a hint)")
    func tooManyMarks() {
        let width = 200, height = 200, row = String(repeating: "e\u{301}", count: width)
        var old = Screen(size: Size(width: width, height: height))
        var new = old
        for y in 0..<height { old.put("line \(y) " + row, x: 0, y: y, role: .normal) }
        for y in 0..<(height - 1) { new.put("line \(y + 1) " + row, x: 0, y: y, role: .normal) }
        new.put("last " + row, x: 0, y: height - 1, role: .normal)
        #expect(new.linesMoved(since: old) == nil)
        // The same move with few marks is found.
        var plainOld = Screen(size: Size(width: width, height: height))
        var plainNew = plainOld
        for y in 0..<height { plainOld.put("line \(y) of the list, long enough", x: 0, y: y, role: .normal) }
        for y in 0..<(height - 1) { plainNew.put("line \(y + 1) of the list, long enough", x: 0, y: y, role: .normal) }
        #expect(plainNew.linesMoved(since: plainOld)?.lines == 0...198)
    }

    @Test("divesting a kept facility at 120x40: the kept rows below it are found moved up a line")
    func regroupOnDashboard() throws {
        var state = DashboardState(scenario: PortfolioGenerator.scenario(facilities: 400, seed: 5), size: Size(width: 120, height: 40))
        press("j j j", &state)
        let before = view(state)
        let cursorLine = try #require(before.lines.firstIndex { $0.contains("▸") })
        press("d", &state)
        let after = view(state)
        let moved = try #require(after.linesMoved(since: before))
        #expect(moved.by == 1)
        // The cursor line itself is redrawn (it highlights the next facility); the rows below it moved.
        #expect(moved.lines.lowerBound == cursorLine + 1)
        #expect(moved.lines.count >= 25)
    }
}
