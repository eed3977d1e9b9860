import ShiftwrightYosys
import ShiftwrightVerilator
import BigInt
import ShiftwrightHDL
import ShiftwrightFormats
import ShiftwrightGenerators

/// Builds the co-simulation plan for a processing element: every (activation, weight) code pair
/// when there are at most `exhaustiveLimit` (2^30) of them (otherwise seeded-random pairs), each
/// as a clear-and-accumulate cycle, then seeded-random accumulation sequences exercising `en` and
/// `clear` (with a clear at least every K accumulations, the declared depth). Expected
/// accumulator values come only from the golden `ReferencePE` (`ReferencePE64` when the
/// accumulator fits 62 bits). The plan streams: code pairs are a function of the cycle number
/// and the golden model steps along with the chunks.
public enum PEVerification {
    /// Input spaces up to this size are covered exhaustively (≈ 20 s per design on 2 cores).
    public static let exhaustiveLimit = 1 << 30

    public struct Options: Sendable {
        /// Random product vectors when the space is too large for exhaustive coverage.
        public var randomProducts = 200_000
        /// Random accumulation cycles after the product section.
        public var accumulationCycles = 20_000
        public var seed: UInt64 = 1
        /// Input spaces up to this size are covered exhaustively (0: always random).
        public var exhaustiveLimit = PEVerification.exhaustiveLimit
        public init(randomProducts: Int = 200_000, accumulationCycles: Int = 20_000, seed: UInt64 = 1,
                    exhaustiveLimit: Int = PEVerification.exhaustiveLimit) {
            self.randomProducts = randomProducts
            self.accumulationCycles = accumulationCycles
            self.seed = seed
            self.exhaustiveLimit = exhaustiveLimit
        }
    }

    public static func plan(_ config: PEConfig, module: Module, externalVerilog: (text: String, top: String)? = nil,
                            options: Options = Options()) -> VectorPlan {
        let a = config.activation, w = config.weight
        let space = UInt64(1) << UInt64(a.codeWidth + w.codeWidth)
        let exhaustive = space <= UInt64(options.exhaustiveLimit)
        let products = exhaustive ? Int(space) : options.randomProducts
        let cycles = 1 + products + options.accumulationCycles + config.latency
        let accumulation = accumulationRows(config, cycles: options.accumulationCycles, products: products, seed: options.seed)
        let (weightBits, weightMask, actMask, seed) = (UInt64(w.codeWidth), w.codeMask, a.codeMask, options.seed)
        // One row of 4 words per cycle: act, wt, en, clear. Row 0 is the reset cycle (all zero),
        // rows 1...products clear-and-accumulate one code pair each, then accumulate/clear runs.
        let stimulus: VectorPlan.Stimulus = { first, rows in
            for i in 0..<(rows.count / 4) {
                let cycle = first + i, r = 4 * i
                if cycle >= 1 && cycle <= products {
                    let k = UInt64(cycle - 1)
                    if exhaustive {
                        rows[r] = k >> weightBits; rows[r + 1] = k & weightMask
                    } else {
                        var rng = RowRandom.generator(seed: seed, row: cycle)
                        rows[r] = rng.next() & actMask; rows[r + 1] = rng.next() & weightMask
                    }
                    rows[r + 2] = 1; rows[r + 3] = 1
                } else if cycle > products && cycle <= products + accumulation.count / 4 {
                    let s = 4 * (cycle - products - 1)
                    for j in 0..<4 { rows[r + j] = accumulation[s + j] }
                } else {
                    for j in 0..<4 { rows[r + j] = 0 }
                }
            }
        }
        let coverage = (exhaustive ? "exhaustive: all \(products) code pairs" : "seeded-random (seed \(options.seed)): \(products) code pairs")
            + ", then \(options.accumulationCycles) random accumulate/clear cycles (seed \(options.seed))"
        let checker: VectorPlan.CheckerFactory
        if config.accumulatorWidth <= 62, let fast = ReferencePE64(activation: a, weight: w, maxAccumulations: config.accumulationDepth) {
            checker = { start, checkFrom in
                var golden = fast
                return accumulatorChecker(config, start: start, checkFrom: checkFrom, decode: {
                    Int64.fromPattern($0.word($1), width: config.accumulatorWidth, signed: true)
                }, step: { golden.step(actCode: $0, weightCode: $1, enable: $2, clear: $3) }, describe: { BigInt($0) })
            }
        } else {
            let port = PortSpec(name: "acc", direction: .output, width: config.accumulatorWidth, signed: true)
            checker = { start, checkFrom in
                var golden = ReferencePE(activation: a, weight: w)
                return accumulatorChecker(config, start: start, checkFrom: checkFrom, decode: {
                    PortLayout.load(port: port, from: $0.row($1, count: port.words), at: 0)
                }, step: { golden.step(actCode: $0, weightCode: $1, enable: $2, clear: $3) }, describe: { $0 })
            }
        }
        return VectorPlan(module: module, externalVerilog: externalVerilog, cycles: cycles, inputWordsPerCycle: 4,
                          coverage: coverage, exhaustive: exhaustive,
                          // Clear-and-accumulate rows overwrite all state: any of them can start a run.
                          independentCycles: 1..<(1 + products), warmup: config.latency,
                          stimulus: stimulus, checker: checker)
    }

    /// The random accumulate/clear section (4 words per row), generated in order because the
    /// forced clears depend on how many terms the accumulator holds.
    static func accumulationRows(_ config: PEConfig, cycles: Int, products: Int, seed: UInt64) -> [UInt64] {
        var rng = SplitMix64(seed: seed)
        var rows: [UInt64] = []
        rows.reserveCapacity(4 * cycles)
        // The last product row already loaded one term (en=1, clear=1).
        var sinceClear = products > 0 ? 1 : 0
        for _ in 0..<cycles {
            let en = rng.next() % 5 != 0
            var clear = rng.next() % 20 == 0
            if en && sinceClear >= config.accumulationDepth { clear = true }
            if clear { sinceClear = 0 }
            if en { sinceClear += 1 }
            rows += [rng.next() & config.activation.codeMask, rng.next() & config.weight.codeMask, en ? 1 : 0, clear ? 1 : 0]
        }
        return rows
    }

    /// Compares `acc` at each cycle with the golden accumulator `latency` cycles earlier (0 during
    /// the pipeline fill after reset), stepping `step` once per row. `Value` is `Int64` on the fast
    /// path and `BigInt` for accumulators wider than 62 bits.
    static func accumulatorChecker<Value: Equatable>(
        _ config: PEConfig, start: Int, checkFrom: Int, decode: @escaping (OutputView, Int) -> Value,
        step: @escaping (UInt64, UInt64, Bool, Bool) -> Value, describe: @escaping (Value) -> BigInt
    ) -> VectorPlan.Checker where Value: ExpressibleByIntegerLiteral {
        let latency = config.latency, depth = latency + 1, a = config.activation, w = config.weight
        // The last `depth` cycles' golden values and input rows, by cycle modulo depth.
        var expected = [Value](repeating: 0, count: depth)
        var inputs = [UInt64](repeating: 0, count: 4 * depth)
        return { first, rows, view in
            for i in 0..<view.cycles {
                let cycle = first + i, r = 4 * i, slot = cycle % depth
                let (act, wt, en, clear) = (rows[r], rows[r + 1], rows[r + 2], rows[r + 3])
                expected[slot] = cycle == 0 ? 0 : step(act, wt, en != 0, clear != 0)
                for j in 0..<4 { inputs[4 * slot + j] = rows[r + j] }
                guard cycle >= checkFrom else { continue }
                let source = cycle - latency
                let want: Value = source < 0 ? 0 : expected[source % depth]
                let actual = decode(view, i)
                if actual == want { continue }
                let s = 4 * (max(0, source) % depth)
                let width = config.accumulatorWidth
                return (cycle, "cycle \(cycle): acc = \(describe(actual).binaryPattern(width: width)) (\(describe(actual))) but the golden model expects "
                    + "\(describe(want).binaryPattern(width: width)) (\(describe(want))); inputs at cycle \(max(0, source)): "
                    + "act = \(a.binaryFields(of: inputs[s])) (\(a.name), unit value \(a.unitValue(ofCode: inputs[s]))), "
                    + "wt = \(w.binaryFields(of: inputs[s + 1])) (\(w.name), unit value \(w.unitValue(ofCode: inputs[s + 1]))), "
                    + "en = \(inputs[s + 2]), clear = \(inputs[s + 3])")
            }
            return nil
        }
    }
}

/// Random stimulus that any row can produce on its own: a generator seeded from the campaign's
/// seed and the row number, so chunks on different cores draw exactly what one pass would.
enum RowRandom {
    @inline(__always)
    static func generator(seed: UInt64, row: Int) -> SplitMix64 {
        SplitMix64(seed: seed &+ UInt64(truncatingIfNeeded: row) &* 0xD1B5_4A32_D192_ED03)
    }
}
