import CapDashModel

/// The plain-text review sheet: fits 100 columns, aligned by display width.
public enum TextReport {
    public static func render(_ scenario: Scenario, _ evaluation: Evaluation) -> String {
        render(ReviewSheet(scenario, evaluation))
    }

    public static func render(_ sheet: ReviewSheet) -> String {
        // Written as bytes into one buffer: a million facilities make some 80 MB of table.
        var out: [UInt8] = []
        func appendLines(_ lines: [String]) {
            for line in lines {
                out.append(contentsOf: line.utf8)
                out.append(0x0A)
            }
        }
        // Names and paths come from files and may be long: wrap them to stay within 100 columns.
        let title = wrap(sheet.title, width: 98)
        appendLines(title + [String(repeating: "=", count: min(98, title.map(DisplayWidth.of).max() ?? 0))])
        appendLines(sheet.subtitle.flatMap { wrap($0, width: 98) })
        for section in sheet.sections {
            appendLines(["", section.title.uppercased()])
            for (index, body) in section.body.enumerated() {
                if index > 0 { appendLines([""]) }
                switch body {
                case .figures(let figures): appendLines(render(figures))
                case .table(let table): append(table, to: &out)
                case .lines(let text): appendLines(text.flatMap { wrap($0, width: 96).map { "  " + $0 } })
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func render(_ figures: [ReviewSheet.FigureLine]) -> [String] {
        let labelWidth = figures.map { DisplayWidth.of($0.label) }.max() ?? 0
        let valueWidth = figures.map { DisplayWidth.of($0.value) }.max() ?? 0
        return figures.map { figure in
            let line = "  " + DisplayWidth.pad(figure.label, to: labelWidth) + "  "
                + DisplayWidth.pad(figure.value, to: valueWidth, alignRight: true)
            return figure.note.isEmpty ? line : line + "   " + figure.note
        }
    }

    /// A table padded by display width, so CJK and emoji names keep columns straight.
    public static func render(_ table: ReviewSheet.Table) -> [String] {
        var out: [UInt8] = []
        append(table, to: &out)
        return out.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
    }

    /// The table's lines, each ended by a line feed. Printable ASCII cells (nearly all)
    /// are measured and padded on bytes; any other cell the careful way, by `DisplayWidth`.
    static func append(_ table: ReviewSheet.Table, to out: inout [UInt8]) {
        var widths = table.columns.map { DisplayWidth.of($0.title) }
        func measure(_ cells: [String]) {
            for (index, cell) in cells.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        for row in table.rows { measure(row) }
        if let totals = table.totals { measure(totals) }
        for (index, column) in table.columns.enumerated() { widths[index] = min(column.maxWidth, widths[index]) }

        func line(_ cells: [String]) {
            let start = out.count
            out.append(contentsOf: [0x20, 0x20])
            var plain = true
            // As zip: as many cells as there are both cells and columns.
            for (index, (column, cell)) in zip(table.columns, cells).enumerated() {
                if index > 0 { out.append(contentsOf: [0x20, 0x20]) }
                let width = widths[index]
                let padded = cell.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                    for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
                    guard bytes.count <= width else { return false }
                    if column.alignRight { out.append(contentsOf: repeatElement(0x20, count: width - bytes.count)) }
                    out.append(contentsOf: bytes)
                    if !column.alignRight { out.append(contentsOf: repeatElement(0x20, count: width - bytes.count)) }
                    return true
                } ?? false
                if !padded {
                    out.append(contentsOf: DisplayWidth.pad(cell, to: width, alignRight: column.alignRight).utf8)
                    plain = false
                }
            }
            // The trailing spaces go: on bytes when the line is ASCII, else as `trimmedRight` does (by Character).
            if plain {
                while out.count > start + 2, out[out.count - 1] == 0x20 { out.removeLast() }
            } else {
                let joined = String(decoding: out[(start + 2)...], as: UTF8.self)
                out.removeSubrange((start + 2)...)
                out.append(contentsOf: trimmedRight(joined).utf8)
            }
            out.append(0x0A)
        }
        func rule() {
            out.append(contentsOf: [0x20, 0x20])
            for (index, width) in widths.enumerated() {
                if index > 0 { out.append(contentsOf: [0x20, 0x20]) }
                out.append(contentsOf: repeatElement(UInt8(ascii: "-"), count: width))
            }
            out.append(0x0A)
        }
        line(table.columns.map(\.title))
        rule()
        for row in table.rows { line(row) }
        if let totals = table.totals {
            rule()
            line(totals)
        }
    }

    /// Word-wraps at `width` display cells; continuation lines are indented by two.
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = "  " + word
            }
        }
        lines.append(current)
        // A single word longer than the width (a long path) is cut into pieces.
        return lines.flatMap { line -> [String] in
            var pieces: [String] = []
            var rest = Substring(line)
            while DisplayWidth.of(String(rest)) > width {
                var piece = ""
                while let next = rest.first, DisplayWidth.of(piece + String(next)) <= width {
                    piece.append(next)
                    rest.removeFirst()
                }
                if piece.isEmpty { break }
                pieces.append(piece)
            }
            pieces.append(String(rest))
            return pieces
        }
    }

    static func trimmedRight(_ text: String) -> String {
        var result = Substring(text)
        while result.last == " " { result.removeLast() }
        return String(result)
    }
}
