import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A big file is never a silent wait: commands draw a progress line on standard
/// error while a file loads, but only on a terminal, and only once loading has
/// taken a while (CAPDASH_PROGRESS_AFTER=0 makes that at once, for these tests).
@Suite("Loading progress on standard error", .serialized)
struct LoadingProgressTests {
    static let portfolio = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/portfolios/seed1.csv").path

    @Test("a terminal on standard error gets a progress line, erased before anything else is said")
    func terminal() throws {
        var controller: Int32 = -1
        var terminal: Int32 = -1
        #expect(openpty(&controller, &terminal, nil, nil, nil) == 0)
        defer { close(controller) }
        let result = try CLI.run(
            ["check", Self.portfolio], environment: ["CAPDASH_PROGRESS_AFTER": "0"],
            standardError: FileHandle(fileDescriptor: terminal, closeOnDealloc: true))
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("OK (2000 facilities, 248 warnings)\n"))
        // Everything the terminal got, read without waiting once it is all there.
        var seen = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        _ = fcntl(controller, F_SETFL, fcntl(controller, F_GETFL) | O_NONBLOCK)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(controller, $0.baseAddress!, $0.count) }
            if count <= 0 { break }
            seen += chunk[..<count]
        }
        let text = String(decoding: seen, as: UTF8.self)
        #expect(text.hasPrefix("\r" + "capdash: reading \(Self.portfolio): 2,000 rows, 0.2 of 0.2 MB\u{1B}[K"), "got: \(text.prefix(200).debugDescription)")
        // Erased, then the warnings as ever.
        #expect(text.contains("\r\u{1B}[Kwarning: "))
    }

    @Test("a pipe gets no progress line, even when loading is slow enough for one")
    func pipe() throws {
        let quiet = try CLI.run(["check", Self.portfolio])
        let hurried = try CLI.run(["check", Self.portfolio], environment: ["CAPDASH_PROGRESS_AFTER": "0"])
        #expect(hurried.stderr == quiet.stderr)
        #expect(!hurried.stderr.contains("reading"))
        #expect(hurried.stdout == quiet.stdout)
    }
}
