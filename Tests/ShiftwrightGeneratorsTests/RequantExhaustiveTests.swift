import Foundation
import Testing
import ShiftwrightFormats
import ShiftwrightGenerators

/// Every (acc, shift) pair of a 16-bit accumulator and a 6-bit shift (2^22 vectors) through the
/// Verilated requantizers of the default targets (plus the tier reading, whose codes are not
/// monotone in value), each output compared with the golden model.
@Suite struct RequantExhaustiveTests {
    static func defaultConfigs() throws -> [RequantizerConfig] {
        try ["int8", "afp-e3m2", "ausn-b3s2", "ausn-b3t2"].map {
            try RequantizerConfig(accumulatorWidth: 16, shiftBits: 6, target: try NumberFormat(parsing: $0))
        }
    }

    @Test func defaultTargetsMatchTheGoldenModelForEveryInput() throws {
        let start = Date()
        let bench = try RequantBench(try Self.defaultConfigs(), name: "requant_exhaustive")
        let built = Date()
        let result = try bench.checkExhaustively()
        #expect(result.mismatch == nil, "\(result.mismatch.map { "\($0)" } ?? "")")
        #expect(result.comparisons == 4 << 22)
        print("RequantExhaustiveTests: \(result.comparisons) vectors, Verilator build \(String(format: "%.1f", built.timeIntervalSince(start))) s"
              + " (cached: \(!bench.model.wasBuilt)), simulation + golden \(String(format: "%.1f", Date().timeIntervalSince(built))) s")
    }
}
