import Foundation

/// Progress of a long job on stderr, so a Verilator build or a synthesis is never silent: once it
/// has run `interval` seconds, a line every `interval` seconds with the time elapsed, and one when
/// it ends (jobs shorter than that stay silent). Shown
/// when stderr is a terminal or `SHIFTWRIGHT_PROGRESS=1` (so CI logs opt in and scripted stderr
/// stays one error line); with a known count of steps, `ProgressEstimate` adds the time left.
public enum Heartbeat {
    /// Whether progress lines are written.
    public static var enabled: Bool {
        if let flag = ProcessInfo.processInfo.environment["SHIFTWRIGHT_PROGRESS"], !flag.isEmpty { return flag == "1" }
        return isatty(STDERR_FILENO) != 0
    }

    /// Runs `body`, reporting `label` ("Verilator: building pe_x") while it runs.
    public static func run<T>(_ label: String, every interval: Double = 10, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = Date()
        let ticks = Ticks()
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler {
            ticks.add()
            write(String(format: "%@: %.0f s elapsed", label, Date().timeIntervalSince(start)))
        }
        timer.resume()
        defer {
            timer.cancel()
            if ticks.count > 0 { write(String(format: "%@: done in %.1f s", label, Date().timeIntervalSince(start))) }
        }
        return try body()
    }

    /// How many progress lines a job printed (the timer's queue and the caller share it).
    private final class Ticks: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    static func write(_ line: String) {
        FileHandle.standardError.write(Data("shiftwright: \(line)\n".utf8))
    }
}

/// Elapsed and remaining time of a job of `total` equal-ish steps, e.g. "12 s elapsed, ~30 s left".
public struct ProgressEstimate: Sendable {
    public let start: Date
    public let total: Int
    public init(total: Int, start: Date = Date()) { (self.total, self.start) = (total, start) }

    /// The elapsed and remaining time after `done` steps (remaining: the mean step time so far).
    public func text(done: Int, now: Date = Date()) -> String {
        let elapsed = now.timeIntervalSince(start)
        guard done > 0, done < total else { return String(format: "%.0f s elapsed", elapsed) }
        let left = elapsed / Double(done) * Double(total - done)
        return String(format: "%.0f s elapsed, ~%.0f s left", elapsed, left)
    }
}
