import Foundation
import BigInt
import ShiftwrightBits
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightHDL
import ShiftwrightTooling
import ShiftwrightYosys

/// The self-checking testbench of a PE array behind its AXI interface (`shiftwright export
/// testbench array --interface axi`): the AXI top's Verilog, a behavioural testbench and golden
/// vectors that run in Icarus Verilog and Verilator (`--binary --timing`) alone.
///
/// The testbench (`AxiTestbenchVerilog`) is an AXI4-Lite master, two AXI4-Stream sources with
/// random TVALID gaps and a result sink with random TREADY, all from seeded xorshift generators
/// (the seeds are in its header). It reads the discovery registers, probes SLVERR, WSTRB and
/// START-while-busy, runs every GEMM through the registers (LAST_ROW, LAST_TILE, SHIFT,
/// CONTROL.START, polling STATUS.DONE, clearing it), compares every result beat (TDATA and TLAST)
/// with the golden GEMM, and checks the AXI protocol on every cycle: on `m_axis_y`, `s_axi_b` and
/// `s_axi_r` a raised VALID holds with a stable payload until the transfer, no VALID in the cycle
/// after a reset edge, no X on any output after reset; AWREADY/WREADY come together with both
/// valids, no B or R response without a request. The last GEMM deliberately carries a wrong
/// TLAST on its first weight and first activation beat: STATUS must report both.
public struct AxiTestbench: Sendable {
    /// One GEMM as the control sequence sees it: register values and how far the streams go.
    struct Job: Sendable {
        let lastRow: Int, lastTile: Int, shift: Int
        /// Result beats expected once this GEMM is done (all GEMMs so far).
        let resultsThrough: Int
        /// Weight beats the source may offer once this GEMM has started (all GEMMs so far).
        let weightsThrough: Int
    }

    public let top: String
    public let design: (name: String, text: String)
    public let config: ArrayConfig
    /// The top's ports (as the sidecar lists them).
    let ports: [PortSpec]
    let jobs: [Job]
    /// `{tlast, tdata}` of every beat, in order.
    let weightBeats: [BigInt], activationBeats: [BigInt], resultBeats: [BigInt]
    /// Percent of cycles a source leaves TVALID low, the sink TREADY low, the AXI4-Lite master a valid low.
    let sourceGap: Int, sinkStall: Int
    /// Nonzero xorshift32 seeds: weights, activations, results, AXI4-Lite.
    let seeds: [UInt32]
    let seed: UInt64
    /// Watchdog: the testbench fails after this many cycles.
    let maxCycles: Int

    init(_ scenario: ArrayScenario, artifacts: DesignArtifacts) throws {
        let c = scenario.config
        let gemms = scenario.segments.flatMap(\.gemms)
        guard !gemms.isEmpty else { throw ToolError("an AXI testbench needs at least one GEMM") }
        top = artifacts.verilog.top
        design = (artifacts.verilog.fileName, artifacts.verilog.text)
        config = c
        ports = artifacts.sidecar.ports.map {
            PortSpec(name: $0.name, direction: $0.direction == "input" ? .input : .output, width: $0.width, signed: $0.signed)
        }
        var weights: [BigInt] = [], acts: [BigInt] = [], results: [BigInt] = [], jobs: [Job] = []
        var cycles = 2000
        let wBits = AxiArrayInterface.weightDataWidth(c), aBits = AxiArrayInterface.activationDataWidth(c)
        let yBits = AxiArrayInterface.resultDataWidth(c)
        for (index, g) in gemms.enumerated() {
            let tiles = scenario.tiles(g)
            let faulty = index == gemms.count - 1  // the planted TLAST errors
            for tile in 0..<tiles {
                for r in 0..<c.rows {
                    let k = tile * c.rows + r
                    let codes = (0..<c.cols).map { k < g.k ? g.w[k * g.n + $0] : 0 }
                    let last = (r == c.rows - 1) != (faulty && tile == 0 && r == 0)
                    weights.append(Self.beat(codes, bits: c.weight.codeWidth, width: wBits, last: last))
                }
                for m in 0..<g.m {
                    let codes = (0..<c.rows).map { r in tile * c.rows + r < g.k ? g.x[m * g.k + tile * c.rows + r] : 0 }
                    let last = (m == g.m - 1) != (faulty && tile == 0 && m == 0)
                    acts.append(Self.beat(codes, bits: c.activation.codeWidth, width: aBits, last: last))
                }
            }
            let y = GoldenGEMM.run(g)
            for m in 0..<g.m {
                results.append(Self.beat(Array(y[(m * g.n)..<((m + 1) * g.n)]), bits: c.target.codeWidth, width: yBits, last: m == g.m - 1))
            }
            jobs.append(Job(lastRow: g.m - 1, lastTile: tiles - 1, shift: g.shift, resultsThrough: results.count, weightsThrough: weights.count))
            cycles += 400 + 4 * (tiles * (c.rows + g.m) + g.m)
        }
        (weightBeats, activationBeats, resultBeats, self.jobs) = (weights, acts, results, jobs)
        sourceGap = Int((scenario.stalls.source * 100).rounded())
        sinkStall = Int((scenario.stalls.sink * 100).rounded())
        var rng = SplitMix64(seed: scenario.seed)
        seeds = (0..<4).map { _ in UInt32(truncatingIfNeeded: rng.next()) | 1 }
        seed = scenario.seed
        maxCycles = Int(Double(cycles) / (1 - min(0.95, max(scenario.stalls.source, scenario.stalls.sink))))
    }

    /// `{last, codes}`: code i in bits [i·bits, (i+1)·bits), `last` above the `width`-bit TDATA.
    static func beat(_ codes: [UInt64], bits: Int, width: Int, last: Bool) -> BigInt {
        var value = BigInt(last ? 1 : 0) << width
        for (i, code) in codes.enumerated() { value |= BigInt(code) << (i * bits) }
        return value
    }

    public var testbenchName: String { "tb_\(top)" }
    public var testbenchFile: String { "\(testbenchName).v" }
    var weightsFile: String { "\(top)_weights.hex" }
    var activationsFile: String { "\(top)_activations.hex" }
    var resultsFile: String { "\(top)_expected.hex" }
    var jobsFile: String { "\(top)_jobs.hex" }

    /// Bits of one job row: `{weights through, results through, SHIFT, LAST_TILE, LAST_ROW}`, 32 each.
    static let jobWidth = 160

    var jobRows: [BigInt] {
        jobs.map { j in
            [j.weightsThrough, j.resultsThrough, Int(Int32(truncatingIfNeeded: j.shift)), j.lastTile, j.lastRow]
                .reduce(BigInt(0)) { ($0 << 32) | BigInt(UInt32(truncatingIfNeeded: $1)) }
        }
    }

    public var icarusCommands: [[String]] {
        [["iverilog", "-g2012", "-o", testbenchName, testbenchFile, design.name], ["vvp", "-n", testbenchName]]
    }
    public var verilatorCommands: [[String]] {
        [["verilator", "--binary", "--timing", "--top-module", testbenchName, "-Mdir", "obj_\(testbenchName)", testbenchFile, design.name],
         ["obj_\(testbenchName)/V\(testbenchName)"]]
    }

    /// The design, testbench and vector files and a FuseSoC `.core`, deterministic for identical inputs.
    public func files(core target: SynthTarget?) -> [(name: String, data: Data)] {
        let data = [weightsFile, activationsFile, resultsFile, jobsFile]
        let core = FuseSoCCore.text(top: top, rtlFile: design.name, description: "Shiftwright generated \(top) (AXI) with its self-checking testbench",
                                    target: target, testbench: .init(file: testbenchFile, top: testbenchName, dataFiles: data))
        return [(design.name, Data(design.text.utf8)),
                (testbenchFile, Data(AxiTestbenchVerilog.text(self).utf8)),
                (weightsFile, Data(Testbench.hexLines(weightBeats, width: 1 + AxiArrayInterface.weightDataWidth(config)).utf8)),
                (activationsFile, Data(Testbench.hexLines(activationBeats, width: 1 + AxiArrayInterface.activationDataWidth(config)).utf8)),
                (resultsFile, Data(Testbench.hexLines(resultBeats, width: 1 + AxiArrayInterface.resultDataWidth(config)).utf8)),
                (jobsFile, Data(Testbench.hexLines(jobRows, width: Self.jobWidth).utf8)),
                ("\(top).core", Data(core.utf8))]
    }

    /// Writes every file into `directory`, all or nothing; returns their names.
    @discardableResult
    public func write(into directory: String, synthTarget: String = "ice40") throws -> [String] {
        let all = files(core: try SynthTarget(synthTarget))
        try AtomicFile.writeAll(all, into: directory)
        return all.map(\.name)
    }

    /// What the vectors cover, in words.
    var coverage: String {
        "\(jobs.count) GEMMs (seed \(seed)), \(weightBeats.count) weight, \(activationBeats.count) activation and "
            + "\(resultBeats.count) result beats; TVALID gaps \(sourceGap)% on the sources and the AXI4-Lite master, TREADY stalls \(sinkStall)% on the sink"
    }
}

extension TestbenchExport {
    /// The AXI top of the array (`DesignArtifacts.axiArray`) in its AXI testbench, on the GEMMs of `run`.
    public static func axiArray(_ run: ArrayRun) throws -> AxiTestbench {
        let (scenario, _) = try run.scenario()
        return try AxiTestbench(scenario, artifacts: try DesignArtifacts.axiArray(scenario.config))
    }
}
