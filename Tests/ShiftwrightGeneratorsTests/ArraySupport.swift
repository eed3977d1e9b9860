import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightVerilator
import ShiftwrightFlows

/// Shared builders for the array tests: configurations and seeded random GEMMs.
enum ArrayTestSupport {
    static func config(_ rows: Int, _ cols: Int, _ act: String, _ weight: String, target: String = "int8",
                       maxRows: Int = 64, maxTiles: Int = 4) throws -> ArrayConfig {
        try ArrayConfig(rows: rows, cols: cols, activation: NumberFormat(parsing: act), weight: NumberFormat(parsing: weight),
                        target: NumberFormat(parsing: target), maxRows: maxRows, maxTiles: maxTiles)
    }

    /// Random GEMMs of the given (M, K) shapes with N = cols; the shift is fitted to each product
    /// (plus a random offset of −2...1 so saturation and flush-to-zero both occur).
    static func gemms(_ c: ArrayConfig, shapes: [(m: Int, k: Int)], seed: UInt64) throws -> [GemmProblem] {
        var rng = SplitMix64(seed: seed)
        return try shapes.map { shape in
            let g = try GemmProblem.random(activation: c.activation, weight: c.weight, target: c.target, ties: c.ties,
                                           shift: 0, m: shape.m, k: shape.k, n: c.cols, using: &rng)
            let limit = 1 << (c.shiftBits - 1)
            let fitted = GoldenGEMM.fittingShift(g, shiftRange: -limit...(limit - 1))
            let shift = min(max(fitted + Int(rng.next() % 4) - 2, -limit), limit - 1)
            return try GemmProblem(activation: c.activation, weight: c.weight, target: c.target, ties: c.ties, shift: shift,
                                   m: g.m, k: g.k, n: g.n, x: g.x, w: g.w)
        }
    }
}

extension ArrayTestSupport {
    /// A file of the formats tests' fixtures (shared, not copied).
    static func fixture(_ name: String) -> String {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        url.deleteLastPathComponent()
        return url.appendingPathComponent("ShiftwrightFormatsTests/Fixtures/\(name)").path
    }
}

import Foundation
