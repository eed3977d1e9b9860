import Foundation
import ShiftwrightTooling

/// The outcome of synthesizing one design: its area and the netlists Yosys wrote.
public struct SynthResult: Sendable {
    public let design: SynthDesign
    public let target: SynthTarget
    public let area: AreaFigures
    /// Each module's own figures (kept submodules stay modules: a PE's product generator, say).
    public let modules: [String: AreaFigures]
    /// Netlist file contents by format (empty unless netlists were asked for).
    public let netlists: [NetlistFormat: Data]
    /// Wall-clock seconds of this design's Yosys run.
    public let seconds: Double
}

extension Yosys {
    /// Synthesizes `designs` for `target`, one Yosys process per design, returning one result per
    /// distinct top in input order. Separate processes keep each design's area independent of what
    /// else is synthesized or written: Yosys's name counter carries over within a process, and ABC's
    /// mapping depends on names (measured: an int8×int4 PE gave 167 or 183 SB_LUT4 by batch order).
    public func synthesize(_ designs: [SynthDesign], target: SynthTarget,
                           netlists: [NetlistFormat] = []) throws -> [SynthResult] {
        var seen = Set<String>()
        return try designs.filter { seen.insert($0.top).inserted }.map { try synthesizeOne($0, target: target, netlists: netlists) }
    }

    public func synthesizeOne(_ design: SynthDesign, target: SynthTarget, netlists: [NetlistFormat]) throws -> SynthResult {
        let scratch = try ScratchSpace.makeTemporaryDirectory("synth")
        defer { ScratchSpace.release(scratch) }
        try AtomicFile.write(design.verilog, to: "\(scratch)/\(design.fileName)")
        let start = Date()
        try Heartbeat.run("Yosys: synthesizing \(design.top) for \(target.name)",
                          history: DurationHistory(kind: "yosys-\(target.name)"), size: design.verilog.utf8.count) {
            try run(script: SynthScript.block(for: design, target: target, netlists: netlists), in: scratch)
        }
        let seconds = Date().timeIntervalSince(start)
        let stat = try Data(contentsOf: URL(fileURLWithPath: "\(scratch)/\(SynthScript.statFile(design.top))"))
        var files: [NetlistFormat: Data] = [:]
        for format in netlists {
            files[format] = try Data(contentsOf: URL(fileURLWithPath: "\(scratch)/\(format.fileName(top: design.top, target: target))"))
        }
        let (area, modules) = try AreaFigures.parse(statJSON: stat)
        return SynthResult(design: design, target: target, area: area, modules: modules, netlists: files, seconds: seconds)
    }
}

/// The Yosys commands for one design: read, select the top, synthesize, record statistics, write netlists.
enum SynthScript {
    static func statFile(_ top: String) -> String { "\(top).stat.json" }

    static func block(for design: SynthDesign, target: SynthTarget, netlists: [NetlistFormat]) -> String {
        var lines = [
            "read_verilog -sv \(design.fileName)",
            "hierarchy -check -top \(design.top)",
            target.synthCommand,
            "tee -q -o \(statFile(design.top)) stat -json",
        ]
        lines += netlists.map { $0.writeCommand($0.fileName(top: design.top, target: target)) }
        return lines.joined(separator: "\n")
    }
}
