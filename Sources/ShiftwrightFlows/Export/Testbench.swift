import Foundation
import BigInt
import ShiftwrightBits
import ShiftwrightHDL
import ShiftwrightTooling
import ShiftwrightYosys

/// A self-checking Verilog testbench a user's CI can keep without Shiftwright: the design's
/// Verilog, a testbench module that replays `<top>_stimulus.hex` one row per clock cycle and
/// compares the design's outputs with `<top>_expected.hex` (golden values computed beforehand
/// by the golden model), printing `PASS` or `FAIL` with the first mismatch and ending with a
/// non-zero status (`$fatal`) on failure. Runs in Icarus Verilog and in Verilator (`--binary`).
public struct Testbench: Sendable {
    /// What the testbench compares.
    public enum Check: Sendable {
        /// The output `port` at every cycle whose expected value is non-nil (nil: not checked,
        /// e.g. reset and pipeline fill), sampled after the cycle's inputs settle, before its clock edge.
        case everyCycle(port: PortSpec, expected: [BigInt?])
        /// The values of the output `data` on every cycle where the output `valid` and the input
        /// `ready` are both high, in order, against `beats`; the run must deliver all of them.
        case stream(data: PortSpec, valid: String, ready: String, beats: [BigInt])
    }

    /// The design's top module (the testbench module is `tb_<top>`).
    public let top: String
    /// The design's Verilog file (name and text) as generated.
    public let design: (name: String, text: String)
    /// The top module's ports.
    public let ports: [PortSpec]
    /// One row per cycle: a value for each input but `clk`, in port order (`rst` included).
    public let stimulus: [[BigInt]]
    public let check: Check
    /// What the vectors cover, in words (written into the testbench's header).
    public let coverage: String

    public init(top: String, design: (name: String, text: String), ports: [PortSpec], stimulus: [[BigInt]],
                check: Check, coverage: String) throws {
        if let clash = ports.first(where: { $0.name.hasPrefix("tb_") }) {
            throw ToolError("port '\(clash.name)' of '\(top)' clashes with the testbench's own names (tb_*)")
        }
        (self.top, self.design, self.ports, self.stimulus, self.check, self.coverage) = (top, design, ports, stimulus, check, coverage)
    }

    /// Whether the design has a clock input `clk` (the testbench drives it; otherwise it only waits).
    var clocked: Bool { ports.contains { $0.name == "clk" && $0.isInput } }

    /// The inputs carried in a stimulus row, in order.
    var stimulusPorts: [PortSpec] { ports.filter { $0.isInput && $0.name != "clk" } }

    public var testbenchName: String { "tb_\(top)" }
    public var stimulusFile: String { "\(top)_stimulus.hex" }
    public var expectedFile: String { "\(top)_expected.hex" }
    public var testbenchFile: String { "\(testbenchName).v" }

    /// The commands that run the testbench, from the directory holding its files.
    public var icarusCommands: [[String]] {
        [["iverilog", "-g2012", "-o", testbenchName, testbenchFile, design.name], ["vvp", "-n", testbenchName]]
    }
    public var verilatorCommands: [[String]] {
        [["verilator", "--binary", "--top-module", testbenchName, "-Mdir", "obj_\(testbenchName)", testbenchFile, design.name],
         ["obj_\(testbenchName)/V\(testbenchName)"]]
    }

    /// Every file of the testbench and a FuseSoC `.core` whose `default`/`lint`,
    /// `sim` (Icarus), `sim_verilator` and (for an FPGA family) `synth` targets use them.
    /// Deterministic for identical inputs.
    public func files(core target: SynthTarget?) -> [(name: String, data: Data)] {
        let core = FuseSoCCore.text(top: top, rtlFile: design.name, description: "Shiftwright generated \(top) with its self-checking testbench",
                                    target: target, testbench: .init(file: testbenchFile, top: testbenchName,
                                                                     dataFiles: [stimulusFile, expectedFile]))
        return files + [("\(top).core", Data(core.utf8))]
    }

    /// The design, testbench and vector files, deterministic for identical inputs.
    public var files: [(name: String, data: Data)] {
        [(design.name, Data(design.text.utf8)),
         (testbenchFile, Data(TestbenchVerilog.text(self).utf8)),
         (stimulusFile, Data(Self.hexLines(stimulus.map { Self.concatenate($0, widths: stimulusPorts.map(\.width)) },
                                           width: stimulusWidth).utf8)),
         (expectedFile, Data(Self.hexLines(expectedRows, width: expectedWidth).utf8))]
    }

    /// Writes every file (and the `.core`, synthesizing for the target named `synthTarget`) into
    /// `directory`, all or nothing; returns their names.
    @discardableResult
    public func write(into directory: String, synthTarget: String = "ice40") throws -> [String] {
        let all = files(core: try SynthTarget(synthTarget))
        try AtomicFile.writeAll(all, into: directory)
        return all.map(\.name)
    }

    var stimulusWidth: Int { max(1, stimulusPorts.reduce(0) { $0 + $1.width }) }

    /// Bits of one expected row: a check flag above the value per cycle, the value alone per beat.
    var expectedWidth: Int {
        switch check {
        case let .everyCycle(port, _): 1 + port.width
        case let .stream(data, _, _, _): data.width
        }
    }

    /// Rows of the expected file.
    var expectedRows: [BigInt] {
        switch check {
        case let .everyCycle(port, expected):
            expected.map { value in value.map { (BigInt(1) << port.width) | $0.pattern(width: port.width) } ?? 0 }
        case let .stream(data, _, _, beats):
            beats.map { $0.pattern(width: data.width) }
        }
    }

    /// Rows of the expected file (at least one, so `$readmemh` always has a memory to fill).
    var expectedDepth: Int { max(1, expectedRows.count) }

    /// `values` as one pattern, the first in the highest bits (Verilog's `{a, b, …}`).
    static func concatenate(_ values: [BigInt], widths: [Int]) -> BigInt {
        zip(values, widths).reduce(BigInt(0)) { ($0 << $1.1) | $1.0.pattern(width: $1.1) }
    }

    /// One hexadecimal line per row, zero-padded to the row width (what `$readmemh` reads).
    static func hexLines(_ rows: [BigInt], width: Int) -> String {
        let digits = (width + 3) / 4
        var text = ""
        text.reserveCapacity(rows.count * (digits + 1))
        for row in rows {
            let hex = String(row, radix: 16)
            text += String(repeating: "0", count: max(0, digits - hex.count)) + hex + "\n"
        }
        return text.isEmpty ? String(repeating: "0", count: digits) + "\n" : text
    }
}
