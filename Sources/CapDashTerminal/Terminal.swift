// The only code that touches ncurses: it paints a Screen with a Theme's colors,
// reads keys, and restores the terminal on every exit path it can catch.
import CNcurses
import CapDashModel
import CapDashUI
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resize(Size)
}

public struct TerminalUnavailable: Error, CustomStringConvertible {
    public var description: String
}

/// Set from signal handlers (which may only touch lock-free state), read by the loop.
private let pendingSignal = Atomic<Int32>(0)

public final class Terminal {
    private var screen: OpaquePointer?
    private var open = false
    private var colorCount = 0
    private var themeApplied: Theme?
    private var attributes: [StyleRole: attr_t] = [:]
    /// What was painted last, to notice lines that moved.
    private var lastFrame: Screen?
    /// The terminal can insert and delete lines (or scroll a region): moved lines are worth showing moved first.
    private var canScrollLines = false

    /// Checks the terminal can show the dashboard, then takes it over.
    public init() throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw TerminalUnavailable(description: "standard input or output is not a terminal; use 'capdash report' or 'capdash snapshot' instead")
        }
        let term = String(cString: getenv("TERM") ?? strdup("")!)
        guard !term.isEmpty, term != "dumb" else {
            throw TerminalUnavailable(description: "TERM is \(term.isEmpty ? "unset" : "'dumb'"), which cannot show the dashboard; use 'capdash report' or 'capdash snapshot' instead")
        }
        _ = capdash_use_utf8_locale()
        // A parent may have blocked signals (test runners, some launchers); resizing,
        // suspending and clean termination all depend on receiving them.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signalNumber in [SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT] { sigaddset(&wanted, signalNumber) }
        sigprocmask(SIG_UNBLOCK, &wanted, nil)
        // Our handlers go in first, so ncurses leaves SIGINT, SIGTERM and SIGHUP to us.
        for signalNumber in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            signal(signalNumber) { number in pendingSignal.store(number, ordering: .relaxed) }
        }
        guard let screen = capdash_newterm() else {
            throw TerminalUnavailable(description: "cannot use terminal type '\(TerminalSafe.text(term))'; use 'capdash report' or 'capdash snapshot' instead")
        }
        self.screen = screen
        open = true
        raw()
        noecho()
        nonl()
        keypad(capdash_stdscr(), true)
        // Let ncurses scroll regions with insert/delete line when a group grows or shrinks.
        idlok(capdash_stdscr(), true)
        canScrollLines = has_il()
        set_escdelay(25)
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(capdash_colors())
        }
        wtimeout(capdash_stdscr(), 500)
    }

    deinit {
        close()
    }

    /// Gives the terminal back exactly as it was: echo, cursor, main screen.
    public func close() {
        guard open else { return }
        open = false
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    /// A signal that asked the program to stop (SIGTERM, SIGHUP, SIGINT, SIGQUIT), if any arrived.
    public var terminationSignal: Int32? {
        let number = pendingSignal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// The terminal went away without a SIGHUP (a closed pty): reading it fails.
    public var isLost: Bool {
        var settings = termios()
        return tcgetattr(STDIN_FILENO, &settings) != 0
    }

    public var size: Size {
        Size(width: Int(capdash_cols()), height: Int(capdash_lines()))
    }

    /// Paints a screen. ncurses compares it with what is shown and sends only the changed cells.
    public func draw(_ frame: Screen, theme: Theme) {
        if theme != themeApplied { apply(theme) }
        // A list beside other panes whose rows moved a line (a facility left or rejoined its
        // group): ncurses scrolls only whole lines, so first the lines are shown moved whole,
        // which it sends as one terminal scroll, and then the panes beside are corrected cell by cell.
        if canScrollLines, let last = lastFrame, let moved = frame.linesMoved(since: last) {
            paint(frame.scrolled(moved, from: last))
        }
        paint(frame)
        lastFrame = frame
    }

    private func paint(_ frame: Screen) {
        werase(capdash_stdscr())
        for row in 0..<frame.size.height {
            var column = 0
            while column < frame.size.width {
                let role = frame[column, row].role
                let start = column
                var text = ""
                while column < frame.size.width, frame[column, row].role == role {
                    let cell = frame[column, row]
                    if !cell.isContinuation { text += frame.text(of: cell) }
                    column += 1
                }
                _ = capdash_draw(Int32(row), Int32(start), text, attributes[role] ?? capdash_a_normal())
            }
        }
        wnoutrefresh(capdash_stdscr())
        doupdate()
    }

    /// The next key or resize, or nil after the timeout (the caller's chance to poll files, signals and jobs).
    public func nextEvent(timeoutMilliseconds: Int32 = 500) -> TerminalEvent? {
        wtimeout(capdash_stdscr(), timeoutMilliseconds)
        var character: wint_t = 0
        var isCode: Int32 = 0
        let result = capdash_read_key(&character, &isCode)
        if result == ERR { return nil }
        if isCode == 1 {
            let code = Int32(character)
            if code == capdash_key_resize() { return .resize(size) }
            return Self.functionKey(code).map { .key($0) }
        }
        return Self.characterKey(UInt32(character)).map { .key($0) }
    }

    /// Leaves the screen, stops the process (Ctrl-Z), and redraws on `fg`.
    public func suspend() {
        def_prog_mode()
        endwin()
        kill(getpid(), SIGSTOP)
        reset_prog_mode()
        // Repaint everything: the shell may have drawn over the screen meanwhile.
        wrefresh(capdash_curscr())
    }

    private func apply(_ theme: Theme) {
        themeApplied = theme
        attributes = [:]
        for (offset, role) in StyleRole.allCases.enumerated() {
            let style = theme.style(role)
            var value = capdash_a_normal()
            if style.bold { value |= capdash_a_bold() }
            if style.dim { value |= capdash_a_dim() }
            if style.underline { value |= capdash_a_underline() }
            if style.reverse { value |= capdash_a_reverse() }
            let pair = Int32(offset + 1)
            if colorCount > 0, pair < capdash_color_pairs() {
                let fg = style.fg.index(colors: colorCount, fallback: style.fg8)
                let bg = style.bg.index(colors: colorCount, fallback: style.bg8)
                init_pair(Int16(pair), Int16(fg), Int16(bg))
                value |= capdash_color_pair(pair)
            }
            attributes[role] = value
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_NPAGE: .pageDown
        case KEY_PPAGE: .pageUp
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_BTAB: .backTab
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        default: nil
        }
    }

    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
