import BigInt
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightVerilator
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling

/// `shiftwright export testbench`: the co-simulation of `verify` as files a user keeps — the
/// generated Verilog, a self-checking testbench and golden vectors — for a PE, a requantizer or
/// a PE array. The stimulus is the verification plan's (same seeds, fewer vectors by default, so
/// an event-driven simulator finishes in seconds); every expected value comes from the golden
/// model (`ReferencePE`, `PreparedRequantizer`, `GoldenGEMM`).
public enum TestbenchExport {
    /// How many vectors the testbench replays.
    public struct Options: Sendable {
        /// Random code pairs (PE) or (acc, shift) pairs (requantizer) when the space is larger
        /// than `exhaustiveLimit`.
        public var vectors: Int
        /// Random accumulate/clear cycles after the PE's product section.
        public var accumulationCycles: Int
        public var seed: UInt64
        /// Input spaces up to this size are replayed exhaustively.
        public var exhaustiveLimit: Int
        public init(vectors: Int = 4096, accumulationCycles: Int = 2048, seed: UInt64 = 1, exhaustiveLimit: Int = 1 << 14) {
            (self.vectors, self.accumulationCycles, self.seed, self.exhaustiveLimit) = (vectors, accumulationCycles, seed, exhaustiveLimit)
        }
    }

    /// The PE of `config`: `acc` checked every cycle after the reset.
    public static func pe(_ config: PEConfig, _ options: Options = Options()) throws -> Testbench {
        try checkCounts(options)
        let module = try PEGenerator.module(config)
        let plan = PEVerification.plan(config, module: module, options: .init(
            randomProducts: options.vectors, accumulationCycles: options.accumulationCycles, seed: options.seed,
            exhaustiveLimit: options.exhaustiveLimit))
        let golden = PEVerification.goldenAccumulators(config, stimulus: plan.rows(0..<plan.cycles), cycles: plan.cycles)
        let acc = try port("acc", of: module)
        let latency = config.latency
        // Cycle 0 precedes the first clock edge (registers are still unknown in Icarus): unchecked.
        let expected: [BigInt?] = (0..<plan.cycles).map { cycle in
            cycle == 0 ? nil : cycle >= latency ? golden[cycle - latency] : 0
        }
        try requireRepresentable(expected, in: acc, design: module.name)
        return try testbench(module, plan: plan, check: .everyCycle(port: acc, expected: expected))
    }

    /// The requantizer of `config`: `code` checked every cycle once the pipeline holds a vector.
    public static func requantizer(_ config: RequantizerConfig, _ options: Options = Options()) throws -> Testbench {
        try checkCounts(options)
        let module = try RequantizerGenerator.module(config)
        let plan = RequantVerification.plan(config, module: module, randomVectors: options.vectors, seed: options.seed,
                                           exhaustiveLimit: options.exhaustiveLimit)
        let latency = config.latency, rows = plan.cycles - latency
        let codes = RequantVerification.goldenCodes(config, inputs: RequantVerification.inputs(config, stimulus: plan.rows(0..<rows), rows: rows))
        let expected: [BigInt?] = (0..<plan.cycles).map { cycle in cycle >= 1 + latency ? BigInt(codes[cycle - latency]) : nil }
        return try testbench(module, plan: plan, check: .everyCycle(port: try port("code", of: module), expected: expected))
    }

    /// A PE array inside Shiftwright's stream harness (`ArrayHarness`: FIFOs with random
    /// valid gaps on the weight and activation streams, random `y_ready` stalls, `start` pulses
    /// while busy): every result row transferred on `y_data` checked, in order, against the
    /// golden GEMM. The design file holds the harness module and the array under it.
    public static func array(_ run: ArrayRun) throws -> Testbench {
        let (scenario, _) = try run.scenario()
        let c = scenario.config
        let array = try ArrayGenerator.module(c)
        let stimulus = ArrayStimulus(scenario)
        let harness = try ArrayHarness.module(c, array: array, depths: stimulus.depths)
        let layout = PortLayout(ports: harness.portSpecs)
        let words = stimulus.words(scenario, layout: layout)
        let yData = try port("y_data", of: harness)
        let beats: [BigInt] = stimulus.segments.flatMap(\.rows).map { row in
            var packed = [UInt64](repeating: 0, count: yData.words)
            stimulus.pack(Array(row.codes), bits: c.target.codeWidth, into: &packed, at: 0)
            return PortLayout.load(port: yData, from: packed, at: 0).pattern(width: yData.width)
        }
        let rows: [[BigInt]] = (0..<stimulus.cycles).map { cycle in
            let row = Array(words[(cycle * layout.inputWords)..<((cycle + 1) * layout.inputWords)])
            return layout.inputs.map { PortLayout.load(port: $0.port, from: row, at: $0.offset) }
        }
        let coverage = "\(stimulus.gemms.count) GEMMs (seed \(scenario.seed)), \(beats.count) result rows, "
            + "stalls: source \(Int(scenario.stalls.source * 100))%, sink \(Int(scenario.stalls.sink * 100))%"
        let verilog = VerilogEmitter.emit(harness)
        return try Testbench(top: verilog.top, design: (verilog.fileName, verilog.text), ports: harness.portSpecs,
                             stimulus: rows, check: .stream(data: yData, valid: "y_valid", ready: "y_ready", beats: beats),
                             coverage: coverage)
    }

    /// The testbench of a generated module and its verification plan's stimulus: `rst` high in
    /// cycle 0 only, every other input from the plan's rows.
    private static func testbench(_ module: Module, plan: VectorPlan, check: Testbench.Check) throws -> Testbench {
        let verilog = VerilogEmitter.emit(module)
        let ports = module.portSpecs
        let stimulusPorts = ports.filter { $0.isInput && $0.name != "clk" }
        let n = plan.inputWordsPerCycle, words = plan.rows(0..<plan.cycles)
        let rows: [[BigInt]] = (0..<plan.cycles).map { cycle in
            var next = cycle * n
            return stimulusPorts.map { p in
                if p.name == "rst" { return cycle == 0 ? 1 : 0 }
                defer { next += 1 }
                return BigInt(words[next])
            }
        }
        return try Testbench(top: verilog.top, design: (verilog.fileName, verilog.text), ports: ports, stimulus: rows,
                             check: check, coverage: plan.coverage)
    }

    private static func port(_ name: String, of module: Module) throws -> PortSpec {
        guard let p = module.portSpecs.first(where: { $0.name == name && !$0.isInput }) else {
            throw ToolError("'\(module.name)' has no output '\(name)'")
        }
        return p
    }

    private static func checkCounts(_ options: Options) throws {
        guard options.vectors >= 1, options.accumulationCycles >= 0 else {
            throw ToolError("--vectors must be at least 1 and --accumulation-cycles at least 0")
        }
    }

    /// A golden value the port cannot hold would be written truncated and could pass a wrong design.
    private static func requireRepresentable(_ values: [BigInt?], in port: PortSpec, design: String) throws {
        let type = HWType(width: port.width, signed: port.signed)
        if let bad = values.firstIndex(where: { $0.map { !type.contains($0) } ?? false }) {
            throw ToolError("the golden \(port.name) of '\(design)' at cycle \(bad) does not fit its \(port.width) bits")
        }
    }
}
