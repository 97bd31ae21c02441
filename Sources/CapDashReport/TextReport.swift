import CapDashModel

/// The plain-text review sheet: fits 100 columns, aligned by display width.
public enum TextReport {
    public static func render(_ scenario: Scenario, _ evaluation: Evaluation) -> String {
        render(ReviewSheet(scenario, evaluation))
    }

    public static func render(_ sheet: ReviewSheet) -> String {
        // Names and paths come from files and may be long: wrap them to stay within 100 columns.
        let title = wrap(sheet.title, width: 98)
        var lines = title + [String(repeating: "=", count: min(98, title.map(DisplayWidth.of).max() ?? 0))]
        lines += sheet.subtitle.flatMap { wrap($0, width: 98) }
        for section in sheet.sections {
            lines.append("")
            lines.append(section.title.uppercased())
            for (index, body) in section.body.enumerated() {
                if index > 0 { lines.append("") }
                switch body {
                case .figures(let figures): lines += render(figures)
                case .table(let table): lines += render(table)
                case .lines(let text): lines += text.flatMap { wrap($0, width: 96).map { "  " + $0 } }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
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
        let allRows = table.rows + (table.totals.map { [$0] } ?? [])
        let widths = table.columns.enumerated().map { index, column in
            min(column.maxWidth, max(DisplayWidth.of(column.title), allRows.map { DisplayWidth.of($0[index]) }.max() ?? 0))
        }
        func line(_ cells: [String]) -> String {
            let padded = zip(table.columns, zip(cells, widths)).map { column, cell in
                DisplayWidth.pad(cell.0, to: cell.1, alignRight: column.alignRight)
            }
            return "  " + trimmedRight(padded.joined(separator: "  "))
        }
        var lines = [line(table.columns.map(\.title))]
        lines.append("  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += table.rows.map(line)
        if let totals = table.totals {
            lines.append("  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            lines.append(line(totals))
        }
        return lines
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
