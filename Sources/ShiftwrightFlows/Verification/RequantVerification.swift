import ShiftwrightYosys
import ShiftwrightVerilator
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightHDL

/// Builds the co-simulation plan for a requantizer: every (acc, shift) pair when there are at
/// most 2^22 of them, seeded-random pairs otherwise (with the extremes always included; every
/// magnitude bit length equally likely, half of them sparse, so small values, exact grid values
/// and ties are hit at every accumulator width). Expected codes come only from the golden
/// `Requantizer` (through `PreparedRequantizer`).
public enum RequantVerification {
    public static func plan(_ config: RequantizerConfig, module: Module, externalVerilog: (text: String, top: String)? = nil,
                            randomVectors: Int = 1_000_000, seed: UInt64 = 1) -> VectorPlan {
        let accBits = config.accumulatorWidth, shiftBits = config.shiftBits
        let exhaustive = accBits + shiftBits <= 22
        let count = exhaustive ? 1 << (accBits + shiftBits) : randomVectors
        var rng = SplitMix64(seed: seed)
        let accMask: UInt64 = accBits == 64 ? .max : (1 << accBits) - 1, shiftMask: UInt64 = (1 << shiftBits) - 1
        var stimulus = [UInt64](repeating: 0, count: (count + config.latency + 1) * 2)
        var inputs: [(acc: Int64, shift: Int)] = [(0, 0)]  // cycle 0: reset
        inputs.reserveCapacity(count + 1)
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
            inputs.append((Int64.fromPattern(accWord, width: accBits, signed: true), Int(Int64.fromPattern(shiftWord, width: shiftBits, signed: true))))
        }
        let latency = config.latency, target = config.target, mask = target.codeMask, frozen = inputs
        let cycles = inputs.count + latency
        let coverage = exhaustive ? "exhaustive: all \(count) (acc, shift) pairs" : "seeded-random (seed \(seed)): \(count) (acc, shift) pairs"
        return VectorPlan(module: module, externalVerilog: externalVerilog, cycles: cycles,
                          stimulus: Array(stimulus.prefix(cycles * 2)), inputWordsPerCycle: 2, coverage: coverage) {
          let golden = PreparedRequantizer(target: target, ties: config.ties)
          let expected = frozen.map { golden.requantize($0.acc, shift: $0.shift) }
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
