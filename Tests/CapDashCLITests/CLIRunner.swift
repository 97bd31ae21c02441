import Foundation

/// The result of running the real `capdash` binary.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Killed by a signal (a trap is SIGILL or SIGTRAP), rather than exiting.
    var signaled = false

    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

enum CLI {
    /// The binary SwiftPM built next to this test bundle.
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("capdash")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        // `swift test` may run the bundle through a helper; fall back to the package's build folder.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/capdash")
    }

    /// Runs capdash; `input`, when given, is piped to its standard input, else `standardInput`
    /// is, else /dev/null.
    static func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], input: String? = nil,
        standardInput: FileHandle = .nullDevice
    ) throws -> CLIResult {
        try launch(binary, arguments, in: directory, environment: environment, input: input, standardInput: standardInput)
    }

    /// Runs capdash with standard output and/or standard error going to the given
    /// files (a mknod'ed device, say) instead of the pipes the result reads.
    static func run(
        _ arguments: [String], in directory: String? = nil, standardOutput: FileHandle? = nil, standardError: FileHandle? = nil
    ) throws -> CLIResult {
        try launch(binary, arguments, in: directory, standardOutput: standardOutput, standardError: standardError)
    }

    /// Runs capdash with standard error going to `standardError` (a terminal, say) and the given environment.
    static func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String], standardError: FileHandle
    ) throws -> CLIResult {
        try launch(binary, arguments, in: directory, environment: environment, standardError: standardError)
    }

    /// Runs capdash through `/bin/sh -c 'exec capdash ARGS REDIRECTION'`, for what
    /// Process cannot arrange itself, like a closed descriptor (`>&-`, `2>&-`).
    static func run(_ arguments: [String], in directory: String? = nil, shellRedirection: String) throws -> CLIResult {
        try launch(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "exec \"$0\" \"$@\" " + shellRedirection, binary.path] + arguments,
            in: directory)
    }

    private static func launch(
        _ executable: URL, _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
        standardOutput: FileHandle? = nil, standardError: FileHandle? = nil, input: String? = nil,
        standardInput: FileHandle = .nullDevice
    ) throws -> CLIResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = standardError ?? err
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? standardInput
        try process.run()
        // Our copies of the write ends must go, or reading would never see the end.
        if standardOutput != nil { try out.fileHandleForWriting.close() }
        if standardError != nil { try err.fileHandleForWriting.close() }
        // Read both pipes while the process runs, so a large report cannot fill a pipe and stall it.
        let group = DispatchGroup()
        if let inputPipe, let input {
            signal(SIGPIPE, SIG_IGN)  // so a capdash that stops reading cannot kill the test process
            DispatchQueue.global().async(group: group) {
                // capdash may exit before reading it all (a usage error); a closed pipe is not a test failure.
                try? inputPipe.fileHandleForWriting.write(contentsOf: Data(input.utf8))
                try? inputPipe.fileHandleForWriting.close()
            }
        }
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), signaled: process.terminationReason == .uncaughtSignal)
    }
}

/// A scratch directory removed when the test's value goes away.
final class Scratch {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "capdash-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }

    var files: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? [] }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
