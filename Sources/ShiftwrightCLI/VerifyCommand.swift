import ArgumentParser
import Foundation
import ShiftwrightCosim
import ShiftwrightGenerators
import ShiftwrightHDL
import ShiftwrightTooling

/// `shiftwright verify …`: co-simulates generated (or external) RTL against the golden model.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Co-simulate RTL in Verilator against the golden model.",
        subcommands: [VerifyPE.self, VerifyRequant.self, VerifyArray.self, VerifyDefaults.self]
    )
}

/// Options every verification run shares.
struct VerifyOptions: ParsableArguments {
    @Option(help: "Random vectors when the input space is too large for exhaustive coverage.")
    var vectors = 200_000
    @Option(help: "Seed of the random vectors (printed in every report).")
    var seed: UInt64 = 1
    @Option(help: "Write a waveform (.fst or .vcd) of the failing cycles (or of the first cycles when all pass).")
    var wave: String?

    /// Verifies `module` (or, with `rtl`, that file, after checking its ports) with the plan
    /// `makePlan` builds, prints the report, and fails on a mismatch.
    func verify(_ module: Module, rtl: String?, top: String?,
                _ makePlan: (Module, (text: String, top: String)?) -> VectorPlan) throws {
        if let wave { _ = try TraceFormat(path: wave) }
        let name = top ?? module.name
        let external = try rtl.map { (text: try ExternalRTL.read($0, expecting: module, top: name), top: name) }
        try VerificationReport.print([try BatchRunner.run([makePlan(module, external)], wave: wave)[0]])
    }
}

/// `shiftwright verify pe`
struct VerifyPE: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pe", abstract: "Verify a processing element.")
    @OptionGroup var pe: PEOptions
    @OptionGroup var options: VerifyOptions
    @Option(help: "Verify this Verilog file (hand-edited RTL or a synthesized netlist) instead of the generated RTL; its ports must match.")
    var rtl: String?
    @Option(help: "Top module in --rtl (default: the generated module's name).")
    var top: String?

    func run() throws {
        let config = try pe.config()
        try options.verify(try PEGenerator.module(config), rtl: rtl, top: top) { module, external in
            PEVerification.plan(config, module: module, externalVerilog: external,
                                options: .init(randomProducts: options.vectors, seed: options.seed))
        }
    }
}

/// `shiftwright verify defaults`: every default configuration, exhaustively, in one Verilator build.
struct VerifyDefaults: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "defaults", abstract: "Verify every default configuration.")
    @OptionGroup var options: VerifyOptions

    func run() throws {
        try VerificationReport.print(try DefaultVerification.run(seed: options.seed))
    }
}

/// `shiftwright verify requant`
struct VerifyRequant: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "requant", abstract: "Verify a requantizer.")
    @OptionGroup var requant: RequantOptions
    @OptionGroup var options: VerifyOptions
    @Option(help: "Verify this Verilog file instead of the generated RTL; its ports must match.")
    var rtl: String?
    @Option(help: "Top module in --rtl (default: the generated module's name).")
    var top: String?

    func run() throws {
        let config = try requant.config()
        try options.verify(try RequantizerGenerator.module(config), rtl: rtl, top: top) { module, external in
            RequantVerification.plan(config, module: module, externalVerilog: external,
                                     randomVectors: options.vectors, seed: options.seed)
        }
    }
}

/// Verification of every default design in one batch.
enum DefaultVerification {
    static func run(seed: UInt64) throws -> [VerificationOutcome] {
        let pes = try DefaultDesigns.peConfigs().map {
            PEVerification.plan($0, module: try PEGenerator.module($0), options: .init(seed: seed))
        }
        let requantizers = try DefaultDesigns.requantConfigs().map {
            RequantVerification.plan($0, module: try RequantizerGenerator.module($0), seed: seed)
        }
        return try BatchRunner.run(pes + requantizers, name: "default_designs")
    }
}
