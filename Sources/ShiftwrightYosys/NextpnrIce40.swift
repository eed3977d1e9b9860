import Foundation
import ShiftwrightTooling

/// The maximum clock frequency nextpnr found for one design after place and route.
public struct TimingResult: Sendable {
    public let design: SynthDesign
    /// Achieved Fmax of `clk` in MHz.
    public let fmaxMHz: Double
    public let nextpnrVersion: String
    public let device: String
}

/// Places and routes a registered design on an iCE40 with Debian's `nextpnr-ice40` and reads Fmax
/// from its JSON report (`--report`), never from the log text. The design's inputs are registered
/// by a wrapper so the datapath is a register-to-register path.
public struct NextpnrIce40: Sendable {
    public let executable: String
    /// Device flag, e.g. `hx8k` or `up5k`.
    public let device: String
    /// Placer seed: fixed so the same input gives the same report.
    public let seed: Int

    public init(executable: String = "nextpnr-ice40", device: String = "hx8k", seed: Int = 1) {
        self.executable = executable
        self.device = device
        self.seed = seed
    }

    var tool: ExternalTool { ExternalTool(executable, installHint: "apt-get install -y --no-install-recommends nextpnr-ice40") }

    public func version() throws -> String {
        try tool.versionLine().replacingOccurrences(of: " -- Next Generation Place and Route", with: "")
    }

    private func require() throws { try tool.require() }

    /// Synthesizes `design` (inputs registered) with `synth_ice40`, places and routes it, returns Fmax.
    public func timing(_ design: SynthDesign, yosys: Yosys) throws -> TimingResult {
        try require()
        let wrapped = try TimingWrapper.design(around: design)
        let target = try SynthTarget("ice40")
        guard let netlist = try yosys.synthesize([wrapped], target: target, netlists: [.json]).first?.netlists[.json] else {
            throw ToolError("Yosys wrote no JSON netlist for \(wrapped.top)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("shiftwright-pnr-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try AtomicFile.write(netlist, to: "\(scratch)/design.json")
        let result = try ProcessRunner.run(executable, [
            "--\(device)", "--json", "design.json", "--pcf-allow-unconstrained", "--freq", "500",
            "--seed", "\(seed)", "--timing-allow-fail", "--report", "report.json", "-q",
        ], workingDirectory: scratch)
        guard result.succeeded else {
            let lines = (result.stderr + "\n" + result.stdout).split(separator: "\n").map(String.init)
            throw ToolError("nextpnr-ice40 failed: \(lines.first { $0.contains("ERROR") } ?? result.tail())")
        }
        let report = try Data(contentsOf: URL(fileURLWithPath: "\(scratch)/report.json"))
        return TimingResult(design: design, fmaxMHz: try Self.fmax(report: report), nextpnrVersion: try version(), device: device)
    }

    /// Both designs, for a side-by-side table.
    public func compare(_ design: SynthDesign, baseline: SynthDesign, yosys: Yosys) throws -> [TimingResult] {
        [try timing(design, yosys: yosys), try timing(baseline, yosys: yosys)]
    }

    /// The lowest achieved Fmax over the clocks in a nextpnr `--report` JSON.
    static func fmax(report: Data) throws -> Double {
        guard let root = try? JSONSerialization.jsonObject(with: report) as? [String: Any],
              let clocks = root["fmax"] as? [String: Any],
              let achieved = clocks.values.compactMap({ ($0 as? [String: Any])?["achieved"] as? Double }).min() else {
            throw ToolError("nextpnr's report has no fmax entry (is the design clocked?)")
        }
        return achieved
    }
}

/// Renders timing results as text, one line per design.
public enum TimingTable {
    public static func text(_ results: [TimingResult]) -> String {
        guard let first = results.first else { return "" }
        var out = "timing: \(first.nextpnrVersion), iCE40 \(first.device.uppercased()), inputs registered, seed fixed\n"
        for r in results { out += "  \(r.design.top)  Fmax \(String(format: "%.1f", r.fmaxMHz)) MHz\n" }
        return out
    }
}
