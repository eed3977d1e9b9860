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
    /// Input spaces up to this size are covered exhaustively: 2^30 vectors take about a minute per
    /// design on 2 cores since campaigns run in lanes (README, "Verification speed").
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
        let oneDraw = a.codeWidth <= 32 && w.codeWidth <= 32
        // One row of 4 words per cycle: act, wt, en, clear. Row 0 is the reset cycle (all zero),
        // rows 1...products clear-and-accumulate one code pair each, then accumulate/clear runs.
        let stimulus: VectorPlan.Stimulus = { first, rows in
            let end = first + rows.count, accumulationEnd = products + accumulation.count / 4
            // The reset row, the product rows, the accumulate/clear rows, then idle rows, each
            // stretch in a loop of its own (no per-row test of which stretch a row is in).
            var cycle = first
            while cycle < min(end, 1) { for j in 0..<4 { rows[cycle - first, j] = 0 }; cycle += 1 }
            let productEnd = min(end, products + 1)
            if exhaustive {
                while cycle < productEnd {
                    let i = cycle - first, k = UInt64(cycle - 1)
                    (rows[i, 0], rows[i, 1], rows[i, 2], rows[i, 3]) = (k >> weightBits, k & weightMask, 1, 1)
                    cycle += 1
                }
            } else {
                while cycle < productEnd {
                    // Codes of up to 32 bits each come from one draw: act from its low half, wt
                    // from its high half; wider ones take a draw each.
                    var rng = RowRandom.generator(seed: seed, row: cycle)
                    let i = cycle - first, x = rng.next(), wt = (oneDraw ? x >> 32 : rng.next()) & weightMask
                    (rows[i, 0], rows[i, 1], rows[i, 2], rows[i, 3]) = (x & actMask, wt, 1, 1)
                    cycle += 1
                }
            }
            while cycle < min(end, accumulationEnd + 1) {
                let s = 4 * (cycle - products - 1)
                for j in 0..<4 { rows[cycle - first, j] = accumulation[s + j] }
                cycle += 1
            }
            while cycle < end { for j in 0..<4 { rows[cycle - first, j] = 0 }; cycle += 1 }
        }
        let coverage = (exhaustive ? "exhaustive: all \(products) code pairs" : "seeded-random (seed \(options.seed)): \(products) code pairs")
            + ", then \(options.accumulationCycles) random accumulate/clear cycles (seed \(options.seed))"
        let checker: VectorPlan.CheckerFactory
        if config.accumulatorWidth <= 62, let fast = ReferencePE64(activation: a, weight: w, maxAccumulations: config.accumulationDepth) {
            checker = { _, checkFrom in narrowChecker(config, golden: fast, checkFrom: checkFrom, stimulus: stimulus) }
        } else {
            let port = PortSpec(name: "acc", direction: .output, width: config.accumulatorWidth, signed: true)
            checker = { start, checkFrom in
                var golden = ReferencePE(activation: a, weight: w)
                return accumulatorChecker(config, start: start, checkFrom: checkFrom, decode: wideAccumulator(port), step: { golden.step(actCode: $0, weightCode: $1, enable: $2, clear: $3) }, describe: { $0 })
            }
        }
        var plan = VectorPlan(module: module, externalVerilog: externalVerilog, cycles: cycles, inputWordsPerCycle: 4,
                              coverage: coverage, exhaustive: exhaustive,
                              // Clear-and-accumulate rows overwrite all state: any of them can start a run.
                              independentCycles: 1..<(1 + products), warmup: config.latency,
                              stimulus: stimulus, checker: checker)
        let accPort = PortSpec(name: "acc", direction: .output, width: config.accumulatorWidth, signed: true)
        plan.waveExpectations = { [plan] window in waveExpectations(config, plan: plan, port: accPort, window: window) }
        return plan
    }

    /// The golden `acc` for the cycles of `window` (waveforms): `ReferencePE` stepped over the
    /// plan's rows from the latest clear-and-accumulate row (or the reset) that fixes them.
    static func waveExpectations(_ config: PEConfig, plan: VectorPlan, port: PortSpec, window: ClosedRange<Int>) -> WaveExpectations {
        let latency = config.latency
        let earliest = max(0, window.lowerBound - latency)
        let start = plan.independentCycles.map { earliest >= $0.lowerBound ? min(earliest, $0.upperBound - 1) : 0 } ?? 0
        let last = min(plan.cycles - 1, window.upperBound)
        let rows = [UInt64](repeating: 0, count: 4) + plan.rows(start..<(last + 1))
        // rows[0...3] is a zero row standing for the reset state before `start`.
        let golden = goldenAccumulators(config, stimulus: rows, cycles: rows.count / 4)
        return WaveExpectations(ports: [port]) { cycle in
            let source = cycle - latency
            return [source < 0 ? 0 : source >= start && source <= last ? golden[source - start + 1] : nil]
        }
    }

    /// The golden accumulator after each cycle's clock edge (cycle 0 is the reset) for materialised
    /// rows (act, wt, en, clear): exported testbenches, which replay short plans. Computed by
    /// `ReferencePE` (Formats) only.
    public static func goldenAccumulators(_ config: PEConfig, stimulus: [UInt64], cycles: Int) -> [BigInt] {
        var golden = ReferencePE(activation: config.activation, weight: config.weight)
        return (0..<cycles).map { cycle in
            cycle == 0 ? 0 : golden.step(actCode: stimulus[4 * cycle], weightCode: stimulus[4 * cycle + 1],
                                         enable: stimulus[4 * cycle + 2] != 0, clear: stimulus[4 * cycle + 3] != 0)
        }
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

    /// The signed value of an accumulator port of at most 62 bits in a chunk's outputs (always
    /// within the port's range, so a golden value the port cannot hold never matches).
    static func narrowAccumulator(width: Int) -> (OutputView, Int) -> Int64 {
        { Int64.fromPattern($0.word($1), width: width, signed: true) }
    }

    /// The same for a wider accumulator port, exactly.
    static func wideAccumulator(_ port: PortSpec) -> (OutputView, Int) -> BigInt {
        { PortLayout.load(port: port, from: $0.row($1, count: port.words), at: 0) }
    }

    /// The mismatch line: the port's value and the golden one, both as bits and numbers, and the
    /// inputs (act, wt, en, clear) at the cycle whose product the port should show.
    static func mismatch(_ config: PEConfig, cycle: Int, actual: BigInt, want: BigInt, inputs: [UInt64], source: Int) -> String {
        let a = config.activation, w = config.weight, width = config.accumulatorWidth
        return "cycle \(cycle): acc = \(actual.binaryPattern(width: width)) (\(actual)) but the golden model expects "
            + "\(want.binaryPattern(width: width)) (\(want)); inputs at cycle \(source): "
            + "act = \(a.binaryFields(of: inputs[0])) (\(a.name), unit value \(a.unitValue(ofCode: inputs[0]))), "
            + "wt = \(w.binaryFields(of: inputs[1])) (\(w.name), unit value \(w.unitValue(ofCode: inputs[1]))), "
            + "en = \(inputs[2]), clear = \(inputs[3])"
    }

    /// The checker of accumulators up to 62 bits, the harness's hot loop, in two passes over a
    /// chunk: the golden `ReferencePE64` steps once per row (its state in a local for the whole
    /// chunk: no closure call, no exclusivity check per row), writing the golden values behind
    /// the last `latency` of the chunk before; then each row's port, sign-extended to Int64 (a
    /// golden value it cannot hold never matches), is compared with the value `latency` rows
    /// earlier. The rare mismatch message regenerates its input row from `stimulus`.
    static func narrowChecker(_ config: PEConfig, golden initial: ReferencePE64, checkFrom: Int,
                              stimulus: @escaping VectorPlan.Stimulus) -> VectorPlan.Checker {
        let latency = config.latency, width = config.accumulatorWidth, shift = UInt64(64 - width)
        var golden = initial
        // values[i] is what the port shows at row i of the chunk: the first `latency` are the
        // last golden values of the chunk before (0 before the first edge), then the chunk's own.
        var values = [Int64](repeating: 0, count: latency)
        return { first, rows, view in
            let count = view.cycles
            if values.count < latency + count { values += Array(repeating: 0, count: latency + count - values.count) }
            var g = golden
            defer { golden = g }
            return values.withUnsafeMutableBufferPointer { values -> (cycle: Int, message: String)? in
                for i in 0..<count {
                    values[latency &+ i] = first + i == 0 ? 0
                        : g.step(actCode: rows[i, 0], weightCode: rows[i, 1], enable: rows[i, 2] != 0, clear: rows[i, 3] != 0)
                }
                for i in min(count, max(0, checkFrom - first))..<count {
                    let actual = Int64(bitPattern: view.word(i) << shift) >> shift
                    if actual == values[i] { continue }
                    let cycle = first + i, source = max(0, cycle - latency)
                    let row = source > 0 ? VectorPlan.rows(of: stimulus, words: 4, source..<(source + 1)) : [0, 0, 0, 0]
                    return (cycle, mismatch(config, cycle: cycle, actual: BigInt(actual), want: BigInt(values[i]), inputs: row, source: source))
                }
                for j in 0..<latency { values[j] = values[count + j] }
                return nil
            }
        }
    }

    /// Compares `acc` at each cycle with the golden accumulator `latency` cycles earlier (0 during
    /// the pipeline fill after reset), stepping `step` once per row. `Value` is `Int64` on the fast
    /// path and `BigInt` for accumulators wider than 62 bits.
    static func accumulatorChecker<Value: Equatable>(
        _ config: PEConfig, start: Int, checkFrom: Int, decode: @escaping (OutputView, Int) -> Value,
        step: @escaping (UInt64, UInt64, Bool, Bool) -> Value, describe: @escaping (Value) -> BigInt
    ) -> VectorPlan.Checker where Value: ExpressibleByIntegerLiteral {
        let latency = config.latency, depth = latency + 1
        // The last `depth` cycles' golden values and input rows, by cycle modulo depth.
        var expected = [Value](repeating: 0, count: depth)
        var inputs = [UInt64](repeating: 0, count: 4 * depth)
        return { first, rows, view in
            for i in 0..<view.cycles {
                let cycle = first + i, slot = cycle % depth
                let (act, wt, en, clear) = (rows[i, 0], rows[i, 1], rows[i, 2], rows[i, 3])
                expected[slot] = cycle == 0 ? 0 : step(act, wt, en != 0, clear != 0)
                for j in 0..<4 { inputs[4 * slot + j] = rows[i, j] }
                guard cycle >= checkFrom else { continue }
                let source = cycle - latency
                let want: Value = source < 0 ? 0 : expected[source % depth]
                let actual = decode(view, i)
                if actual == want { continue }
                let s = 4 * (max(0, source) % depth)
                return (cycle, mismatch(config, cycle: cycle, actual: describe(actual), want: describe(want),
                                        inputs: Array(inputs[s..<(s + 4)]), source: max(0, source)))
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
