import ShiftwrightHDL

/// Small designs whose emitted Verilog is checked in under Fixtures/ (one per DSL feature).
enum FixtureDesigns {
    static func adder() throws -> Module {
        try Module.build("adder", generator: "FixtureDesigns.adder", parameters: [("width", "8")]) { m in
            let a = m.input("a", .unsigned(8)), b = m.input("b", .signed(8))
            m.output("sum", a + b)
            m.output("wide", (a * b).named("product"))
        }
    }

    static func mac() throws -> Module {
        try Module.build("mac", generator: "FixtureDesigns.mac") { m in
            let a = m.input("a", .signed(8)), w = m.input("w", .signed(4))
            let en = m.input("en", .bit), clear = m.input("clear", .bit)
            let acc = m.reg("acc", .signed(16), reset: 0)
            let product = (a * w).named("product")
            m.when(clear) {
                acc.assign(0)
            }.elseWhen(en) {
                acc.assign((acc + product).truncated(to: 16))
            }
            m.output("result", acc)
        }
    }

    static func ram() throws -> Module {
        try Module.build("ram", generator: "FixtureDesigns.ram") { m in
            let waddr = m.input("waddr", .unsigned(3)), raddr = m.input("raddr", .unsigned(3))
            let data = m.input("data", .unsigned(12)), we = m.input("we", .bit)
            let mem = m.memory("store", depth: 8, .unsigned(12))
            mem.write(address: waddr, data: data, enable: we)
            m.output("q", mem.read(address: raddr))
        }
    }

    static func hierarchy() throws -> Module {
        let stage = try Module.build("shift_stage", generator: "FixtureDesigns.hierarchy") { m in
            let x = m.input("x", .signed(8)), k = m.input("k", .unsigned(2))
            m.output("y", (x << k).truncated(to: 10).asSigned())
        }
        return try Module.build("two_stages", generator: "FixtureDesigns.hierarchy") { m in
            let x = m.input("x", .signed(8)), k = m.input("k", .unsigned(4))
            let first = m.instance(stage, name: "u_first", inputs: ["x": x, "k": k[1, 0]])
            let second = m.instance(stage, name: "u_second", inputs: ["x": x, "k": k[3, 2]])
            m.output("y", first["y"] + second["y"])
        }
    }

    static let all: [(String, @Sendable () throws -> Module)] = [("adder", adder), ("mac", mac), ("ram", ram), ("two_stages", hierarchy)]
}
