/// Where unsaved edits go when the dashboard is stopped by a signal or a lost
/// terminal: `.NAME.capdash-recover.yaml` beside the scenario, a complete
/// scenario that the next session offers to restore.
public enum RecoveryFile {
    public static func path(for scenarioFile: String?) -> String {
        guard let file = scenarioFile else { return ".example.capdash-recover.yaml" }
        let directory = file.lastIndex(of: "/").map { String(file[...$0]) } ?? ""
        return directory + "." + ScenarioLoader.baseName(file) + ".capdash-recover.yaml"
    }

    /// The edits that turn `loaded` into `recovered`, matching facilities by id;
    /// facilities the file no longer has are left out.
    public static func edits(from loaded: Scenario, to recovered: Scenario) -> [ScenarioEdit] {
        ScenarioEdit.edits(from: loaded, to: recovered)
    }
}
