import CapDashModel

/// `capdash diff A B`: the comparison as text, markdown or JSON.
public enum ComparisonReport {
    public static func value(_ value: Double, _ unit: ScenarioComparison.Unit, currency: String) -> String {
        switch unit {
        case .money: Format.money(value, currency: currency)
        case .megawatts: Format.mw(value) + " MW"
        case .count: Format.count(value)
        case .ratio: Format.runs(value)
        case .quantity: Format.scaled(value)
        }
    }

    public static func delta(_ value: Double, _ unit: ScenarioComparison.Unit, currency: String) -> String {
        if unit == .money { return Format.moneyDelta(value, currency: currency) }
        if value == 0 { return "±0" }
        return (value > 0 ? "+" : "") + Self.value(value, unit, currency: currency)
    }

    static func tables(_ comparison: ScenarioComparison) -> (ReviewSheet.Table, ReviewSheet.Table) {
        let currency = comparison.a.currency
        let safe = TerminalSafe.text
        let figures = ReviewSheet.Table(
            columns: [
                .init(title: "Figure", alignRight: false, maxWidth: 36),
                .init(title: "A", alignRight: true, maxWidth: 14),
                .init(title: "B", alignRight: true, maxWidth: 14),
                .init(title: "B - A", alignRight: true, maxWidth: 14),
            ],
            rows: comparison.figures.map { figure in
                [safe(figure.key), value(figure.a, figure.unit, currency: currency), value(figure.b, figure.unit, currency: currency),
                 delta(figure.delta, figure.unit, currency: currency)]
            },
            totals: nil)
        let changes = ReviewSheet.Table(
            columns: [
                .init(title: "ID", alignRight: false, maxWidth: 24),
                .init(title: "Name", alignRight: false, maxWidth: 28),
                .init(title: "A", alignRight: false, maxWidth: 10),
                .init(title: "B", alignRight: false, maxWidth: 10),
            ],
            rows: comparison.changes.map { change in
                [safe(change.id), safe(change.name), change.a?.rawValue ?? "(absent)", change.b?.rawValue ?? "(absent)"]
            },
            totals: nil)
        return (figures, changes)
    }

    static func title(_ comparison: ScenarioComparison) -> [String] {
        [
            "A: " + TerminalSafe.text(comparison.a.name) + " (" + TerminalSafe.text(comparison.a.file ?? ScenarioLoader.builtInExampleName) + ")",
            "B: " + TerminalSafe.text(comparison.b.name) + " (" + TerminalSafe.text(comparison.b.file ?? ScenarioLoader.builtInExampleName) + ")",
        ]
    }

    public static func text(_ comparison: ScenarioComparison) -> String {
        let (figures, changes) = tables(comparison)
        var lines = title(comparison).flatMap { TextReport.wrap($0, width: 98) }
        lines += ["", "HEADLINE FIGURES"] + TextReport.render(figures)
        lines += ["", "DISPOSITIONS THAT DIFFER (\(comparison.changes.count))"]
        lines += comparison.changes.isEmpty ? ["  none"] : TextReport.render(changes)
        return lines.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ comparison: ScenarioComparison) -> String {
        let (figures, changes) = tables(comparison)
        var lines = ["# Scenario comparison", ""] + title(comparison).map { MarkdownReport.escape($0) + "  " }
        lines += ["", "## Headline figures", ""] + MarkdownReport.render(figures)
        lines += ["", "## Dispositions that differ (\(comparison.changes.count))", ""]
        lines += comparison.changes.isEmpty ? ["none"] : MarkdownReport.render(changes)
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ comparison: ScenarioComparison) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("schema", .string("capdash/diff/v1"))
        json.field("a", .string(comparison.a.name))
        json.field("b", .string(comparison.b.name))
        json.beginArray("figures")
        for figure in comparison.figures {
            json.beginObject()
            json.field("figure", .string(figure.key))
            json.field("a", .number(figure.a))
            json.field("b", .number(figure.b))
            json.field("delta", .number(figure.delta))
            json.endObject()
        }
        json.endArray()
        json.beginArray("dispositions_differ")
        for change in comparison.changes {
            json.beginObject()
            json.field("id", .string(change.id))
            json.field("name", .string(change.name))
            json.field("a", change.a.map { .string($0.rawValue) } ?? .null)
            json.field("b", change.b.map { .string($0.rawValue) } ?? .null)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output
    }
}
