import Testing
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightVerilator

/// Comparison and logic operators, `switch`, state machines and typed interfaces: values in the
/// interpreter, the Verilog they print, and their diagnostics at the user's line.
@Suite struct DSLConstructTests {
    func failure(_ body: (ModuleBuilder) -> Void) -> [Diagnostic] {
        do {
            _ = try Module.build("dut", body)
            Issue.record("expected an elaboration error")
        } catch let error as ElaborationError {
            return error.diagnostics
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return []
    }

    @Test func comparisonOperatorsMatchTheNamedMethods() throws {
        let module = try Module.build("cmp") { m in
            let a = m.input("a", .signed(5)), b = m.input("b", .unsigned(4))
            m.output("ops", m.concat(a .== b, a .!= b, a .< b, a .<= b, a .> b, a .>= b))
            m.output("named", m.concat(a.eq(b), a.ne(b), a.lt(b), a.le(b), a.gt(b), a.ge(b)))
            m.output("consts", m.concat(b .== 3, b .< 3, 3 .< b, a .>= -2, -2 .> a))
            m.output("boolean", (a .< 0 && b .> 2) || !(b .== 0))
        }
        let sim = Simulator(module)
        for a in -16...15 {
            for b in 0...15 {
                sim.set("a", BigInt(a)); sim.set("b", BigInt(b)); sim.evaluate()
                #expect(sim.get("ops") == sim.get("named"))
                let bits = [b == 3, b < 3, 3 < b, a >= -2, -2 > a].reduce(0) { $0 * 2 + ($1 ? 1 : 0) }
                #expect(sim.get("consts") == BigInt(bits), "a=\(a) b=\(b)")
                #expect(sim.get("boolean") == ((a < 0 && b > 2) || b != 0 ? 1 : 0))
            }
        }
        #expect(VerilogEmitter.emit(module).text.contains("$signed"))
    }

    @Test func logicOperatorsNeedOneBit() {
        var line = 0
        let d = failure { m in
            let a = m.input("a", .unsigned(2)), b = m.input("b", .bit)
            line = #line + 1
            m.output("y", a && b)
        }
        #expect(d.map(\.message) == ["operand of '&&' must be 1 bit wide, got UInt<2>; compare it or reduce it first"])
        #expect(d.first?.location?.line == line)
    }

    @Test func switchSelectsTheFirstMatchingCase() throws {
        let module = try Module.build("decode") { m in
            let op = m.input("op", .unsigned(3))
            let y = m.output("y", .unsigned(4))
            m.switch(op) {
                $0.when(0) { y.assign(1) }
                $0.when(1, 2) { y.assign(2) }
                $0.when(7) { y.assign(9) }
                $0.default { y.assign(15) }
            }
        }
        let sim = Simulator(module)
        for (op, expected) in [(0, 1), (1, 2), (2, 2), (3, 15), (6, 15), (7, 9)] {
            sim.set("op", BigInt(op)); sim.evaluate()
            #expect(sim.get("y") == BigInt(expected), "op=\(op)")
        }
    }

    @Test func switchMistakesAreReportedAtTheCase() {
        var duplicate = 0, late = 0, wide = 0
        let d = failure { m in
            let op = m.input("op", .unsigned(2))
            let y = m.output("y", .bit)
            y.assign(0)
            m.switch(op) {
                $0.when(0) { y.assign(1) }
                duplicate = #line + 1
                $0.when(1, 0) { y.assign(1) }
                wide = #line + 1
                $0.when(4) { y.assign(1) }
                $0.default { y.assign(0) }
                late = #line + 1
                $0.when(3) { y.assign(1) }
            }
        }
        #expect(d.contains { $0.message.contains("case value 0 appears twice") && $0.location?.line == duplicate })
        #expect(d.contains { $0.message.contains("constant 4 does not fit UInt<2>") && $0.location?.line == wide })
        #expect(d.contains { $0.message.contains("case after its default") && $0.location?.line == late })
    }

    enum Light: CaseIterable { case red, redAmber, green, amber }

    static func trafficLight() throws -> Module {
        try Module.build("traffic") { m in
            let tick = m.input("tick", .bit)
            let light = m.stateMachine("light", Light.self)
            light.switch {
                $0.when(.red) { m.when(tick) { light.goto(.redAmber) } }
                $0.when(.redAmber) { m.when(tick) { light.goto(.green) } }
                $0.when(.green) { m.when(tick) { light.goto(.amber) } }
                $0.default { m.when(tick) { light.goto(.red) } }
            }
            m.output("go", light.isIn(.green))
            m.output("state", light.register)
        }
    }

    @Test func stateMachineHasAMinimalRegisterAndNamedStates() throws {
        let module = try Self.trafficLight()
        #expect(module.nodes[module.registers[0].node].type == .unsigned(2))
        let text = VerilogEmitter.emit(module).text
        for line in ["localparam [1:0] RED = 2'h0;", "localparam [1:0] RED_AMBER = 2'h1;", "localparam [1:0] AMBER = 2'h3;",
                     "light <= RED;", "== GREEN;"] {
            #expect(text.contains(line), "missing \(line) in\n\(text)")
        }
        let sim = Simulator(module)
        sim.set("rst", 1); sim.tick(); sim.set("rst", 0); sim.set("tick", 1)
        var seen: [BigInt] = []
        for _ in 0..<5 { seen.append(sim.get("state")); sim.tick() }
        #expect(seen == [0, 1, 2, 3, 0])
        let lint = try VerilatorLint.findings(verilog: text, fileName: "traffic.v", top: "traffic")
        #expect(lint.isEmpty, "\(lint)")
    }

    @Test func stateMachineFromNamesWaivesAnUnreadState() throws {
        let module = try Module.build("names") { m in
            let go = m.input("go", .bit)
            let fsm = m.stateMachine("phase", states: ["wait", "run", "spare"], initial: "run", prefix: "PH_")
            m.when(go) { fsm.goto("wait") }.otherwise { fsm.goto("run") }
            m.output("running", fsm.isIn("run"))
        }
        let text = VerilogEmitter.emit(module).text
        #expect(text.contains("phase <= PH_RUN;"))
        #expect(text.contains("// PH_SPARE is not read"))
        let lint = try VerilatorLint.findings(verilog: text, fileName: "names.v", top: "names")
        #expect(lint.isEmpty, "\(lint)")
    }

    struct CounterPorts: PortSignature {
        let enable = In("enable", .bit)
        let limit: In
        let count: Out
        let wrapped = Out("wrapped", .bit)
        init(width: Int) {
            limit = In("limit", .unsigned(width))
            count = Out("count", .unsigned(width))
        }
    }

    static func counter(width: Int = 4) throws -> Component<CounterPorts> {
        try Module.build("counter\(width)", ports: CounterPorts(width: width)) { m, io in
            let count = m.reg("value", .unsigned(width), reset: 0)
            let atLimit = count .>= io.limit
            m.when(io.enable) {
                m.when(atLimit) { count.assign(0) }.otherwise { count.assign((count + 1).truncated(to: width)) }
            }
            io.count.assign(count)
            io.wrapped.assign(io.enable && atLimit)
        }
    }

    @Test func typedInstancesConnectAndReadByMember() throws {
        let counter = try Self.counter()
        #expect(counter.module.ports.map(\.name) == ["clk", "rst", "enable", "limit", "count", "wrapped"])
        #expect(counter.module.port("limit")?.location?.file.hasSuffix("DSLConstructTests.swift") == true)
        let top = try Module.build("two_counters") { m in
            let limit = m.input("limit", .unsigned(4))
            let fast = m.instance(counter, name: "fast") {
                $0.enable = m.constant(1, .bit)
                $0.limit = limit
            }
            let slow = m.instance(counter, name: "slow") {
                $0.enable = fast.wrapped
                $0.limit = limit
            }
            m.output("fast_count", fast.count)
            m.output("slow_count", slow.count)
        }
        let sim = Simulator(top)
        sim.set("rst", 1); sim.tick(); sim.set("rst", 0); sim.set("limit", 2)
        for _ in 0..<7 { sim.tick() }
        #expect(sim.get("fast_count") == 1)   // 7 mod 3
        #expect(sim.get("slow_count") == 2)   // wrapped after cycles 3 and 6
    }

    @Test func connectionMistakesAreReportedAtTheInstance() throws {
        let counter = try Self.counter()
        var line = 0
        let d = failure { m in
            let wide = m.input("wide", .unsigned(5))
            line = #line + 1
            let c = m.instance(counter, name: "c") {
                $0.limit = wide
                $0.limit = wide
            }
            m.output("y", c.count)
        }
        let messages = d.map(\.message)
        #expect(messages.contains("instance 'c': input 'limit' is connected twice"))
        #expect(messages.contains("instance 'c': input 'limit' is UInt<4> but is connected to UInt<5>"))
        #expect(messages.contains("instance 'c' of 'counter4': input 'enable' is not connected"))
        #expect(d.allSatisfy { $0.location?.line == line }, "\(d)")
    }

    @Test func aSignatureThatDoesNotMatchTheModuleIsReported() throws {
        let plain = try Module.build("plain") { m in
            let enable = m.input("enable", .bit), limit = m.input("limit", .unsigned(3))
            m.output("count", limit)
            m.output("extra", enable)
        }
        var line = 0
        let d = failure { m in
            let l = m.input("l", .unsigned(4)), e = m.input("e", .bit)
            line = #line + 1
            let c = m.instance(plain, name: "p", signature: CounterPorts(width: 4)) {
                $0.enable = e
                $0.limit = l
            }
            m.output("y", c.count)
        }
        let messages = d.map(\.message)
        #expect(messages.contains("input 'limit' of module 'plain' is UInt<3>, but signature CounterPorts declares UInt<4>"))
        #expect(messages.contains("module 'plain' has no output 'wrapped' that signature CounterPorts declares"))
        #expect(messages.contains("module 'plain' has output 'extra', which signature CounterPorts does not declare"))
        #expect(d.first?.location?.line == line)
    }
}

/// A register's synchronous clear and a kept submodule, as the synthesis-facing DSL features.
@Suite struct RegisterClearAndKeptHierarchyTests {
    /// rst > clear > enable, in the interpreter; the Verilog spells the same priority chain.
    @Test func clearLoadsZeroAfterResetAndBeforeEnable() throws {
        let module = try Module.build("clr_demo") { m in
            let d = m.input("d", .unsigned(4)), en = m.input("en", .bit), clr = m.input("clr", .bit)
            let r = m.reg("r", .unsigned(4), reset: 5, enable: en, clear: clr)
            r.assign(d)
            m.output("q", r)
        }
        let sim = Simulator(module)
        func step(rst: Int, clr: Int, en: Int, d: Int) -> BigInt {
            sim.set("rst", BigInt(rst)); sim.set("clr", BigInt(clr)); sim.set("en", BigInt(en)); sim.set("d", BigInt(d))
            sim.tick()
            return sim.get("q")
        }
        #expect(step(rst: 1, clr: 1, en: 1, d: 9) == 5)   // reset wins
        #expect(step(rst: 0, clr: 1, en: 1, d: 9) == 0)   // clear beats enable
        #expect(step(rst: 0, clr: 0, en: 1, d: 9) == 9)
        #expect(step(rst: 0, clr: 0, en: 0, d: 3) == 9)   // hold
        let text = VerilogEmitter.emit(module).text
        #expect(text.contains("    if (rst) begin\n      r <= 4'h5;\n    end else if (clr) begin\n      r <= 4'h0;\n    end else if (en) begin\n      r <= d;"))
    }

    @Test func keptSubmoduleCarriesTheAttribute() throws {
        let inner = try Module.build("kept_inner") { m in
            m.keepHierarchy()
            m.output("y", ~m.input("a", .unsigned(3)))
        }
        let outer = try Module.build("kept_outer") { m in
            let u = m.instance(inner, name: "u", inputs: ["a": m.input("a", .unsigned(3))])
            m.output("y", u["y"])
        }
        let text = VerilogEmitter.emit(outer).text
        #expect(text.contains("(* keep_hierarchy *)\nmodule kept_inner ("))
        #expect(!text.contains("(* keep_hierarchy *)\nmodule kept_outer"))
        #expect(try VerilatorLint.findings(verilog: text, fileName: "kept_outer.v", top: "kept_outer").isEmpty)
    }
}
