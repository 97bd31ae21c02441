import CapDashModel

/// `capdash timeline`: cash by quarter, as text, markdown or JSON.
public enum TimelineReport {
    static func table(_ timeline: DealTimeline, currency: String) -> ReviewSheet.Table {
        ReviewSheet.Table(
            columns: [
                .init(title: "Quarter", alignRight: false, maxWidth: 12),
                .init(title: "Sales", alignRight: true, maxWidth: 6),
                .init(title: "Committed", alignRight: true, maxWidth: 10),
                .init(title: "Expected", alignRight: true, maxWidth: 10),
                .init(title: "Net so far", alignRight: true, maxWidth: 10),
                .init(title: "GPUs online", alignRight: true, maxWidth: 12),
            ],
            rows: timeline.quarters.map { quarter in
                [quarter.label, String(quarter.facilities), Format.money(quarter.committed, currency: currency),
                 Format.money(quarter.expected, currency: currency), Format.money(quarter.cumulativeExpectedNet, currency: currency),
                 Format.count(quarter.gpusOnline)]
            },
            totals: nil)
    }

    static func developmentTable(_ schedule: DevelopmentSchedule, currency: String) -> ReviewSheet.Table {
        ReviewSheet.Table(
            columns: [
                .init(title: "Year end", alignRight: false, maxWidth: 10),
                .init(title: "Capex avoided", alignRight: true, maxWidth: 14),
                .init(title: "Net rent", alignRight: true, maxWidth: 12),
            ],
            rows: schedule.years.map { year in
                [year.label, Format.money(year.capexAvoided, currency: currency), Format.money(-year.netRent, currency: currency)]
            },
            totals: nil)
    }

    static let developmentNote = "Partner-financed developments: capital the partner puts in during the build, against the net rent of the lease (renewals weighted by 1 - exit probability), undiscounted."

    static let note = "Committed: sales with close_probability 1 or none given. Expected: price x probability. Net so far: expected, after the deal's transaction costs and tax spread by price."

    public static func text(_ timeline: DealTimeline, _ scenario: Scenario) -> String {
        var lines = ["Deal timeline of " + TerminalSafe.text(scenario.name)] + TextReport.wrap(note, width: 98) + [""]
        lines += timeline.quarters.isEmpty ? ["  no sales"] : TextReport.render(table(timeline, currency: scenario.currency))
        if !timeline.developments.years.isEmpty {
            lines += ["", "DEVELOPMENTS BY YEAR"] + TextReport.wrap(developmentNote, width: 98).map { "  " + $0 }
            lines += TextReport.render(developmentTable(timeline.developments, currency: scenario.currency))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ timeline: DealTimeline, _ scenario: Scenario) -> String {
        var lines = ["## Deal timeline", "", MarkdownReport.escape(note), ""]
        lines += timeline.quarters.isEmpty ? ["no sales"] : MarkdownReport.render(table(timeline, currency: scenario.currency))
        if !timeline.developments.years.isEmpty {
            lines += ["", "### Developments by year", "", MarkdownReport.escape(developmentNote), ""]
            lines += MarkdownReport.render(developmentTable(timeline.developments, currency: scenario.currency))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ timeline: DealTimeline, _ scenario: Scenario) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("schema", .string("capdash/timeline/v1"))
        json.field("scenario", .string(scenario.name))
        json.beginArray("quarters")
        for quarter in timeline.quarters {
            json.beginObject()
            json.field("quarter", .string(quarter.label))
            json.field("facilities", .integer(quarter.facilities))
            json.field("committed", .number(quarter.committed))
            json.field("expected", .number(quarter.expected))
            json.field("cumulative_expected_net", .number(quarter.cumulativeExpectedNet))
            json.field("gpus_online", .number(quarter.gpusOnline))
            json.endObject()
        }
        json.endArray()
        json.beginArray("development_years")
        for year in timeline.developments.years {
            json.beginObject()
            json.field("year", .integer(year.year))
            json.field("label", .string(year.label))
            json.field("capex_avoided", .number(year.capexAvoided))
            json.field("net_rent", .number(year.netRent))
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output
    }
}
