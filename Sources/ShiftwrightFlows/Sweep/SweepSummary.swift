import ShiftwrightYosys
import ShiftwrightVerilator
import Foundation

/// A terminal summary of a sweep: per family and width, the split with the fewest LUTs.
public enum SweepSummary {
    public static func text(_ result: SweepResult) -> String {
        var out = "sweep: \(result.plan.activation.name) x {\(result.plan.families.map(\.rawValue).joined(separator: ","))} "
            + "\(result.plan.bits.lowerBound)..\(result.plan.bits.upperBound) bits, target \(result.target), \(result.yosysVersion)\n"
        for family in result.plan.families {
            for n in result.plan.bits {
                let rows = result.rows.filter { $0.point.family == family && $0.point.bits == n }
                let t = result.target, unit = t.mapsToLUTs ? "LUT" : "cells"
                guard let best = rows.min(by: { ($0.cost(t), $0.point.x) < ($1.cost(t), $1.point.x) }) else { continue }
                let ratio = best.costRatio(t).map { String(format: "%.2fx", $0) } ?? "-"
                let base = t.mapsToLUTs ? best.baseline.luts : best.baseline.totalCells
                out += "  \(family.rawValue) \(n) bits: smallest \(best.point.weight.name) \(best.cost(t)) \(unit)"
                    + " (int\(n) baseline \(base), \(ratio))\n"
            }
        }
        return out
    }
}
