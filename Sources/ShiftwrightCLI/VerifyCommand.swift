import ArgumentParser
import ShiftwrightFlows

/// `shiftwright verify …`: co-simulates generated (or external) RTL against the golden model.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Co-simulate RTL in Verilator against the golden model.",
        subcommands: [VerifyPE.self, VerifyRequant.self, VerifyArray.self, VerifyDefaults.self, VerifyPlan.self]
    )
}

/// Options every verification run shares.
struct VerifyOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Random vectors when the input space is too large for exhaustive coverage (1...10000000000; streamed, so memory stays flat).")
    var vectors = 200_000
    @Option(parsing: .unconditional, help: "Seed of the random vectors (printed in every report).")
    var seed: UInt64 = 1
    @Option(help: "Write a waveform (.fst or .vcd) of the failing cycles (or of the first cycles when all pass).")
    var wave: String?
    @Option(name: .customLong("wave-dir"), help: "Folder of the mismatch waveform and its GTKWave .gtkw file when --wave is not given (default: waves/ in the cache, ~/.cache/shiftwright).")
    var waveDirectory: String?
    @OptionGroup var report: VerifyReportOptions

    func validate() throws {
        try OptionLimits.check(vectors, in: OptionLimits.streamedVectors, "--vectors")
        try OptionLimits.checkWritable(wave, "--wave")
    }

    func flowOptions(_ external: ExternalRTLOptions? = nil) -> VerificationFlows.Options {
        .init(vectors: vectors, seed: seed, wave: wave, rtl: external?.rtl, top: external?.top, rtlTarget: external?.target,
              waveDirectory: waveDirectory)
    }
}

/// A Verilog file verified in place of the generated RTL (hand-edited RTL or a synthesized netlist).
struct ExternalRTLOptions: ParsableArguments {
    @Option(help: "Verify this Verilog file (hand-edited RTL or a synthesized netlist) instead of the generated RTL; its ports must match.")
    var rtl: String?
    @Option(help: "Top module in --rtl (default: the generated module's name).")
    var top: String?
    @Option(help: "FPGA target the --rtl netlist was synthesized for (ice40, ecp5, xc7, xcu): Yosys's models of its cells are simulated with it (default: found from the cells it instantiates).")
    var target: String?
}

/// Where a verification's results go besides stdout.
struct VerifyReportOptions: ParsableArguments {
    @Option(help: "Also write the results as JUnit XML (one test case per design) to this file, pass or fail.")
    var junit: String?
    @Flag(help: "Print the results as JSON (versions, and per design: cycles, coverage, exhaustive, first mismatch) instead of text.")
    var json = false
}

/// Prints a verification report to stdout.
func printReport(_ text: String) { print(text, terminator: "") }

/// `shiftwright verify pe`
struct VerifyPE: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pe", abstract: "Verify a processing element.")
    @OptionGroup var pe: PEOptions
    @OptionGroup var options: VerifyOptions
    @OptionGroup var external: ExternalRTLOptions

    func run() throws {
        try JUnitReport.finish(VerificationFlows.pe(try pe.config(), options.flowOptions(external)), suite: "verify pe", junit: options.report.junit, json: options.report.json, output: printReport)
    }
}

/// `shiftwright verify defaults`: every default configuration, exhaustively, in one Verilator build.
struct VerifyDefaults: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "defaults", abstract: "Verify every default configuration.")
    @OptionGroup var options: VerifyOptions

    func run() throws {
        try JUnitReport.finish(VerificationFlows.defaults(seed: options.seed), suite: "verify defaults", junit: options.report.junit, json: options.report.json, output: printReport)
    }
}

/// `shiftwright verify requant`
struct VerifyRequant: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "requant", abstract: "Verify a requantizer.")
    @OptionGroup var requant: RequantOptions
    @OptionGroup var options: VerifyOptions
    @OptionGroup var external: ExternalRTLOptions

    func run() throws {
        try JUnitReport.finish(VerificationFlows.requantizer(try requant.config(), options.flowOptions(external)), suite: "verify requant", junit: options.report.junit, json: options.report.json, output: printReport)
    }
}
