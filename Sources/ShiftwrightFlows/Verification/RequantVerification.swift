import BigInt
import ShiftwrightYosys
import ShiftwrightVerilator
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightHDL

/// Builds the co-simulation plan for a requantizer: every (acc, shift) pair when there are at
/// most `PEVerification.exhaustiveLimit` (2^30) of them, seeded-random pairs otherwise (with the
/// extremes always included; every magnitude bit length equally likely, half of them sparse, so
/// small values, exact grid values and ties are hit at every accumulator width). Expected codes
/// come only from the golden `Requantizer` (through `PreparedRequantizer`). The plan streams:
/// each row is a function of its cycle number, and the requantizer holds no state, so any vector
/// can start a run.
public enum RequantVerification {
    public static func plan(_ config: RequantizerConfig, module: Module, externalVerilog: (text: String, top: String)? = nil,
                            randomVectors: Int = 1_000_000, seed: UInt64 = 1,
                            exhaustiveLimit: Int = PEVerification.exhaustiveLimit) -> VectorPlan {
        let accBits = config.accumulatorWidth, shiftBits = config.shiftBits
        let exhaustive = accBits + shiftBits < 63 && 1 << (accBits + shiftBits) <= exhaustiveLimit
        let count = exhaustive ? 1 << (accBits + shiftBits) : randomVectors
        let accMask: UInt64 = accBits == 64 ? .max : (1 << accBits) - 1, shiftMask: UInt64 = (1 << shiftBits) - 1
        let extremes: [UInt64] = [0, 1, accMask, accMask >> 1, (accMask >> 1) + 1]
        // Row 0 is the reset cycle; rows 1...count hold one (acc, shift) pair each; then the pipeline drains.
        let stimulus: VectorPlan.Stimulus = { first, rows in
            for i in 0..<rows.count {
                let cycle = first + i
                guard cycle >= 1 && cycle <= count else { rows[i, 0] = 0; rows[i, 1] = 0; continue }
                let k = cycle - 1
                if exhaustive {
                    rows[i, 0] = UInt64(k) & accMask
                    rows[i, 1] = UInt64(k >> accBits) & shiftMask
                } else {
                    var rng = RowRandom.generator(seed: seed, row: cycle)
                    rows[i, 0] = k < extremes.count * 4 ? extremes[k % extremes.count] : randomAccumulator(accBits, &rng) & accMask
                    rows[i, 1] = rng.next() & shiftMask
                }
            }
        }
        let latency = config.latency, target = config.target, mask = target.codeMask, ties = config.ties
        let cycles = 1 + count + latency
        let coverage = exhaustive ? "exhaustive: all \(count) (acc, shift) pairs" : "seeded-random (seed \(seed)): \(count) (acc, shift) pairs"
        var plan = VectorPlan(module: module, externalVerilog: externalVerilog, cycles: cycles, inputWordsPerCycle: 2,
                          coverage: coverage, exhaustive: exhaustive, independentCycles: 1..<(1 + count), warmup: latency,
                          stimulus: stimulus) { _, checkFrom in
          let golden = PreparedRequantizer(target: target, ties: ties)
          let depth = latency + 1, checkStart = max(checkFrom, 1 + latency)
          // The last `depth` rows' inputs and golden codes, by cycle modulo depth. The hot loop
          // works on them through buffer pointers (no boxed captures, no exclusivity check per row).
          var inputs = [(acc: Int64, shift: Int)](repeating: (0, 0), count: depth)
          var expected = [UInt64](repeating: 0, count: depth)
          return { first, rows, view in
            inputs.withUnsafeMutableBufferPointer { inputs in
              expected.withUnsafeMutableBufferPointer { expected -> (cycle: Int, message: String)? in
                var slot = first % depth
                for i in 0..<view.cycles {
                    let cycle = first + i
                    let input = decode(config, accWord: rows[i, 0], shiftWord: rows[i, 1])
                    inputs[slot] = input
                    expected[slot] = golden.requantize(input.acc, shift: input.shift)
                    slot = slot + 1 == depth ? 0 : slot + 1
                    // The reset cycle and pipeline fill carry no vector: checking starts at cycle 1 + latency.
                    guard cycle >= checkStart else { continue }
                    let source = (cycle - latency) % depth, actual = view.word(i) & mask
                    if actual == expected[source] { continue }
                    let wanted = expected[source], applied = inputs[source]
                    return (cycle, "cycle \(cycle): acc = \(applied.acc), shift = \(applied.shift) (value acc·2^shift = \(applied.acc)·2^\(applied.shift)): "
                        + "code = \(target.binaryFields(of: actual)) (unit value \(target.unitValue(ofCode: actual))) but the golden model expects "
                        + "\(target.binaryFields(of: wanted)) (unit value \(target.unitValue(ofCode: wanted))) in \(target.name)")
                }
                return nil
              }
            }
          }
        }
        if let codePort = module.portSpecs.first(where: { $0.direction == .output }) {
            // The requantizer holds no state: each checked cycle's golden code comes from its own row.
            plan.waveExpectations = { [plan] window in
                let golden = PreparedRequantizer(target: target, ties: ties)
                let codes: [Int: BigInt] = Dictionary(uniqueKeysWithValues: window.compactMap { cycle -> (Int, BigInt)? in
                    let source = cycle - latency
                    guard cycle >= 1 + latency, source < cycles else { return nil }
                    let row = plan.rows(source..<(source + 1))
                    let input = decode(config, accWord: row[0], shiftWord: row[1])
                    return (cycle, BigInt(golden.requantize(input.acc, shift: input.shift)))
                })
                return WaveExpectations(ports: [codePort]) { [codes[$0]] }
            }
        }
        return plan
    }

    /// The (acc, shift) input of each of the first `rows` stimulus rows (row 0, the reset, is (0, 0)).
    static func inputs(_ config: RequantizerConfig, stimulus: [UInt64], rows: Int) -> [(acc: Int64, shift: Int)] {
        (0..<rows).map { decode(config, accWord: stimulus[2 * $0], shiftWord: stimulus[2 * $0 + 1]) }
    }

    /// The signed (acc, shift) pair a stimulus row's two words stand for.
    @inline(__always)
    static func decode(_ config: RequantizerConfig, accWord: UInt64, shiftWord: UInt64) -> (acc: Int64, shift: Int) {
        (Int64.fromPattern(accWord, width: config.accumulatorWidth, signed: true),
         Int(Int64.fromPattern(shiftWord, width: config.shiftBits, signed: true)))
    }

    /// The golden code for each (acc, shift) input, from `PreparedRequantizer` (Formats) only.
    static func goldenCodes(_ config: RequantizerConfig, inputs: [(acc: Int64, shift: Int)]) -> [UInt64] {
        let golden = PreparedRequantizer(target: config.target, ties: config.ties)
        return inputs.map { golden.requantize($0.acc, shift: $0.shift) }
    }

    /// An accumulator whose magnitude has a uniformly chosen bit length (0...width), its lower
    /// bits random and, half the time, sparse; either sign. Length `width` only exists as the most
    /// negative value.
    static func randomAccumulator(_ width: Int, _ rng: inout SplitMix64) -> UInt64 {
        let length = Int(rng.next() % UInt64(width + 1))
        if length == width { return UInt64(bitPattern: width == 64 ? Int64.min : -(Int64(1) << Int64(width - 1))) }
        var magnitude: UInt64 = length == 0 ? 0 : UInt64(1) << UInt64(length - 1)
        if length > 1 {
            var low = rng.next() & ((UInt64(1) << UInt64(length - 1)) - 1)
            if rng.next() & 1 == 0 { low &= rng.next() & rng.next() }
            magnitude |= low
        }
        return rng.next() & 1 == 0 ? magnitude : 0 &- magnitude
    }
}
