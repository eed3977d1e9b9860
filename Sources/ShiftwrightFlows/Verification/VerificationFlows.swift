import Foundation
import ShiftwrightHDL
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightVerilator

/// The `verify` flows: a generated (or external) PE or requantizer against the golden model,
/// and every default design in one batched Verilator build.
public enum VerificationFlows {
    /// Options every single-design verification shares.
    public struct Options: Sendable {
        /// Random vectors when the input space is too large for exhaustive coverage.
        public var vectors: Int
        public var seed: UInt64
        /// Waveform (.fst or .vcd) of the failing cycles, or of the first cycles when all pass.
        public var wave: String?
        /// Verify this Verilog file instead of the generated RTL (its ports must match).
        public var rtl: String?
        /// Top module of `rtl` (default: the generated module's name).
        public var top: String?
        /// The FPGA target `rtl` was synthesized for (`ice40`, `ecp5`, `xc7`, `xcu`): Yosys's models
        /// of its cells are simulated with it. Default: the family whose cells `rtl` instantiates.
        public var rtlTarget: String?
        /// Folder of the mismatch waveform when `wave` is not given (default: the cache's `waves/`).
        public var waveDirectory: String?
        public init(vectors: Int = 200_000, seed: UInt64 = 1, wave: String? = nil, rtl: String? = nil, top: String? = nil,
                    rtlTarget: String? = nil, waveDirectory: String? = nil) {
            (self.vectors, self.seed, self.wave, self.rtl, self.top, self.rtlTarget) = (vectors, seed, wave, rtl, top, rtlTarget)
            self.waveDirectory = waveDirectory
        }
    }

    /// The processing element of `config` (or `options.rtl` in its place).
    public static func pe(_ config: PEConfig, _ options: Options) throws -> [VerificationOutcome] {
        try single(try PEGenerator.module(config), options) { module, external in
            PEVerification.plan(config, module: module, externalVerilog: external,
                                options: .init(randomProducts: options.vectors, seed: options.seed))
        }
    }

    /// The requantizer of `config` (or `options.rtl` in its place).
    public static func requantizer(_ config: RequantizerConfig, _ options: Options) throws -> [VerificationOutcome] {
        try single(try RequantizerGenerator.module(config), options) { module, external in
            RequantVerification.plan(config, module: module, externalVerilog: external,
                                     randomVectors: options.vectors, seed: options.seed)
        }
    }

    /// Every default PE and requantizer, exhaustively where the space allows, in one build.
    public static func defaults(seed: UInt64) throws -> [VerificationOutcome] {
        let pes = try DefaultDesigns.peConfigs().map {
            PEVerification.plan($0, module: try PEGenerator.module($0), options: .init(seed: seed))
        }
        let requantizers = try DefaultDesigns.requantConfigs().map {
            RequantVerification.plan($0, module: try RequantizerGenerator.module($0), seed: seed)
        }
        return try BatchRunner.run(pes + requantizers, name: "default_designs")
    }

    private static func single(_ module: Module, _ options: Options,
                               _ makePlan: (Module, (text: String, top: String)?) -> VectorPlan) throws -> [VerificationOutcome] {
        if let wave = options.wave { _ = try TraceFormat(path: wave) }
        let name = options.top ?? module.name
        let external = try options.rtl.map { (text: try ExternalRTL.read($0, expecting: module, top: name), top: name) }
        var plan = makePlan(module, external)
        if let external { plan.library = try ExternalRTL.cellModels(for: external.text, target: options.rtlTarget) }
        return [try BatchRunner.run([plan], wave: options.wave, waveDirectory: options.waveDirectory)[0]]
    }
}
