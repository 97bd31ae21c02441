import CapDashModel

/// `capdash diff A B`: the comparison as text, markdown or JSON.
public enum ComparisonReport {
    /// A facility's decision as a reader says it: `contribute 20%`, `(absent)`.
    public static func decision(_ disposition: Disposition?, stake: Double?) -> String {
        guard let disposition else { return "(absent)" }
        guard let stake else { return disposition.label }
        return disposition.label + " " + Format.percent(stake, decimals: 0)
    }

    /// A development's financing as a reader says it: `partner 20%`, `own`, `(absent)`.
    public static func financing(_ financing: Financing?, stake: Double?) -> String {
        guard let financing else { return "(absent)" }
        guard financing.leases, let stake else { return financing.label }
        return financing.label + " " + Format.percent(stake, decimals: 0)
    }

    /// Each development that differs, as (id, name, A, B, terms that differ).
    public static func developmentRows(_ comparison: ScenarioComparison) -> [[String]] {
        comparison.developmentChanges.map { change in
            [TerminalSafe.text(change.id), TerminalSafe.text(change.name), financing(change.a, stake: change.stakeA),
             financing(change.b, stake: change.stakeB), change.terms.map(\.rawValue).joined(separator: ", ")]
        }
    }

    /// The assumptions that differ, each as (label, A, B).
    public static func assumptionRows(_ comparison: ScenarioComparison) -> [(key: String, a: String, b: String)] {
        var rows = comparison.assumptionChanges.map { key in
            (key.rawValue, key.display(in: comparison.a.assumptions, currency: comparison.a.currency),
             key.display(in: comparison.b.assumptions, currency: comparison.b.currency))
        }
        if comparison.referenceModelsDiffer {
            let names = { (scenario: Scenario) in scenario.assumptions.referenceModels.map(\.name).joined(separator: ", ") }
            rows.append(("reference_models", names(comparison.a), names(comparison.b)))
        }
        return rows
    }

    static func tables(_ comparison: ScenarioComparison) -> (figures: ReviewSheet.Table, assumptions: ReviewSheet.Table, changes: ReviewSheet.Table) {
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
                [safe(figure.key), Format.figure(figure.a, figure.unit, currency: currency), Format.figure(figure.b, figure.unit, currency: currency),
                 Format.figureDelta(figure.delta, figure.unit, currency: currency)]
            },
            totals: nil)
        let assumptions = ReviewSheet.Table(
            columns: [
                .init(title: "Assumption", alignRight: false, maxWidth: 28),
                .init(title: "A", alignRight: true, maxWidth: 30),
                .init(title: "B", alignRight: true, maxWidth: 30),
            ],
            rows: assumptionRows(comparison).map { [$0.key, safe($0.a), safe($0.b)] },
            totals: nil)
        let changes = ReviewSheet.Table(
            columns: [
                .init(title: "ID", alignRight: false, maxWidth: 24),
                .init(title: "Name", alignRight: false, maxWidth: 28),
                .init(title: "A", alignRight: false, maxWidth: 16),
                .init(title: "B", alignRight: false, maxWidth: 16),
            ],
            rows: comparison.changes.map { change in
                [safe(change.id), safe(change.name), decision(change.a, stake: change.stakeA), decision(change.b, stake: change.stakeB)]
            },
            totals: nil)
        return (figures, assumptions, changes)
    }

    static func developmentTable(_ comparison: ScenarioComparison) -> ReviewSheet.Table {
        ReviewSheet.Table(
            columns: [
                .init(title: "ID", alignRight: false, maxWidth: 24), .init(title: "Name", alignRight: false, maxWidth: 24),
                .init(title: "A", alignRight: false, maxWidth: 12), .init(title: "B", alignRight: false, maxWidth: 12),
                .init(title: "Lease terms that differ", alignRight: false, maxWidth: 40),
            ],
            rows: developmentRows(comparison), totals: nil)
    }

    static func title(_ comparison: ScenarioComparison) -> [String] {
        [
            "A: " + TerminalSafe.text(comparison.a.name) + " (" + TerminalSafe.text(comparison.a.file ?? ScenarioLoader.builtInExampleName) + ")",
            "B: " + TerminalSafe.text(comparison.b.name) + " (" + TerminalSafe.text(comparison.b.file ?? ScenarioLoader.builtInExampleName) + ")",
        ]
    }

    public static func text(_ comparison: ScenarioComparison) -> String {
        let tables = tables(comparison)
        var lines = title(comparison).flatMap { TextReport.wrap($0, width: 98) }
        lines += ["", "HEADLINE FIGURES"] + TextReport.render(tables.figures)
        lines += ["", "ASSUMPTIONS THAT DIFFER (\(tables.assumptions.rows.count))"]
        lines += tables.assumptions.rows.isEmpty ? ["  none"] : TextReport.render(tables.assumptions)
        lines += ["", "DISPOSITIONS THAT DIFFER (\(comparison.changes.count))"]
        lines += comparison.changes.isEmpty ? ["  none"] : TextReport.render(tables.changes)
        if !comparison.developmentChanges.isEmpty {
            lines += ["", "DEVELOPMENTS THAT DIFFER (\(comparison.developmentChanges.count))"] + TextReport.render(developmentTable(comparison))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ comparison: ScenarioComparison) -> String {
        let tables = tables(comparison)
        var lines = ["# Scenario comparison", ""] + title(comparison).map { MarkdownReport.escape($0) + "  " }
        lines += ["", "## Headline figures", ""] + MarkdownReport.render(tables.figures)
        lines += ["", "## Assumptions that differ (\(tables.assumptions.rows.count))", ""]
        lines += tables.assumptions.rows.isEmpty ? ["none"] : MarkdownReport.render(tables.assumptions)
        lines += ["", "## Dispositions that differ (\(comparison.changes.count))", ""]
        lines += comparison.changes.isEmpty ? ["none"] : MarkdownReport.render(tables.changes)
        if !comparison.developmentChanges.isEmpty {
            lines += ["", "## Developments that differ (\(comparison.developmentChanges.count))", ""] + MarkdownReport.render(developmentTable(comparison))
        }
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
        json.beginArray("assumptions_differ")
        for key in comparison.assumptionChanges {
            json.beginObject()
            json.field("assumption", .string(key.rawValue))
            // Numbers as numbers; the GPU's name and preset as text (no preset: null).
            for (side, assumptions) in [("a", comparison.a.assumptions), ("b", comparison.b.assumptions)] {
                let text = key.text(in: assumptions)
                json.field(side, key.value(in: assumptions).map { .number($0) } ?? (text.isEmpty ? .null : .string(text)))
            }
            json.endObject()
        }
        if comparison.referenceModelsDiffer {
            json.beginObject()
            json.field("assumption", .string("reference_models"))
            json.field("a", .string(comparison.a.assumptions.referenceModels.map(\.name).joined(separator: ", ")))
            json.field("b", .string(comparison.b.assumptions.referenceModels.map(\.name).joined(separator: ", ")))
            json.endObject()
        }
        json.endArray()
        json.beginArray("dispositions_differ")
        for change in comparison.changes {
            json.beginObject()
            writeChange(&json, id: change.id, name: change.name, a: change.a?.rawValue, b: change.b?.rawValue, stakeA: change.stakeA, stakeB: change.stakeB)
            json.endObject()
        }
        json.endArray()
        json.beginArray("developments_differ")
        for change in comparison.developmentChanges {
            json.beginObject()
            writeChange(&json, id: change.id, name: change.name, a: change.a?.rawValue, b: change.b?.rawValue, stakeA: change.stakeA, stakeB: change.stakeB)
            json.beginArray("terms")
            for term in change.terms { json.element(.string(term.rawValue)) }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output
    }
    /// What a facility or a development was in A and in B: its choice and stake.
    private static func writeChange(_ json: inout JSONWriter, id: String, name: String, a: String?, b: String?, stakeA: Double?, stakeB: Double?) {
        json.field("id", .string(id))
        json.field("name", .string(name))
        json.field("a", a.map { .string($0) } ?? .null)
        json.field("b", b.map { .string($0) } ?? .null)
        json.field("stake_a", stakeA.map { .number($0) } ?? .null)
        json.field("stake_b", stakeB.map { .number($0) } ?? .null)
    }
}
