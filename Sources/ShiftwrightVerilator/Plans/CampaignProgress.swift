import Foundation
import Synchronization

/// Progress of a long co-simulation on stderr: vectors done, elapsed time and an estimate of the
/// time left, at most every `interval` seconds and only once a run has lasted that long (short
/// runs stay silent). Shared by the workers of one campaign.
final class CampaignProgress: Sendable {
    private let total: Int
    private let interval: Double
    private let start = Date()
    private let done = Atomic<Int>(0)
    private let lastReport: Mutex<Double>

    init(total: Int, interval: Double = 5) {
        self.total = total
        self.interval = interval
        lastReport = Mutex(0)
    }

    /// Records `rows` more simulated and checked rows; reports when the interval has passed.
    func advance(_ rows: Int) {
        let now = done.add(rows, ordering: .relaxed).newValue
        let elapsed = Date().timeIntervalSince(start)
        let due = lastReport.withLock { last -> Bool in
            guard elapsed - last >= interval else { return false }
            last = elapsed
            return true
        }
        guard due, now > 0 else { return }
        let left = elapsed * Double(total - now) / Double(now)
        let line = String(format: "shiftwright: co-simulation: %.1f M of %.1f M vectors (%.0f%%), %.0f s elapsed, about %.0f s left\n",
                          Double(now) / 1e6, Double(total) / 1e6, 100 * Double(now) / Double(max(total, 1)), elapsed, left)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
