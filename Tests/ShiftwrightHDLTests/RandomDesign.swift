import ShiftwrightHDL
import ShiftwrightVerilator

/// Builds random, well-formed designs from a seed: every operation of the DSL, conditional
/// assignment, registers with reset/enable, memories and submodule instances. The same seed always
/// gives the same design.
struct RandomDesign {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(range.count)) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func randomType(maxWidth: Int = 70) -> HWType {
        let width = chance(15) ? int(1...maxWidth) : int(1...16)
        return HWType(width: width, signed: chance(50))
    }

    /// Brings `s` to exactly `type` (extend/truncate/cast), so any two signals can be combined.
    func coerce(_ s: Signal, to type: HWType) -> Signal {
        var v = s
        if v.width < type.width { v = v.extended(to: type.width) }
        if v.width > type.width { v = v.truncated(to: type.width) }
        return type.isSigned ? v.asSigned() : v.asUnsigned()
    }

    mutating func module(name: String, depth: Int = 0) throws -> Module {
        try Module.build(name, generator: "RandomDesign") { m in
            var pool: [Signal] = []
            for i in 0..<int(2...5) { pool.append(m.input("in\(i)", randomType(), allowUnused: true)) }
            if depth == 0 && chance(40) {
                let sub = try module(name: "\(name)_sub", depth: 1)
                var connections: [String: Signal] = [:]
                for port in sub.inputs where !port.isImplicit { connections[port.name] = coerce(pick(pool), to: port.type) }
                let placed = m.instance(sub, name: "u_sub", inputs: connections)
                for port in sub.outputs { pool.append(placed.output(port.name)) }
            }
            for step in 0..<int(6...24) {
                let a = pick(pool), b = pick(pool)
                var r: Signal
                switch int(0...17) {
                case 0: r = a + b
                case 1: r = a - b
                case 2: r = coerce(a, to: HWType(width: min(a.width, 24), signed: a.isSigned)) * coerce(b, to: HWType(width: min(b.width, 24), signed: b.isSigned))
                case 3: r = -a
                case 4: r = a & coerce(b, to: a.type)
                case 5: r = a | coerce(b, to: a.type)
                case 6: r = a ^ coerce(b, to: a.type)
                case 7: r = ~a
                case 8: r = a << int(0...5)
                case 9: r = a >> int(0...(a.width + 1))
                case 10: r = a << coerce(b, to: .unsigned(int(1...3)))
                case 11: r = a >> coerce(b, to: .unsigned(int(1...4)))
                case 12: r = pick([a.eq(b), a.ne(b), a.lt(b), a.le(b), a.gt(b), a.ge(b)])
                case 13: r = m.concat(a, b)
                case 14:
                    let low = int(0...(a.width - 1))
                    r = a[int(low...(a.width - 1)), low]
                case 15: r = pick([a.anySet, a.allSet, a.parity, a.isZero])
                case 16: r = m.mux(b[int(0...(b.width - 1))], a, coerce(pick(pool), to: a.type))
                default: r = a.toSigned()
                }
                if r.width > 96 { r = r.truncated(to: int(1...96)) }
                if chance(20) { r = r.named("n\(step)") }
                pool.append(r)
            }
            if chance(70) { pool.append(conditionalWire(m, &pool)) }
            for i in 0..<int(0...3) {
                let type = randomType(maxWidth: 40)
                let enable: Signal? = chance(40) ? pick(pool)[0] : nil
                let reset: BigInt? = chance(70) ? rng.value(width: type.width, signed: type.isSigned) : nil
                let clear: Signal? = chance(35) ? pick(pool)[0] : nil
                let r = m.reg("r\(i)", type, reset: reset, enable: enable, clear: clear)
                if chance(50) {
                    m.when(pick(pool)[0]) { r.assign(coerce(pick(pool), to: type)) }
                } else {
                    r.assign(coerce(pick(pool) + r, to: type))
                }
                pool.append(r)
            }
            if depth == 0 && chance(50) {
                let depth = pick([4, 5, 8])
                let mem = m.memory("mem", depth: depth, randomType(maxWidth: 20))
                let aw = mem.addressWidth
                mem.write(address: coerce(pick(pool), to: .unsigned(aw)), data: coerce(pick(pool), to: mem.type), enable: pick(pool)[0])
                pool.append(mem.read(address: coerce(pick(pool), to: .unsigned(aw)), enable: chance(50) ? pick(pool)[0] : nil))
            }
            let outputs = int(1...4)
            for i in 0..<outputs {
                let s = i == 0 ? pool[pool.count - 1] : pick(pool)
                m.output("out\(i)", s)
            }
        }
    }

    /// A wire with a default and conditional overrides (nested when/elseWhen/otherwise).
    mutating func conditionalWire(_ m: ModuleBuilder, _ pool: inout [Signal]) -> Signal {
        let type = randomType(maxWidth: 32)
        let w = m.wire("cw", type)
        let values = (0..<4).map { _ in coerce(pick(pool), to: type) }
        let conds = (0..<3).map { _ in pick(pool)[0] }
        w.assign(values[0])
        m.when(conds[0]) {
            w.assign(values[1])
            m.when(conds[2]) { w.assign(values[3]) }
        }.elseWhen(conds[1]) {
            w.assign(values[2])
        }.otherwise {
            w.assign(values[3])
        }
        return w
    }
}
