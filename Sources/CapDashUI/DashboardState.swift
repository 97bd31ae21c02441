import CapDashModel

/// Everything the dashboard shows, as one value. Only `update` changes it
/// (every setter is module-internal); `view` draws it.
public struct DashboardState: Sendable {
    public enum Pane: String, Sendable, CaseIterable {
        case facilities, assumptions
        /// The tornado (`x`).
        case sensitivity
        /// Cash by quarter (`T`).
        case timeline
        /// Side by side with a second scenario (`C`).
        case comparison
        /// What partner financing frees now and costs later, year by year (`D`).
        case developmentFinancing
    }

    public enum Mode: Sendable, Equatable {
        case normal
        /// Typing a filter after `/`.
        case filtering
        /// Typing an exact value for an assumption or a lease term after `e`.
        case editing(Setting, String)
        /// The key list (`?`), or the glossary of figures; `scroll` is the first line shown.
        case help(HelpPage, scroll: Int)
        /// A recovery file from an earlier session: y restores it, n discards it, Esc leaves it for later.
        case recoveryOffer
        /// Typing the capex target for a goal-seek plan after `O`.
        case planTarget(String)
        /// A goal-seek running off the update loop; Esc cancels it.
        case planSolving(job: Int, target: Double)
        /// A proposed plan: Enter or y accepts it as one undoable step, Esc or n dismisses it.
        case planOffer([ScenarioEdit])
        /// Choosing a second scenario to compare with, from `scenarioChoices`.
        case pickingComparison
        /// The cursor walks the figure panes (`i`); the status line defines the figure.
        case figures
        /// Every warning with its position (`!`); Enter jumps to its facility.
        case warnings(cursor: Int)
    }

    public enum HelpPage: Sendable, Equatable {
        case keys, glossary
    }

    public struct Message: Sendable, Equatable {
        public var text: String
        public var isError: Bool

        public init(text: String, isError: Bool) {
            self.text = text
            self.isError = isError
        }
    }

    public internal(set) var live: LiveScenario
    /// The scenario as loaded (or last saved) but for its facilities, which are the live
    /// ones with `loadedFacilityValues` put back: a million facilities are held once, not
    /// copied by the first toggle. Per-frame code reads this; `loaded` builds the whole.
    public internal(set) var loadedExceptFacilities: Scenario
    /// The loaded disposition and stake of each facility edited since the load or save.
    private var loadedFacilityValues: [Int: LoadedFacilityValue] = [:]
    public internal(set) var baseline: Evaluation
    public internal(set) var pane: Pane = .facilities {
        didSet { if pane != oldValue { refreshAnalysis() } }
    }
    /// The analysis the shown pane draws, computed when the pane opens and after
    /// each edit, never per frame (each evaluates the whole scenario, the tornado 16 times).
    public internal(set) var tornado: SensitivityAnalysis?
    /// What the tornado's bars measure: capex freed, or net cash PV (`m` switches).
    public internal(set) var tornadoShowsNetCash = false
    public internal(set) var timeline: DealTimeline?
    public internal(set) var comparison: ScenarioComparison?
    public internal(set) var developmentSchedule: DevelopmentSchedule?
    /// A second scenario to compare with (`capdash A B`, or picked with `C`).
    public internal(set) var other: Scenario? {
        didSet { refreshAnalysis() }
    }
    /// Scenario files offered by `C` when no second scenario is loaded yet.
    public internal(set) var scenarioChoices: [String] = []
    public internal(set) var choiceCursor = 0
    public internal(set) var mode: Mode = .normal
    public internal(set) var rows: FacilityRows
    /// Ids', names' and regions' widths, for fitting the table's columns.
    public internal(set) var textWidths: TextWidths
    /// Every facility in the current sort order (recomputed only when the sort changes).
    private var sorted: [Int]
    /// The sorted facilities that match `matchesFilter`.
    private var matches: [Int]
    private var matchesFilter = ""
    /// Built the first time a filter or search needs it, not at open.
    private var searchIndexes: (facilities: SearchIndex, developments: SearchIndex)?
    /// Position of the selected row: facilities first, then developments.
    public internal(set) var cursor = 0
    /// First display row of the facilities table on screen.
    public internal(set) var scroll = 0
    /// The row of `Setting.all` under the cursor in the assumptions view.
    public internal(set) var assumptionCursor = 0
    /// The figure under the cursor while the figure panes have focus (`i`).
    public internal(set) var figureCursor = 0
    public internal(set) var filter = ""
    /// What `n` and `N` look for: the filter's text, kept after the filter is cleared.
    public internal(set) var searchTerm = ""
    /// The warnings listed by `!`, worded when the list opens.
    public internal(set) var warningList: [Diagnostic] = []
    public internal(set) var sort = SortOrder.file
    public internal(set) var undoStack: [ScenarioEdit] = []
    public internal(set) var redoStack: [ScenarioEdit] = []
    public internal(set) var message: Message?
    public internal(set) var themeNames: [String]
    public internal(set) var themeIndex = 0
    public internal(set) var size: Size
    /// Set by a first `q` with unsaved changes; a second `q` quits.
    public internal(set) var quitArmed = false
    /// Edits an earlier session left in a recovery file, offered at start; `unmatched` are
    /// its facilities and developments this scenario no longer has (the file is then kept).
    public internal(set) var pendingRecovery: (path: String, edits: [ScenarioEdit], unmatched: [String])?
    /// A file to compare with as soon as the dashboard opens (`capdash A B`).
    public internal(set) var compareFileAtStart: String?
    /// The last background job started; results of any other are stale.
    public internal(set) var lastJob = 0
    /// Whole seconds the running goal-seek has taken, for its progress line.
    public internal(set) var solvingSeconds = 0
    /// Facilities whose disposition or stake differs from `loaded`.
    private var changedFacilities = 0

    public init(
        scenario: Scenario, size: Size, themeNames: [String] = ["dark"], theme: String? = nil, compareWith: String? = nil
    ) {
        live = LiveScenario(scenario)
        loadedExceptFacilities = scenario.withoutFacilities
        baseline = live.evaluation
        sorted = SortOrder.file.order(scenario.facilities)
        matches = sorted
        textWidths = TextWidths(scenario)
        rows = FacilityRows(
            matches: sorted, scenario.facilities, developments: Array(scenario.developments.indices),
            showsDevelopments: !scenario.developments.isEmpty)
        self.size = size
        self.themeNames = themeNames.isEmpty ? ["dark"] : themeNames
        if let theme, let index = self.themeNames.firstIndex(of: theme) { themeIndex = index }
        compareFileAtStart = compareWith
    }

    public var scenario: Scenario { live.scenario }

    /// The scenario as loaded (or last saved): what reset returns to and saves compare
    /// with. O(facilities) once anything is edited; never per frame.
    public var loaded: Scenario {
        var loaded = loadedExceptFacilities
        loaded.facilities = scenario.facilities
        for (index, value) in loadedFacilityValues {
            loaded.facilities[index].disposition = value.disposition
            loaded.facilities[index].retainedStake = value.retainedStake
        }
        return loaded
    }
    public var evaluation: Evaluation { live.evaluation }
    public var themeName: String { themeNames[themeIndex] }

    /// Unsaved changes exist.
    public var isDirty: Bool {
        changedFacilities > 0 || scenario.assumptions != loadedExceptFacilities.assumptions
            || scenario.developments != loadedExceptFacilities.developments
    }

    /// The facility under the cursor, if the cursor is on one.
    public var selectedFacility: Int? {
        if case .facility(let index) = rows.item(at: cursor) { return index }
        return nil
    }

    /// The development under the cursor, if the cursor is on one.
    /// The search indexes, built on first use.
    private mutating func indexes() -> (facilities: SearchIndex, developments: SearchIndex) {
        if let searchIndexes { return searchIndexes }
        let built = (SearchIndex(scenario.facilities), SearchIndex(scenario.developments))
        searchIndexes = built
        return built
    }

    /// Whether the item at a cursor position matches a search term (id, name or region).
    mutating func matches(_ item: FacilityRows.Item, _ term: String) -> Bool {
        let needle = SearchIndex.folded(term)
        let indexes = indexes()
        switch item {
        case .facility(let index): return indexes.facilities.matches(index, needle)
        case .development(let index): return indexes.developments.matches(index, needle)
        }
    }

    public var selectedDevelopment: Int? {
        if case .development(let index) = rows.item(at: cursor) { return index }
        return nil
    }

    /// Applies an edit, keeping dirty tracking and the rows in step: O(log n) per
    /// facility touched, never a pass over the portfolio.
    mutating func apply(_ edit: ScenarioEdit) {
        let selected = rows.item(at: cursor)
        // One facility for a toggle: no set to build.
        let touched: [Int] = switch edit {
        case .disposition(let facility, _, _), .stake(let facility, _, _): [facility]
        default: Array(edit.facilities)
        }
        let before = touched.filter(differsFromLoaded)
        let old = touched.map { ($0, scenario.facilities[$0]) }
        for (index, facility) in old where loadedFacilityValues[index] == nil {
            loadedFacilityValues[index] = LoadedFacilityValue(facility)
        }
        live.apply(edit)
        for (index, facility) in old { rows.update(index, from: facility, to: scenario.facilities[index]) }
        changedFacilities += touched.filter(differsFromLoaded).count - before.count
        keepCursor(on: selected)
        refreshAnalysis()
    }

    /// After an edit: the cursor follows its row when the row's new place is on screen;
    /// when the row moved to a group off screen, the cursor stays where it is (on the
    /// next row), so the screen does not jump (lazygit stages a file the same way).
    private mutating func keepCursor(on item: FacilityRows.Item?) {
        let position: Int? = switch item {
        case .facility(let index): rows.position(ofFacility: index)
        case .development(let index): rows.position(ofDevelopment: index)
        case nil: nil
        }
        if let position {
            let row = rows.displayRow(ofPosition: position)
            let visible = Layout(size)?.visibleTableRows ?? 10
            if row >= scroll && row < scroll + visible { cursor = position }
        }
        cursor = max(0, min(cursor, rows.count - 1))
    }

    /// A facility whose disposition or stake is not what the file says. Loaded and
    /// live scenarios hold the same facilities in the same order (a reload replaces both).
    private func differsFromLoaded(_ index: Int) -> Bool {
        guard let then = loadedFacilityValues[index] else { return false }
        return then != LoadedFacilityValue(scenario.facilities[index])
    }

    /// Recomputes the analysis of the pane on screen; the others are dropped.
    mutating func refreshAnalysis() {
        tornado = pane == .sensitivity ? SensitivityAnalysis(scenario) : nil
        timeline = pane == .timeline ? DealTimeline(scenario) : nil
        comparison = pane == .comparison ? other.map { ScenarioComparison(scenario, $0) } : nil
        developmentSchedule = pane == .developmentFinancing ? DevelopmentSchedule(scenario) : nil
    }

    /// Rebuilds the visible rows, keeping the cursor on the same facility when it is still shown.
    /// O(facilities) at most: sorting happens only on a sort change, and typing
    /// more of a filter only narrows the previous matches.
    mutating func refreshRows(resort: Bool = false) {
        let selected = rows.item(at: cursor)
        if resort {
            sorted = sort.order(scenario.facilities)
            matchesFilter = "\u{0}"  // forces a fresh match below
        }
        if filter != matchesFilter {
            let needle = SearchIndex.folded(filter)
            let base = !matchesFilter.isEmpty && filter.hasPrefix(matchesFilter) ? matches : sorted
            let search = filter.isEmpty ? nil : indexes().facilities
            matches = search.map { search in base.filter { search.matches($0, needle) } } ?? sorted
            matchesFilter = filter
        }
        let needle = SearchIndex.folded(filter)
        let developmentSearch = filter.isEmpty ? nil : indexes().developments
        let developments = scenario.developments.indices.filter { developmentSearch?.matches($0, needle) ?? true }
        rows = FacilityRows(matches: matches, scenario.facilities, developments: developments, showsDevelopments: !scenario.developments.isEmpty)
        switch selected {
        case .facility(let index): if let position = rows.position(ofFacility: index) { cursor = position }
        case .development(let index): if let position = rows.position(ofDevelopment: index) { cursor = position }
        case nil: break
        }
        cursor = max(0, min(cursor, rows.count - 1))
    }

    /// After a save: the saved file, read back, becomes the loaded state. When it
    /// holds the same facilities, what someone else saved meanwhile (merged by the
    /// in-place save) shows too, every edit made here stays on screen (saved, or
    /// unsaved when it conflicted and went beside), and undo history stays; a value
    /// not edited here is the file's, so a second save can never put the old one back
    /// over theirs. When the file now lists other facilities (added, removed or moved
    /// by another editor), the screen shows the file as it is and history starts
    /// afresh: an old edit must never land on another facility.
    @discardableResult
    mutating func adoptSaved(_ saved: Scenario?) -> [Effect] {
        guard let saved else {
            return adopt(loaded: scenario, replacingLive: false)
        }
        // The live facilities are the loaded ones, edited: their ids are the loaded ids.
        guard saved.facilities.map(\.id) == scenario.facilities.map(\.id), saved.developments.map(\.id) == scenario.developments.map(\.id),
            loadedExceptFacilities.developments.map(\.id) == scenario.developments.map(\.id)
        else {
            return adopt(loaded: saved, replacingLive: true)
        }
        // The file as saved, with each value edited here (since the last load or save) as it is on screen.
        var merged = saved
        for (index, then) in loadedFacilityValues {
            let now = scenario.facilities[index]
            if now.disposition != then.disposition { merged.facilities[index].disposition = now.disposition }
            if now.retainedStake != then.retainedStake { merged.facilities[index].retainedStake = now.retainedStake }
        }
        for index in merged.developments.indices {
            merged.developments[index].take(changes: loadedExceptFacilities.developments[index], scenario.developments[index])
        }
        merged.assumptions.take(changes: loadedExceptFacilities.assumptions, scenario.assumptions)
        live = LiveScenario(merged)
        searchIndexes = nil
        textWidths = TextWidths(merged)
        refreshRows(resort: true)
        refreshAnalysis()
        return adopt(loaded: saved, replacingLive: false)
    }

    /// Takes a scenario as the new loaded state (after a save or a reload from disk). Replacing
    /// the live scenario ends what named facilities by their place in the old list: an offered
    /// recovery is checked again against the new file, a running goal-seek is cancelled, a plan
    /// offered or a warnings list is closed. Returns the effects that takes.
    @discardableResult
    mutating func adopt(loaded scenario: Scenario, replacingLive: Bool) -> [Effect] {
        var effects: [Effect] = []
        if replacingLive {
            switch mode {
            case .recoveryOffer:
                if let file = scenario.file { effects.append(.checkRecovery(scenarioFile: file)) }
                mode = .normal
            case .planSolving(let job, _):
                effects.append(.cancel(job: job))
                mode = .normal
            case .planOffer, .warnings:
                mode = .normal
            default:
                break
            }
            pendingRecovery = nil
            warningList = []
            let selectedID = selectedFacility.map { live.scenario.facilities[$0].id }
            live = LiveScenario(scenario)
            undoStack = []
            redoStack = []
            searchIndexes = nil
            textWidths = TextWidths(scenario)
            refreshRows(resort: true)
            refreshAnalysis()
            if let selectedID, let index = scenario.index(ofFacility: selectedID), let position = rows.position(ofFacility: index) {
                cursor = position
            }
        }
        loadedExceptFacilities = scenario.withoutFacilities
        // The live facilities differ from these only in what was edited here (or the two are the same scenario).
        loadedFacilityValues = [:]
        if !replacingLive {
            for index in scenario.facilities.indices {
                let then = LoadedFacilityValue(scenario.facilities[index])
                if then != LoadedFacilityValue(live.scenario.facilities[index]) { loadedFacilityValues[index] = then }
            }
        }
        baseline = replacingLive ? live.evaluation : LiveScenario(scenario).evaluation
        changedFacilities = loadedFacilityValues.count
        return effects
    }
}

/// What the dashboard can change of a facility, as the file has it.
struct LoadedFacilityValue: Sendable, Equatable {
    var disposition: Disposition
    var retainedStake: Double?

    init(_ facility: Facility) {
        disposition = facility.disposition
        retainedStake = facility.retainedStake
    }
}

extension Scenario {
    /// Everything but the facilities (the dashboard keeps those once).
    var withoutFacilities: Scenario {
        var scenario = self
        scenario.facilities = []
        return scenario
    }
}
