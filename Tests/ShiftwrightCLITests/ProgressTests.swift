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
}
