import Foundation
import Testing
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightVerilator
import ShiftwrightFlows

/// A checker that cannot fail is worthless: a controller with an off-by-one in its drain
/// counter (it stops one result row early) must fail verification, with a decoded message and a
/// waveform of the failing window.
@Suite struct ArrayMutationTests {
    /// Replaces `rows_q + 1` by `rows_q + 0` in the controller's `all_read` comparison.
    static func offByOne(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        for i in lines.indices where lines[i].contains("all_read_sum =") {
            lines[i] = lines[i].replacingOccurrences(of: "'h1;", with: "'h0;")
        }
        return lines.joined(separator: "\n")
    }

    @Test func drainCounterOffByOneIsCaught() throws {
        let c = try ArrayTestSupport.config(2, 2, "int8", "ausn-b3s2", maxRows: 16, maxTiles: 2)
        let gemms = try ArrayTestSupport.gemms(c, shapes: [(3, 3), (5, 4)], seed: 61)
        let wave = FileManager.default.temporaryDirectory.appendingPathComponent("sw-array-mutant-\(UUID().uuidString).vcd").path
        defer {
            try? FileManager.default.removeItem(atPath: wave)
            try? FileManager.default.removeItem(atPath: Waveforms.saveFilePath(for: wave))  // the GTKWave file beside it
        }
        let module = try ArrayGenerator.module(c)
        let emitted = ShiftwrightVerilogText.of(module)
        #expect(Self.offByOne(emitted) != emitted, "the mutation must change the Verilog")
        let result = try ArrayVerification.run(try ArrayScenario(config: c, segments: [.init(gemms)], seed: 1), module: module,
                                               transform: Self.offByOne, wave: wave)
        #expect(!result.passed)
        let message = result.outcome.mismatch ?? ""
        #expect(message.contains("(m, n)") || message.contains("timed out") || message.contains("done"), "\(message)")
        #expect(FileManager.default.fileExists(atPath: wave), "a waveform of the failing window is written")
    }
}

import ShiftwrightHDL
import ShiftwrightVerilog

/// The emitted Verilog of a module (test helper).
enum ShiftwrightVerilogText {
    static func of(_ module: Module) -> String { VerilogEmitter.emit(module).text }
}
