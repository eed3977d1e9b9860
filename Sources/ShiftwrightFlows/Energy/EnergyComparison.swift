import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling
import ShiftwrightYosys

/// A PE's switching-energy proxy beside its equal-effort integer baseline's on the same data:
/// the same real tensor quantized to each side's weight format, the same activations, the same
/// order (`EnergyWorkload`), both PEs with the same accumulator (`BaselinePair`); the baseline is
/// the smaller of the Booth and `*` integer MACs on the target, as in the area comparison.
public struct EnergyComparison: Sendable {
    public let design: SwitchingMeasurement
    public let baseline: SwitchingMeasurement
    public let designConfig: PEConfig
    public let baselineConfig: PEConfig

    /// Baseline proxy / design proxy: above 1 means the design switches less than the integer MAC.
    public var ratio: Double { baseline.switchingPerMAC / design.switchingPerMAC }

    /// Measures `config` and its baseline for `target` with `macs` MACs of the workload. Netlists
    /// and measurements already in `cache` (keyed by top module) are reused.
    public static func run(_ config: PEConfig, target: SynthTarget, macs: Int, yosys: Yosys = Yosys(),
                           cache: EnergyCache = EnergyCache()) throws -> EnergyComparison {
        let pair = try BaselinePair(config)
        let netlists = try pair.baselines.map { try cache.netlist($0, target: target, yosys: yosys) }
        let best = pair.bestBaseline(Dictionary(uniqueKeysWithValues: zip(pair.baselines.map(\.moduleName), netlists.map(\.area))),
                                     target: target)
        // An integer row is its own baseline: the design is then the equal-effort integer MAC itself.
        let design = config.weight.isInteger && config.activation.isInteger ? best : pair.design
        return EnergyComparison(design: try cache.measurement(design, target: target, macs: macs, yosys: yosys),
                                baseline: try cache.measurement(best, target: target, macs: macs, yosys: yosys),
                                designConfig: design, baselineConfig: best)
    }
}

/// Activity netlists and measurements by top module, so a report measures each integer baseline once.
public final class EnergyCache: @unchecked Sendable {
    private var netlists: [String: ActivityNetlist] = [:]
    private var measurements: [String: SwitchingMeasurement] = [:]

    public init() {}

    func netlist(_ config: PEConfig, target: SynthTarget, yosys: Yosys) throws -> ActivityNetlist {
        if let n = netlists[config.moduleName] { return n }
        let n = try yosys.activityNetlist(SynthDesign.pe(config), target: target)
        netlists[config.moduleName] = n
        return n
    }

    func measurement(_ config: PEConfig, target: SynthTarget, macs: Int, yosys: Yosys) throws -> SwitchingMeasurement {
        if let m = measurements[config.moduleName] { return m }
        let workload = try EnergyWorkload(activation: config.activation, weight: config.weight, macs: macs)
        let m = try SwitchingMeasurement.measure(netlist(config, target: target, yosys: yosys), config: config, workload: workload)
        measurements[config.moduleName] = m
        return m
    }
}
