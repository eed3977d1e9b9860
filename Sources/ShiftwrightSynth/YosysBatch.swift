import Foundation
import ShiftwrightTooling

/// The outcome of synthesizing one design: its area and the netlists Yosys wrote.
public struct SynthResult: Sendable {
    public let design: SynthDesign
    public let target: SynthTarget
    public let area: AreaFigures
    /// Netlist file contents by format (empty unless netlists were asked for).
    public let netlists: [NetlistFormat: Data]
    /// Wall-clock seconds of the Yosys run this design was part of, divided by its design count.
    public let seconds: Double
}

extension Yosys {
    /// Synthesizes `designs` for `target` in one Yosys run (each from a clean design, so
    /// submodule names never clash), returning one result per distinct top, in input order.
    public func synthesize(_ designs: [SynthDesign], target: SynthTarget,
                           netlists: [NetlistFormat] = []) throws -> [SynthResult] {
        var seen = Set<String>()
        let unique = designs.filter { seen.insert($0.top).inserted }
        guard !unique.isEmpty else { return [] }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("shiftwright-synth-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for design in unique { try AtomicFile.write(design.verilog, to: "\(scratch)/\(design.fileName)") }

        let script = unique.map { SynthScript.block(for: $0, target: target, netlists: netlists) }.joined(separator: "\n")
        let start = Date()
        try run(script: script, in: scratch)
        let seconds = Date().timeIntervalSince(start) / Double(unique.count)

        return try unique.map { design in
            let stat = try Data(contentsOf: URL(fileURLWithPath: "\(scratch)/\(SynthScript.statFile(design.top))"))
            var files: [NetlistFormat: Data] = [:]
            for format in netlists {
                let path = "\(scratch)/\(format.fileName(top: design.top, target: target))"
                files[format] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
            return SynthResult(design: design, target: target, area: try AreaFigures(statJSON: stat),
                               netlists: files, seconds: seconds)
        }
    }
}

/// The Yosys commands for one design: read, select the top, synthesize, record statistics, write netlists.
enum SynthScript {
    static func statFile(_ top: String) -> String { "\(top).stat.json" }

    static func block(for design: SynthDesign, target: SynthTarget, netlists: [NetlistFormat]) -> String {
        var lines = [
            "design -reset",
            "read_verilog -sv \(design.fileName)",
            "hierarchy -check -top \(design.top)",
            target.synthCommand,
            "tee -q -o \(statFile(design.top)) stat -json",
        ]
        lines += netlists.map { $0.writeCommand($0.fileName(top: design.top, target: target)) }
        return lines.joined(separator: "\n")
    }
}
