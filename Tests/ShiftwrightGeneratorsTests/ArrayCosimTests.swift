import Foundation
import Testing
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightVerilator
import ShiftwrightFlows

/// Whole GEMMs through generated arrays in Verilator (one build per configuration, many GEMMs
/// per simulation), every output element compared with the golden GEMM, with random stalls on
/// every valid/ready stream, `start` pulses while busy, and resets in the middle of a run.
@Suite struct ArrayCosimTests {
    @discardableResult
    func expectPass(_ s: ArrayScenario, _ label: String) throws -> ArrayOutcome {
        let result = try ArrayVerification.run(s, waveOnMismatch: false)
        #expect(result.passed, "\(label): \(result.outcome.mismatch ?? "")")
        #expect(result.elements > 0)
        let resets = s.segments.filter { $0.resetAfter != nil }.count
        #expect(result.resetsWhileBusy == resets, "\(label): every planned reset must hit a busy array")
        if s.stalls.startWhileBusy > 0 { #expect(result.startsWhileBusy > 0, "\(label): start pulses while busy") }
        return result
    }

    @Test func square4x4AUSNWithResetMidRun() throws {
        let c = try ArrayTestSupport.config(4, 4, "int8", "ausn-b3s2", maxRows: 64, maxTiles: 4)
        let first = try ArrayTestSupport.gemms(c, shapes: [(1, 1), (1, 4), (7, 4), (13, 9), (5, 16), (64, 16), (3, 5), (11, 13)], seed: 11)
        let aborted = try ArrayTestSupport.gemms(c, shapes: [(20, 12), (9, 9)], seed: 12)
        let after = try ArrayTestSupport.gemms(c, shapes: [(6, 7), (17, 3), (2, 16)], seed: 13)
        let s = try ArrayScenario(config: c, segments: [.init(first), .init(aborted, resetAfter: 90), .init(after)],
                                  stalls: .init(source: 0.35, sink: 0.35, startWhileBusy: 0.08), seed: 5)
        try expectPass(s, "4x4 int8 x ausn-b3s2")
    }

    @Test func singlePEAFPToAFP() throws {
        let c = try ArrayTestSupport.config(1, 1, "afp-e3m2", "afp-e3m2", target: "afp-e3m2", maxRows: 16, maxTiles: 8)
        let gemms = try ArrayTestSupport.gemms(c, shapes: [(1, 1), (3, 8), (16, 5), (2, 2), (9, 7)], seed: 21)
        try expectPass(try ArrayScenario(config: c, segments: [.init(gemms)], seed: 6), "1x1 afp-e3m2")
    }

    @Test func nonSquareTierWeightsUnsignedActivations() throws {
        let c = try ArrayTestSupport.config(2, 3, "uint8", "ausn-b3t2", target: "ausn-b3s2", maxRows: 32, maxTiles: 4)
        let gemms = try ArrayTestSupport.gemms(c, shapes: [(1, 1), (5, 2), (7, 5), (3, 8), (13, 3), (32, 7)], seed: 31)
        let s = try ArrayScenario(config: c, segments: [.init(gemms), .init(gemms.reversed(), resetAfter: 25), .init(gemms)], seed: 7)
        try expectPass(s, "2x3 uint8 x ausn-b3t2")
    }

    @Test func integerBaselineWithoutStalls() throws {
        let c = try ArrayTestSupport.config(3, 2, "int8", "int4", maxRows: 16, maxTiles: 2)
        let gemms = try ArrayTestSupport.gemms(c, shapes: [(1, 6), (16, 5), (4, 1), (11, 6)], seed: 41)
        try expectPass(try ArrayScenario(config: c, segments: [.init(gemms)], stalls: .none, seed: 8), "3x2 int8 x int4")
    }

    /// The default 8×8 array on a real pretrained weight matrix (Silero VAD, see the fixture's
    /// note): K = 64 (8 weight tiles), N = 8, quantized to ausn-b3s2 by the golden model.
    @Test func defaultArrayOnRealWeights() throws {
        let c = try ArrayConfig.defaultConfiguration()
        let tensor = try Npy.read(path: ArrayTestSupport.fixture("silero_vad_encoder2_w64x8.npy"))
        let (values, k, n) = try GemmOperands.matrix(tensor)
        #expect(k == 64 && n == 8)
        let w = try GemmOperands.quantize(values, rows: k, cols: n, format: c.weight, rule: .paper)
        var rng = SplitMix64(seed: 9)
        var gemms: [GemmProblem] = []
        for m in [1, 37] {
            let x = (0..<(m * k)).map { _ in rng.next() & c.activation.codeMask }
            let g = try GemmProblem(activation: c.activation, weight: c.weight, target: c.target, shift: 0, m: m, k: k, n: n, x: x, w: w.codes)
            let shift = GoldenGEMM.fittingShift(g, shiftRange: -128...127)
            gemms.append(try GemmProblem(activation: c.activation, weight: c.weight, target: c.target, shift: shift, m: m, k: k, n: n, x: x, w: w.codes))
        }
        gemms += try ArrayTestSupport.gemms(c, shapes: [(5, 20), (3, 128)], seed: 51)
        try expectPass(try ArrayScenario(config: c, segments: [.init(gemms)], seed: 10), "default 8x8 on Silero VAD weights")
    }
}
