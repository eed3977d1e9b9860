import Foundation

/// The outcome of running an external program: exit status and captured output.
public struct ProcessResult: Sendable {
    /// The exit status, or the signal number when `signalled`.
    public let status: Int32
    public let stdout: String
    public let stderr: String
    /// Whether the program was ended by a signal (a crash, or killed) rather than exiting.
    public let signalled: Bool
    public var succeeded: Bool { status == 0 && !signalled }

    public init(status: Int32, stdout: String, stderr: String, signalled: Bool = false) {
        (self.status, self.stdout, self.stderr, self.signalled) = (status, stdout, stderr, signalled)
    }

    /// "exit 2" or "killed by signal 11", for error lines.
    public var exitDescription: String { signalled ? "killed by signal \(status)" : "exit \(status)" }
    /// The last non-empty lines of stderr (or stdout if stderr is empty), for one-line error messages.
    public func tail(lines: Int = 3) -> String {
        let text = stderr.isEmpty ? stdout : stderr
        return text.split(separator: "\n", omittingEmptySubsequences: true).suffix(lines).joined(separator: " | ")
    }
}

/// Runs external tools (Verilator, Yosys, the compiled testbenches) with argument arrays, never a
/// shell string, so no argument is ever re-parsed by a shell.
public enum ProcessRunner {
    /// Finds `name` on PATH; nil when absent.
    public static func which(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable` (a path or a name on PATH) with `arguments`, capturing stdout and stderr.
    /// Throws `ToolError` only when the program cannot be started at all.
    public static func run(_ executable: String, _ arguments: [String], workingDirectory: String? = nil,
                           environment: [String: String]? = nil) throws -> ProcessResult {
        try start(executable, arguments, workingDirectory: workingDirectory, environment: environment).wait()
    }

    /// Starts `executable` and returns at once; `wait()` collects its result. Lets the caller work
    /// while the tool runs (e.g. compute golden values while a simulation runs).
    public static func start(_ executable: String, _ arguments: [String], workingDirectory: String? = nil,
                             environment: [String: String]? = nil) throws -> RunningProcess {
        guard let path = which(executable) else {
            throw ToolError.toolFailed("'\(executable)' was not found on PATH")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        // Capture through temporary files: pipes can deadlock when a tool writes more than a pipe holds.
        let scratch = try ScratchSpace.makeTemporaryDirectory("proc")
        let outPath = "\(scratch)/stdout", errPath = "\(scratch)/stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        guard let outHandle = FileHandle(forWritingAtPath: outPath), let errHandle = FileHandle(forWritingAtPath: errPath) else {
            ScratchSpace.release(scratch)
            throw ToolError.toolFailed("could not capture the output of '\(executable)' in \(scratch)")
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            ScratchSpace.release(scratch)
            throw ToolError.toolFailed("could not start '\(executable)': \(SystemErrorText.reason(error))")
        }
        // Each program runs in its own process group; the interruption handler signals the group.
        if !Interruption.track(process.processIdentifier) {
            _ = kill(-process.processIdentifier, SIGKILL)
            Interruption.parkIfInterrupted()
        }
        return RunningProcess(process: process, scratch: scratch, handles: [outHandle, errHandle])
    }

    /// Runs and throws `ToolError` quoting the tool's own last lines when it exits non-zero.
    @discardableResult
    public static func check(_ executable: String, _ arguments: [String], workingDirectory: String? = nil,
                             what: String) throws -> ProcessResult {
        let result = try run(executable, arguments, workingDirectory: workingDirectory)
        guard result.succeeded else {
            throw ToolError.toolFailed("\(what) failed (\(result.exitDescription)): \(result.tail())")
        }
        return result
    }
}

/// A started external program; `wait()` blocks until it exits and returns its output.
public final class RunningProcess {
    private let process: Process
    private let scratch: String
    private let handles: [FileHandle]

    init(process: Process, scratch: String, handles: [FileHandle]) {
        self.process = process
        self.scratch = scratch
        self.handles = handles
    }

    /// The program's process id (also its process-group id).
    public var processIdentifier: pid_t { process.processIdentifier }

    /// Stops the program (if still running) and collects what it wrote.
    @discardableResult
    public func terminate() -> ProcessResult {
        if process.isRunning { process.terminate() }
        return wait()
    }

    public func wait() -> ProcessResult {
        process.waitUntilExit()
        Interruption.untrack(process.processIdentifier)
        // A program ended by our own interruption handler is not a failure to report.
        Interruption.parkIfInterrupted()
        for handle in handles { try? handle.close() }
        defer { ScratchSpace.release(scratch) }
        let out = (try? String(contentsOfFile: "\(scratch)/stdout", encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: "\(scratch)/stderr", encoding: .utf8)) ?? ""
        let signalled = process.terminationReason == .uncaughtSignal
        return ProcessResult(status: process.terminationStatus, stdout: out, stderr: err, signalled: signalled)
    }
}
