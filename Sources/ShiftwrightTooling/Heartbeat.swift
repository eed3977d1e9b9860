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

    /// Runs `body`, reporting `label` ("Verilator: building pe_x") while it runs; with
    /// `expectedSeconds` each line also says about how long is left.
    public static func run<T>(_ label: String, every interval: Double = 10, expectedSeconds: Double? = nil,
                              _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = Date()
        let ticks = Ticks()
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler {
            ticks.add()
            write("\(label): " + elapsedText(Date().timeIntervalSince(start), expected: expectedSeconds))
        }
        timer.resume()
        defer {
            timer.cancel()
            if ticks.count > 0 { write(String(format: "%@: done in %.1f s", label, Date().timeIntervalSince(start))) }
        }
        return try body()
    }

    /// Runs `body` as a job of `size` of the kind `history` keeps: progress lines carry the time
    /// left estimated from earlier jobs of that kind, and this job's time is recorded for the next.
    public static func run<T>(_ label: String, every interval: Double = 10, history: DurationHistory, size: Int,
                              _ body: () throws -> T) rethrows -> T {
        let start = Date()
        let value = try run(label, every: interval, expectedSeconds: history.expectedSeconds(size: size), body)
        history.record(size: size, seconds: Date().timeIntervalSince(start))
        return value
    }

    /// "12 s elapsed", with an estimate "12 s elapsed, ~30 s left (from earlier runs)", or, past
    /// the estimate, "50 s elapsed (earlier runs took ~40 s)".
    public static func elapsedText(_ elapsed: Double, expected: Double?) -> String {
        let base = String(format: "%.0f s elapsed", elapsed)
        guard let expected else { return base }
        if elapsed < expected { return base + String(format: ", ~%.0f s left (from earlier runs)", expected - elapsed) }
        return base + String(format: " (earlier runs of this size took ~%.0f s)", expected)
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
