import Foundation
import Testing
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightCosim

/// Whole GEMMs through generated arrays in Verilator, compared element by element with the
/// golden GEMM: several formats and sizes, random stalls, resets mid-run, start while busy.
@Suite struct ArrayCosimTests {
    @Test func smallArrayRandomGEMMs() throws {
        let c = try ArrayTestSupport.config(2, 3, "int8", "ausn-b3s2")
        let gemms = try ArrayTestSupport.gemms(c, shapes: [(1, 1), (5, 2), (7, 5), (3, 8), (13, 3)], seed: 7)
        let s = try ArrayScenario(config: c, segments: [.init(gemms)], seed: 3)
        let result = try ArrayVerification.run(s)
        #expect(result.passed, "\(result.outcome.mismatch ?? "")")
        print(result.outcome.coverage, result.outcome.cycles, result.outcome.buildSeconds, result.outcome.simulationSeconds)
    }
}
