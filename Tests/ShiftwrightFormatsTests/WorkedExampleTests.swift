import BigInt
import Testing
@testable import ShiftwrightFormats

/// Every worked example of the spec (§3.4, §4.6) with the scale given there.
@Suite struct WorkedExampleTests {
    func bits(_ f: NumberFormat, _ code: UInt64) -> String { f.binaryFields(of: code) }

    @Test(arguments: [
        // E, M, bias, x, code bits, value, ties-smaller value
        (3, 2, 7, 0.8, "0|110|10", "0.75"),
        (3, 2, 7, -0.3, "1|101|01", "-0.3125"),
        (3, 2, 7, 2.5, "0|111|11", "1.75"),
        (3, 2, 7, 0.003, "0|000|01", "0.00390625"),
        (3, 2, 7, 0.001, "0|000|00", "0"),
        (3, 2, 7, 0.6875, "0|110|10", "0.75"),
        (2, 1, 3, 0.9, "0|11|0", "1"),
        (4, 3, 17, -0.0123, "1|1010|101", "-0.0126953125"),
        (3, 3, 11, 0.05, "0|110|101", "0.05078125"),
    ])
    func afpExamples(e: Int, m: Int, bias: Int, x: Double, code: String, value: String) throws {
        let f = try NumberFormat(parsing: "afp-e\(e)m\(m)")
        let c = try f.quantize(x, scale: bias)
        #expect(bits(f, c) == code)
        #expect(f.decode(c, scale: bias).description == value)
    }

    @Test func afpTieSmaller() throws {
        let f = try NumberFormat(parsing: "afp-e3m2")
        let c = try f.quantize(0.6875, scale: 7, ties: .smaller)
        #expect(f.decode(c, scale: 7).description == "0.625")
        #expect(bits(f, c) == "0|110|01")
    }

    @Test(arguments: [
        // x, top, code s|a|k, value (ausn-b3s2), greedy value on ausn-b3t2
        (0.8, -1, "0|001|10", "0.75", "0.75"),
        (0.3, -1, "0|010|01", "0.3125", "0.28125"),
        (0.7, -1, "0|001|10", "0.75", "0.625"),
        (-0.45, -1, "1|010|11", "-0.4375", "-0.375"),
        (1.0, -1, "0|001|11", "0.875", "0.75"),
        (0.005, -1, "0|111|00", "0.0078125", "0"),
        (0.003, -1, "0|000|00", "0", "0"),
        (0.37, -2, "0|001|10", "0.375", "0.3125"),
    ])
    func ausnExamples(x: Double, top: Int, code: String, value: String, greedyValue: String) throws {
        let f = try NumberFormat(parsing: "ausn-b3s2")
        let c = try f.quantize(x, scale: top)
        #expect(bits(f, c) == code)
        #expect(f.decode(c, scale: top).description == value)
        let t = try NumberFormat(parsing: "ausn-b3t2")
        let g = try t.quantize(x, scale: top, greedy: true)
        #expect(t.decode(g, scale: top).description == greedyValue)
    }

    @Test func ausnValueSet() throws {
        // 0 and 2^−a·{1, 1.25, 1.5, 1.75}, a = 1..7, with top = −1.
        let f = try NumberFormat(parsing: "ausn-b3s2")
        var expected: Set<Dyadic> = [Dyadic.zero]
        for a in 1 ... 7 { for k in [4, 5, 6, 7] { expected.insert(Dyadic(BigInt(k), exponent: -a - 2)) } }
        let got = Set(f.allCodes.map { f.decode($0, scale: -1).magnitude })
        #expect(got == expected)
        let members = try f.members(scale: -1)
        #expect(members.count == 2 * 28 + 1)
        #expect(Set(members.map { $0.value.magnitude }) == expected)
        #expect(members.map(\.value) == members.map(\.value).sorted())
        #expect(members.allSatisfy { f.decode($0.code, scale: -1) == $0.value })
        #expect(try f.quantize(tensor: [0.8, -0.3], scale: -1) == [0b000110, 0b101001]) // 0|001|10, 1|010|01
    }

    @Test func paperMerge412() {
        let r = PaperMerge.merge(terms: [2, 3, 4, 6, 6, 8], subdivisionTerms: 1)
        #expect(r.value == Dyadic(384))
        #expect(r.terms == [8, 7])
        #expect(paperMerge(412, subdivisionTerms: 1) == 384)
        #expect(paperMerge(23, subdivisionTerms: 1) == 24)
        #expect(paperMerge(39, subdivisionTerms: 1) == 40)
        #expect(paperMerge(-412, subdivisionTerms: 1) == -384)
        #expect(paperMerge(24, subdivisionTerms: 1) == 24)
        #expect(paperMerge(31, subdivisionTerms: 1) == 32)
    }
}
