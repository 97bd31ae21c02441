/// Where each pane goes for a terminal size: a full layout at 120x40 and
/// above, a stacked one down to 60x20, and nil below that.
struct Layout: Equatable {
    var header: Rect
    var main: Rect
    var capex: Rect
    var training: Rect
    var regions: Rect?
    var status: Rect

    static let rightColumnWidth = 44

    /// The layout for a size, with the right column's figure panes sized to the rows they
    /// want (the full layout); the stacked layout gives them a fixed band.
    init?(_ size: Size, capexRows: Int = 11, trainingRows: Int = 11) {
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else { return nil }
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (header, rest) = screen.splitTop(1)
        let (body, status) = rest.splitTop(rest.height - 1)
        self.header = header
        self.status = status
        if size.width >= 120 && size.height >= 40 {
            let (left, right) = body.splitLeft(body.width - Self.rightColumnWidth)
            main = left
            let (capex, belowCapex) = right.splitTop(capexRows + 2)
            let (training, regions) = belowCapex.splitTop(min(belowCapex.height, trainingRows + 2))
            self.capex = capex
            self.training = training
            self.regions = regions.height >= 4 ? regions : nil
        } else {
            let regionsHeight = body.height >= 28 ? 6 : 0
            let (top, bottom) = body.splitTop(body.height - 13 - regionsHeight)
            main = top
            let (figures, regions) = bottom.splitTop(13)
            let (capex, training) = figures.splitLeft(figures.width / 2)
            self.capex = capex
            self.training = training
            self.regions = regionsHeight > 0 ? regions : nil
        }
    }

    /// Facility table rows that fit on screen (inside the border, below the column titles).
    var visibleTableRows: Int { max(1, main.height - 3) }
}

extension DashboardState {
    /// Rows a page key moves.
    var pageSize: Int {
        // The help overlay pages by its own height; the table by its visible rows.
        if case .help = mode { return max(1, size.height - 6) }
        return max(1, (Layout(size)?.visibleTableRows ?? 10) - 2)
    }

    /// Scrolls the facilities table so the cursor's row is on screen, with its group header when possible.
    mutating func keepCursorVisible() {
        let visible = Layout(size)?.visibleTableRows ?? 10
        let total = rows.displayRowCount
        guard rows.count > 0 else {
            scroll = 0
            return
        }
        let row = rows.displayRow(ofPosition: cursor)
        if row < scroll + 1 { scroll = max(0, row - 1) }
        if row >= scroll + visible { scroll = row - visible + 1 }
        scroll = max(0, min(scroll, max(0, total - visible)))
    }
}
