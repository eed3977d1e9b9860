import Foundation
import Testing
import ShiftwrightVerilator
import ShiftwrightFlows
import ShiftwrightFormats
import ShiftwrightGenerators

/// Every (acc, shift) pair of a 16-bit accumulator and a 6-bit shift (2^22 vectors) through the
/// Verilated requantizers of the default targets (plus the tier reading, whose codes are not
/// monotone in value), each output compared with the golden model — through the same plans
/// `shiftwright verify requant` uses, in one batched Verilator build.
@Suite struct RequantExhaustiveTests {
    static func defaultConfigs() throws -> [RequantizerConfig] {
        try ["int8", "afp-e3m2", "ausn-b3s2", "ausn-b3t2"].map {
            try RequantizerConfig(accumulatorWidth: 16, shiftBits: 6, target: try NumberFormat(parsing: $0))
        }
    }

    @Test func defaultTargetsMatchTheGoldenModelForEveryInput() throws {
        let start = Date()
        let plans = try Self.defaultConfigs().map { RequantVerification.plan($0, module: try RequantizerGenerator.module($0)) }
        let outcomes = try BatchRunner.run(plans, name: "requant_exhaustive")
        #expect(outcomes.count == 4)
        for outcome in outcomes {
            #expect(outcome.coverage == "exhaustive: all \(1 << 22) (acc, shift) pairs", "\(outcome.design): \(outcome.coverage)")
            #expect(outcome.passed, "\(outcome.design): \(outcome.mismatch ?? "")")
        }
        print("RequantExhaustiveTests: 4 x 2^22 vectors in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
    }
}
