import BigInt
import Testing
@testable import ShiftwrightFormats

/// The Int64 reference PE agrees with the exact one on random sequences, and refuses formats
/// whose accumulator would not fit.
@Suite struct ReferencePE64Tests {
    @Test(arguments: [("int8", "ausn-b3s2"), ("afp-e3m2", "afp-e3m2"), ("uint8", "pot-b4"), ("int8", "int8"), ("ausn-b3s2", "ausn-b2t1t2")])
    func agreesWithTheExactReference(pair: (String, String)) throws {
        let a = try NumberFormat(parsing: pair.0), w = try NumberFormat(parsing: pair.1)
        var exact = ReferencePE(activation: a, weight: w)
        var fast = try #require(ReferencePE64(activation: a, weight: w, maxAccumulations: 1024))
        var state: UInt64 = 12345
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 17 }
        var sinceClear = 0
        for _ in 0..<20_000 {
            let en = next() % 4 != 0
            let clear = next() % 16 == 0 || sinceClear >= 1000
            sinceClear = clear ? 0 : sinceClear + (en ? 1 : 0)
            let act = next() & a.codeMask, wt = next() & w.codeMask
            let x = exact.step(actCode: act, weightCode: wt, enable: en, clear: clear)
            let y = fast.step(actCode: act, weightCode: wt, enable: en, clear: clear)
            #expect(x == BigInt(y))
            if x != BigInt(y) { return }
        }
    }

    @Test func refusesAccumulatorsThatDoNotFit() throws {
        let wide = try NumberFormat(parsing: "afp-e8m2")
        #expect(ReferencePE64(activation: wide, weight: wide, maxAccumulations: 1) == nil)
        let int8 = try NumberFormat(parsing: "int8")
        #expect(ReferencePE64(activation: int8, weight: int8, maxAccumulations: 1 << 50) == nil)
    }
}
