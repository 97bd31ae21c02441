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

/// One terminal cell: the text drawn there (a character plus any zero-width
/// marks), its style role, and whether it is the right half of a wide character.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var role: StyleRole
    public var isContinuation: Bool

    public static let blank = Cell(text: " ", role: .normal, isContinuation: false)
}

/// A grid of cells that panes draw into; the terminal shell paints it, tests read it as text.
public struct Screen: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width * size.height))
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Draws `text` from (x, y), clipped to `limit` cells (default: the row's end).
    /// File text is made terminal-safe here, so nothing drawn can carry an escape.
    /// Returns the number of cells used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole, limit: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x >= 0, x < size.width else { return 0 }
        let end = min(size.width, x + (limit ?? size.width))
        var column = x
        var lastCell: Int?
        for scalar in TerminalSafe.text(text).unicodeScalars {
            let width = DisplayWidth.of(scalar)
            if width == 0 {
                // A combining mark joins the character before it.
                if let lastCell { cells[lastCell].text.unicodeScalars.append(scalar) }
                continue
            }
            if column + width > end {
                // A wide character that does not fit leaves a blank, never half a glyph.
                if column < end { set(column, y, Cell(text: " ", role: role, isContinuation: false)) }
                break
            }
            set(column, y, Cell(text: String(scalar), role: role, isContinuation: false))
            lastCell = y * size.width + column
            if width == 2 { set(column + 1, y, Cell(text: "", role: role, isContinuation: true)) }
            column += width
        }
        return column - x
    }

    /// Text padded or cut to exactly `width` cells.
    public mutating func putPadded(_ text: String, x: Int, y: Int, width: Int, role: StyleRole, alignRight: Bool = false) {
        put(DisplayWidth.pad(text, to: width, alignRight: alignRight), x: x, y: y, role: role, limit: width)
    }

    public mutating func fill(_ rect: Rect, role: StyleRole, text: String = " ") {
        for row in rect.y..<(rect.y + rect.height) where row >= 0 && row < size.height {
            for column in rect.x..<(rect.x + rect.width) where column >= 0 && column < size.width {
                set(column, row, Cell(text: text, role: role, isContinuation: false))
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
            set(column, rect.y, Cell(text: "─", role: role, isContinuation: false))
            set(column, bottom, Cell(text: "─", role: role, isContinuation: false))
        }
        for row in rect.y...bottom {
            set(rect.x, row, Cell(text: "│", role: role, isContinuation: false))
            set(right, row, Cell(text: "│", role: role, isContinuation: false))
        }
        set(rect.x, rect.y, Cell(text: "┌", role: role, isContinuation: false))
        set(right, rect.y, Cell(text: "┐", role: role, isContinuation: false))
        set(rect.x, bottom, Cell(text: "└", role: role, isContinuation: false))
        set(right, bottom, Cell(text: "┘", role: role, isContinuation: false))
        if !title.isEmpty, rect.width > 4 {
            put(" \(title) ", x: rect.x + 1, y: rect.y, role: focused ? .accent : .title, limit: rect.width - 2)
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < size.width, y >= 0, y < size.height else { return }
        let index = y * size.width + x
        // Overwriting half of a wide character blanks its other half.
        if cells[index].isContinuation, x > 0, !cell.isContinuation {
            cells[index - 1] = Cell(text: " ", role: cells[index - 1].role, isContinuation: false)
        }
        if !cells[index].isContinuation, DisplayWidth.of(cells[index].text) == 2, x + 1 < size.width, !cell.isContinuation {
            cells[index + 1] = Cell(text: " ", role: cells[index + 1].role, isContinuation: false)
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
            if !cell.isContinuation { line += cell.text }
        }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    public var plainText: String {
        lines.joined(separator: "\n") + "\n"
    }
}
