import CapDashReport

/// What a cell means, not how it looks: themes map roles to colors.
public enum StyleRole: String, CaseIterable, Sendable {
    case normal, header, title, border, selected, positive, negative, warning, muted
    case bar, barAlt, accent, error, key, group, total, input, dirty
}

public struct Size: Sendable, Equatable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

public struct Rect: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rectangle inside a one-cell border.
    public var inner: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }

    /// Splits off the top `rows`, returning (top, rest).
    public func splitTop(_ rows: Int) -> (Rect, Rect) {
        let top = min(rows, height)
        return (Rect(x: x, y: y, width: width, height: top), Rect(x: x, y: y + top, width: width, height: height - top))
    }

    /// Splits off the left `columns`, returning (left, rest).
    public func splitLeft(_ columns: Int) -> (Rect, Rect) {
        let left = min(columns, width)
        return (Rect(x: x, y: y, width: left, height: height), Rect(x: x + left, y: y, width: width - left, height: height))
    }
}

/// One terminal cell: the character drawn there, its style role, and whether it is
/// the right half of a wide character. Plain data (8 bytes, no references), so a
/// frame's cells are made, copied and dropped without reference counting.
public struct Cell: Sendable, Equatable {
    public var scalar: Unicode.Scalar
    /// Combining marks after the scalar (rare: accents written apart, emoji modifiers)
    /// live in the screen's `marks`; this is their index there plus one, 0 for none.
    var markIndex: UInt16 = 0
    public var role: StyleRole
    public var isContinuation: Bool

    public init(scalar: Unicode.Scalar, role: StyleRole, isContinuation: Bool = false) {
        self.scalar = scalar
        self.role = role
        self.isContinuation = isContinuation
    }

    public static let blank = Cell(scalar: " ", role: .normal)
}

/// A grid of cells that panes draw into; the terminal shell paints it, tests read it as text.
public struct Screen: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// The combining marks of the cells that have some (see `Cell.markIndex`).
    private var marks: [String] = []

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width * size.height))
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// The text a terminal shows in a cell: its scalar and any marks joining it
    /// (empty for a wide character's right half).
    public func text(of cell: Cell) -> String {
        if cell.isContinuation { return "" }
        guard cell.markIndex > 0 else { return String(cell.scalar) }
        return String(cell.scalar) + marks[Int(cell.markIndex) - 1]
    }

    /// Adds a combining mark to a drawn cell.
    private mutating func join(_ mark: Unicode.Scalar, to index: Int) {
        if cells[index].markIndex > 0 {
            marks[Int(cells[index].markIndex) - 1].unicodeScalars.append(mark)
        } else if marks.count < Int(UInt16.max) {
            marks.append(String(mark))
            cells[index].markIndex = UInt16(marks.count)
        }
    }

    /// Draws `text` from (x, y), clipped to `limit` cells (default: the row's end).
    /// File text is made terminal-safe here, so nothing drawn can carry an escape.
    /// Returns the number of cells used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole, limit: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x >= 0, x < size.width else { return 0 }
        let end = min(size.width, x + (limit ?? size.width))
        if let used = putPrintableASCII(text, x: x, y: y, end: end, role: role) { return used }
        var column = x
        var lastCell: Int?
        for scalar in TerminalSafe.text(text).unicodeScalars {
            let width = DisplayWidth.of(scalar)
            if width == 0 {
                // A combining mark joins the character before it.
                if let lastCell { join(scalar, to: lastCell) }
                continue
            }
            if column + width > end {
                // A wide character that does not fit leaves a blank, never half a glyph.
                if column < end { set(column, y, Cell(scalar: " ", role: role)) }
                break
            }
            set(column, y, Cell(scalar: scalar, role: role))
            lastCell = y * size.width + column
            if width == 2 { set(column + 1, y, Cell(scalar: " ", role: role, isContinuation: true)) }
            column += width
        }
        return column - x
    }

    /// Most text drawn is printable ASCII (figures, labels, ids): one cell per byte,
    /// nothing to escape or measure. Nil when the text has anything else.
    private mutating func putPrintableASCII(_ text: String, x: Int, y: Int, end: Int, role: StyleRole) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard Self.isPrintableASCII(bytes) else { return nil }
            return writeASCII(bytes, x: x, y: y, end: end, role: role)
        }
    }

    private static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Printable ASCII bytes, one cell each, from (x, y) up to `end`; returns the cells used.
    private mutating func writeASCII(_ bytes: UnsafeBufferPointer<UInt8>, x: Int, y: Int, end: Int, role: StyleRole) -> Int {
        let count = max(0, min(bytes.count, end - x))
        guard count > 0 else { return 0 }
        let start = y * size.width + x
        clearWideEdges(x: x, y: y, count: count)
        for offset in 0..<count {
            cells[start + offset] = Cell(scalar: Unicode.Scalar(bytes[offset]), role: role)
        }
        return count
    }

    /// Before `count` one-cell characters go in from (x, y): a wide character cut
    /// at either end is blanked, never left half drawn. (Inside the run, both
    /// halves are overwritten anyway.)
    private mutating func clearWideEdges(x: Int, y: Int, count: Int) {
        let start = y * size.width + x
        if cells[start].isContinuation, x > 0 {
            cells[start - 1] = Cell(scalar: " ", role: cells[start - 1].role)
        }
        let after = start + count
        if x + count < size.width, cells[after].isContinuation {
            cells[after] = Cell(scalar: " ", role: cells[after].role)
        }
    }

    /// Text padded or cut to exactly `width` cells. Text that fits is drawn as it is and
    /// the rest filled with blanks, so the common case builds no padded string.
    public mutating func putPadded(_ text: String, x: Int, y: Int, width: Int, role: StyleRole, alignRight: Bool = false) {
        guard width > 0 else { return }
        // Printable ASCII that fits, the usual cell of a table: measured and drawn in one look at its bytes.
        var text = text
        let done = text.withUTF8 { bytes -> Bool in
            guard bytes.count <= width, y >= 0, y < size.height, x >= 0, Self.isPrintableASCII(bytes) else { return false }
            let gap = width - bytes.count
            blank(alignRight ? x : x + bytes.count, y, count: gap, role: role)
            let start = alignRight ? x + gap : x
            if start < size.width { _ = writeASCII(bytes, x: start, y: y, end: min(size.width, start + bytes.count), role: role) }
            return true
        }
        if done { return }
        let cells = DisplayWidth.of(text)
        guard cells <= width else {
            put(DisplayWidth.truncate(text, to: width), x: x, y: y, role: role, limit: width)
            return
        }
        let gap = width - cells
        let start = alignRight ? x + gap : x
        blank(alignRight ? x : x + cells, y, count: gap, role: role)
        put(text, x: start, y: y, role: role, limit: cells)
    }

    /// `count` blank cells from (x, y) in a role.
    private mutating func blank(_ x: Int, _ y: Int, count: Int, role: StyleRole) {
        let first = max(0, x), end = min(size.width, x + count)
        guard y >= 0, y < size.height, first < end else { return }
        clearWideEdges(x: first, y: y, count: end - first)
        let row = y * size.width
        for column in first..<end {
            cells[row + column] = Cell(scalar: " ", role: role)
        }
    }

    public mutating func fill(_ rect: Rect, role: StyleRole, text: Unicode.Scalar = " ") {
        for row in rect.y..<(rect.y + rect.height) where row >= 0 && row < size.height {
            for column in rect.x..<(rect.x + rect.width) where column >= 0 && column < size.width {
                set(column, row, Cell(scalar: text, role: role))
            }
        }
    }

    /// Changes the role of cells already drawn (highlighting a row).
    public mutating func restyle(_ rect: Rect, role: StyleRole) {
        for row in rect.y..<(rect.y + rect.height) where row >= 0 && row < size.height {
            for column in rect.x..<(rect.x + rect.width) where column >= 0 && column < size.width {
                cells[row * size.width + column].role = role
            }
        }
    }

    /// A box with a title in its top border.
    public mutating func box(_ rect: Rect, title: String, focused: Bool = false) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let role: StyleRole = focused ? .accent : .border
        let right = rect.x + rect.width - 1
        let bottom = rect.y + rect.height - 1
        for column in rect.x...right {
            set(column, rect.y, Cell(scalar: "─", role: role))
            set(column, bottom, Cell(scalar: "─", role: role))
        }
        for row in rect.y...bottom {
            set(rect.x, row, Cell(scalar: "│", role: role))
            set(right, row, Cell(scalar: "│", role: role))
        }
        set(rect.x, rect.y, Cell(scalar: "┌", role: role))
        set(right, rect.y, Cell(scalar: "┐", role: role))
        set(rect.x, bottom, Cell(scalar: "└", role: role))
        set(right, bottom, Cell(scalar: "┘", role: role))
        if !title.isEmpty, rect.width > 4 {
            put(" \(title) ", x: rect.x + 1, y: rect.y, role: focused ? .accent : .title, limit: rect.width - 2)
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < size.width, y >= 0, y < size.height else { return }
        let index = y * size.width + x
        // Overwriting half of a wide character blanks its other half (a wide character's
        // right half is the continuation cell after it, so no text needs measuring).
        if cells[index].isContinuation, x > 0, !cell.isContinuation {
            cells[index - 1] = Cell(scalar: " ", role: cells[index - 1].role)
        }
        if !cells[index].isContinuation, x + 1 < size.width, cells[index + 1].isContinuation, !cell.isContinuation {
            cells[index + 1] = Cell(scalar: " ", role: cells[index + 1].role)
        }
        cells[index] = cell
    }

    /// Each row as the characters a terminal shows, trailing spaces trimmed
    /// (as `tmux capture-pane -p` prints them).
    public var lines: [String] {
        (0..<size.height).map(line)
    }

    /// One row as the characters a terminal shows, trailing spaces trimmed.
    public func line(_ row: Int) -> String {
        var line = ""
        for column in 0..<size.width {
            let cell = cells[row * size.width + column]
            if !cell.isContinuation { line += text(of: cell) }
        }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    public var plainText: String {
        lines.joined(separator: "\n") + "\n"
    }
}

// MARK: Lines that moved

extension Screen {
    /// Lines of this frame that show, over their first `minimumColumns` cells or more, what
    /// `old` showed one line lower (`by` 1: a list beside other panes lost a row above them, as
    /// when a facility leaves its group) or one line higher (`by` -1: a row came back). Nil
    /// unless at least `minimumLines` consecutive lines moved so. The terminal shell uses it to
    /// let the terminal scroll them instead of redrawing each.
    public func linesMoved(since old: Screen, minimumLines: Int = 6, minimumColumns: Int = 24) -> (lines: ClosedRange<Int>, by: Int)? {
        // `scrolled` numbers both frames' marks in one 16-bit space.
        guard old.size == size, size.height > minimumLines, old.marks.count + marks.count <= Int(UInt16.max) else { return nil }
        var best: (lines: ClosedRange<Int>, by: Int)?
        for by in [1, -1] {
            var runStart: Int?
            for y in 0...size.height {
                let source = y + by
                let moved = y < size.height && (0..<size.height).contains(source)
                    && sharedPrefix(y, old, source) >= minimumColumns && sharedPrefix(y, old, y) < minimumColumns
                if moved {
                    if runStart == nil { runStart = y }
                } else if let start = runStart {
                    if y - start >= minimumLines, y - start > best?.lines.count ?? 0 { best = (start...(y - 1), by) }
                    runStart = nil
                }
            }
        }
        return best
    }

    /// `old` with the `moved` lines replaced by the line `by` below each, as a terminal shows
    /// it after scrolling them; the line that scrolling opens is already this frame's.
    public func scrolled(_ moved: (lines: ClosedRange<Int>, by: Int), from old: Screen) -> Screen {
        var result = old
        let width = size.width
        for y in moved.lines {
            for x in 0..<width { result.cells[y * width + x] = old.cells[(y + moved.by) * width + x] }
        }
        let opened = moved.by > 0 ? moved.lines.upperBound + 1 : moved.lines.lowerBound - 1
        guard (0..<size.height).contains(opened) else { return result }
        // Marks are looked up by index: the opened line's are this frame's, numbered after `old`'s.
        let offset = UInt16(result.marks.count)
        result.marks += marks
        for x in 0..<width {
            var cell = cells[opened * width + x]
            if cell.markIndex > 0 { cell.markIndex += offset }
            result.cells[opened * width + x] = cell
        }
        return result
    }

    /// How many leading cells of line `y` equal those of `other`'s line `otherY`.
    private func sharedPrefix(_ y: Int, _ other: Screen, _ otherY: Int) -> Int {
        let width = size.width
        var x = 0
        while x < width {
            let a = cells[y * width + x], b = other.cells[otherY * width + x]
            guard a.scalar == b.scalar, a.role == b.role, a.isContinuation == b.isContinuation else { break }
            if a.markIndex > 0 || b.markIndex > 0, text(of: a) != other.text(of: b) { break }
            x += 1
        }
        return x
    }
}
