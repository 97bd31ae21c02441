import CapDashModel

/// One key binding: the keys, how help shows them, what they mean, and the
/// word the hint bar uses for them (if it offers them at all).
public struct Binding: Sendable {
    public let keys: [Key]
    /// How help writes the keys: `j k ↓ ↑`.
    public let label: String
    public let help: String
    /// The hint bar's keys and one word for it (`j/k move`, `[ ] step`), nil when not offered there.
    public let hint: String?
    /// The intent for a key of this binding; nil when it does nothing in this state.
    let action: @Sendable (Key, DashboardState) -> Action?

    init(
        _ keys: [Key], _ label: String, _ help: String, hint: String? = nil,
        _ action: @escaping @Sendable (Key, DashboardState) -> Action?
    ) {
        self.keys = keys
        self.label = label
        self.help = help
        self.hint = hint
        self.action = action
    }

    /// A binding whose keys all mean the same, whatever the state.
    init(_ keys: [Key], _ label: String, _ help: String, hint: String? = nil, does action: Action) {
        self.init(keys, label, help, hint: hint) { _, _ in action }
    }
}

/// The one table of keys, per context (Bubble Tea's key bindings): `update`'s
/// dispatch, the `?` overlay and the hint bar all read it, so they cannot disagree.
public enum Keymap {
    /// Where the keys are pressed: decides which bindings apply.
    public enum Context: String, Sendable, CaseIterable {
        case facilities, assumptions, analysis, tornado, figures
        case help, recovery, planOffer, planSolving, picking, warnings
        case filtering, editing, planTarget
        case tooSmall
    }

    public static func context(_ state: DashboardState) -> Context {
        if Layout(state.size) == nil { return .tooSmall }
        switch state.mode {
        case .normal:
            switch state.pane {
            case .facilities: return .facilities
            case .assumptions: return .assumptions
            case .sensitivity: return .tornado
            case .timeline, .comparison, .developmentFinancing: return .analysis
            }
        case .figures: return .figures
        case .help: return .help
        case .recoveryOffer: return .recovery
        case .planOffer: return .planOffer
        case .planSolving: return .planSolving
        case .pickingComparison: return .picking
        case .warnings: return .warnings
        case .filtering: return .filtering
        case .editing: return .editing
        case .planTarget: return .planTarget
        }
    }

    /// The intent of a key where it is pressed; an unbound key says so.
    public static func action(for key: Key, in state: DashboardState) -> Action {
        for binding in bindings(context(state)) where binding.keys.contains(key) {
            if let action = binding.action(key, state) { return action }
        }
        if isTyping(context(state)), case .character(let character) = key { return .type(character) }
        return .unknownKey(key)
    }

    /// Every binding that applies in a context, the context's own first.
    public static func bindings(_ context: Context) -> [Binding] {
        let own: [Binding]
        switch context {
        case .facilities: own = facilities
        case .assumptions: own = assumptions
        case .analysis: own = analysis
        case .tornado: own = [Binding([.character("m")], "m", "tornado bars: capex freed ↔ net cash PV", hint: "m metric", does: .switchTornadoMetric)] + analysis
        case .figures: own = figures
        case .help: own = help
        case .recovery: own = offer(accept: "restore the recovered edits", decline: "discard them", later: "decide later (the file stays)")
        case .planOffer: own = offer(accept: "accept the plan (one undoable step)", decline: "dismiss it", later: nil)
        case .planSolving: own = [Binding([.escape], "Esc", "cancel the goal-seek", hint: "Esc cancel", does: .close)]
        case .picking: own = picking
        case .warnings: own = warningsList
        case .filtering, .editing, .planTarget: own = typing
        case .tooSmall: own = [Binding([.character("q")], "q", "quit", hint: "q quit", does: .quitNow)]
        }
        // Overlays and typing take the keys for themselves; the views share the rest.
        let views: [Context] = [.facilities, .assumptions, .analysis, .tornado, .figures]
        return own + (views.contains(context) ? everywhere + always : always)
    }

    /// The hint bar: the context's offered bindings, in table order.
    public static func hints(_ state: DashboardState) -> [(keys: String, word: String)] {
        bindings(context(state)).compactMap { binding in
            binding.hint.map { hint in
                let space = hint.lastIndex(of: " ") ?? hint.endIndex
                return (String(hint[..<space]), String(hint[space...].dropFirst()))
            }
        }
    }

    /// The `?` overlay: each section a title and its bindings.
    public static var helpSections: [(title: String, bindings: [Binding])] {
        [
            ("Facilities", facilities), ("Assumptions", assumptions), ("Tornado, timeline, compare, development financing", analysis),
            ("Tornado (x)", bindings(.tornado).prefix(1).map { $0 }),
            ("Everywhere", everywhere + always), ("Figures (i)", figures), ("Typing a filter or value", typing),
        ]
    }

    /// The setting under the assumptions cursor.
    static func selectedSetting(_ state: DashboardState) -> Setting? {
        let settings = Setting.all(state.scenario)
        return settings.indices.contains(state.assumptionCursor) ? settings[state.assumptionCursor] : nil
    }

    static func isTyping(_ context: Context) -> Bool {
        context == .filtering || context == .editing || context == .planTarget
    }

    // MARK: The tables

    private static let moves: [Binding] = [
        Binding([.character("j"), .down], "j k ↓ ↑", "move", hint: "j/k move") { key, _ in
            key == .character("j") || key == .down ? .move(1) : nil
        },
        Binding([.character("k"), .up], "", "", does: .move(-1)),
        Binding([.pageDown, .control("f"), .control("d")], "PgDn PgUp", "move a page", does: .movePage(1)),
        Binding([.pageUp, .control("b"), .control("u")], "", "", does: .movePage(-1)),
        Binding([.character("g"), .home], "g G Home End", "first, last", does: .moveToFirst),
        Binding([.character("G"), .end], "", "", does: .moveToLast),
    ]

    private static let facilities: [Binding] = [Binding([.character("?")], "?", "all keys and the glossary", hint: "? help", does: .showHelp)] + moves + [
        Binding([.character(" ")], "space", "cycle " + Disposition.allCases.map(\.label).joined(separator: " → ") + " → …; a development: partner ↔ own", hint: "space toggle") { _, state in
            if let index = state.selectedDevelopment {
                return .setFinancing(development: index, state.scenario.developments[index].financing.next)
            }
            return state.selectedFacility.map { .setDisposition(facility: $0, state.scenario.facilities[$0].disposition.next) }
        },
        Binding(
            Disposition.allCases.map { .character($0.key) }, Disposition.allCases.map { String($0.key) }.joined(separator: " "),
            Disposition.allCases.map(\.label).joined(separator: ", ")
        ) { key, state in
            if state.selectedDevelopment != nil {
                return .explain("a development is financed, not sold: f switches partner ↔ own")
            }
            guard let index = state.selectedFacility, let disposition = Disposition.allCases.first(where: { .character($0.key) == key })
            else { return nil }
            return .setDisposition(facility: index, disposition)
        },
        Binding([.character("f")], "f", "a development's financing: " + Financing.allCases.map(\.label).joined(separator: " ↔ ")) { _, state in
            guard let index = state.selectedDevelopment else {
                return .explain("f switches a development's financing; move to one in the developments group")
            }
            return .setFinancing(development: index, state.scenario.developments[index].financing.next)
        },
        Binding([.character("]"), .character("+"), .character("="), .right, .character("["), .character("-"), .left], "[ ] - +", "step a contributed facility's or a development's stake by 5 points") { key, state in
            let direction = [.character("]"), .character("+"), .character("="), .right].contains(key) ? 1 : -1
            if let index = state.selectedDevelopment { return .stepDevelopmentStake(development: index, by: direction) }
            guard let index = state.selectedFacility, state.scenario.facilities[index].disposition.keepsStake else {
                return .explain("[ and ] step a contributed facility's stake here, assumptions in the assumptions view (a)")
            }
            return .stepStake(facility: index, by: direction)
        },
        Binding([.character("a")], "a", "the assumptions view", hint: "a assumptions", does: .togglePane(.assumptions)),
        Binding([.character("/")], "/", "filter by id, name or region", hint: "/ filter", does: .beginFilter),
        Binding([.escape], "Esc", "clear the filter (n and N still find its text)") { _, state in state.filter.isEmpty ? nil : .clearFilter },
        Binding([.character("n")], "n N", "next, previous row matching the search, no row hidden", does: .findNext(1)),
        Binding([.character("N")], "", "", does: .findNext(-1)),
        Binding([.character("o")], "o", "cycle sort: " + SortOrder.allCases.map(\.rawValue).joined(separator: ", "), does: .cycleSort),
        Binding([.character("e")], "e", "", does: .explain("e types an exact assumption: press a for the assumptions view")),
    ]

    private static let assumptions: [Binding] = [Binding([.character("?")], "?", "all keys and the glossary", hint: "? help", does: .showHelp)] + moves + [
        Binding([.character("]"), .character("+"), .character("="), .right, .character("["), .character("-"), .left], "[ ] - +", "step the assumption", hint: "[ ] step") { key, state in
            let direction = [.character("]"), .character("+"), .character("="), .right].contains(key) ? 1 : -1
            return selectedSetting(state).map { .stepSetting($0, by: direction) }
        },
        Binding([.character("e"), .enter], "e Enter", "type an exact value", hint: "e edit") { _, state in
            selectedSetting(state).map { .editSetting($0) }
        },
        Binding([.character("a"), .escape], "a Esc", "back to the facilities", hint: "a facilities", does: .togglePane(.assumptions)),
    ]

    private static let analysis: [Binding] = [
        Binding([.character("?")], "?", "all keys and the glossary", hint: "? help", does: .showHelp),
        Binding([.escape], "Esc", "back to the facilities", hint: "Esc back", does: .togglePane(.facilities)),
        Binding([.character("a")], "a", "the assumptions view", hint: "a assumptions", does: .togglePane(.assumptions)),
    ]

    private static let figures: [Binding] = [
        Binding([.character("j"), .down, .character("k"), .up], "j k ↓ ↑", "next, previous figure", hint: "j/k figure") { key, _ in
            key == .character("j") || key == .down ? .move(1) : .move(-1)
        },
        Binding([.character("i"), .escape], "i Esc", "leave the figures", hint: "Esc leave", does: .close),
    ]

    /// Keys that work in every view of the dashboard (not while typing).
    private static let everywhere: [Binding] = [
        Binding([.tab, .backTab], "Tab", "facilities / assumptions", does: .switchView),
        Binding([.character("i")], "i", "walk the figures; the status line defines each", does: .focusFigures),
        Binding([.character("x")], "x", "sensitivity tornado", does: .togglePane(.sensitivity)),
        Binding([.character("T")], "T", "deal timeline", does: .togglePane(.timeline)),
        Binding([.character("D")], "D", "development financing: capital now, rent later", does: .togglePane(.developmentFinancing)),
        Binding([.character("p")], "p", "next GPU: the presets and the scenario's alternatives", does: .cycleGPU),
        Binding([.character("C")], "C", "compare with another scenario", does: .compare),
        Binding([.character("O")], "O", "goal-seek: a plan to reach a capex target", does: .beginGoalSeek),
        Binding([.character("!")], "!", "every warning with its position; Enter jumps to it", does: .showWarnings),
        Binding([.character("u")], "u", "undo", hint: "u undo", does: .undo),
        Binding([.control("r")], "Ctrl-R", "redo", does: .redo),
        Binding([.character("R")], "R", "reset to the file as loaded (undoable)", does: .reset),
        Binding([.character("s")], "s", "save (in place, or NAME.capdash.yaml beside it)", hint: "s save", does: .save),
        Binding([.character("w")], "w", "write a review pack beside the scenario", does: .writeReview),
        Binding([.character("t")], "t", "next theme", does: .nextTheme),
        Binding([.character("q")], "q", "quit (asks once if unsaved)", hint: "q quit", does: .quit),
    ]

    /// Keys that work whatever is on screen.
    private static let always: [Binding] = [
        Binding([.control("c")], "Ctrl-C", "quit now", does: .quitNow),
        Binding([.control("z")], "Ctrl-Z", "suspend; fg resumes", does: .suspend),
    ]

    private static let help: [Binding] = [
        Binding([.character("j"), .down], "j k ↓ ↑", "scroll", hint: "j/k scroll", does: .move(1)),
        Binding([.character("k"), .up], "", "", does: .move(-1)),
        Binding([.pageDown, .character(" ")], "PgDn PgUp", "scroll a page", does: .movePage(1)),
        Binding([.pageUp], "", "", does: .movePage(-1)),
        Binding([.tab, .character("g")], "Tab", "keys / glossary of figures", hint: "Tab glossary", does: .switchHelpPage),
        Binding([.character("?"), .escape, .character("q"), .enter], "? Esc", "close", hint: "Esc close", does: .close),
    ]

    private static func offer(accept: String, decline: String, later: String?) -> [Binding] {
        var bindings = [
            Binding([.character("y"), .character("Y"), .enter], "y Enter", accept, hint: "y yes", does: .accept),
            Binding([.character("n"), .character("N")], "n", decline, hint: "n no", does: .decline),
        ]
        bindings.append(Binding([.escape], "Esc", later ?? decline, hint: later == nil ? nil : "Esc later", does: later == nil ? .decline : .close))
        return bindings
    }

    private static let picking: [Binding] = [
        Binding([.character("j"), .down], "j k ↓ ↑", "move", hint: "j/k move", does: .move(1)),
        Binding([.character("k"), .up], "", "", does: .move(-1)),
        Binding([.enter], "Enter", "compare with this file", hint: "Enter pick", does: .submit),
        Binding([.escape, .character("q")], "Esc", "cancel", hint: "Esc cancel", does: .close),
    ]

    private static let warningsList: [Binding] = [
        Binding([.character("j"), .down], "j k ↓ ↑", "move", hint: "j/k move", does: .move(1)),
        Binding([.character("k"), .up], "", "", does: .move(-1)),
        Binding([.enter], "Enter", "go to the facility", hint: "Enter go", does: .submit),
        Binding([.escape, .character("q"), .character("!")], "Esc", "close", hint: "Esc close", does: .close),
    ]

    private static let typing: [Binding] = [
        Binding([.enter], "Enter", "keep the filter, set the value, plan", hint: "Enter done", does: .submit),
        Binding([.escape], "Esc", "cancel (a filter clears)", hint: "Esc cancel", does: .close),
        Binding([.backspace, .delete, .control("h")], "Backspace", "delete a character", does: .deleteBackward),
        Binding([.control("u")], "Ctrl-U", "clear what was typed", does: .clearInput),
    ]
}
