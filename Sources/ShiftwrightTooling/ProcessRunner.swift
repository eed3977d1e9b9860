import Foundation

/// The outcome of running an external program: exit status and captured output.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
    public var succeeded: Bool { status == 0 }
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
            throw ToolError("'\(executable)' was not found on PATH")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        // Capture through temporary files: pipes can deadlock when a tool writes more than a pipe holds.
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("shiftwright-proc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            try? FileManager.default.removeItem(at: scratch)
            throw ToolError("could not start '\(executable)': \(error.localizedDescription)")
        }
        return RunningProcess(process: process, scratch: scratch, handles: [outHandle, errHandle])
    }

    /// Runs and throws `ToolError` quoting the tool's own last lines when it exits non-zero.
    @discardableResult
    public static func check(_ executable: String, _ arguments: [String], workingDirectory: String? = nil,
                             what: String) throws -> ProcessResult {
        let result = try run(executable, arguments, workingDirectory: workingDirectory)
        guard result.succeeded else {
            throw ToolError("\(what) failed (exit \(result.status)): \(result.tail())")
        }
        return result
    }
}

/// A started external program; `wait()` blocks until it exits and returns its output.
public final class RunningProcess {
    private let process: Process
    private let scratch: URL
    private let handles: [FileHandle]

    init(process: Process, scratch: URL, handles: [FileHandle]) {
        self.process = process
        self.scratch = scratch
        self.handles = handles
    }

    /// Stops the program (if still running) and collects what it wrote.
    @discardableResult
    public func terminate() -> ProcessResult {
        if process.isRunning { process.terminate() }
        return wait()
    }

    public func wait() -> ProcessResult {
        process.waitUntilExit()
        for handle in handles { try? handle.close() }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = (try? String(contentsOf: scratch.appendingPathComponent("stdout"), encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: scratch.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
        return ProcessResult(status: process.terminationStatus, stdout: out, stderr: err)
    }
}
