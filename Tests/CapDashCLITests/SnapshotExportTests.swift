import Foundation
import Testing

@Suite("capdash snapshot --format svg and html", .serialized)
struct SnapshotExportTests {
    @Test("svg and html carry the text snapshot's header and the theme's page colors")
    func formats() throws {
        // swift test sets NO_COLOR for its children; empty means unset to capdash.
        let colors = ["NO_COLOR": ""]
        let scratch = try Scratch()
        let file = try scratch.write("s.yaml", validScenario.replacingOccurrences(of: "name: CLI test", with: "name: CLI <test> & co"))
        let svg = try CLI.run(["snapshot", file, "--size", "80x24", "--format", "svg"], in: scratch.path, environment: colors)
        #expect(svg.status == 0 && svg.stderr.isEmpty)
        #expect(svg.stdout.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"692\" height=\"452\""))
        #expect(svg.stdout.hasSuffix("</svg>\n"))
        #expect(svg.stdout.contains("<title>capdash: CLI &lt;test&gt; &amp; co</title>"))
        #expect(svg.stdout.contains(" capdash │ CLI &lt;test&gt; &amp; co │ "))
        #expect(svg.stdout.contains("<rect width=\"692\" height=\"452\" fill=\"#1c1c1c\"/>"))
        #expect(svg.stdout.contains("fill=\"#0000ee\""))  // the dark theme's blue header

        let html = try CLI.run(["snapshot", file, "--size", "120x40", "--format", "html", "--theme", "light"], in: scratch.path, environment: colors)
        #expect(html.status == 0 && html.stderr.isEmpty)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>\n"))
        #expect(html.stdout.contains(" capdash │ CLI &lt;test&gt; &amp; co │ "))
        #expect(html.stdout.contains("<body style=\"margin:0;padding:10px;background:#ffffff\">"))
        #expect(scratch.files == ["s.yaml"])
    }

    @Test("NO_COLOR svg uses only the default pair and its dim blend")
    func noColor() throws {
        let result = try CLI.run(["snapshot", "--format", "svg"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        let pattern = try NSRegularExpression(pattern: "#[0-9a-f]{6}")
        let colors = Set(pattern.matches(in: result.stdout, range: NSRange(result.stdout.startIndex..., in: result.stdout)).map {
            String(result.stdout[Range($0.range, in: result.stdout)!])
        })
        #expect(colors == ["#d0d0d0", "#1c1c1c", "#767676"])
    }
}
