import CapDashModel
import CapDashReport

/// The facilities table, grouped into kept (retain, leaseback, contribute) and
/// divested, then the developments (partner-financed or own), with a totals row
/// per group and the cursor row highlighted.
func drawFacilities(_ screen: inout Screen, _ rect: Rect, _ state: DashboardState) {
    let rows = state.rows
    let total = state.scenario.facilities.count + state.scenario.developments.count
    var title = state.scenario.developments.isEmpty ? "Facilities \(rows.count)" : "Facilities and developments \(rows.count)"
    if rows.count != total { title += " of \(total)" }
    if !state.filter.isEmpty { title += " · filter “\(state.filter)”" }
    screen.box(rect, title: title, focused: state.pane == .facilities)
    let inner = rect.inner
    guard inner.width > 10, inner.height > 1 else { return }
    let columns = FacilityColumns(width: inner.width, scenario: state.scenario, widths: state.textWidths)
    columns.drawTitles(&screen, x: inner.x, y: inner.y)
    guard rows.count > 0 else {
        let text = state.filter.isEmpty ? "no facilities" : "no facilities match “\(state.filter)” (Esc clears)"
        screen.put(text, x: inner.x + 1, y: inner.y + 2, role: .muted, limit: inner.width - 1)
        return
    }
    let visible = inner.height - 1
    let currency = state.scenario.currency
    let facilities = state.scenario.facilities
    for line in 0..<visible {
        let displayRow = state.scroll + line
        guard displayRow < rows.displayRowCount else { break }
        let y = inner.y + 1 + line
        switch TableRow(displayRow, rows) {
        case .header(let group):
            let (label, count) = switch group {
            case .kept: (Disposition.keptGroupLabel, rows.keptCount)
            case .divested: (Disposition.leavingGroupLabel, rows.facilityCount - rows.keptCount)
            case .developments: ("DEVELOPMENTS (partner-financed or own)", rows.developments.count)
            }
            let columnsNote = group == .developments && columns.showMoney ? " · Book: cost, Sale: yield on cost" : ""
            screen.put("▾ \(label) · \(count)" + columnsNote, x: inner.x, y: y, role: .group, limit: inner.width)
        case .total(let group):
            var mw = 0.0, book = 0.0
            if group == .developments {
                for index in rows.developments {
                    mw += state.scenario.developments[index].capacityMW
                    book += state.scenario.developments[index].developmentCost
                }
                columns.drawTotals(&screen, x: inner.x, y: y, mw: mw, book: book, sale: nil, currency: currency)
            } else {
                // Running sums the toggles keep up to date: no pass over the group per frame.
                let totals = group == .kept ? rows.keptTotals : rows.divestedTotals
                columns.drawTotals(&screen, x: inner.x, y: y, mw: totals.mw.value, book: totals.book.value, sale: totals.sale.value, currency: currency)
            }
        case .item(let position):
            let selected = position == state.cursor && state.pane == .facilities
            switch rows.item(at: position) {
            case .facility(let index):
                columns.drawFacility(
                    &screen, facilities[index], x: inner.x, y: y, selected: selected, currency: currency,
                    assumptions: state.scenario.assumptions)
            case .development(let index):
                columns.drawDevelopment(
                    &screen, state.scenario.developments[index], x: inner.x, y: y, selected: selected, currency: currency,
                    assumptions: state.scenario.assumptions)
            case nil:
                break
            }
        case .gap:
            break
        }
    }
    if rows.displayRowCount > visible {
        let marker = "\(state.scroll + 1)-\(min(rows.displayRowCount, state.scroll + visible))/\(rows.displayRowCount)"
        screen.put(" \(marker) ", x: rect.x + rect.width - DisplayWidth.of(marker) - 3, y: rect.y + rect.height - 1, role: .muted)
    }
}

/// What sits on a display row of the table.
enum TableRow: Equatable {
    enum Group: Equatable {
        case kept, divested, developments
    }

    case header(Group)
    /// The item at a cursor position (a facility, or a development).
    case item(Int)
    case total(Group)
    case gap

    init(_ displayRow: Int, _ rows: FacilityRows) {
        let kept = rows.keptCount
        let facilities = rows.facilityCount
        switch displayRow {
        case 0: self = .header(.kept)
        case 1...max(1, kept) where displayRow <= kept: self = .item(displayRow - 1)
        case kept + 1: self = .total(.kept)
        case kept + 2: self = .gap
        case kept + 3: self = .header(.divested)
        case facilities + 4: self = .total(.divested)
        case facilities + 5: self = .gap
        case facilities + 6: self = .header(.developments)
        case facilities + rows.developments.count + 7: self = .total(.developments)
        case facilities + rows.developments.count + 8: self = .gap
        default: self = displayRow < facilities + 4 ? .item(displayRow - 4) : .item(displayRow - 7)
        }
    }
}

/// Column widths for the table at a given width: ID and name share what the fixed columns leave.
struct FacilityColumns {
    var idWidth: Int
    var nameWidth: Int
    var showMoney: Bool
    /// Wide enough for the longest region (`US`, `APAC`), at least 3 cells.
    let regionWidth: Int
    let mwWidth = 6, aiWidth = 2, moneyWidth = 7
    /// Room for `contr. 20%`, or `partner 20%` when there are developments.
    let dispositionWidth: Int

    /// Splits what the figure columns leave between id and name so the fewest cells are
    /// cut: both whole when they fit, else the split that truncates the fewest of the
    /// scenario's ids and names (measured once, in `TextWidths`).
    init(width: Int, scenario: Scenario, widths: TextWidths) {
        showMoney = width >= 60
        dispositionWidth = scenario.developments.isEmpty ? 10 : 11
        regionWidth = min(6, max(3, widths.longestRegion))
        let fixed = regionWidth + mwWidth + aiWidth + dispositionWidth + (showMoney ? 2 * moneyWidth + 2 : 0) + 5
        let flexible = max(8, width - fixed - 1)
        guard flexible >= 26 else {
            idWidth = 0
            nameWidth = flexible
            return
        }
        let longestID = max(2, widths.ids.last ?? 2)
        let longestName = max(4, widths.names.last ?? 4)
        if longestID + 1 + longestName <= flexible {
            idWidth = longestID
        } else {
            // The fewest truncated ids and names; ties keep the id wider, as ids are what users type.
            let widest = max(2, min(longestID, flexible - 9))
            idWidth = (min(8, widest)...widest).min { a, b in
                let cutA = widths.countWider(than: a, in: \.ids) + widths.countWider(than: flexible - a - 1, in: \.names)
                let cutB = widths.countWider(than: b, in: \.ids) + widths.countWider(than: flexible - b - 1, in: \.names)
                return cutA != cutB ? cutA < cutB : a > b
            } ?? min(longestID, flexible / 2)
        }
        nameWidth = flexible - idWidth - 1
    }

    func drawTitles(_ screen: inout Screen, x: Int, y: Int) {
        let end = drawShared(
            &screen, x: x, y: y, role: .title, id: "ID", name: "Name", region: regionWidth >= 6 ? "Region" : "Rgn", mw: "MW", ai: "AI",
            book: "Book", sale: "Sale")
        screen.putPadded("Decision", x: end, y: y, width: dispositionWidth, role: .title)
    }

    func drawFacility(_ screen: inout Screen, _ facility: Facility, x: Int, y: Int, selected: Bool, currency: String, assumptions: Assumptions) {
        let end = drawShared(
            &screen, x: x, y: y, role: selected ? .selected : .normal, id: facility.id, name: facility.name, region: facility.region,
            mw: Format.mw(facility.capacityMW), ai: facility.aiReady ? "✓" : "",
            book: Format.money(facility.bookValue, currency: currency),
            sale: facility.salePrice.map { Format.money($0, currency: currency) } ?? "—")
        let disposition = facility.disposition
        // Capacity that leaves reads negative, kept-and-unsold positive, the deals between accented.
        let role: StyleRole = selected ? .selected : !disposition.keepsCapacity ? .negative : !disposition.isSold ? .positive : .accent
        // A stake kept shows with the decision: `contr. 20%`.
        let label = disposition.keepsStake
            ? disposition.shortLabel + " " + Format.percent(facility.stake(assumptions), decimals: 0) : disposition.shortLabel
        screen.putPadded(label, x: end, y: y, width: dispositionWidth, role: role)
        if selected { markSelected(&screen, x: x, y: y, end: end) }
    }

    /// A development's row in the same columns: cost where facilities show book value,
    /// yield on cost where they show the sale price, financing and stake as the decision.
    func drawDevelopment(
        _ screen: inout Screen, _ development: Development, x: Int, y: Int, selected: Bool, currency: String, assumptions: Assumptions
    ) {
        let end = drawShared(
            &screen, x: x, y: y, role: selected ? .selected : .normal, id: development.id, name: development.name,
            region: development.region, mw: Format.mw(development.capacityMW), ai: development.aiReady ? "✓" : "",
            book: Format.money(development.developmentCost, currency: currency), sale: Format.percent(development.lease.yieldOnCost))
        let partner = development.financing.leases
        let label = partner ? "partner " + Format.percent(development.stake(assumptions), decimals: 0) : development.financing.label
        screen.putPadded(label, x: end, y: y, width: dispositionWidth, role: selected ? .selected : partner ? .accent : .positive)
        if selected { markSelected(&screen, x: x, y: y, end: end) }
    }

    func drawTotals(_ screen: inout Screen, x: Int, y: Int, mw: Double, book: Double, sale: Double?, currency: String) {
        drawShared(
            &screen, x: x, y: y, role: .total, id: "", name: "Total", region: "", mw: Format.mw(mw), ai: "",
            book: Format.money(book, currency: currency), sale: sale.map { Format.money($0, currency: currency) } ?? "")
    }

    /// The columns every row has, one space apart, money only when it fits (and only then
    /// formatted); returns the x after the last. Drawn straight into the screen: a frame
    /// builds no arrays of cells.
    @discardableResult
    private func drawShared(
        _ screen: inout Screen, x: Int, y: Int, role: StyleRole, id: String, name: String, region: String, mw: String, ai: String,
        book: @autoclosure () -> String, sale: @autoclosure () -> String
    ) -> Int {
        var column = x + 1
        func cell(_ text: String, _ width: Int, alignRight: Bool = false) {
            screen.putPadded(text, x: column, y: y, width: width, role: role, alignRight: alignRight)
            column += width + 1
        }
        if idWidth > 0 { cell(id, idWidth) }
        cell(name, nameWidth)
        cell(region, regionWidth)
        cell(mw, mwWidth, alignRight: true)
        cell(ai, aiWidth)
        if showMoney {
            cell(book(), moneyWidth, alignRight: true)
            cell(sale(), moneyWidth, alignRight: true)
        }
        return column
    }

    /// The cursor row: highlighted, and marked so plain-text snapshots show it too.
    private func markSelected(_ screen: inout Screen, x: Int, y: Int, end: Int) {
        screen.restyle(Rect(x: x, y: y, width: end + dispositionWidth - x + 1, height: 1), role: .selected)
        screen.put("▸", x: x, y: y, role: .selected)
    }
}

/// The display widths of ids, names and regions (of the first 5,000 facilities and
/// developments, sorted), measured once per scenario so the table's columns are
/// fitted without measuring text every frame.
public struct TextWidths: Sendable, Equatable {
    var ids: [Int]
    var names: [Int]
    var longestRegion: Int

    init(_ scenario: Scenario) {
        let facilities = scenario.facilities.prefix(5000)
        let developments = scenario.developments.prefix(5000)
        ids = (facilities.map { DisplayWidth.of($0.id) } + developments.map { DisplayWidth.of($0.id) }).sorted()
        names = (facilities.map { DisplayWidth.of($0.name) } + developments.map { DisplayWidth.of($0.name) }).sorted()
        longestRegion = (facilities.map { DisplayWidth.of($0.region) } + developments.map { DisplayWidth.of($0.region) }).max() ?? 2
    }

    /// How many of the measured texts are wider than `width` cells.
    func countWider(than width: Int, in texts: KeyPath<TextWidths, [Int]>) -> Int {
        let sorted = self[keyPath: texts]
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= width { low = middle + 1 } else { high = middle }
        }
        return sorted.count - low
    }
}
