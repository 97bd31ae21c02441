import Foundation
import Testing

/// docs/capdash.1 is generated from the argument parser's definitions (Scripts/generate-manual.sh).
/// These tests hold it to the binary's own `--experimental-dump-help`, so a command or option
/// added, renamed or removed without regenerating fails here.
@Suite("The man page in docs/ is current")
struct ManPageTests {
    static let manPage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/capdash.1")
    static let regenerate = "docs/capdash.1 is out of date; run Scripts/generate-manual.sh (see docs/cli.md)"

    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var arguments: [Argument]?
        var subcommands: [Command]?
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }

        var kind: String
        var names: [Name]?
        var valueName: String?
        var abstract: String?
        var shouldDisplay: Bool
    }

    struct ToolInfo: Decodable {
        var command: Command
    }

    static func toolInfo() throws -> Command {
        let result = try CLI.run(["--experimental-dump-help"])
        #expect(result.status == 0)
        return try JSONDecoder().decode(ToolInfo.self, from: Data(result.stdout.utf8)).command
    }

    /// Text as mdoc shows it, for comparing: escapes undone, macro dots and quotes dropped,
    /// non-ASCII dropped (the generator drops it), whitespace collapsed.
    static func normalized(_ text: String) -> String {
        let unescaped = text.replacingOccurrences(of: "\\(dq", with: "").replacingOccurrences(of: "\\e", with: "\\")
            .replacingOccurrences(of: "\\&", with: "").replacingOccurrences(of: "\"", with: "")
        let lines = unescaped.split(separator: "\n").filter { !$0.hasPrefix(".\\\"") && !$0.hasPrefix(".Dd ") }
            .map { $0.hasPrefix(".") ? $0.dropFirst() : $0 }
        let ascii = String(String.UnicodeScalarView(lines.joined(separator: " ").unicodeScalars.filter(\.isASCII)))
        return ascii.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// What the man page must show for a command, in order: its name, abstract and
    /// discussion, then each displayed argument's names, value and abstract.
    static func expectedFragments(_ command: Command, isRoot: Bool) -> [String] {
        var fragments: [String] = isRoot ? [] : ["It Em \(command.commandName)"]
        fragments += [command.abstract, command.discussion].compactMap { $0 }.filter { !$0.isEmpty }
        for argument in command.arguments ?? [] where argument.shouldDisplay {
            // As the generator writes an item: short names first, then long ones, then the value.
            let names = (argument.names ?? []).sorted { ($0.kind == "short" ? 0 : 1) < ($1.kind == "short" ? 0 : 1) }
                .map { $0.kind == "short" ? $0.name : "-" + $0.name }
            switch argument.kind {
            case "positional": fragments.append("It Ar \(argument.valueName ?? "")")
            case "option": fragments.append("It Fl \(names.joined(separator: " , ")) Ar \(argument.valueName ?? "")")
            default: fragments.append("It Fl \(names.joined(separator: " , "))")
            }
            if let abstract = argument.abstract, !abstract.isEmpty { fragments.append(abstract) }
        }
        for subcommand in command.subcommands ?? [] {
            fragments += expectedFragments(subcommand, isRoot: false)
        }
        return fragments.map(normalized).filter { !$0.isEmpty }
    }

    @Test("the man page lists every command and option, with its help, in the parser's order")
    func everythingIsThere() throws {
        let page = Self.normalized(try String(contentsOf: Self.manPage, encoding: .utf8))
        var position = page.startIndex
        var missing: [String] = []
        for fragment in Self.expectedFragments(try Self.toolInfo(), isRoot: true) {
            if let found = page.range(of: fragment, range: position..<page.endIndex) {
                position = found.upperBound
            } else {
                missing.append(fragment)
            }
        }
        #expect(missing.isEmpty, "\(Self.regenerate); missing or out of order: \(missing)")
    }

    @Test("the man page lists no command or option the binary no longer has")
    func nothingStale() throws {
        let root = try Self.toolInfo()
        var commands: Set<String> = []
        var longNames: Set<String> = []
        func walk(_ command: Command) {
            commands.insert(command.commandName)
            for argument in command.arguments ?? [] {
                for name in argument.names ?? [] where name.kind == "long" { longNames.insert(name.name) }
            }
            command.subcommands?.forEach(walk)
        }
        walk(root)
        let page = try String(contentsOf: Self.manPage, encoding: .utf8)
        for line in page.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            if words.starts(with: [".It", "Em"]), words.count >= 3 {
                #expect(commands.contains(words[2]), "\(Self.regenerate): command \(words[2]) is gone")
            }
            for (index, word) in words.enumerated() where word.hasPrefix("-") && word.count > 2 && index > 0
                && ["Fl", ","].contains(words[index - 1])
            {
                #expect(longNames.contains(String(word.dropFirst())), "\(Self.regenerate): option \(word) is gone")
            }
        }
    }

    @Test("the man page is the argument parser's, for capdash in section 1")
    func header() throws {
        let page = try String(contentsOf: Self.manPage, encoding: .utf8)
        #expect(page.hasPrefix(".\\\" \"Generated by swift-argument-parser\"\n"))
        #expect(page.contains("\n.Dt CAPDASH 1\n"))
        #expect(page.contains("\n.Nm capdash\n"))
    }
}
