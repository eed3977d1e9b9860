import Testing
import ShiftwrightHDL

/// The DSL's width and signedness rules: arithmetic never loses bits, narrowing is explicit.
@Suite struct WidthRuleTests {
    func types(_ body: (ModuleBuilder) -> [Signal]) throws -> [HWType] {
        var result: [HWType] = []
        _ = try Module.build("probe") { m in
            let signals = body(m)
            result = signals.map(\.type)
            for (i, s) in signals.enumerated() { m.output("o\(i)", s) }
        }
        return result
    }

    @Test func arithmeticGrows() throws {
        let t = try types { m in
            let u8 = m.input("u8", .unsigned(8)), u4 = m.input("u4", .unsigned(4))
            let s8 = m.input("s8", .signed(8)), s3 = m.input("s3", .signed(3))
            return [u8 + u4, u8 - u4, u8 * u4, s8 + s3, s8 * s3, u8 + s3, u8 * s8, -u4, -s8]
        }
        #expect(t == [.unsigned(9), .signed(9), .unsigned(12), .signed(9), .signed(11), .signed(10), .signed(17), .signed(5), .signed(9)])
    }

    @Test func shiftsSlicesAndConversions() throws {
        let t = try types { m in
            let u8 = m.input("u8", .unsigned(8)), s6 = m.input("s6", .signed(6)), k = m.input("k", .unsigned(3))
            return [u8 << 3, s6 >> 2, u8 << k, s6 >> k, u8[5, 2], u8[7], s6.extended(to: 10), u8.truncated(to: 3),
                    u8.asSigned(), s6.asUnsigned(), u8.toSigned(), m.concat(u8, s6), u8.lt(s6), u8.anySet]
        }
        #expect(t == [.unsigned(11), .signed(6), .unsigned(15), .signed(6), .unsigned(4), .unsigned(1), .signed(10), .unsigned(3),
                      .signed(8), .unsigned(6), .signed(9), .unsigned(14), .bit, .bit])
    }

    @Test func constantsTakeTheNarrowestType() throws {
        let t = try types { m in [m.constant(5), m.constant(-5, signed: true), m.constant(255), m.constant(0)] }
        #expect(t == [.unsigned(3), .signed(4), .unsigned(8), .unsigned(1)])
    }
}
