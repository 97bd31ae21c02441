import CapDashModel

/// Everything that can happen to the dashboard: intents (what a key means,
/// decided by the `Keymap`) and events (what the shell reports back).
public enum Action: Sendable {
    // MARK: Moving
    /// The cursor of whatever has focus, by rows (pages are `pageSize` rows).
    case move(Int)
    case moveToFirst, moveToLast
    case movePage(Int)

    // MARK: Views
    /// Opens a pane, or goes back to the facilities when it is already open.
    case togglePane(DashboardState.Pane)
    /// Tab: between the facilities and the assumptions.
    case switchView
    /// `C`: the compare view, or a picker of files beside this one.
    case compare
    case showHelp
    /// In the help overlay: the other page (keys, glossary).
    case switchHelpPage
    /// `i`: the cursor walks the figure panes; the status line defines each figure.
    case focusFigures
    case close

    // MARK: Decisions
    case setDisposition(facility: Int, Disposition)
    /// A contributed facility's own stake, stepped by 5 points.
    case stepStake(facility: Int, by: Int)
    case setFinancing(development: Int, Financing)
    /// A development's own stake, stepped by 5 points.
    case stepDevelopmentStake(development: Int, by: Int)
    /// The scenario's GPU becomes the next preset or alternative.
    case cycleGPU
    case stepSetting(Setting, by: Int)
    case editSetting(Setting)
    case undo, redo, reset
    /// y / n / Esc on an offer (a recovery file, a goal-seek plan).
    case accept, decline

    // MARK: Finding
    case beginFilter, clearFilter, cycleSort
    /// `n` / `N`: the next or previous row matching the search term, no row hidden.
    case findNext(Int)
    /// `!`: every warning, with its position.
    case showWarnings
    /// The tornado's bars: capex freed ↔ net cash PV.
    case switchTornadoMetric
    case beginGoalSeek
    /// `[` and `]` where nothing steps: says what they do.
    case explain(String)

    // MARK: Typing (filter, exact values, targets)
    case type(Character)
    case deleteBackward
    case clearInput
    case submit

    // MARK: Output and the session
    /// `q` quits, asking once when there are unsaved changes; Ctrl-C quits at once.
    case save, writeReview, nextTheme, quit, quitNow, suspend
    case unknownKey(Key)

    // MARK: Events from the shell
    case resized(Size)
    /// The scenario file changed on disk and was read again.
    case fileChanged(Result<Scenario, ScenarioLoadError>)
    /// Saved; `reloaded` is the saved file read back (fresh positions for the next save). With a
    /// `note` (why edits could not go in place), the last path is the file beside the scenario
    /// that holds the whole scenario.
    case saved(paths: [String], note: String?, reloaded: Scenario?)
    case saveFailed(String)
    case reviewWritten([String])
    case reviewWriteFailed(String)
    /// Scenario files beside the current one, for `C` to offer.
    case scenarioFiles([String])
    /// The second scenario to compare with was read (or could not be).
    case comparisonLoaded(Result<Scenario, ScenarioLoadError>)
    /// A recovery file from an earlier session was found and read (or could not be).
    case recoveryFound(path: String, Result<Scenario, ScenarioLoadError>)
    /// A background goal-seek finished.
    case planFound(job: Int, Result<Optimizer.Plan, Optimizer.Failure>)
    /// A background job is still running, this many whole seconds after it started.
    case jobRunning(job: Int, seconds: Int)
    /// The shell could not load a theme; it draws with the fallback.
    case themeFailed(String)
}

/// Side effects `update` asks the shell to run; results come back as actions,
/// which go through `update` again (and may ask for more effects).
public enum Effect: Sendable, Equatable {
    case quit
    case suspend
    /// Save the scenario (edited in place where possible, see ScenarioSaver).
    case save(current: Scenario, loaded: Scenario)
    /// Write the review pack (markdown, and the screen as SVG) into a directory,
    /// off the update loop; answered with `.reviewWritten` or `.reviewWriteFailed`.
    case writeReview(directory: String)
    /// Delete a recovery file once its edits are restored or declined.
    case discardRecovery(String)
    /// Look for a recovery file of this scenario file, beside it or in the state
    /// folder (answered with `.recoveryFound` for each one there is).
    case checkRecovery(scenarioFile: String)
    /// List the scenario files in a directory (answered with `.scenarioFiles`).
    case listScenarios(directory: String)
    /// Read a scenario to compare with (answered with `.comparisonLoaded`).
    case loadComparison(String)
    /// Load and apply a theme by name (answered with `.themeFailed` when it cannot).
    case loadTheme(String)
    /// Goal-seek off the update loop (answered with `.planFound`).
    case goalSeek(job: Int, scenario: Scenario, goal: Optimizer.Goal, constraints: Optimizer.Constraints)
    /// Stop a background job; its result, if it still comes, is ignored.
    case cancel(job: Int)

}
