import Foundation
import Testing

@Suite("capdash generate keeps what it was not asked to write")
struct GenerateTests {
    @Test("generate -o plants.csv refuses to replace an existing plants.yaml, naming it, and writes nothing")
    func keepsScenarioBeside() throws {
        let scratch = try Scratch()
        try scratch.write("plants.yaml", validScenario)
        let result = try CLI.run(["generate", "--facilities", "5", "-o", "plants.csv"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderrLines == [
            "capdash: generate: plants.yaml exists and would be replaced by the scenario naming plants.csv; use --force to replace it, or another -o"
        ])
        #expect(try scratch.read("plants.yaml") == validScenario)
        #expect(scratch.files == ["plants.yaml"])
    }

    @Test("with --force both files are written, and the scenario loads with the generated facilities")
    func forceReplaces() throws {
        let scratch = try Scratch()
        try scratch.write("plants.yaml", validScenario)
        let result = try CLI.run(["generate", "--facilities", "5", "-o", "plants.csv", "--force"], in: scratch.path)
        #expect(result.status == 0)
        #expect(scratch.files == ["plants.csv", "plants.yaml"])
        #expect(try scratch.read("plants.yaml").contains("facilities_csv: \"plants.csv\""))
        let check = try CLI.run(["check", "plants.yaml"], in: scratch.path)
        #expect(check.stdout.hasPrefix("plants.yaml: OK (5 facilities"))
    }

    @Test("with no scenario beside it, generate writes both without --force")
    func freshDirectory() throws {
        let scratch = try Scratch()
        let result = try CLI.run(["generate", "--facilities", "5", "-o", "plants.csv"], in: scratch.path)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(scratch.files == ["plants.csv", "plants.yaml"])
    }
}
