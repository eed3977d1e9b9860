import Foundation
import Testing
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightFormats
import ShiftwrightGenerators
@testable import ShiftwrightFlows
@testable import ShiftwrightVerilator

/// A long run split across two simulator processes gives exactly the outputs of one uncut run.
@Suite struct SplitRunTests {
    @Test(arguments: [false, true])
    func splitOutputsEqualOneUncutRun(pipelined: Bool) throws {
        let config = try PEConfig(activation: NumberFormat(parsing: "int8"), weight: NumberFormat(parsing: "ausn-b3s2"), pipelined: pipelined)
        let module = try PEGenerator.module(config)
        let plan = PEVerification.plan(config, module: module,
                                       options: .init(randomProducts: SplitRun.minimumSplitCycles + 1000, accumulationCycles: 500,
                                                      seed: 5, exhaustiveLimit: 0))
        let cut = try #require(SplitRun.cut([plan], cycles: plan.cycles), "a run this long is split")
        #expect(cut > 0 && cut < plan.cycles)
        let verilog = VerilogEmitter.emit(module)
        let model = try VerilatorModel.build(verilog: [(verilog.fileName, verilog.text)], top: module.name, ports: module.portSpecs)
        let stimulus = BatchRunner.fullStimulus([plan], layout: model.layout)
        let whole = try model.run(stimulus: stimulus, cycles: plan.cycles)
        let split = try SplitRun(plans: [plan], stimulus: stimulus, cycles: plan.cycles, model: model).finish()
        #expect(split.count == whole.count)
        #expect(split == whole)
        // And the verification that uses it passes against the golden model.
        #expect(try BatchRunner.run([plan], waveOnMismatch: false)[0].passed)
    }
}
