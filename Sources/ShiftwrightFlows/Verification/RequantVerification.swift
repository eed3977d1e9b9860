import BigInt
import ShiftwrightYosys
import ShiftwrightVerilator
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightHDL

/// Builds the co-simulation plan for a requantizer: every (acc, shift) pair when there are at
/// most 2^22 of them (or `exhaustiveLimit`), seeded-random pairs otherwise (with the extremes always included; every
/// magnitude bit length equally likely, half of them sparse, so small values, exact grid values
/// and ties are hit at every accumulator width). Expected codes come only from the golden
/// `Requantizer` (through `PreparedRequantizer`).
public enum RequantVerification {
    public static func plan(_ config: RequantizerConfig, module: Module, externalVerilog: (text: String, top: String)? = nil,
                            randomVectors: Int = 1_000_000, seed: UInt64 = 1, exhaustiveLimit: Int = 1 << 22) -> VectorPlan {
        let accBits = config.accumulatorWidth, shiftBits = config.shiftBits
        let exhaustive = accBits + shiftBits < 63 && 1 << (accBits + shiftBits) <= exhaustiveLimit
        let count = exhaustive ? 1 << (accBits + shiftBits) : randomVectors
        var rng = SplitMix64(seed: seed)
        let accMask: UInt64 = accBits == 64 ? .max : (1 << accBits) - 1, shiftMask: UInt64 = (1 << shiftBits) - 1
        var stimulus = [UInt64](repeating: 0, count: (count + config.latency + 1) * 2)
        let extremes: [UInt64] = [0, 1, accMask, accMask >> 1, (accMask >> 1) + 1]
        for i in 0..<count {
            let accWord: UInt64, shiftWord: UInt64
            if exhaustive {
                accWord = UInt64(i) & accMask
                shiftWord = UInt64(i >> accBits) & shiftMask
            } else {
                accWord = i < extremes.count * 4 ? extremes[i % extremes.count] : randomAccumulator(accBits, &rng) & accMask
                shiftWord = rng.next() & shiftMask
            }
            stimulus[2 * (i + 1)] = accWord
            stimulus[2 * (i + 1) + 1] = shiftWord
        }
        let latency = config.latency, target = config.target, mask = target.codeMask
        let cycles = count + 1 + latency
        let frozen = inputs(config, stimulus: stimulus, rows: count + 1)
        let coverage = exhaustive ? "exhaustive: all \(count) (acc, shift) pairs" : "seeded-random (seed \(seed)): \(count) (acc, shift) pairs"
        var plan = VectorPlan(module: module, externalVerilog: externalVerilog, cycles: cycles,
                          stimulus: Array(stimulus.prefix(cycles * 2)), inputWordsPerCycle: 2, coverage: coverage) {
          let expected = goldenCodes(config, inputs: frozen)
          return { view in
            // The reset cycle and pipeline fill carry no vector: checking starts at cycle 1 + latency.
            guard let cycle = ((1 + latency)..<view.cycles).first(where: { view.word($0) & mask != expected[$0 - latency] })
            else { return nil }
            let source = cycle - latency, actual = view.word(cycle) & mask
            let input = frozen[source]
            return (cycle, "cycle \(cycle): acc = \(input.acc), shift = \(input.shift) (value acc·2^shift = \(input.acc)·2^\(input.shift)): "
                + "code = \(target.binaryFields(of: actual)) (unit value \(target.unitValue(ofCode: actual))) but the golden model expects "
                + "\(target.binaryFields(of: expected[source])) (unit value \(target.unitValue(ofCode: expected[source]))) in \(target.name)")
          }
        }
        if let codePort = module.portSpecs.first(where: { $0.direction == .output }) {
            plan.waveExpectations = {
                let expected = goldenCodes(config, inputs: frozen)
                return WaveExpectations(ports: [codePort]) { cycle in [cycle >= 1 + latency ? BigInt(expected[cycle - latency]) : nil] }
            }
        }
        return plan
    }

    /// The (acc, shift) input of each of the first `rows` stimulus rows (row 0, the reset, is (0, 0)).
    static func inputs(_ config: RequantizerConfig, stimulus: [UInt64], rows: Int) -> [(acc: Int64, shift: Int)] {
        (0..<rows).map { row in
            (Int64.fromPattern(stimulus[2 * row], width: config.accumulatorWidth, signed: true),
             Int(Int64.fromPattern(stimulus[2 * row + 1], width: config.shiftBits, signed: true)))
        }
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
