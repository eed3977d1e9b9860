import BigInt
import Testing
@testable import ShiftwrightFormats

/// The golden GEMM against an independent formulation (a reference PE accumulating each output
/// element), its Int64 and BigInt paths against each other, and its input checks.
@Suite struct GemmGoldenTests {
    func problem(_ a: String, _ w: String, _ t: String, m: Int, k: Int, n: Int, shift: Int, seed: UInt64) throws -> GemmProblem {
        var rng = Xorshift(seed: seed)
        return try GemmProblem.random(activation: NumberFormat(parsing: a), weight: NumberFormat(parsing: w),
                                      target: NumberFormat(parsing: t), shift: shift, m: m, k: k, n: n, using: &rng)
    }

    @Test(arguments: [("int8", "ausn-b3s2", "int8"), ("afp-e3m2", "afp-e3m2", "afp-e3m2"), ("uint8", "ausn-b3t2", "ausn-b3s2"), ("int8", "int4", "uint4")])
    func matchesAReferencePEPerElement(_ formats: (String, String, String)) throws {
        let p = try problem(formats.0, formats.1, formats.2, m: 5, k: 11, n: 3, shift: -6, seed: 3)
        let y = GoldenGEMM.run(p)
        let accs = GoldenGEMM.accumulators(p)
        for i in 0..<p.m {
            for j in 0..<p.n {
                var pe = ReferencePE(activation: p.activation, weight: p.weight)
                for t in 0..<p.k { pe.step(actCode: p.x[i * p.k + t], weightCode: p.w[t * p.n + j], enable: true, clear: t == 0) }
                #expect(accs[i * p.n + j] == pe.accumulator)
                #expect(y[i * p.n + j] == Requantizer.requantize(pe.accumulator, shift: p.shift, to: p.target))
            }
        }
    }

    @Test func int64AndBigIntPathsAgree() throws {
        let p = try problem("int8", "ausn-b3s2", "afp-e3m2", m: 4, k: 9, n: 5, shift: -9, seed: 4)
        let fast = try #require(GoldenGEMM.accumulators64(p))
        var slow = [BigInt]()
        for i in 0..<p.m {
            for j in 0..<p.n {
                slow.append((0..<p.k).reduce(BigInt(0)) { $0 + ReferencePE.product(p.x[i * p.k + $1], p.w[$1 * p.n + j], activation: p.activation, weight: p.weight) })
            }
        }
        #expect(fast.map { BigInt($0) } == slow)
    }

    @Test func wideProductsFallBackToBigInt() throws {
        // afp-e8m2 unit values reach 2^254: the Int64 path must decline, the BigInt path is exact.
        let p = try problem("afp-e8m2", "afp-e8m2", "afp-e8m2", m: 2, k: 3, n: 2, shift: -300, seed: 5)
        let accs = GoldenGEMM.accumulators(p)
        #expect(accs.count == 4)
        #expect(GoldenGEMM.run(p).count == 4)
    }

    @Test func fittedShiftUsesTheTargetRange() throws {
        let p = try problem("int8", "int8", "int8", m: 3, k: 8, n: 3, shift: 0, seed: 6)
        let shift = GoldenGEMM.fittingShift(p, shiftRange: -128...127)
        let largest = GoldenGEMM.accumulators(p).map { $0.magnitude }.max()!
        #expect(BigInt(largest) << 0 > 0)
        let scaled = shift >= 0 ? BigInt(largest) << shift : BigInt(largest) >> -shift
        #expect(scaled <= 255 && scaled >= 32, "shift \(shift) puts \(largest) at \(scaled)")
    }

    @Test func badShapesAreRejected() throws {
        let int8 = try NumberFormat(parsing: "int8")
        #expect(throws: FormatError.self) { try GemmProblem(activation: int8, weight: int8, target: int8, shift: 0, m: 2, k: 2, n: 2, x: [1, 2, 3], w: [1, 2, 3, 4]) }
        #expect(throws: FormatError.self) { try GemmProblem(activation: int8, weight: int8, target: int8, shift: 0, m: 0, k: 2, n: 2, x: [], w: [1, 2, 3, 4]) }
    }
}

/// A tiny seeded generator for these tests.
struct Xorshift: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E3779B97F4A7C15 | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }
}
