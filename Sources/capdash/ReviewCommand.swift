import ArgumentParser
import CapDashModel
import CapDashUI

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a markdown review pack: decisions, headline figures, the dashboard as text, tornado, timeline, facilities, warnings.",
        discussion: "--keys replays dashboard keys first (as capdash snapshot does); the decisions they make are logged in the pack.")

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .long, help: "Dashboard keys to press first, e.g. \"j j d a ] ]\".")
    var keys: String = ""

    @Option(name: .long, help: ArgumentHelp("Size of the dashboard snapshot, WIDTHxHEIGHT.", valueName: "WxH"))
    var size: String = "120x40"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "OUT"))
    var output: String?

    func run() throws {
        guard let parsedSize = Snapshot.parseSize(size) else {
            throw ExitFailure(code: ExitFailure.usage, lines: ["capdash: --size \(size): expected WIDTHxHEIGHT like 120x40 (each 1 to 1000)"])
        }
        let loaded = try scenario.loadScenario()
        let state = replay(Key.parseSequence(keys), on: DashboardState(scenario: loaded, size: parsedSize))
        try emit(ReviewPack.markdown(state), to: output)
    }
}
