import Foundation
import Testing
import ShiftwrightTooling

/// Progress lines of counted jobs (sweeps, reports) give the time left from the mean step so far.
@Suite struct ProgressTests {
    @Test func remainingTimeIsTheMeanStepTimesTheStepsLeft() {
        let start = Date(timeIntervalSince1970: 1000)
        let estimate = ProgressEstimate(total: 4, start: start)
        #expect(estimate.text(done: 1, now: start.addingTimeInterval(10)) == "10 s elapsed, ~30 s left")
        #expect(estimate.text(done: 3, now: start.addingTimeInterval(30)) == "30 s elapsed, ~10 s left")
        #expect(estimate.text(done: 4, now: start.addingTimeInterval(41)) == "41 s elapsed")
        #expect(estimate.text(done: 0, now: start.addingTimeInterval(2)) == "2 s elapsed")
    }

    /// A job shorter than the interval prints nothing, whatever the setting.
    @Test func shortJobsAreSilentAndReturnTheirValue() throws {
        #expect(Heartbeat.run("quick", every: 60) { 42 } == 42)
        #expect(throws: ToolError.self) { try Heartbeat.run("failing", every: 60) { throw ToolError("x") } }
    }

    /// Jobs without countable steps (a Verilator build) estimate their time from the three earlier
    /// jobs nearest in size, each scaled linearly: 100 B in 10 s, 200 B in 20 s and 1000 B in 50 s
    /// give, for 150 B, (15 + 15 + 7.5) / 3 = 12.5 s.
    @Test func buildTimeIsEstimatedFromEarlierJobsOfSimilarSize() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sw-timings-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let history = DurationHistory(kind: "verilator-build", directory: dir)
        #expect(history.expectedSeconds(size: 150) == nil, "no history, no estimate")
        history.record(size: 100, seconds: 10)
        history.record(size: 200, seconds: 20)
        history.record(size: 1000, seconds: 50)
        history.record(size: 100_000, seconds: 900)
        #expect(history.expectedSeconds(size: 150) == 12.5)
        // Only the newest `capacity` samples are kept.
        for i in 0..<DurationHistory.capacity { history.record(size: 5000 + i, seconds: 1) }
        #expect(history.samples.count == DurationHistory.capacity)
        #expect(!history.samples.contains { $0.size == 100 })
        // A damaged history file means no estimate, not an error.
        try Data("not json".utf8).write(to: URL(fileURLWithPath: "\(dir)/verilator-build.json"))
        #expect(history.expectedSeconds(size: 150) == nil)
    }

    @Test func progressLinesSayWhatIsLeftOrThatTheEstimateWasExceeded() {
        #expect(Heartbeat.elapsedText(20, expected: nil) == "20 s elapsed")
        #expect(Heartbeat.elapsedText(20, expected: 45) == "20 s elapsed, ~25 s left (from earlier runs)")
        #expect(Heartbeat.elapsedText(50, expected: 40) == "50 s elapsed (earlier runs of this size took ~40 s)")
    }

    /// The kind becomes a file name: path syntax in it cannot leave the timings folder.
    @Test func historyKindsCannotNameAnotherFolder() {
        #expect(DurationHistory(kind: "../../etc/x", directory: "/tmp/t").path == "/tmp/t/______etc_x.json")
    }
}
