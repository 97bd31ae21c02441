import Foundation

/// A tmux server of our own (private socket), running a shell in which the
/// real capdash binary is started. Only this server is ever killed.
final class TmuxSession {
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    let socket = "capdash-e2e-" + UUID().uuidString.prefix(8)
    let directory: String

    init(width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        directory = NSTemporaryDirectory() + "capdash-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        unsetenv("NO_COLOR")
        var arguments = ["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-c", directory]
        // Inside tmux the right TERM is tmux's own (xterm's terminfo uses sequences tmux lacks).
        // Recovery files that cannot go beside a scenario (its folder already removed when the
        // server is killed at the end) land in this session's folder, never the user's state folder.
        let env = ["LANG": "C.UTF-8", "TERM": "tmux-256color", "PS1": "$ ", "XDG_STATE_HOME": directory + "/state"]
            .merging(environment) { $1 }
        for (key, value) in env.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        // swift test sets NO_COLOR for its children; the shell runs without it unless a test asks.
        if environment["NO_COLOR"] == nil { arguments += ["env", "-u", "NO_COLOR"] }
        arguments += ["bash", "--norc", "--noprofile"]
        try tmux(arguments)
        // The shell must be ready before keys are sent.
        _ = waitFor(timeout: 5) { $0.contains("$") }
    }

    deinit {
        let socketPath = display("#{socket_path}")
        _ = try? tmux(["kill-server"])
        if socketPath.hasSuffix(socket) { unlink(socketPath) }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The binary SwiftPM built next to the test bundle.
    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("capdash").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/capdash").path
    }

    /// Runs a tmux command on our socket and returns what it printed.
    @discardableResult
    func tmux(_ arguments: [String], output: Bool = false) throws -> String {
        try spawn(["tmux", "-L", socket] + arguments)
    }

    /// Types a shell command line and presses Enter.
    func run(_ command: String) throws {
        try tmux(["send-keys", "-l", command])
        try tmux(["send-keys", "Enter"])
    }

    /// Sends tmux key names (`j`, `Space`, `C-r`, `Escape`).
    func keys(_ names: String...) throws {
        try tmux(["send-keys"] + names)
    }

    /// The screen as text, trailing spaces trimmed.
    func capture(escapes: Bool = false) -> String {
        let text = (try? tmux(["capture-pane", "-p"] + (escapes ? ["-e"] : []), output: true)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                var line = String(line)
                while line.hasSuffix(" ") { line.removeLast() }
                return line
            }
            .joined(separator: "\n")
    }

    /// Polls the screen until `condition` holds; returns the last screen either way.
    func waitFor(timeout: Double = 10, _ condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !condition(screen) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            screen = capture()
        }
        return screen
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    func display(_ format: String) -> String {
        ((try? tmux(["display-message", "-p", format], output: true)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// Runs the capdash binary to completion (for `report` and `snapshot`).
func runCapdash(_ arguments: [String]) throws -> String {
    try spawn([TmuxSession.binary] + arguments)
}

struct SpawnFailure: Error {
    var command: [String]
}

/// posix_spawn and waitpid, reading standard output through a temporary file.
/// (Foundation's Process waits for every inherited descriptor to close, so a
/// command that starts a daemon, like the first tmux call, would never return.)
@discardableResult
func spawn(_ command: [String]) throws -> String {
    let outputPath = NSTemporaryDirectory() + "capdash-spawn-" + UUID().uuidString
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = command.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    // The test runner blocks some signals; the child (and a tmux server it starts) must not inherit that.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for number in [SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, number) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    guard posix_spawnp(&pid, command[0], &actions, &attributes, argv, environ) == 0 else { throw SpawnFailure(command: command) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
}
