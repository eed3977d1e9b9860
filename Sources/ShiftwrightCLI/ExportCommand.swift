import ArgumentParser
import ShiftwrightFlows

/// `shiftwright export …`: files a user's own flow keeps without Shiftwright.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export files for your own flow (self-checking testbenches).",
        subcommands: [ExportTestbench.self]
    )
}

/// `shiftwright export testbench …`: the design's Verilog, a self-checking testbench and golden
/// vectors (hex) that run in Icarus Verilog and Verilator on their own.
struct ExportTestbench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "testbench",
        abstract: "Write a self-checking Verilog testbench with golden vectors (Icarus, Verilator).",
        discussion: """
        Writes <top>.v, tb_<top>.v, <top>_stimulus.hex and <top>_expected.hex into --out. Expected
        values come from the golden model. From that folder:
          iverilog -g2012 -o tb_<top> tb_<top>.v <top>.v && vvp -n tb_<top>
          verilator --binary --top-module tb_<top> -Mdir obj_tb_<top> tb_<top>.v <top>.v && obj_tb_<top>/Vtb_<top>
        Each prints PASS or FAIL with the first mismatch, and exits non-zero on failure.
        """,
        subcommands: [ExportTestbenchPE.self, ExportTestbenchRequant.self, ExportTestbenchArray.self]
    )
}

/// How many vectors an exported PE or requantizer testbench replays.
struct TestbenchVectorOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Random vectors when the input space is larger than --exhaustive-limit (1...20000000).") var vectors = 4096
    @Option(name: .customLong("exhaustive-limit"), parsing: .unconditional, help: "Replay every input combination when there are at most this many (0...20000000).")
    var exhaustiveLimit = 1 << 14
    @Option(parsing: .unconditional, help: "Seed of the random vectors (written into the testbench).") var seed: UInt64 = 1
    @OptionGroup var output: TestbenchOutputOptions

    func validate() throws {
        try OptionLimits.check(vectors, in: OptionLimits.vectors, "--vectors")
        try OptionLimits.check(exhaustiveLimit, in: OptionLimits.testbenchCycles, "--exhaustive-limit")
    }

    func options(accumulationCycles: Int = 2048) -> TestbenchExport.Options {
        .init(vectors: vectors, accumulationCycles: accumulationCycles, seed: seed, exhaustiveLimit: exhaustiveLimit)
    }
}

/// Where an exported testbench goes, and the FPGA family of its FuseSoC core's `synth` target.
struct TestbenchOutputOptions: ParsableArguments {
    @Option(help: "Output directory.") var out = "tb-out"
    @Option(name: .customLong("synth-target"), help: "FPGA family of the .core's synth target: ice40, ecp5, xc7 or xcu.")
    var synthTarget = "ice40"

    /// Writes a testbench's files into `out` (all or nothing) and says how to run it.
    func write(_ testbench: Testbench) throws {
        for name in try testbench.write(into: out, synthTarget: synthTarget) { print("wrote \(out)/\(name)") }
        print("run in \(out): " + testbench.icarusCommands.map { $0.joined(separator: " ") }.joined(separator: " && "))
    }
}

/// `shiftwright export testbench pe`
struct ExportTestbenchPE: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pe", abstract: "Testbench of a processing element.")
    @OptionGroup var pe: PEOptions
    @OptionGroup var vectors: TestbenchVectorOptions
    @Option(name: .customLong("accumulation-cycles"), parsing: .unconditional, help: "Random accumulate/clear cycles after the products (0...20000000).")
    var accumulationCycles = 2048

    func validate() throws {
        try OptionLimits.check(accumulationCycles, in: OptionLimits.testbenchCycles, "--accumulation-cycles")
    }

    func run() throws {
        try vectors.output.write(TestbenchExport.pe(pe.config(), vectors.options(accumulationCycles: accumulationCycles)))
    }
}

/// `shiftwright export testbench requant`
struct ExportTestbenchRequant: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "requant", abstract: "Testbench of a requantizer.")
    @OptionGroup var requant: RequantOptions
    @OptionGroup var vectors: TestbenchVectorOptions

    func run() throws {
        try vectors.output.write(TestbenchExport.requantizer(requant.config(), vectors.options()))
    }
}

/// `shiftwright export testbench array`
struct ExportTestbenchArray: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "array", abstract: "Testbench of a PE array (inside its stream harness) on whole GEMMs.")
    @OptionGroup var array: ArrayOptions
    @OptionGroup var workload: ArrayWorkloadOptions
    @OptionGroup var output: TestbenchOutputOptions

    func run() throws {
        try output.write(TestbenchExport.array(workload.run(try array.config())))
    }
}
