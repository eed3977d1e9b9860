import Foundation
import Testing
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightFlows
import ShiftwrightTooling

/// The PE array behind AXI4-Stream and AXI4-Lite (docs/axi.md): its exported testbench runs whole
/// GEMMs with random back-pressure on every stream in Icarus and in Verilator, compares every
/// result beat with the golden GEMM and checks the AXI protocol every cycle. Both checkers are
/// shown to catch a planted bug: a wrapper that changes TDATA while stalled, one that drops
/// TVALID without a transfer (the protocol monitor), and a broken datapath (the golden comparison).
@Suite(.serialized) struct AxiArrayTests {
    /// A 2×3 int8 × ausn-b3s2 array, 3 GEMMs of M = 7, K = 4 (two tiles), 40 % stalls.
    static let seed: UInt64 = 13
    static func run() throws -> ArrayRun {
        var run = ArrayRun(config: try ArrayConfig(rows: 2, cols: 3, activation: NumberFormat(parsing: "int8"),
                                                   weight: NumberFormat(parsing: "ausn-b3s2"), maxRows: 8, maxTiles: 2))
        (run.m, run.k, run.gemms, run.seed, run.stall) = (7, 4, 3, seed, 0.4)
        return run
    }

    static func tool(_ name: String) throws -> String {
        try #require(ProcessRunner.which(name), "\(name) is not installed (scripts/setup.sh installs it)")
    }

    /// Exports the testbench into a fresh directory.
    static func export() throws -> (dir: String, tb: AxiTestbench) {
        print("AxiArrayTests: seed \(seed)")
        let tb = try TestbenchExport.axiArray(try run())
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sw-axi-\(UUID().uuidString)").path
        try tb.write(into: dir)
        return (dir, tb)
    }

    static func icarus(_ dir: String, _ tb: AxiTestbench) throws -> ProcessResult {
        let compile = try ProcessRunner.run(try tool("iverilog"), Array(tb.icarusCommands[0].dropFirst()), workingDirectory: dir)
        try #require(compile.succeeded, "iverilog: \(compile.stdout) \(compile.stderr)")
        return try ProcessRunner.run(try tool("vvp"), Array(tb.icarusCommands[1].dropFirst()), workingDirectory: dir)
    }

    /// Replaces `from` (which must occur exactly once) in the design file: a planted bug.
    static func mutate(_ dir: String, _ tb: AxiTestbench, _ from: String, _ to: String) throws {
        let path = "\(dir)/\(tb.design.name)"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try #require(text.components(separatedBy: from).count == 2, "'\(from)' must occur once in \(tb.design.name)")
        try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func expectPass(_ run: ProcessResult, _ tb: AxiTestbench) {
        print(run.stdout.split(separator: "\n").last { $0.hasPrefix("PASS") || $0.hasPrefix("FAIL") } ?? "")
        #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
        #expect(run.stdout.contains("PASS \(tb.testbenchName): 3 GEMMs, 21 result beats"), "\(run.stdout)")
        #expect(!run.stdout.contains("FAIL"))
    }

    static func expectFail(_ run: ProcessResult, _ tb: AxiTestbench, saying: String) {
        #expect(run.status != 0, "a mutant passed: \(run.stdout)")
        #expect(run.stdout.contains("FAIL \(tb.testbenchName): ") && run.stdout.contains(saying), "\(run.stdout)")
        #expect(!run.stdout.contains("PASS"))
    }

    @Test func testbenchPassesInIcarusAndVerilator() throws {
        let (dir, tb) = try Self.export()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        Self.expectPass(try Self.icarus(dir, tb), tb)
        let build = try ProcessRunner.run(try Self.tool("verilator"), Array(tb.verilatorCommands[0].dropFirst()), workingDirectory: dir)
        try #require(build.succeeded, "verilator --binary --timing: \(build.stdout) \(build.stderr)")
        Self.expectPass(try ProcessRunner.run("\(dir)/\(tb.verilatorCommands[1][0])", [], workingDirectory: dir), tb)
        // FuseSoC runs the written .core's Icarus simulation too.
        let fusesoc = try ProcessRunner.run(try Self.tool("fusesoc"), ["--cores-root", ".", "run", "--target", "sim", "shiftwright:generated:\(tb.top)"],
                                            workingDirectory: dir)
        Self.expectPass(fusesoc, tb)
    }

    /// Another shape in Icarus: 4×3 int4 × ausn-b2s1 → int4 (padded TDATA on the weight and result
    /// streams), K = 10 in three tiles (the last zero-padded), heavier stalls.
    @Test func paddedStreamsAndThreeTilesPassInIcarus() throws {
        let seed: UInt64 = 29
        print("AxiArrayTests: seed \(seed)")
        var run = ArrayRun(config: try ArrayConfig(rows: 4, cols: 3, activation: NumberFormat(parsing: "int4"), weight: NumberFormat(parsing: "ausn-b2s1"),
                                                   target: NumberFormat(parsing: "int4"), maxRows: 16, maxTiles: 4))
        (run.m, run.k, run.gemms, run.seed, run.stall) = (6, 10, 2, seed, 0.5)
        let tb = try TestbenchExport.axiArray(run)
        #expect(AxiArrayInterface.weightDataWidth(run.config) > run.config.cols * run.config.weight.codeWidth, "the weight TDATA is padded")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sw-axi-\(UUID().uuidString)").path
        try tb.write(into: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try Self.icarus(dir, tb)
        print(result.stdout.split(separator: "\n").last { $0.hasPrefix("PASS") || $0.hasPrefix("FAIL") } ?? "")
        #expect(result.status == 0 && result.stdout.contains("PASS \(tb.testbenchName): 2 GEMMs, 12 result beats"), "\(result.stdout)")
    }

    @Test func protocolMonitorCatchesTdataChangingWhileStalled() throws {
        let (dir, tb) = try Self.export()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // TDATA inverted while TREADY is low: the beat transferred is still right, the protocol is not.
        try Self.mutate(dir, tb, "assign m_axis_y_tdata = ", "assign m_axis_y_tdata = {\(AxiArrayInterface.resultDataWidth(tb.config))"
                        + "{~m_axis_y_tready & m_axis_y_tvalid}} ^ ")
        Self.expectFail(try Self.icarus(dir, tb), tb, saying: "m_axis_y: payload changed while VALID and not READY")
    }

    @Test func protocolMonitorCatchesTvalidDroppedWithoutTransfer() throws {
        let (dir, tb) = try Self.export()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // While stalled, TVALID is withdrawn whenever a register read response is pending. Every
        // transfer (TREADY high) is unchanged, so only the protocol monitor can see it.
        try Self.mutate(dir, tb, "assign m_axis_y_tvalid = ", "assign m_axis_y_tvalid = (m_axis_y_tready | !s_axi_rvalid) & ")
        Self.expectFail(try Self.icarus(dir, tb), tb, saying: "m_axis_y: VALID dropped without a transfer")
    }

    @Test func statusCheckCatchesAnIgnoredTlastError() throws {
        let (dir, tb) = try Self.export()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The wrapper no longer records a wrong TLAST on the weight stream.
        try Self.mutate(dir, tb, "wire w_tlast_wrong = ", "wire w_tlast_wrong = 1'b0 & ")
        Self.expectFail(try Self.icarus(dir, tb), tb, saying: "GEMM 2: STATUS 'h0000000a RRESP 0 once done, expected 'h0000000e")
    }

    @Test func goldenComparisonCatchesABrokenDatapath() throws {
        let (dir, tb) = try Self.export()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The column adder tree subtracts instead of adding.
        try Self.mutate(dir, tb, "colsum_sum = ", "colsum_sum = -")
        Self.expectFail(try Self.icarus(dir, tb), tb, saying: "but the golden model expects")
    }

    /// The top lints clean, it and its testbench are byte-identical when generated twice, and it documents its register map.
    @Test func topLintsCleanAndDocumentsItsRegisters() throws {
        let c = try Self.run().config
        let first = try DesignArtifacts.axiArray(c), second = try DesignArtifacts.axiArray(c)
        #expect(try first.files.map(\.data) == second.files.map(\.data))
        #expect(first.verilog.top == "\(c.moduleName)_axi")
        #expect(first.sidecar.ports.prefix(2).map(\.name) == ["aclk", "aresetn"])
        #expect(first.sidecar.kind == "array-axi")
        for r in AxiArrayInterface.Register.allCases {
            let key = "reg.0x" + String(repeating: "0", count: r.offset < 16 ? 1 : 0) + String(r.offset, radix: 16, uppercase: true) + "." + r.name
            #expect(first.sidecar.parameters[key] != nil, "sidecar parameter \(key)")
            #expect(first.verilog.text.contains("//   \(key): "), "header line for \(key)")
        }
        let tb1 = try TestbenchExport.axiArray(try Self.run()), tb2 = try TestbenchExport.axiArray(try Self.run())
        #expect(tb1.files(core: nil).map(\.data) == tb2.files(core: nil).map(\.data), "the exported testbench is deterministic too")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sw-axi-lint-\(UUID().uuidString)").path
        try DesignArtifacts.write([first], into: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lint = try ProcessRunner.run(try Self.tool("verilator"), ["--lint-only", "-Wall", "--top-module", first.verilog.top, first.verilog.fileName],
                                         workingDirectory: dir)
        #expect(lint.succeeded && lint.stderr.isEmpty, "\(lint.stdout) \(lint.stderr)")
    }
}
