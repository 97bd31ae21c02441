import Foundation
import Testing
@testable import CapDashModel

private func loadErrors(_ path: String) -> [String] {
    do {
        _ = try ScenarioLoader.load(path: path)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

@Suite("Files that are not scenarios")
struct SourceFileTests {
    @Test("empty, blank, binary, invalid UTF-8, UTF-16, directory, missing: one clear line each")
    func badFiles() throws {
        let directory = try TemporaryDirectory()
        let p = directory.path
        try directory.write("empty.yaml", "")
        try directory.write("blank.yaml", "  \n\n")
        try directory.write("comment.yaml", "# only a comment\n")
        try directory.write("binary.yaml", bytes: [0x73, 0x0A, 0x61, 0x00, 0x62])
        try directory.write("latin1.yaml", bytes: Array("name: Z".utf8) + [0xFC] + Array("rich\n".utf8))
        try directory.write("utf16.yaml", bytes: [0xFF, 0xFE, 0x73, 0x00])
        #expect(loadErrors("\(p)/empty.yaml") == ["\(p)/empty.yaml: file is empty; expected a capdash scenario (schema: capdash/v1) or a facilities CSV"])
        #expect(loadErrors("\(p)/blank.yaml") == ["\(p)/blank.yaml: file is empty; expected a capdash scenario (schema: capdash/v1) or a facilities CSV"])
        #expect(loadErrors("\(p)/comment.yaml") == ["\(p)/comment.yaml: file has no YAML content; expected a capdash scenario (schema: capdash/v1)"])
        #expect(loadErrors("\(p)/binary.yaml") == ["\(p)/binary.yaml:2:2: file looks binary (a NUL byte); expected YAML or CSV text"])
        #expect(loadErrors("\(p)/latin1.yaml") == ["\(p)/latin1.yaml:1:8: file is not valid UTF-8 (byte 0xFC); save it as UTF-8"])
        #expect(loadErrors("\(p)/utf16.yaml") == ["\(p)/utf16.yaml:1:1: file is UTF-16; save it as UTF-8"])
        #expect(loadErrors(p) == ["\(p): is a directory; expected a scenario file (.yaml or .csv)"])
        #expect(loadErrors("\(p)/missing.yaml") == ["\(p)/missing.yaml: no such file"])
    }

    @Test("a file over 256 MiB is refused before it is read")
    func tooLarge() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(SourceFile.sizeLimit) + 1)
        try handle.close()
        #expect(loadErrors(path) == ["\(path): file is 256 MiB; the limit is 256 MiB"])
    }

    @Test("a FIFO is refused without blocking")
    func fifo() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/pipe.yaml"
        #expect(mkfifo(path, 0o600) == 0)
        #expect(loadErrors(path) == ["\(path): is not a regular file; expected a scenario file (.yaml or .csv)"])
    }

    @Test("UTF-8 validation catches overlongs, surrogates and truncation")
    func utf8() {
        #expect(SourceFile.firstInvalidUTF8(Array("ok é 東 🚀".utf8)) == nil)
        #expect(SourceFile.firstInvalidUTF8([0x61, 0xC0, 0x80]) == 1)  // overlong NUL
        #expect(SourceFile.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)  // surrogate
        #expect(SourceFile.firstInvalidUTF8([0x61, 0x62, 0xE6, 0x9D]) == 2)  // cut short
    }

    @Test("a UTF-8 BOM is accepted")
    func bom() throws {
        let directory = try TemporaryDirectory()
        try directory.write("bom.yaml", "\u{FEFF}" + header + facilityYAML())
        #expect(try ScenarioLoader.load(path: directory.path + "/bom.yaml").facilities.count == 1)
    }
}
