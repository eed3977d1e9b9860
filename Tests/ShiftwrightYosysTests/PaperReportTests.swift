import Testing
@testable import ShiftwrightFlows
@testable import ShiftwrightYosys

/// Table 4 transcription and the report's rendering (the xc7 run itself is `shiftwright report paper`).
@Suite struct PaperReportTests {
    @Test func perPEFiguresMatchSpecSection6() {
        func lut(_ a: PaperFigures.Architecture, _ bits: Int) -> Double { (PaperFigures.perPE(a, weightBits: bits).luts * 10).rounded() / 10 }
        #expect([8, 5, 4].map { lut(.ausn, $0) } == [32.5, 27.4, 26.5])
        #expect([8, 5, 4].map { lut(.multiplier, $0) } == [51.9, 45.7, 44.3])
        let headline = PaperFigures.perPE(.multiplier, weightBits: 8).luts / PaperFigures.perPE(.ausn, weightBits: 4).luts
        #expect(abs(headline - 1.96) < 0.01)
        #expect(PaperFigures.weights(.ausn, weightBits: 4).first == "ausn-b2s1")
        #expect(PaperFigures.weights(.shifter, weightBits: 8) == ["pot-b6"])
    }

    @Test func textShowsOursBesideThePaperWithVersions() throws {
        let mult = AreaFigures(cellsByType: ["LUT6": 178, "FDRE": 22]), ausn = AreaFigures(cellsByType: ["LUT6": 62, "FDRE": 22])
        let rows = [
            PaperReport.Row(architecture: .multiplier, weightBits: 8, weight: "int8", top: "m", accumulatorWidth: 26, area: mult, multiplier: mult),
            PaperReport.Row(architecture: .ausn, weightBits: 4, weight: "ausn-b2s1", top: "a", accumulatorWidth: 22, area: ausn, multiplier: mult),
        ]
        let text = PaperReport(target: try SynthTarget("xc7"), yosysVersion: "Yosys 9.9", rows: rows).text
        #expect(text.contains("Yosys 9.9") && text.contains("synth_xilinx -family xc7"))
        #expect(text.contains("8/4  AUSN"))
        #expect(text.contains("2.87x"))
        #expect(text.contains("headline (paper: multiplier 8/8 vs AUSN 8/4 = 2.0x LUT, 4.4x FF): ours 2.87x LUT, 1.00x FF"))
        #expect(text.contains("Why ours differ"))
    }
}
