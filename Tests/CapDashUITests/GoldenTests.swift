import CapDashModel
import Foundation
import Testing
@testable import CapDashUI

/// Golden screens: `view` compared line by line with files under Golden/.
/// Regenerate with CAPDASH_UPDATE_GOLDEN=1 swift test, and review the diff like code.
@Suite("Golden screens")
struct GoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The example with wide names: CJK, emoji and an accented name.
    static func wideScenario() -> Scenario {
        var scenario = ScenarioLoader.builtInExample()
        scenario.facilities[0].name = "東京データセンター"
        scenario.facilities[1].name = "Council Bluffs 🚀"
        scenario.facilities[4].name = "서울 데이터"
        return scenario
    }

    /// The repository's Hyperion-style example (developments, a GPU preset).
    static func hyperion() -> Scenario {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var scenario = try! ScenarioLoader.load(path: root.appendingPathComponent("Scenarios/hyperion.yaml").path)
        scenario.file = "hyperion.yaml"
        return scenario
    }

    static func state(_ keys: String, _ size: Size, wide: Bool = false) -> DashboardState {
        let scenario = wide ? wideScenario() : keys.hasPrefix("@hyperion") ? hyperion() : ScenarioLoader.builtInExample()
        let keys = keys.hasPrefix("@hyperion") ? String(keys.dropFirst(9)) : keys
        let state = DashboardState(scenario: scenario, size: size, themeNames: ThemeCatalog.builtInNames)
        return replay(Key.parseSequence(keys), on: state)
    }

    static let cases: [(String, String, Size, Bool)] = [
        ("dashboard-120x40", "", Size(width: 120, height: 40), false),
        ("dashboard-100x30", "j j j j j j space", Size(width: 100, height: 30), false),
        ("dashboard-80x24", "", Size(width: 80, height: 24), false),
        ("dashboard-wide-names-120x40", "d", Size(width: 120, height: 40), true),
        ("dashboard-wide-names-80x24", "j", Size(width: 80, height: 24), true),
        ("assumptions-100x30", "a ] j j j j j j j j j", Size(width: 100, height: 30), false),
        ("help-100x30", "?", Size(width: 100, height: 30), false),
        ("sensitivity-120x40", "x", Size(width: 120, height: 40), false),
        ("timeline-100x30", "T", Size(width: 100, height: 30), false),
        ("contribute-120x40", "c ] ] j j j j j c", Size(width: 120, height: 40), false),
        ("goal-seek-120x40", "O 2B enter enter", Size(width: 120, height: 40), false),
        ("filter-80x24", "/ us- enter", Size(width: 80, height: 24), false),
        ("too-small-50x15", "", Size(width: 50, height: 15), false),
        ("developments-120x40", "@hyperion j j", Size(width: 120, height: 40), false),
        ("developments-80x24", "@hyperion G f", Size(width: 80, height: 24), false),
        ("development-financing-120x40", "@hyperion D", Size(width: 120, height: 40), false),
        ("development-terms-100x30", "@hyperion a G ]", Size(width: 100, height: 30), false),
        ("figures-focus-120x40", "i j j j j j", Size(width: 120, height: 40), false),
        ("glossary-120x40", "? tab", Size(width: 120, height: 40), false),
    ]

    @Test("screens match their golden files", arguments: cases.map(\.0))
    func golden(name: String) throws {
        let (_, keys, size, wide) = Self.cases.first { $0.0 == name }!
        let actual = view(Self.state(keys, size, wide: wide)).plainText
        let file = Self.directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["CAPDASH_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(actualLines.count == expectedLines.count)
        for (number, (a, e)) in zip(actualLines, expectedLines).enumerated() where a != e {
            Issue.record("line \(number + 1) differs:\n  expected: \(e)\n  actual:   \(a)")
        }
    }

    /// One letter per style role, so a role golden reads like the screen it describes.
    static let roleLetters: [StyleRole: Character] = [
        .normal: ".", .header: "H", .title: "t", .border: "b", .selected: "S", .positive: "+", .negative: "-",
        .warning: "W", .muted: "m", .bar: "#", .barAlt: "%", .accent: "a", .error: "E", .key: "k", .group: "g",
        .total: "T", .input: "i", .dirty: "D",
    ]

    /// Which role each cell has (ratatui's buffer assertions): a theme or highlight regression shows here.
    static let roleCases = [
        "dashboard-100x30", "contribute-120x40", "help-100x30", "filter-80x24", "goal-seek-120x40", "developments-120x40",
        "figures-focus-120x40",
    ]

    @Test("every cell has the style role its golden says", arguments: roleCases)
    func roles(name: String) throws {
        let (_, keys, size, wide) = Self.cases.first { $0.0 == name }!
        let screen = view(Self.state(keys, size, wide: wide))
        let actual = (0..<size.height).map { row in
            String((0..<size.width).map { Self.roleLetters[screen[$0, row].role] ?? "?" })
        }.joined(separator: "\n") + "\n"
        let file = Self.directory.appendingPathComponent(name + ".roles.txt")
        if ProcessInfo.processInfo.environment["CAPDASH_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        for (number, (a, e)) in zip(actual.split(separator: "\n"), expected.split(separator: "\n")).enumerated() where a != e {
            Issue.record("roles of line \(number + 1) differ:\n  expected: \(e)\n  actual:   \(a)")
        }
        #expect(actual.split(separator: "\n").count == expected.split(separator: "\n").count)
    }

    @Test("every line fits the terminal width, measured in display cells")
    func widths() {
        for (_, keys, size, wide) in Self.cases {
            let screen = view(Self.state(keys, size, wide: wide))
            for line in screen.lines {
                #expect(CapDashReportWidth.of(line) <= size.width)
            }
        }
    }
}
