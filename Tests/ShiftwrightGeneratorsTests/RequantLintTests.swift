import Foundation
import Testing
import ShiftwrightVerilator
import ShiftwrightFlows
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightVerilog

/// `verilator --lint-only -Wall` finds nothing in any generated requantizer.
@Suite struct RequantLintTests {
    static let targets = ["int8", "int4", "int32", "uint8", "uint1", "afp-e3m2", "afp-e0m3", "afp-e8m7", "uafp-e3m2", "uafp-e0m1",
                          "ausn-b3s2", "ausn-b1s0", "ausn-b6s8", "pot-b4", "ausn-b3t2", "ausn-b2t1t2", "ausn-b2t3t3t3", "ausn-b1t4"]

    @Test(arguments: targets) func generatedVerilogIsLintClean(_ name: String) throws {
        let target = try NumberFormat(parsing: name)
        for (acc, shift, pipelined) in [(16, 6, false), (2, 2, true), (64, 8, false)] {
            let config = try RequantizerConfig(accumulatorWidth: acc, shiftBits: shift, target: target, pipelined: pipelined)
            let verilog = VerilogEmitter.emit(try RequantizerGenerator.module(config))
            if let dir = ProcessInfo.processInfo.environment["SHIFTWRIGHT_DUMP"] {
                try verilog.text.write(toFile: "\(dir)/\(verilog.fileName)", atomically: true, encoding: .utf8)
            }
            let findings = try VerilatorLint.findings(verilog: verilog.text, fileName: verilog.fileName, top: config.moduleName)
            #expect(findings.isEmpty, "\(config.moduleName):\n\(findings.joined(separator: "\n"))")
        }
    }
}
