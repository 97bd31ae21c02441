import Foundation
import Testing

@Suite("What terminal users expect: --version and the root help", .serialized)
struct CommandLineConventionsTests {
    @Test("--version prints the version and exits 0, on the root and on subcommands")
    func version() throws {
        for arguments in [["--version"], ["report", "--version"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 0)
            #expect(result.stdout == "0.3.0\n")
            #expect(result.stderr.isEmpty)
        }
    }
}
