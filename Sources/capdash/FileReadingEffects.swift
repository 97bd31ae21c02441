import CapDashModel
import CapDashUI
import Foundation

/// Effects that only read files, run the same way by the live dashboard and by a snapshot.
enum FileReadingEffects {
    /// The effect's answers, or nil when it is not a file read.
    static func run(_ effect: Effect) -> [Action]? {
        switch effect {
        case .loadComparison(let path):
            return [.comparisonLoaded(StandardInput.load(path: path))]
        case .listScenarios(let directory):
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".csv")) }
                .sorted().map { directory == "." ? $0 : directory + "/" + $0 }
            return [.scenarioFiles(files)]
        case .checkRecovery(let scenarioFile):
            return RecoveryFile.candidates(for: scenarioFile).filter { FileManager.default.fileExists(atPath: $0) }.map { path in
                .recoveryFound(path: path, ScenarioLoader.result(path: path))
            }
        default:
            return nil
        }
    }
}
