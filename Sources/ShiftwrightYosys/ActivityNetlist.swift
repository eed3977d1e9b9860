import Foundation
import ShiftwrightTooling

/// A synthesized netlist prepared for switching-activity measurement: mapped exactly as
/// `synthesizeOne` maps it (same script, same area), then flattened into one module and every
/// net and cell but the ports given a plain enumerated name (`n<i>`, `c<i>`), so that the
/// structural Verilog, the JSON netlist and the EDIF all name each net alike, the simulator
/// traces every net (no `_`-prefixed or escaped names), and a SAIF written from the trace names
/// nets the way Vivado sees them after `read_edif`.
public struct ActivityNetlist: Sendable {
    public let top: String
    public let target: SynthTarget
    public let area: AreaFigures
    /// `write_verilog -noattr`: for gate-level simulation with the target's cell models.
    public let verilog: String
    /// `write_json`: where fan-out is read from (`NetlistFanout`).
    public let json: Data
    /// `write_edif -pvector bra`: what a Vivado user loads with `read_edif` before `read_saif`.
    public let edif: Data

    public init(top: String, target: SynthTarget, area: AreaFigures, verilog: String, json: Data, edif: Data) {
        (self.top, self.target, self.area, self.verilog, self.json, self.edif) = (top, target, area, verilog, json, edif)
    }

    /// The Yosys commands run after the target's synthesis: flatten (submodules kept for area are
    /// merged; cell count unchanged), then rename. Ports keep their names (`rename -hide` skips them).
    static let preparation = [
        "setattr -mod -unset keep_hierarchy",
        "flatten",
        "rename -hide w:*",
        "rename -enumerate -pattern n% w:*",
        "rename -hide c:*",
        "rename -enumerate -pattern c% c:*",
    ]
}

extension Yosys {
    /// Synthesizes `design` for `target` and returns its activity netlist (one Yosys process).
    public func activityNetlist(_ design: SynthDesign, target: SynthTarget) throws -> ActivityNetlist {
        let scratch = try ScratchSpace.makeTemporaryDirectory("activity")
        defer { ScratchSpace.release(scratch) }
        try AtomicFile.write(design.verilog, to: "\(scratch)/\(design.fileName)")
        let files = (verilog: "netlist.v", json: "netlist.json", edif: "netlist.edf")
        let script = [
            "read_verilog -sv \(design.fileName)",
            "hierarchy -check -top \(design.top)",
            target.synthCommand,
        ] + ActivityNetlist.preparation + [
            "tee -q -o \(SynthScript.statFile(design.top)) stat -json",
            NetlistFormat.verilog.writeCommand(files.verilog),
            NetlistFormat.json.writeCommand(files.json),
            NetlistFormat.edif.writeCommand(files.edif),
        ]
        try Heartbeat.run("Yosys: synthesizing \(design.top) for \(target.name) (activity netlist)") {
            try run(script: script.joined(separator: "\n"), in: scratch)
        }
        func read(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: "\(scratch)/\(name)")) }
        let area = try AreaFigures(statJSON: read(SynthScript.statFile(design.top)))
        guard let verilog = String(data: try read(files.verilog), encoding: .utf8) else {
            throw ToolError.toolFailed("Yosys wrote a netlist of \(design.top) that is not UTF-8 text")
        }
        return ActivityNetlist(top: design.top, target: target, area: area, verilog: verilog,
                               json: try read(files.json), edif: try read(files.edif))
    }
}
