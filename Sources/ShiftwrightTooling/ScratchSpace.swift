import Foundation

/// Temporary files and folders of one run (simulation vectors in /dev/shm, Verilator build
/// folders in the cache, Yosys work folders, staged outputs). Each name carries the owner's
/// process id (`<prefix>-p<pid>-<uuid>`) and is registered until released, so that an
/// interrupted run removes what it made (`Interruption`) and a later run removes what a killed
/// one left behind (`removeStale`).
public enum ScratchSpace {
    private static let registry = Registry()

    /// A fresh name `<prefix>-p<pid>-<uuid>`; `prefix` may start with a dot.
    public static func name(_ prefix: String) -> String { "\(prefix)-p\(getpid())-\(UUID().uuidString)" }

    /// Creates and registers a folder `<parent>/<prefix>-p<pid>-<uuid>` (parents included).
    public static func makeDirectory(_ prefix: String, in parent: String) throws -> String {
        let path = "\(parent)/\(name(prefix))"
        register(path)
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            release(path)
            throw ToolError("cannot create the temporary folder \(path): \(SystemErrorText.reason(error))")
        }
        return path
    }

    /// A registered folder under the system's temporary directory, e.g. `shiftwright-yosys-p12-…`.
    public static func makeTemporaryDirectory(_ prefix: String) throws -> String {
        try makeDirectory("shiftwright-\(prefix)", in: temporaryRoot)
    }

    /// The system's temporary directory, without a trailing slash.
    public static var temporaryRoot: String {
        let path = FileManager.default.temporaryDirectory.path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// Marks `path` for removal if the run is interrupted before `release`.
    public static func register(_ path: String) { registry.insert(path) }

    /// Removes `path` (if present) and forgets it.
    public static func release(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
        registry.remove(path)
    }

    /// Forgets `path` without removing it (it was renamed into place).
    public static func forget(_ path: String) { registry.remove(path) }

    /// Removes every registered path; called once when the run is interrupted.
    static func removeAll() {
        for path in registry.drain() { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Removes entries of `directory` named by `name(_:)` whose owner process no longer exists
    /// (a run killed with SIGKILL). Entries of live processes, and every other name, are kept.
    public static func removeStale(in directory: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries {
            guard let pid = ownerPID(of: entry), pid != getpid(), !processExists(pid) else { continue }
            try? FileManager.default.removeItem(atPath: "\(directory)/\(entry)")
        }
    }

    /// Removes what killed runs left in the places every run uses: /dev/shm, the temporary
    /// directory and the Verilator build cache. Called once at the start of each command.
    public static func removeStaleRunFiles() {
        for directory in ["/dev/shm", temporaryRoot, "\(CacheDirectory.root)/verilator"] { removeStale(in: directory) }
    }

    /// The owner process id in a name made by `name(_:)`, or nil for any other name.
    static func ownerPID(of entry: String) -> pid_t? {
        // …-p<digits>-<36-character UUID>
        guard entry.count > 38 else { return nil }
        let uuid = entry.suffix(36)
        guard UUID(uuidString: String(uuid)) != nil else { return nil }
        let head = entry.dropLast(37)
        guard entry.dropFirst(head.count).first == "-",
              let p = head.lastIndex(of: "p"), p > head.startIndex, head[head.index(before: p)] == "-" else { return nil }
        let digits = head[head.index(after: p)...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let pid = pid_t(digits), pid > 0 else { return nil }
        return pid
    }

    /// Whether a process with this id exists (permission to signal it aside).
    static func processExists(_ pid: pid_t) -> Bool { kill(pid, 0) == 0 || errno != ESRCH }

    /// The registered paths, under a lock.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var paths = Set<String>()
        func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
        func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }
        func drain() -> [String] { lock.withLock { defer { paths.removeAll() }; return Array(paths) } }
    }
}
