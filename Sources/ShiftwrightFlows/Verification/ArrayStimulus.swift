import ShiftwrightBits
import ShiftwrightYosys
import ShiftwrightVerilator
import ShiftwrightFormats
import ShiftwrightGenerators

/// Turns an `ArrayScenario` into the harness's per-cycle input words and the result rows its
/// outputs must show, computed beforehand from the golden GEMM only.
struct ArrayStimulus {
    /// One expected result beat: row `row` of GEMM `gemm` (numbered over the whole scenario).
    struct Row { let gemm: Int, row: Int, codes: ArraySlice<UInt64> }

    /// Cycles `start..<end`; `rst` is high in `start`. Incomplete (reset mid-run) segments only
    /// require the results they transferred to be a correct prefix.
    struct Segment { let start: Int, end: Int, rows: [Row], gemms: Int, complete: Bool }

    let depths: ArrayHarness.Depths
    let segments: [Segment]
    let cycles: Int
    /// PE operations (array positions × activation beats) the scenario asks for.
    let peOperations: Int
    let gemms: [GemmProblem]

    /// Sizes the harness FIFOs and the cycle budget (generous: the run is open-loop).
    init(_ s: ArrayScenario) {
        let c = s.config
        gemms = s.segments.flatMap(\.gemms)
        func pow2(_ n: Int) -> Int { var d = 2; while d < n { d <<= 1 }; return d }
        let perSegment = s.segments.map { seg in
            (seg.gemms.reduce(0) { $0 + s.tiles($1) * c.rows }, seg.gemms.reduce(0) { $0 + s.tiles($1) * $1.m }, seg.gemms.count)
        }
        depths = .init(weights: pow2(perSegment.map(\.0).max() ?? 1), activations: pow2(perSegment.map(\.1).max() ?? 1),
                       jobs: pow2(perSegment.map(\.2).max() ?? 1))
        var start = 0, index = 0, ops = 0
        var segments: [Segment] = []
        for seg in s.segments {
            var rows: [Row] = []
            var budget = 40.0
            for gemm in seg.gemms {
                let y = GoldenGEMM.run(gemm)
                let t = s.tiles(gemm)
                for m in 0..<gemm.m { rows.append(Row(gemm: index, row: m, codes: y[(m * gemm.n)..<((m + 1) * gemm.n)])) }
                ops += t * gemm.m * c.rows * c.cols
                budget += Double(t * (c.rows + gemm.m) + 2) / (1 - min(s.stalls.source, 0.95))
                    + Double(gemm.m + 2) / (1 - min(s.stalls.sink, 0.95)) + 12
                index += 1
            }
            let length = seg.resetAfter.map { max(2, $0) } ?? Int(budget * 1.5)
            segments.append(Segment(start: start, end: start + length, rows: rows, gemms: seg.gemms.count,
                                    complete: seg.resetAfter == nil))
            start += length
        }
        self.segments = segments
        cycles = start
        peOperations = ops
    }

    /// The harness's input words (`layout` of the harness), random behaviour from `seed`.
    func words(_ s: ArrayScenario, layout: PortLayout) -> [UInt64] {
        let c = s.config
        var words = [UInt64](repeating: 0, count: cycles * layout.inputWords)
        func offset(_ name: String) -> Int { layout.inputOffset(name)! }
        let rst = offset("rst"), pushW = offset("push_w"), wIn = offset("w_in"), pushA = offset("push_a"), aIn = offset("a_in")
        let pushJob = offset("push_job"), jobIn = offset("job_in"), gateW = offset("gate_w"), gateA = offset("gate_a")
        let go = offset("go"), yReady = offset("y_ready"), glitch = offset("glitch")
        let aw = c.rowIndexWidth, tw = c.tileIndexWidth, jobMask = (UInt64(1) << UInt64(aw + tw + c.shiftBits)) - 1
        var rng = SplitMix64(seed: s.seed)
        func chance(_ p: Double) -> Bool { Double(rng.next() >> 11) / Double(1 << 53) < p }
        for (seg, plan) in zip(s.segments, segments) {
            var weightBeats: [[UInt64]] = [], actBeats: [[UInt64]] = [], jobs: [UInt64] = []
            for g in seg.gemms {
                let t = s.tiles(g)
                for tile in 0..<t {
                    for r in 0..<c.rows {
                        let k = tile * c.rows + r
                        weightBeats.append((0..<c.cols).map { k < g.k ? g.w[k * g.n + $0] : 0 })
                    }
                    for m in 0..<g.m {
                        actBeats.append((0..<c.rows).map { r in tile * c.rows + r < g.k ? g.x[m * g.k + tile * c.rows + r] : 0 })
                    }
                }
                let shift = UInt64(bitPattern: Int64(g.shift)) & ((UInt64(1) << UInt64(c.shiftBits)) - 1)
                jobs.append(UInt64(g.m - 1) | UInt64(t - 1) << UInt64(aw) | shift << UInt64(aw + tw))
            }
            for cycle in plan.start..<plan.end {
                let row = cycle * layout.inputWords
                if cycle == plan.start { words[row + rst] = 1; continue }
                let i = cycle - plan.start - 1
                if i < weightBeats.count { words[row + pushW] = 1; pack(weightBeats[i], bits: c.weight.codeWidth, into: &words, at: row + wIn) }
                if i < actBeats.count { words[row + pushA] = 1; pack(actBeats[i], bits: c.activation.codeWidth, into: &words, at: row + aIn) }
                if i < jobs.count { words[row + pushJob] = 1; words[row + jobIn] = jobs[i] } else { words[row + jobIn] = rng.next() & jobMask }
                words[row + gateW] = chance(s.stalls.source) ? 0 : 1
                words[row + gateA] = chance(s.stalls.source) ? 0 : 1
                words[row + go] = chance(0.3) ? 0 : 1
                words[row + yReady] = chance(s.stalls.sink) ? 0 : 1
                words[row + glitch] = chance(s.stalls.startWhileBusy) ? 1 : 0
            }
        }
        return words
    }

    /// Writes `codes` of `bits` bits each, element 0 in the lowest bits, into consecutive words.
    func pack(_ codes: [UInt64], bits: Int, into words: inout [UInt64], at offset: Int) {
        for (i, code) in codes.enumerated() {
            let bit = i * bits, word = offset + bit / 64, shift = bit % 64
            words[word] |= code << UInt64(shift)
            if shift + bits > 64 { words[word + 1] |= code >> UInt64(64 - shift) }
        }
    }

    /// Reads `count` codes of `bits` bits each from consecutive words (the inverse of `pack`).
    static func unpack(_ words: ArraySlice<UInt64>, count: Int, bits: Int) -> [UInt64] {
        let base = words.startIndex, mask = bits == 64 ? UInt64.max : (UInt64(1) << UInt64(bits)) - 1
        return (0..<count).map { i in
            let bit = i * bits, word = base + bit / 64, shift = bit % 64
            var v = words[word] >> UInt64(shift)
            if shift + bits > 64 { v |= words[word + 1] << UInt64(64 - shift) }
            return v & mask
        }
    }
}
