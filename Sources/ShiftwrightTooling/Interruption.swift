import Foundation

/// Clean interruption: on SIGINT or SIGTERM the run ends every external program it started
/// (each runs in its own process group, so the whole group is signalled: make, g++, the
/// simulator), removes its temporary files (`ScratchSpace`), prints one
/// `shiftwright: error: interrupted …` line and exits 130 (SIGINT) or 143 (SIGTERM).
public enum Interruption {
    private static let children = ChildRegistry()
    // The write end of the pipe the signal handler writes the signal number into (the only
    // async-signal-safe way out of a handler); -1 until `install` runs.
    nonisolated(unsafe) private static var pipeWrite: Int32 = -1

    /// Installs the SIGINT and SIGTERM handlers and the thread that acts on them. Call once, first.
    public static func install() {
        // A parent may start us with the signals blocked (threads of a test runner do); every
        // thread made from here on inherits this mask.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        pipeWrite = fds[1]
        let readEnd = fds[0]
        let thread = Thread {
            var signal: UInt8 = 0
            while read(readEnd, &signal, 1) != 1 {}
            stop(signal: Int32(signal))
        }
        thread.start()
        for sig in [SIGINT, SIGTERM] {
            // A handler (not SIG_IGN) resets to the default in every program we start.
            _ = Foundation.signal(sig) { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(Interruption.pipeWriteEnd, &byte, 1)
            }
        }
    }

    /// Read by the signal handler; a plain stored value, initialized before the handler exists.
    static var pipeWriteEnd: Int32 { pipeWrite }

    /// Whether an interruption is being handled (no new program may start).
    public static var isInterrupted: Bool { children.isStopping }

    /// Records a started program (by process id, which is also its process-group id); false when
    /// the run is already being interrupted, and the caller must end the program itself.
    static func track(_ pid: pid_t) -> Bool { children.insert(pid) }

    /// Forgets a program that has exited.
    static func untrack(_ pid: pid_t) { children.remove(pid) }

    /// Ends the children (SIGTERM to each group, SIGKILL after a grace period), removes the
    /// temporary files and exits with 128 + the signal number.
    static func stop(signal: Int32) -> Never {
        let pids = children.stopAll()
        for pid in pids { _ = kill(-pid, SIGTERM); _ = kill(pid, SIGTERM) }
        let deadline = Date().addingTimeInterval(2)
        while Date() < deadline && pids.contains(where: { groupExists($0) }) { usleep(20_000) }
        for pid in pids where groupExists(pid) { _ = kill(-pid, SIGKILL); _ = kill(pid, SIGKILL) }
        // Let the killed programs release the files before they are removed.
        let killDeadline = Date().addingTimeInterval(1)
        while Date() < killDeadline && pids.contains(where: { groupExists($0) }) { usleep(10_000) }
        // An all-or-nothing output being committed finishes (or rolls back) first.
        commitLock.lock()
        ScratchSpace.removeAll()
        let name = signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"
        let line = "shiftwright: error: interrupted by \(name); stopped \(pids.count) running program\(pids.count == 1 ? "" : "s") and removed the temporary files\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
        _exit(128 + signal)
    }

    /// Held while outputs are renamed into place, so an interruption never lands between two renames.
    private static let commitLock = NSLock()

    /// Runs `body` (the commit of an all-or-nothing output) without being cut by an interruption.
    static func uninterrupted<T>(_ body: () throws -> T) rethrows -> T {
        commitLock.lock()
        defer { commitLock.unlock() }
        return try body()
    }

    /// Blocks the calling thread for good when an interruption is being handled (the handler
    /// exits the process), so a program that died of our own signal is not reported as failed.
    public static func parkIfInterrupted() {
        guard isInterrupted else { return }
        while true { sleep(60) }
    }

    /// Whether any process of the group `pid` still exists.
    private static func groupExists(_ pgid: pid_t) -> Bool { kill(-pgid, 0) == 0 || errno == EPERM }

    /// The running children, under a lock.
    private final class ChildRegistry: @unchecked Sendable {
        private let lock = NSLock()
        private var pids = Set<pid_t>()
        private var stopping = false
        var isStopping: Bool { lock.withLock { stopping } }
        func insert(_ pid: pid_t) -> Bool { lock.withLock { if stopping { return false }; pids.insert(pid); return true } }
        func remove(_ pid: pid_t) { lock.withLock { _ = pids.remove(pid) } }
        func stopAll() -> [pid_t] { lock.withLock { stopping = true; return Array(pids) } }
    }
}
