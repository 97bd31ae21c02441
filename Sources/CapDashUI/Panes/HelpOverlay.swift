import CapDashModel
import CapDashReport

/// One line of the help overlay: a key column (or a heading) and its text.
struct HelpLine: Equatable {
    var keys: String
    var text: String
    var isHeading = false
}

/// The `?` overlay's pages, written from the keymap and the figure list.
func helpLines(_ page: DashboardState.HelpPage) -> [HelpLine] {
    switch page {
    case .keys:
        var lines: [HelpLine] = []
        var seen = Set<String>()
        for section in Keymap.helpSections {
            let bindings = section.bindings.filter { !$0.label.isEmpty && !$0.help.isEmpty && seen.insert($0.label + $0.help).inserted }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(HelpLine(keys: "", text: "")) }
            lines.append(HelpLine(keys: "", text: section.title, isHeading: true))
            lines += bindings.map { HelpLine(keys: $0.label, text: $0.help) }
        }
        return lines
    case .glossary:
        var lines = [HelpLine(keys: "", text: "Figures", isHeading: true)]
        lines += Figure.all.map { HelpLine(keys: "", text: "\($0.label): \($0.definition)") }
        lines.append(HelpLine(keys: "", text: "Runs / year: " + Figure.runsPerYear("").definition))
        lines += [HelpLine(keys: "", text: ""), HelpLine(keys: "", text: "Decisions", isHeading: true)]
        lines += Disposition.allCases.map { HelpLine(keys: $0.label, text: $0.meaning) }
        return lines
    }
}

/// The overlay as it fits a width: the key column, and text wrapped beside it.
func wrappedHelp(_ lines: [HelpLine], width: Int) -> [HelpLine] {
    let keyWidth = min(14, lines.map { DisplayWidth.of($0.keys) }.max() ?? 0)
    var out: [HelpLine] = []
    for line in lines {
        if line.text.isEmpty {
            out.append(line)
            continue
        }
        if line.isHeading {
            out += TextReport.wrap(line.text, width: max(8, width)).map { HelpLine(keys: "", text: String($0.drop { $0 == " " }), isHeading: true) }
            continue
        }
        let keys = line.keys.isEmpty ? "" : DisplayWidth.pad(line.keys, to: keyWidth)
        let textWidth = max(8, width - (keys.isEmpty ? 0 : keyWidth + 2))
        for (offset, part) in TextReport.wrap(line.text, width: textWidth).enumerated() {
            let text = offset == 0 ? part : String(part.drop { $0 == " " })
            out.append(HelpLine(keys: offset == 0 ? keys : String(repeating: " ", count: DisplayWidth.of(keys)), text: text))
        }
    }
    return out
}

/// Every key, or the glossary, in a box over the dashboard sized to its longest line;
/// narrow screens wrap it, short ones scroll it (j, k, PgDn).
func drawHelp(_ screen: inout Screen, _ size: Size, page: DashboardState.HelpPage, scroll: Int) {
    let lines = helpLines(page)
    let keyWidth = min(14, lines.map { DisplayWidth.of($0.keys) }.max() ?? 0)
    let longest = lines.map { ($0.keys.isEmpty ? 0 : keyWidth + 2) + DisplayWidth.of($0.text) }.max() ?? 0
    let width = min(size.width - 2, longest + 4)
    let wrapped = wrappedHelp(lines, width: width - 4)
    let height = min(size.height - 2, wrapped.count + 2)
    let rect = Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
    screen.fill(rect, role: .normal)
    screen.box(rect, title: page == .keys ? "keys · Tab glossary · Esc closes" : "glossary · Tab keys · Esc closes", focused: true)
    let inner = rect.inner
    let first = max(0, min(scroll, wrapped.count - inner.height))
    for (offset, line) in wrapped.dropFirst(first).prefix(inner.height).enumerated() {
        let y = inner.y + offset
        if line.isHeading {
            screen.put(line.text, x: inner.x + 1, y: y, role: .group, limit: inner.width - 1)
            continue
        }
        var x = inner.x + 1
        if !line.keys.isEmpty {
            x += screen.put(line.keys, x: x, y: y, role: .key, limit: inner.width - 1) + 2
        }
        screen.put(line.text, x: x, y: y, role: .normal, limit: max(0, inner.x + inner.width - x - 1))
    }
    if wrapped.count > inner.height {
        let marker = " \(first + 1)-\(first + inner.height)/\(wrapped.count) j k PgDn "
        screen.put(marker, x: rect.x + max(1, rect.width - DisplayWidth.of(marker) - 1), y: rect.y + rect.height - 1, role: .muted)
    }
}
