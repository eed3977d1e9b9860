import ShiftwrightYosys
import ShiftwrightVerilator
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

    /// The golden accumulator after each cycle's clock edge (cycle 0 is the reset) for a stimulus
    /// of rows (act, wt, en, clear); the Int64 reference when the accumulator fits, the exact one
    /// otherwise. Computed by `ReferencePE`/`ReferencePE64` (Formats) only.
    public static func goldenAccumulators(_ config: PEConfig, stimulus: [UInt64], cycles: Int) -> ExpectedValues {
        let a = config.activation, w = config.weight
        var exact = ReferencePE(activation: a, weight: w)
        var fast = config.accumulatorWidth <= 62
            ? ReferencePE64(activation: a, weight: w, maxAccumulations: config.accumulationDepth) : nil
        return ExpectedValues(count: cycles, width: config.accumulatorWidth) { cycle in
            if cycle == 0 { return 0 }
            let (act, wt, en, clear) = (stimulus[4 * cycle], stimulus[4 * cycle + 1], stimulus[4 * cycle + 2] != 0, stimulus[4 * cycle + 3] != 0)
            if fast != nil { return .small(fast!.step(actCode: act, weightCode: wt, enable: en, clear: clear)) }
            return .large(exact.step(actCode: act, weightCode: wt, enable: en, clear: clear))
        }
    }

    public static func plan(_ config: PEConfig, module: Module, externalVerilog: (text: String, top: String)? = nil,
                            options: Options = Options()) -> VectorPlan {
        let a = config.activation, w = config.weight
        let space = UInt64(1) << UInt64(a.codeWidth + w.codeWidth)
        let exhaustive = space <= UInt64(options.exhaustiveLimit)
        var rng = SplitMix64(seed: options.seed)
        let products = exhaustive ? Int(space) : options.randomProducts
        let cycles = 1 + products + options.accumulationCycles + config.latency
        // One row of 4 words per cycle: act, wt, en, clear. Row 0 is the reset cycle (all zero),
        // rows 1...products clear-and-accumulate one code pair each, then accumulate/clear runs.
        var stimulus = [UInt64](repeating: 0, count: cycles * 4)
        stimulus.withUnsafeMutableBufferPointer { s in
            var i = 4
            func row(_ act: UInt64, _ wt: UInt64, _ en: Bool, _ clear: Bool) {
                s[i] = act; s[i + 1] = wt; s[i + 2] = en ? 1 : 0; s[i + 3] = clear ? 1 : 0
                i += 4
            }
            if exhaustive {
                for act in a.allCodes { for wt in w.allCodes { row(act, wt, true, true) } }
            } else {
                for _ in 0..<products { row(rng.next() & a.codeMask, rng.next() & w.codeMask, true, true) }
            }
            // The last product row already loaded one term (en=1, clear=1).
            var sinceClear = products > 0 ? 1 : 0
            for _ in 0..<options.accumulationCycles {
                let en = rng.next() % 5 != 0
                var clear = rng.next() % 20 == 0
                if en && sinceClear >= config.accumulationDepth { clear = true }
                if clear { sinceClear = 0 }
                if en { sinceClear += 1 }
                row(rng.next() & a.codeMask, rng.next() & w.codeMask, en, clear)
            }
        }
        let frozen = stimulus
        let goldenValues: @Sendable () -> ExpectedValues = { goldenAccumulators(config, stimulus: frozen, cycles: cycles) }

        let latency = config.latency
        let accPort = PortSpec(name: "acc", direction: .output, width: config.accumulatorWidth, signed: true)
        let coverage = (exhaustive ? "exhaustive: all \(products) code pairs" : "seeded-random (seed \(options.seed)): \(products) code pairs")
            + ", then \(options.accumulationCycles) random accumulate/clear cycles (seed \(options.seed))"
        var plan = VectorPlan(module: module, externalVerilog: externalVerilog, cycles: cycles, stimulus: stimulus,
                          inputWordsPerCycle: 4, coverage: coverage,
                          // Clear-and-accumulate rows overwrite all state: any of them can start a run.
                          independentCycles: 1..<(1 + products), warmup: latency) {
          let expected = goldenValues()
          return { view in
            guard let cycle = (0..<view.cycles).first(where: { cycle in
                !expected.matches(cycle >= latency ? cycle - latency : nil, port: accPort, view: view, cycle: cycle)
            }) else { return nil }
            let source = cycle - latency
            let want = source < 0 ? 0 : expected.value(source)
            let actual = PortLayout.load(port: accPort, from: view.row(cycle, count: (accPort.width + 63) / 64), at: 0)
            let r = 4 * max(0, source)
            return (cycle, "cycle \(cycle): acc = \(actual.binaryPattern(width: accPort.width)) (\(actual)) but the golden model expects "
                + "\(want.binaryPattern(width: accPort.width)) (\(want)); inputs at cycle \(max(0, source)): "
                + "act = \(a.binaryFields(of: frozen[r])) (\(a.name), unit value \(a.unitValue(ofCode: frozen[r]))), "
                + "wt = \(w.binaryFields(of: frozen[r + 1])) (\(w.name), unit value \(w.unitValue(ofCode: frozen[r + 1]))), "
                + "en = \(frozen[r + 2]), clear = \(frozen[r + 3])")
          }
        }
        plan.waveExpectations = {
            let expected = goldenValues()
            return WaveExpectations(ports: [accPort]) { cycle in [cycle >= latency ? expected.value(cycle - latency) : 0] }
        }
        return plan
    }
}
