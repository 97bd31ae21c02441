import CapDashReport

/// Every key, in a box over the dashboard (`?`).
let helpLines: [(String, String)] = [
    ("j k ↓ ↑", "move"),
    ("PgDn PgUp", "move a page"),
    ("g G Home End", "first, last"),
    ("Tab  a", "facilities / assumptions view"),
    ("x  T", "sensitivity tornado; deal timeline"),
    ("C", "compare with another scenario"),
    ("O", "goal-seek: a plan to reach a capex target"),
    ("space", "cycle retain → divest → leaseback → contribute"),
    ("r d l c", "retain, divest, leaseback, contribute"),
    ("[ ] - +", "step the assumption, or a contribution's stake"),
    ("e  Enter", "type an exact assumption value"),
    ("u  Ctrl-R", "undo, redo"),
    ("R", "reset to the file as loaded"),
    ("/  Esc", "filter by id, name, region; clear"),
    ("o", "cycle sort: file, MW, price, gain, name"),
    ("s", "save (in place, or NAME.capdash.yaml)"),
    ("w", "write a markdown review pack of this view"),
    ("t", "next theme"),
    ("q  Ctrl-C", "quit (q asks once if unsaved)"),
    ("Ctrl-Z", "suspend; fg resumes"),
    ("?  Esc", "close this help"),
]

func drawHelp(_ screen: inout Screen, _ size: Size) {
    let width = min(size.width - 4, 58)
    let height = min(size.height - 2, helpLines.count + 2)
    let rect = Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
    screen.fill(rect, role: .normal)
    screen.box(rect, title: "keys", focused: true)
    let inner = rect.inner
    for (offset, line) in helpLines.prefix(inner.height).enumerated() {
        screen.putPadded(line.0, x: inner.x + 1, y: inner.y + offset, width: 14, role: .key)
        screen.put(line.1, x: inner.x + 16, y: inner.y + offset, role: .normal, limit: inner.width - 17)
    }
}
