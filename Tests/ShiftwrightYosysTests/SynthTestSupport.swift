import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightYosys
import ShiftwrightFlows
import ShiftwrightTooling

/// Shared helpers for the synthesis tests: PE configurations, scratch directories, netlist re-reads.
enum SynthTestSupport {
    /// The paper's 8/4 AUSN PE (int8 × 4-bit AUSN weight, sign included).
    static func ausn84() throws -> PEConfig {
        try PEConfig(activation: NumberFormat(parsing: "int8"), weight: NumberFormat(parsing: "ausn-b2s1"))
    }

    static func scratch(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("synth-test-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The repository root (for `synth-scripts/`).
    static var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Yosys's cell library for a target, read as black boxes before a mapped netlist.
    static func cellLibrary(_ target: SynthTarget) -> String? {
        switch target.name {
        case "xc7", "xcu": "+/xilinx/cells_sim.v"
        case "ice40": "+/ice40/cells_sim.v"
        case "ecp5": "+/ecp5/cells_sim.v"
        default: nil
        }
    }

    /// Re-reads a netlist file with Yosys and checks the hierarchy is complete; returns Yosys's
    /// error line, or nil when the netlist reads back cleanly.
    static func rereadProblem(_ path: String, format: NetlistFormat, top: String, target: SynthTarget) throws -> String? {
        let reader = switch format {
        case .json: "read_json"
        case .blif: "read_blif -wideports"
        case .verilog: "read_verilog"
        case .edif: "" // Yosys has no EDIF reader; see edifProblem.
        }
        // Yosys JSON carries parameterless black boxes of the cells it uses: swap in the real library.
        let library = cellLibrary(target).map { "read_verilog -lib \($0); " } ?? ""
        // The pinned Yosys (YoWASP) sees only its working directory: run it next to the file.
        let url = URL(fileURLWithPath: path), file = url.lastPathComponent
        let read = format == .json ? "\(reader) \(file); delete A:blackbox; \(library)" : "\(library)\(reader) \(file); "
        let script = read + "hierarchy -check -top \(top); proc; check -assert"
        let result = try ProcessRunner.run(Yosys.pinnedExecutable, ["-q", "-p", script], workingDirectory: url.deletingLastPathComponent().path)
        if result.succeeded { return nil }
        return (result.stderr + result.stdout).split(separator: "\n").first { $0.contains("ERROR") }.map(String.init) ?? result.tail()
    }

    /// Yosys cannot read EDIF back, so check it structurally: balanced parentheses and one
    /// `cellRef` per cell Yosys counted, type by type.
    static func edifProblem(_ text: String, area: AreaFigures) -> String? {
        var depth = 0
        for ch in text.utf8 {
            if ch == UInt8(ascii: "(") { depth += 1 } else if ch == UInt8(ascii: ")") { depth -= 1 }
            if depth < 0 { return "unbalanced ')'" }
        }
        if depth != 0 { return "unbalanced parentheses (depth \(depth) at end)" }
        for (type, count) in area.cellsByType {
            let refs = text.components(separatedBy: "(cellRef \(type)\n").count - 1
                + text.components(separatedBy: "(cellRef \(type) ").count - 1
                + text.components(separatedBy: "(cellRef \(type))").count - 1
            if refs != count { return "\(type): \(refs) cellRefs in EDIF, \(count) cells in stat" }
        }
        return nil
    }
}
