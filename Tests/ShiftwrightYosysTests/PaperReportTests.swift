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

    @Test func textShowsOursBesideThePaperWithVersionsAndVerdicts() throws {
        // int8 x int4 MAC 62 LUT vs AUSN 8/4 44 LUT: 1.41x against the paper's 44.25/26.5 = 1.67x.
        let mult = AreaFigures(cellsByType: ["LUT6": 62, "FDRE": 22]), ausn = AreaFigures(cellsByType: ["LUT6": 44, "FDRE": 22])
        let rows = [
            PaperReport.Row(architecture: .multiplier, weightBits: 4, weight: "int4", top: "m", accumulatorWidth: 22, area: mult, multiplier: mult),
            PaperReport.Row(architecture: .ausn, weightBits: 4, weight: "ausn-b2s1", top: "a", accumulatorWidth: 22, area: ausn, multiplier: mult),
        ]
        let arrays = [
            PaperReport.ArrayRow(architecture: .multiplier, weightBits: 4, weight: "int4", side: 2, area: AreaFigures(cellsByType: ["LUT6": 200, "FDRE": 64])),
            PaperReport.ArrayRow(architecture: .ausn, weightBits: 4, weight: "ausn-b2s1", side: 2, area: AreaFigures(cellsByType: ["LUT6": 160, "FDRE": 64, "RAMB18E1": 2])),
        ]
        // Hierarchical 1030 LUT against flat 1000: +3.0 %.
        let check = PaperReport.FlatCheck(weight: "ausn-b2s1", side: 8, flat: AreaFigures(cellsByType: ["LUT6": 1000, "FDRE": 900]),
                                          hierarchical: AreaFigures(cellsByType: ["LUT6": 1030, "FDRE": 900]))
        let text = PaperReport(target: try SynthTarget("xc7"), yosysVersion: "Yosys 9.9", rows: rows, arrayRows: arrays,
                               flatChecks: [check]).text
        #expect(text.contains("Hierarchical counting checked against flat synthesis"))
        #expect(text.contains("8x8    ausn-b2s1      1000              1030       +3.0%"), "\(text)")
        #expect(text.contains("Yosys 9.9") && text.contains("synth_xilinx -family xc7"))
        #expect(text.contains("8/4  AUSN"))
        #expect(text.contains("1.41x"))
        #expect(text.contains("8/4, one PE: the best integer MAC / AUSN (ausn-b2s1) = 1.41x LUT against the paper's 1.67x: holds in direction, not in size."))
        #expect(text.contains("in the 2x2 array: 50.0 vs 40.0 LUT/PE = 1.25x (paper 44.3 vs 26.5)"))
        #expect(text.contains("At the paper's scale: 2x2 arrays"))
        #expect(text.contains("Why ours differ"))
    }
}
