import ShiftwrightTooling

/// Where a design is synthesized: Yosys's generic gate library or an FPGA family, and the exact
/// Yosys command that maps it there. Known names are `generic`, `xc7`, `xcu`, `ice40` and `ecp5`;
/// any other lowercase name `x` is passed to Yosys as `synth_x`, so a target Yosys does not know
/// fails with Yosys's own message rather than ours.
public struct SynthTarget: Sendable, Hashable, CustomStringConvertible {
    /// The name users type (`--target`), also used in file names.
    public let name: String
    /// Allow DSP blocks (multipliers in hard macros). Off for every LUT comparison.
    public let useDSP: Bool
    /// Keep the module hierarchy: each distinct module is synthesized once and `stat` multiplies
    /// it by its instances (a 64×64 array costs one column's synthesis). Off: flattened first.
    public let hierarchical: Bool

    /// The targets with a checked-in script in `synth-scripts/`.
    public static let known = ["generic", "xc7", "xcu", "ice40", "ecp5"]

    public init(_ name: String, useDSP: Bool = false, hierarchical: Bool = false) throws {
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
            throw ToolError("bad target '\(name)': use one of \(SynthTarget.known.joined(separator: ", ")) (or another Yosys synth_<name> family, lowercase letters, digits, '_')")
        }
        self.name = name
        self.useDSP = useDSP
        self.hierarchical = hierarchical
    }

    public var description: String { name + (useDSP ? "+dsp" : "") + (hierarchical ? "+hierarchical" : "") }

    /// The Yosys command that synthesizes the (already read, top-selected) design to this target,
    /// flattened so that per-PE counts include every submodule.
    public var synthCommand: String {
        switch name {
        case "generic": return hierarchical ? "synth" : "synth -flatten"
        case "xc7", "xcu": return "synth_xilinx -family \(name)" + (hierarchical ? "" : " -flatten") + " -noiopad" + (useDSP ? "" : " -nodsp")
        case "ice40": return "synth_ice40" + (hierarchical ? " -noflatten" : "") + (useDSP ? " -dsp" : "")
        case "ecp5": return "synth_ecp5" + (hierarchical ? " -noflatten" : "") + (useDSP ? "" : " -nodsp")
        default: return "synth_\(name)"
        }
    }

    /// Whether the target maps logic to LUTs; the generic gate library does not (count cells there).
    public var mapsToLUTs: Bool { name != "generic" }

    /// The area measure comparisons rank by: LUTs, or cells on a target without LUTs.
    public func cost(_ area: AreaFigures) -> Int { mapsToLUTs ? area.luts : area.totalCells }

    /// The name of the script in `synth-scripts/` that holds `synthCommand` (DSP variants share it).
    public var scriptFileName: String { "\(name).ys" }
}
