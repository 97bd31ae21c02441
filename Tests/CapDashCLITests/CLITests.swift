import Foundation
import Testing
import CapDashModel

let validScenario = """
    schema: capdash/v1
    name: CLI test
    facilities:
      - {id: a, name: Alpha, region: US, capacity_mw: 10, book_value: 100M, sale_price: 150M, annual_opex: 5M, annual_capex: 2M, disposition: retain}
      - {id: b, name: Beta, region: EU, capacity_mw: 20, ai_ready: true, book_value: 80M, sale_price: 60M, annual_opex: 4M, annual_capex: 1M, disposition: divest}

    """

@Suite("The capdash command line", .serialized)
struct CLITests {
    @Test("capdash report with no file prints the example's review sheet")
    func reportExample() throws {
        let result = try CLI.run(["report"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Legacy data-center divestiture (illustrative)\n"))
        #expect(result.stdout.contains("  Capex freed            $2.50B"))
        #expect(result.stderr.isEmpty)
    }

    @Test("the dashboard refuses to draw when output is not a terminal, and says what to use")
    func dashboardNeedsTerminal() throws {
        let result = try CLI.run([])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["capdash: standard input or output is not a terminal; use 'capdash report' or 'capdash snapshot' instead"])
    }

    @Test("snapshot prints the dashboard as text after keys, and never writes files")
    func snapshot() throws {
        let scratch = try Scratch()
        let file = try scratch.write("s.yaml", validScenario)
        let result = try CLI.run(["snapshot", file, "--size", "80x24", "--keys", "d s w"], in: scratch.path)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 25)  // 24 rows and the final newline
        #expect(lines[0].hasPrefix(" capdash │ CLI test │ /"))
        #expect(result.stdout.contains("▸a "))
        #expect(scratch.files == ["s.yaml"])
        #expect(try scratch.read("s.yaml") == validScenario)
    }

    @Test("snapshot rejects a bad size and unknown themes")
    func snapshotUsage() throws {
        let size = try CLI.run(["snapshot", "--size", "80by24"])
        #expect(size.status == 2)
        #expect(size.stderrLines == ["capdash: --size 80by24: expected WIDTHxHEIGHT like 120x40 (each 1 to 1000)"])
        let theme = try CLI.run(["snapshot", "--theme", "drak"])
        #expect(theme.status == 2)
        #expect(theme.stderrLines == ["capdash: --theme: unknown theme \"drak\"; did you mean dark?"])
    }

    @Test("NO_COLOR snapshots in ANSI carry no colors")
    func noColor() throws {
        let result = try CLI.run(["snapshot", "--format", "ansi"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("38;5") && !result.stdout.contains(";44m") && !result.stdout.contains(";97"))
    }

    @Test("json output parses and agrees with the model, overrides applied")
    func jsonWithOverrides() throws {
        let result = try CLI.run(["report", "--format", "json", "--divest", "us-prineville-1", "--set", "gpu.unit_capex=35000"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        var overrides = ScenarioOverrides()
        overrides.set(.divest, ids: "us-prineville-1")
        overrides.addSetting("gpu.unit_capex=35000")
        let expected = evaluate(try overrides.apply(to: ScenarioLoader.builtInExample()).get())
        #expect(json["scenario"] as? String == "Legacy data-center divestiture (illustrative)")
        // JSONDecoder parses doubles exactly (JSONSerialization on Linux may not).
        struct Figures: Decodable {
            struct Finance: Decodable { var capex_freed: Double }
            struct Training: Decodable { var gpus_fundable: Int }
            var finance: Finance
            var training: Training
        }
        let figures = try JSONDecoder().decode(Figures.self, from: Data(result.stdout.utf8))
        #expect(figures.finance.capex_freed == expected.finance.capexFreed)
        #expect(Double(figures.training.gpus_fundable) == expected.training.gpusFundable)
    }

    @Test("an invalid scenario exits 1 with one line per error on stderr")
    func invalidScenario() throws {
        let scratch = try Scratch()
        let file = try scratch.write("bad.yaml", validScenario.replacingOccurrences(of: "book_value: 100M", with: "book_value: lots"))
        let result = try CLI.run(["report", file])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["\(file):4:67: facilities[0].book_value: expected money like 450M, found \"lots\""])
    }

    @Test("bad files: each one clear line and exit 1, never a backtrace")
    func badFiles() throws {
        let scratch = try Scratch()
        try scratch.write("empty.yaml", "")
        let cases: [(String, String)] = [
            (scratch.path + "/empty.yaml", "file is empty"),
            (scratch.path + "/missing.yaml", "no such file"),
            (scratch.path, "is a directory"),
        ]
        for (path, phrase) in cases {
            let result = try CLI.run(["report", path])
            #expect(result.status == 1)
            #expect(result.stderrLines.count == 1)
            #expect(result.stderr.contains(phrase))
            #expect(!result.stderr.contains("Fatal error"))
        }
    }

    @Test("usage errors exit 2 with one line")
    func usage() throws {
        let format = try CLI.run(["report", "--format", "xml"])
        #expect(format.status == 2)
        #expect(format.stderrLines.count == 1)
        #expect(format.stderr.hasPrefix("capdash: "))
        #expect(format.stderr.contains("'text', 'markdown', 'json', 'csv' or 'summary'"))

        let id = try CLI.run(["report", "--divest", "us-ashbrun-2"])
        #expect(id.status == 2)
        #expect(id.stderrLines == ["capdash: --divest: unknown facility id \"us-ashbrun-2\"; did you mean us-ashburn-2?"])

        let set = try CLI.run(["report", "--set", "discount_rate"])
        #expect(set.status == 2)
        #expect(set.stderrLines == ["capdash: --set discount_rate: expected KEY=VALUE, like discount_rate=0.1"])

        let unknownCommand = try CLI.run(["report", "a.yaml", "b.yaml"])
        #expect(unknownCommand.status == 2)
    }

    @Test("--help exits 0 and lists the subcommands")
    func help() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("report") && result.stdout.contains("check"))
    }

    @Test("check: OK and exit 0, or every diagnostic and exit 1")
    func check() throws {
        let scratch = try Scratch()
        let good = try scratch.write("good.yaml", validScenario)
        let bad = try scratch.write("bad.yaml", "schema: capdash/v1\nname: x\nfacilities: []\n")
        let ok = try CLI.run(["check", good])
        #expect(ok.status == 0)
        #expect(ok.stdout == "\(good): OK (2 facilities, 2 warnings)\n")
        #expect(ok.stderrLines.count == 2 && ok.stderrLines.allSatisfy { $0.hasPrefix("warning: \(good):") })
        let both = try CLI.run(["check", good, bad])
        #expect(both.status == 1)
        #expect(both.stderr.contains("\(bad):3:13: facilities: expected at least one facility (or a development), found an empty list"))
        #expect(try CLI.run(["check"]).status == 2)
    }

    @Test("-o writes the report atomically: whole file, no temp left, permissions kept")
    func atomicOutput() throws {
        let scratch = try Scratch()
        let file = try scratch.write("s.yaml", validScenario)
        let out = try scratch.write("report.md", "old content\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: out)
        let result = try CLI.run(["report", file, "--format", "markdown", "-o", out])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(try scratch.read("report.md").hasPrefix("# CLI test\n"))
        #expect(scratch.files == ["report.md", "s.yaml"])
        let permissions = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
    }

    @Test("-o over a read-only file refuses, and leaves the file as it was")
    func readOnlyOutput() throws {
        let scratch = try Scratch()
        let out = try scratch.write("locked.txt", "keep me\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: out)
        let result = try CLI.run(["report", "-o", out])
        #expect(result.status == 2)
        #expect(result.stderrLines == ["capdash: \(out): cannot write: the file is read-only (chmod u+w to allow saving)"])
        #expect(try scratch.read("locked.txt") == "keep me\n")
        #expect(scratch.files == ["locked.txt"])
    }

    @Test("-o into a missing directory fails cleanly and writes nothing")
    func outputFailure() throws {
        let scratch = try Scratch()
        let result = try CLI.run(["report", "-o", scratch.path + "/no/such/dir/r.txt"])
        #expect(result.status == 2)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("cannot write"))
        #expect(scratch.files.isEmpty)
    }

    @Test("csv output is one row per facility with its disposition")
    func csv() throws {
        let scratch = try Scratch()
        let file = try scratch.write("s.yaml", validScenario)
        let result = try CLI.run(["report", file, "--format", "csv", "--leaseback", "a"])
        #expect(result.stdout.split(separator: "\n").count == 3)
        #expect(result.stdout.contains("\na,Alpha,US,,10,false,,100000000,150000000,5000000,2000000,leaseback,\n"))
    }

    @Test("a bare CSV opens with default assumptions")
    func bareCSV() throws {
        let scratch = try Scratch()
        let file = try scratch.write("plants.csv", "id,name,region,capacity_mw,book_value,sale_price,annual_opex,annual_capex,disposition\nx,X,US,5,1M,2M,1M,1M,divest\n")
        let result = try CLI.run(["report", file, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"scenario\": \"plants\""))
    }
}

@Suite("capdash diff")
struct DiffCLITests {
    @Test("text, markdown and json outputs agree on the change in capex freed")
    func diff() throws {
        let scratch = try Scratch()
        let b = try scratch.write("b.csv", try CLI.run(["report", "--divest", "us-prineville-1", "--format", "csv"]).stdout)
        let text = try CLI.run(["diff", scratch.path + "/missing.yaml", b])
        #expect(text.status == 1)
        let example = try scratch.write("a.yaml", ScenarioLoader.builtInExampleText)
        let result = try CLI.run(["diff", example, b])
        #expect(result.status == 0)
        #expect(result.stdout.contains("  us-prineville-1  Prineville 1  retain  divest"))
        let json = try CLI.run(["diff", example, b, "--format", "json"]).stdout
        struct Diff: Decodable {
            struct Figure: Decodable { var figure: String; var delta: Double }
            var figures: [Figure]
        }
        let delta = try JSONDecoder().decode(Diff.self, from: Data(json.utf8)).figures.first { $0.figure == "capex_freed" }?.delta
        var overrides = ScenarioOverrides()
        overrides.set(.divest, ids: "us-prineville-1")
        let expected = evaluate(try overrides.apply(to: ScenarioLoader.builtInExample()).get()).finance.capexFreed
            - evaluate(ScenarioLoader.builtInExample()).finance.capexFreed
        #expect(delta.map { abs($0 - expected) < 1e-3 } == true)
        let markdown = try CLI.run(["diff", example, b, "--format", "markdown"]).stdout
        #expect(markdown.contains("| us-prineville-1 | Prineville 1 | retain | divest |"))
    }
}

@Suite("capdash sensitivity, timeline and review")
struct AnalysisCLITests {
    @Test("sensitivity ranks sale prices first for the example, in text and JSON")
    func sensitivity() throws {
        let text = try CLI.run(["sensitivity"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("  sale_prices                x0.80 → x1.20"))
        struct Tornado: Decodable { struct Driver: Decodable { var driver: String }; var drivers: [Driver] }
        let json = try JSONDecoder().decode(Tornado.self, from: Data(try CLI.run(["sensitivity", "--format", "json"]).stdout.utf8))
        #expect(json.drivers.first?.driver == "sale_prices")
        #expect(json.drivers.count == 9)
        #expect(try CLI.run(["sensitivity", "--relative", "2"]).status == 2)
    }

    @Test("timeline groups the example's sales by quarter")
    func timeline() throws {
        let result = try CLI.run(["timeline"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("  2025-Q4      4    $870.0M    $1.09B"))
        #expect(try CLI.run(["timeline", "--format", "markdown"]).stdout.contains("| 2026-Q2 | 3 | $0 | $363.7M |"))
    }

    @Test("review writes one markdown pack with the decisions the keys made")
    func review() throws {
        let scratch = try Scratch()
        let result = try CLI.run(["review", "--keys", "d j l", "-o", scratch.path + "/review.md"])
        #expect(result.status == 0)
        let pack = try scratch.read("review.md")
        #expect(pack.hasPrefix("# Review pack: Legacy data-center divestiture (illustrative)\n"))
        #expect(pack.contains("| us-prineville-1 (Prineville 1) | retain | divest | +$562.2M |\n"))
        #expect(pack.contains("```text\n capdash │"))
        #expect(pack.contains("### Warnings"))
    }
}

@Suite("capdash optimize")
struct OptimizeCLITests {
    static let hyperion = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/hyperion.yaml").path

    @Test("a plan that reaches $2B keeping AI-ready halls, in text and JSON, proven by CBC")
    func reach() throws {
        let text = try CLI.run(["optimize", "--target-capex", "2B", "--keep-ai-ready"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Optimal (proven by the CBC MILP solver"))
        struct Plan: Decodable { var exact: Bool; var capex_freed: Double; var ai_ready_divested_mw: Double; var nodes: Int }
        let plan = try JSONDecoder().decode(Plan.self, from: Data(try CLI.run(["optimize", "--target-capex", "2B", "--keep-ai-ready", "--format", "json"]).stdout.utf8))
        #expect(plan.exact && plan.capex_freed >= 2e9 && plan.ai_ready_divested_mw == 0 && plan.nodes >= 0)
    }

    @Test("development financing changes are listed beside facility changes, in text and JSON")
    func developments() throws {
        // Hyperion's campus is partner-financed and El Paso owned: the most capex needs El Paso's partner too.
        let json = try CLI.run(["optimize", Self.hyperion, "--max-divest-mw", "0", "--format", "json"])
        #expect(json.status == 0)
        struct Change: Decodable, Equatable { var id: String; var from: String; var to: String }
        struct Plan: Decodable { var exact: Bool; var changes: [Change]; var rent_pv: Double; var development_rent_pv: Double }
        let plan = try JSONDecoder().decode(Plan.self, from: Data(json.stdout.utf8))
        #expect(plan.exact)
        #expect(plan.changes.contains(Change(id: "us-el-paso", from: "own", to: "partner")))
        #expect(plan.rent_pv >= plan.development_rent_pv && plan.development_rent_pv > 0)
        let text = try CLI.run(["optimize", Self.hyperion, "--max-divest-mw", "0"])
        #expect(text.stdout.contains("Development rent PV"))
        #expect(text.stdout.split(separator: "\n").contains { $0.contains("us-el-paso") && $0.contains("own") && $0.contains("partner") })
        // Locking the development keeps its financing.
        let locked = try JSONDecoder().decode(Plan.self, from: Data(try CLI.run(
            ["optimize", Self.hyperion, "--max-divest-mw", "0", "--locked", "us-el-paso", "--format", "json"]).stdout.utf8))
        #expect(!locked.changes.contains { $0.id == "us-el-paso" })
    }

    @Test("usage and impossible goals are clear one-line errors")
    func errors() throws {
        #expect(try CLI.run(["optimize"]).status == 2)
        #expect(try CLI.run(["optimize", "--target-capex", "lots"]).status == 2)
        for bad in ["0", "-1", "nan", "inf"] {
            let result = try CLI.run(["optimize", "--target-capex", "1B", "--time-limit", bad])
            #expect(result.status == 2, "--time-limit \(bad)")
        }
        let far = try CLI.run(["optimize", "--target-capex", "1T"])
        #expect(far.status == 1)
        #expect(far.stderrLines.count == 1)
        #expect(far.stderr.hasPrefix("capdash: optimize: the target cannot be reached"))
        let locked = try CLI.run(["optimize", "--max-divest-mw", "0", "--locked", "nope"])
        #expect(locked.stderrLines == ["capdash: optimize: unknown facility or development id to lock: nope"])
    }

    @Test("help names the solver and the time limit")
    func help() throws {
        let help = try CLI.run(["optimize", "--help"]).stdout
        #expect(help.contains("CBC"))
        #expect(help.contains("--time-limit <SECONDS>"))
    }
}

@Suite("capdash snapshot --compare")
struct CompareSnapshotTests {
    @Test("the compare view shows both scenarios' figures and the facilities that differ")
    func compare() throws {
        let scratch = try Scratch()
        let b = try scratch.write("b.csv", try CLI.run(["report", "--divest", "us-prineville-1", "--format", "csv"]).stdout)
        let result = try CLI.run(["snapshot", "--compare", b, "--size", "120x40"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Compare · this (A) vs \(b) (B)") || result.stdout.contains("Compare · this (A) vs"))
        #expect(result.stdout.contains("us-prineville-1  retain → divest"))
        #expect(result.stdout.contains("Capex freed"))
        #expect(result.stdout.contains("Decisions that differ: 1"))
    }

    @Test("a scenario against its own CSV export names the assumptions that differ (the GPU), never silently")
    func assumptionsDiffer() throws {
        let scratch = try Scratch()
        let csv = try scratch.write("b.csv", try CLI.run(["report", "--set", "gpu.name=B200", "--format", "csv"]).stdout)
        let a = try scratch.write("a.yaml", ScenarioLoader.builtInExampleText.replacingOccurrences(of: "name: H100 SXM", with: "name: B200"))
        let diff = try CLI.run(["diff", a, csv])
        #expect(diff.status == 0)
        #expect(diff.stdout.contains("ASSUMPTIONS THAT DIFFER (1)"))
        #expect(diff.stdout.contains("gpu.name"))
        #expect(diff.stdout.contains("B200"))
        #expect(diff.stdout.contains("H100 SXM"))
    }
}

@Suite("Contribution on the command line")
struct ContributionCLITests {
    @Test("--contribute and --set contribute_retained_stake change the JSON exactly as the model says")
    func flags() throws {
        let result = try CLI.run(["report", "--contribute", "us-prineville-1", "--set", "contribute_retained_stake=0.3", "--format", "json"])
        #expect(result.status == 0)
        struct Report: Decodable {
            struct Counts: Decodable { var contribute: Int }
            struct Finance: Decodable { var retained_equity: Double; var capex_freed: Double }
            var counts: Counts
            var finance: Finance
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        #expect(report.counts.contribute == 3)  // Prineville and the example's two sites
        // Prineville and Mesa at 30%, New Albany at its own 20%.
        #expect(abs(report.finance.retained_equity - (0.3 * 520e6 + 0.3 * 110e6 + 0.2 * 600e6)) < 1e-3)
        var overrides = ScenarioOverrides()
        overrides.set(.contribute, ids: "us-prineville-1")
        overrides.addSetting("contribute_retained_stake=0.3")
        #expect(report.finance.capex_freed == evaluate(try overrides.apply(to: ScenarioLoader.builtInExample()).get()).finance.capexFreed)
        let text = try CLI.run(["report", "--contribute", "us-prineville-1"]).stdout
        #expect(text.contains("  Retained equity       $246.0M"))
        #expect(text.contains("contribute 20%"))
    }

    @Test("bad contribution inputs are one-line errors")
    func errors() throws {
        let stake = try CLI.run(["report", "--set", "contribute_retained_stake=1"])
        #expect(stake.status == 2)
        #expect(stake.stderrLines == ["capdash: --set contribute_retained_stake: expected a stake from 0 up to (not including) 1, like 0.2, found \"1\""])
        let noPrice = try CLI.run(["report", "--contribute", "us-council-bluffs-3"])
        #expect(noPrice.stderrLines == ["capdash: --contribute: us-council-bluffs-3 has no sale_price, so it cannot be sold; add one to the scenario"])
    }
}

@Suite("capdash report --format summary")
struct SummaryTests {
    @Test("one line for a chat: scenario, capex freed, GPUs, runs of the largest model, and what changed against the file")
    func summary() throws {
        let plain = try CLI.run(["report", "--format", "summary"])
        #expect(plain.status == 0)
        #expect(plain.stdout == "Legacy data-center divestiture (illustrative): capex freed $2.50B · 49,952 H100 SXM GPUs · Llama 3.1 405B 14.2 runs/yr · as in the file\n")
        let changed = try CLI.run(["report", "--format", "summary", "--divest", "us-prineville-1", "--set", "tax_rate=25%"])
        #expect(changed.stdout.hasSuffix("· 2 changes vs file: us-prineville-1 retain → divest, tax_rate 21.0% → 25.0%\n"))
        #expect(changed.stdout.split(separator: "\n").count == 1)
    }
}
