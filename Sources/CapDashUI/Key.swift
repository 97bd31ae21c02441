/// A key press, as the terminal shell or a snapshot's `--keys` delivers it.
public enum Key: Sendable, Equatable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete
    /// Ctrl plus a letter, lowercased: `.control("r")` is Ctrl-R.
    case control(Character)

    /// Names a snapshot's `--keys` understands, beside single characters.
    public static let names: [String: Key] = [
        "space": .character(" "), "tab": .tab, "btab": .backTab, "s-tab": .backTab, "enter": .enter, "return": .enter,
        "esc": .escape, "escape": .escape, "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
        "bs": .backspace, "backspace": .backspace, "del": .delete, "delete": .delete,
    ]

    /// Parses `"j j space d / dal enter C-r"`: names and `C-x`/`ctrl-x`/`^X` are
    /// keys; any other word is typed character by character.
    public static func parseSequence(_ text: String) -> [Key] {
        var keys: [Key] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init) {
            let lower = word.lowercased()
            if let named = names[lower] {
                keys.append(named)
            } else if let control = controlLetter(lower) {
                keys.append(.control(control))
            } else {
                keys += word.map { .character($0) }
            }
        }
        return keys
    }

    /// How a message names the key: `z`, `Ctrl-X`, `F-key`, `Tab`.
    public var label: String {
        switch self {
        case .character(" "): "space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-" + letter.uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        }
    }

    private static func controlLetter(_ word: String) -> Character? {
        for prefix in ["c-", "ctrl-", "ctrl+", "^"] where word.hasPrefix(prefix) && word.count == prefix.count + 1 {
            let letter = word.last!
            if letter.isLetter { return letter }
        }
        return nil
    }
}
