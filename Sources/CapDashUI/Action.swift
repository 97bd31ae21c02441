import CapDashModel

/// Everything that can happen to the dashboard: intents from keys and events from the shell.
public enum Action: Sendable {
    case key(Key)
    case resized(Size)
    /// The scenario file changed on disk and was read again.
    case fileChanged(Result<Scenario, ScenarioLoadError>)
    /// The shell finished an effect.
    /// Saved; `reloaded` is the saved file read back (fresh positions for the next save).
    case saved(paths: [String], note: String?, reloaded: Scenario?)
    case saveFailed(String)
    case viewWritten(String)
    /// Scenario files beside the current one, for `c` to offer.
    case scenarioFiles([String])
    /// The second scenario to compare with was read (or could not be).
    case comparisonLoaded(Result<Scenario, ScenarioLoadError>)
    case viewWriteFailed(String)
}

/// Side effects `update` asks the shell to run; results come back as actions.
public enum Effect: Sendable, Equatable {
    case quit
    case suspend
    /// Save the scenario (edited in place where possible, see ScenarioSaver).
    case save(current: Scenario, loaded: Scenario)
    /// Write the view (a markdown review) to a new timestamped file.
    case writeView(String)
    /// Delete a recovery file once its edits are restored or declined.
    case discardRecovery(String)
    /// List the scenario files in a directory (answered with `.scenarioFiles`).
    case listScenarios(directory: String)
    /// Read a scenario to compare with (answered with `.comparisonLoaded`).
    case loadComparison(String)
}
