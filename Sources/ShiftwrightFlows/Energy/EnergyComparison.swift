import Foundation
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

/// Activity netlists and measurements by top module, so a report measures each integer baseline
/// once; `prefetch` fills it several designs at a time (each Yosys or Verilator run is one process).
public final class EnergyCache: @unchecked Sendable {
    private let lock = NSLock()
    private var netlists: [String: ActivityNetlist] = [:]
    private var measurements: [String: Result<SwitchingMeasurement, ToolError>] = [:]

    public init() {}

    private func locked<T>(_ body: () -> T) -> T { lock.lock(); defer { lock.unlock() }; return body() }

    func netlist(_ config: PEConfig, target: SynthTarget, yosys: Yosys) throws -> ActivityNetlist {
        if let n = locked({ netlists[config.moduleName] }) { return n }
        let n = try yosys.activityNetlist(SynthDesign.pe(config), target: target)
        locked { netlists[config.moduleName] = n }
        return n
    }

    /// The measurement, or the golden check's failure (a netlist that does not compute the
    /// workload) as a `ToolError` of kind `.checkFailed`; other errors are thrown.
    func measurementResult(_ config: PEConfig, target: SynthTarget, macs: Int, yosys: Yosys) throws -> Result<SwitchingMeasurement, ToolError> {
        if let m = locked({ measurements[config.moduleName] }) { return m }
        let workload = try EnergyWorkload(activation: config.activation, weight: config.weight, macs: macs)
        let result: Result<SwitchingMeasurement, ToolError>
        do {
            result = .success(try SwitchingMeasurement.measure(netlist(config, target: target, yosys: yosys), config: config, workload: workload))
        } catch let error as ToolError where error.kind == .checkFailed {
            result = .failure(error)
        }
        locked { measurements[config.moduleName] = result }
        return result
    }

    func measurement(_ config: PEConfig, target: SynthTarget, macs: Int, yosys: Yosys) throws -> SwitchingMeasurement {
        try measurementResult(config, target: target, macs: macs, yosys: yosys).get()
    }

    /// Runs `body` for every config, `jobs` at a time; the first error is thrown after all finish.
    static func parallel(_ configs: [PEConfig], jobs: Int, _ body: @escaping @Sendable (PEConfig) throws -> Void) throws {
        var seen = Set<String>()
        let distinct = configs.filter { seen.insert($0.moduleName).inserted }
        let gate = DispatchSemaphore(value: max(1, jobs))
        let group = DispatchGroup()
        let errors = ErrorSlot()
        for config in distinct {
            gate.wait()
            group.enter()
            DispatchQueue.global().async {
                defer { gate.signal(); group.leave() }
                do { try body(config) } catch { errors.keep(error) }
            }
        }
        group.wait()
        if let error = errors.first { throw error }
    }
}

/// The first error of parallel work.
private final class ErrorSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func keep(_ e: any Error) { lock.lock(); if error == nil { error = e }; lock.unlock() }
    var first: (any Error)? { lock.lock(); defer { lock.unlock() }; return error }
}
