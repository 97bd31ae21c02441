import CapDashReport
import Testing
@testable import CapDashUI

@Suite("Screen: cells, wide characters and safety")
struct ScreenTests {
    @Test("wide characters take two cells and the row reads back whole")
    func wide() {
        var screen = Screen(size: Size(width: 10, height: 1))
        #expect(screen.put("東京ab", x: 0, y: 0, role: .normal) == 6)
        #expect(screen[1, 0].isContinuation)
        #expect(screen.lines == ["東京ab"])
    }

    @Test("a wide character that does not fit the limit leaves a blank, never half a glyph")
    func clipWide() {
        var screen = Screen(size: Size(width: 10, height: 1))
        screen.put("a東", x: 0, y: 0, role: .normal, limit: 2)
        #expect(screen.lines == ["a"])
        #expect(screen.text(of: screen[1, 0]) == " ")
    }

    @Test("combining marks join the character before them")
    func combining() {
        var screen = Screen(size: Size(width: 5, height: 1))
        #expect(screen.put("e\u{301}x", x: 0, y: 0, role: .normal) == 2)
        #expect(screen.lines == ["e\u{301}x"])
    }

    @Test("control characters and escape sequences are drawn as visible escapes")
    func safety() {
        var screen = Screen(size: Size(width: 40, height: 1))
        screen.put("a\u{1b}[2Jb\u{7}\u{202e}", x: 0, y: 0, role: .normal)
        #expect(screen.lines == ["a\\x1b[2Jb\\x07\\u{202e}"])
        #expect(!screen.cells.contains { screen.text(of: $0).unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwrite() {
        var screen = Screen(size: Size(width: 4, height: 1))
        screen.put("東", x: 0, y: 0, role: .normal)
        screen.put("x", x: 1, y: 0, role: .normal)
        #expect(screen.lines == [" x"])
    }

    @Test("ASCII runs and padding over wide characters blank the halves they cut, at either end", arguments: [
        (1, "ab", " ab 東"), (0, "a", "a 京東"), (2, "cd", "東cd東"), (3, "e", "東 e東"),
    ])
    func asciiOverWide(x: Int, text: String, expected: String) {
        var screen = Screen(size: Size(width: 6, height: 1))
        screen.put("東京東", x: 0, y: 0, role: .normal)
        screen.put(text, x: x, y: 0, role: .normal)
        #expect(screen.lines == [expected])
        #expect(screen.lines.allSatisfy { DisplayWidth.of($0) <= 6 })
        var padded = Screen(size: Size(width: 6, height: 1))
        padded.put("東京東", x: 0, y: 0, role: .normal)
        padded.putPadded("", x: 1, y: 0, width: 2, role: .normal)
        #expect(padded.lines == ["    東"])
    }
}
