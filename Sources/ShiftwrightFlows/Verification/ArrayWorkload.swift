import ShiftwrightYosys
import ShiftwrightVerilator
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling

/// Splits a GEMM of any M and N into problems an array runs: N in blocks of `cols` columns (the
/// last one zero-padded: weight code 0 is zero in every format) and M in chunks of at most
/// `maxRows` rows. K must fit one run (K ≤ rows · maxTiles).
public enum ArrayWorkload {
    /// X: M×K activation codes, W: K×N weight codes (row-major).
    public static func blocks(x: [UInt64], w: [UInt64], m: Int, k: Int, n: Int, shift: Int,
                              config c: ArrayConfig) throws -> [GemmProblem] {
        guard k <= c.maxDepth else {
            throw ToolError("K = \(k) exceeds what one run accumulates (\(c.rows) rows x \(c.maxTiles) tiles = \(c.maxDepth)); raise --max-tiles")
        }
        var problems: [GemmProblem] = []
        for col0 in stride(from: 0, to: n, by: c.cols) {
            let block = (0..<(k * c.cols)).map { i -> UInt64 in
                let (row, col) = (i / c.cols, col0 + i % c.cols)
                return col < n ? w[row * n + col] : 0
            }
            for row0 in stride(from: 0, to: m, by: c.maxRows) {
                let rows = min(c.maxRows, m - row0)
                problems.append(try GemmProblem(activation: c.activation, weight: c.weight, target: c.target, ties: c.ties,
                                                shift: shift, m: rows, k: k, n: c.cols,
                                                x: Array(x[(row0 * k)..<((row0 + rows) * k)]), w: block))
            }
        }
        return problems
    }
}
