#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ScenarioLoader {
    /// How diagnostics name a scenario read from standard input (`-` as FILE).
    /// It has no slash, so a `facilities_csv` inside resolves against the current directory.
    public static let standardInputName = "<stdin>"

    /// A scenario piped in: a bare facilities CSV when its first line is a CSV header
    /// naming an `id` column (it has a comma, a field that is `id`, and no colon, which
    /// every YAML scenario's first key has), YAML otherwise.
    public static func load(standardInput raw: [UInt8]) throws(ScenarioLoadError) -> Scenario {
        let bytes = try SourceFile.text(raw, displayName: standardInputName)
        if startsWithCSVHeader(bytes) {
            return try loadCSV(bytes, file: standardInputName)
        }
        return try loadYAML(bytes, file: standardInputName)
    }

    static func startsWithCSVHeader(_ bytes: [UInt8]) -> Bool {
        let firstLine = String(decoding: bytes.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
        guard firstLine.contains(","), !firstLine.contains(":") else { return false }
        return firstLine.split(separator: ",", omittingEmptySubsequences: false).contains { field in
            let name = String(field).trimmingSpaces().lowercased()
            return name == "id" || name == "\"id\""
        }
    }
}

extension SourceFile {
    /// Everything on standard input, refused past the same size limit as a file.
    public static func readStandardInput(displayName: String) throws(ScenarioLoadError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ScenarioLoadError([.error(file: displayName, at: nil, "", "cannot read it: \(errorText(errno))")])
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
            if bytes.count > sizeLimit {
                throw ScenarioLoadError([.error(file: displayName, at: nil, "", "input is over the 256 MiB limit")])
            }
        }
    }
}
