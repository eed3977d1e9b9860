import ShiftwrightYosys
import ShiftwrightVerilator
import Foundation

/// A terminal summary of a sweep on one target: per activation, family and width, the split with
/// the fewest LUTs.
public enum SweepSummary {
    public static func text(_ result: SweepResult) -> String {
        var out = "sweep: \(result.plan.activations.map(\.name).joined(separator: ",")) x {\(result.plan.families.map(\.rawValue).joined(separator: ","))} "
            + "\(result.plan.bits.lowerBound)..\(result.plan.bits.upperBound) bits, target \(result.target), \(result.yosysVersion)\n"
        let several = result.plan.activations.count > 1
        let groups = result.plan.activations.flatMap { a in result.plan.families.flatMap { f in result.plan.bits.map { (a, f, $0) } } }
        for (activation, family, n) in groups {
            let rows = result.rows.filter { $0.activation == activation && $0.point.family == family && $0.point.bits == n }
            let t = result.target, unit = t.mapsToLUTs ? "LUT" : "cells"
            guard let best = rows.min(by: { ($0.cost(t), $0.point.x) < ($1.cost(t), $1.point.x) }) else { continue }
            let ratio = best.costRatio(t).map { String(format: "%.2fx", $0) } ?? "-"
            let base = t.mapsToLUTs ? best.baseline.luts : best.baseline.totalCells
            out += "  " + (several ? "\(activation.name) " : "") + "\(family.rawValue) \(n) bits: smallest \(best.point.weight.name) \(best.cost(t)) \(unit)"
                + " (int\(n) baseline \(base), \(ratio))\n"
        }
        return out
    }
}
