import CapDashModel

/// The review sheet as GitHub-flavoured markdown, ready to paste into a review document.
public enum MarkdownReport {
    public static func render(_ scenario: Scenario, _ evaluation: Evaluation) -> String {
        render(ReviewSheet(scenario, evaluation))
    }

    public static func render(_ sheet: ReviewSheet) -> String {
        var lines = ["# " + escape(sheet.title), ""]
        lines += sheet.subtitle.map { escape($0) + "  " }
        for section in sheet.sections {
            lines += ["", "## " + escape(section.title)]
            for body in section.body {
                lines.append("")
                switch body {
                case .figures(let figures):
                    lines.append("| Figure | Value | Note |")
                    lines.append("| --- | ---: | --- |")
                    lines += figures.map { "| \(escape($0.label)) | \(escape($0.value)) | \(escape($0.note)) |" }
                case .table(let table):
                    lines += render(table)
                case .lines(let text):
                    lines += text.map { "- " + escape($0) }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func render(_ table: ReviewSheet.Table) -> [String] {
        var lines = ["| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |"]
        lines.append("| " + table.columns.map { $0.alignRight ? "---:" : "---" }.joined(separator: " | ") + " |")
        lines += table.rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
        if let totals = table.totals {
            lines.append("| " + totals.map { "**\(escape($0))**" }.joined(separator: " | ") + " |")
        }
        return lines
    }

    /// Keeps file text from breaking the table or turning into markup.
    public static func escape(_ text: String) -> String {
        // Text without any of these bytes (nearly all) needs nothing: checked on bytes.
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { byte in
                switch byte {
                case UInt8(ascii: "|"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "<"),
                    UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"):
                    true
                default: false
                }
            }
        }
        if plain == true { return text }
        var out = ""
        for character in text {
            switch character {
            case "|", "*", "_", "`", "<", ">", "[", "]", "#": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }
}
