import BigInt
import ShiftwrightHDL
import ShiftwrightFormats
import ShiftwrightGenerators

/// Builds the co-simulation plan for a processing element: every (activation, weight) code pair
/// when there are at most 2^22 of them (otherwise seeded-random pairs), each as a
/// clear-and-accumulate cycle, then seeded-random accumulation sequences exercising `en` and
/// `clear` (with a clear at least every K accumulations, the declared depth). Expected
/// accumulator values come only from the golden `ReferencePE`.
public enum PEVerification {
    /// Input spaces up to this size are covered exhaustively.
    public static let exhaustiveLimit = 1 << 22

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
        var rng = SplitMix64(seed: options.seed)
        var rows: [(act: UInt64, wt: UInt64, en: Bool, clear: Bool)] = [(0, 0, false, false)]  // cycle 0: reset
        if exhaustive {
            for act in a.allCodes { for wt in w.allCodes { rows.append((act, wt, true, true)) } }
        } else {
            for _ in 0..<options.randomProducts { rows.append((rng.next() & a.codeMask, rng.next() & w.codeMask, true, true)) }
        }
        let products = rows.count - 1
        var sinceClear = 0
        for _ in 0..<options.accumulationCycles {
            let en = rng.next() % 5 != 0
            var clear = rng.next() % 20 == 0
            if en && sinceClear >= config.accumulationDepth { clear = true }
            if clear { sinceClear = 0 }
            if en { sinceClear += 1 }
            rows.append((rng.next() & a.codeMask, rng.next() & w.codeMask, en, clear))
        }
        for _ in 0..<config.latency { rows.append((0, 0, false, false)) }

        let frozenRows = rows
        // Golden accumulator after each cycle's clock edge (cycle 0 is the reset); the Int64
        // reference when the accumulator fits, the exact one otherwise.
        let goldenValues: @Sendable () -> ExpectedValues = {
            var exact = ReferencePE(activation: a, weight: w)
            var fast = config.accumulatorWidth <= 62
                ? ReferencePE64(activation: a, weight: w, maxAccumulations: config.accumulationDepth) : nil
            return ExpectedValues(count: frozenRows.count, width: config.accumulatorWidth) { cycle in
                if cycle == 0 { return 0 }
                let r = frozenRows[cycle]
                if fast != nil { return .small(fast!.step(actCode: r.act, weightCode: r.wt, enable: r.en, clear: r.clear)) }
                return .large(exact.step(actCode: r.act, weightCode: r.wt, enable: r.en, clear: r.clear))
            }
        }
        var stimulus = [UInt64](repeating: 0, count: rows.count * 4)
        for (i, row) in rows.enumerated() {
            stimulus[4 * i] = row.act
            stimulus[4 * i + 1] = row.wt
            stimulus[4 * i + 2] = row.en ? 1 : 0
            stimulus[4 * i + 3] = row.clear ? 1 : 0
        }

        let latency = config.latency
        let accPort = PortSpec(name: "acc", direction: .output, width: config.accumulatorWidth, signed: true)
        let coverage = (exhaustive ? "exhaustive: all \(products) code pairs" : "seeded-random (seed \(options.seed)): \(products) code pairs")
            + ", then \(options.accumulationCycles) random accumulate/clear cycles (seed \(options.seed))"
        return VectorPlan(module: module, externalVerilog: externalVerilog, cycles: rows.count, stimulus: stimulus,
                          inputWordsPerCycle: 4, coverage: coverage) {
          let expected = goldenValues()
          return { view in
            guard let cycle = (0..<view.cycles).first(where: { cycle in
                !expected.matches(cycle >= latency ? cycle - latency : nil, port: accPort, view: view, cycle: cycle)
            }) else { return nil }
            let source = cycle - latency
            let want = source < 0 ? 0 : expected.value(source)
            let actual = PortLayout.load(port: accPort, from: view.row(cycle, count: (accPort.width + 63) / 64), at: 0)
            let row = frozenRows[max(0, source)]
            return (cycle, "cycle \(cycle): acc = \(binary(actual, accPort.width)) (\(actual)) but the golden model expects "
                + "\(binary(want, accPort.width)) (\(want)); inputs at cycle \(max(0, source)): "
                + "act = \(a.binaryFields(of: row.act)) (\(a.name), unit value \(a.unitValue(ofCode: row.act))), "
                + "wt = \(w.binaryFields(of: row.wt)) (\(w.name), unit value \(w.unitValue(ofCode: row.wt))), "
                + "en = \(row.en ? 1 : 0), clear = \(row.clear ? 1 : 0)")
          }
        }
    }

    static func binary(_ value: BigInt, _ width: Int) -> String {
        let modulus = BigInt(1) << width
        let pattern = value < 0 ? value + modulus : value
        let digits = String(pattern, radix: 2)
        return "0b" + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
