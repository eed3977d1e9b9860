import Foundation
import Testing
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightVerilator
import ShiftwrightFlows

/// A checker that cannot fail is worthless: each test plants one bug in the emitted Verilog of a
/// PE and asserts that co-simulation against the golden model catches it.
@Suite struct PEMutationTests {
    /// Verifies `config` with its Verilog changed by replacing `original` with `mutated` in the
    /// one line containing `marker`; returns the outcome.
    func verifyMutant(_ act: String, _ weight: String, line marker: String, _ original: String, _ mutated: String,
                      checkWaveform: Bool = false) throws -> VerificationOutcome {
        let config = try PEConfig(activation: NumberFormat(parsing: act), weight: NumberFormat(parsing: weight))
        let module = try PEGenerator.module(config)
        let text = VerilogEmitter.emit(module).text
        var lines = text.components(separatedBy: "\n")
        let hits = lines.indices.filter { lines[$0].contains(marker) && lines[$0].contains(original) }
        #expect(hits.count == 1, "marker '\(marker)' should pick exactly one line")
        for i in hits { lines[i] = lines[i].replacingOccurrences(of: original, with: mutated) }
        let mutant = lines.joined(separator: "\n")
        #expect(mutant != text)
        let wave = FileManager.default.temporaryDirectory.appendingPathComponent("sw-mutant-\(UUID().uuidString).vcd").path
        defer {
            try? FileManager.default.removeItem(atPath: wave)
            try? FileManager.default.removeItem(atPath: Waveforms.saveFilePath(for: wave))  // the GTKWave file beside it
        }
        let plan = PEVerification.plan(config, module: module, externalVerilog: (mutant, module.name),
                                       options: .init(accumulationCycles: 2_000))
        let outcome = try BatchRunner.run([plan], wave: checkWaveform ? wave : nil, waveOnMismatch: checkWaveform)[0]
        if checkWaveform {
            #expect(FileManager.default.fileExists(atPath: wave), "a waveform of the failing window is written")
        }
        return outcome
    }

    @Test func flippedAUSNShiftAmountIsCaught() throws {
        let outcome = try verifyMutant("int8", "ausn-b3s2", line: "shifted_low_b0_0 = shifted_low_sel0 ?", "shifted_low_by1", "shifted_low_by2", checkWaveform: true)
        #expect(!outcome.passed)
        #expect(outcome.mismatch?.contains("golden model expects") == true)
    }

    @Test func droppedShiftAddTermIsCaught() throws {
        let outcome = try verifyMutant("int8", "ausn-b3s2", line: "wire signed [7:0] pp1 =", "? act :", "? 8'h0 :")
        #expect(!outcome.passed)
    }

    @Test func wrongAFPExponentBiasIsCaught() throws {
        // Subnormals read as normal numbers: the hidden 1 always present.
        let outcome = try verifyMutant("int8", "afp-e3m2", line: "wire normal =", "|normal_bits", "1'b1")
        #expect(!outcome.passed)
    }

    @Test func droppedSignIsCaught() throws {
        let outcome = try verifyMutant("int8", "pot-b4", line: "assign cin =", "wt_sign", "1'b0")
        #expect(!outcome.passed)
    }

    @Test func brokenBaselineMultiplierIsCaught() throws {
        let outcome = try verifyMutant("int8", "int4", line: "wire booth1_one =", " ^ ", " & ")
        #expect(!outcome.passed)
    }
}
