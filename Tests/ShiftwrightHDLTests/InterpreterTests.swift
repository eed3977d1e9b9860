import Testing
import ShiftwrightHDL

/// The interpreter against hand-worked sequences (independent of any backend).
@Suite struct InterpreterTests {
    @Test func counterWithResetAndEnable() throws {
        let counter = try Module.build("counter") { m in
            let en = m.input("en", .bit)
            let r = m.reg("count", .unsigned(3), reset: 5, enable: en)
            r.assign((r + 1).truncated(to: 3))
            m.output("y", r)
        }
        let sim = Simulator(counter)
        sim.set("rst", 1); sim.tick(); sim.set("rst", 0)
        #expect(sim.get("y") == 5)
        sim.set("en", 1)
        var seen: [BigInt] = []
        for _ in 0..<4 { sim.tick(); seen.append(sim.get("y")) }
        #expect(seen == [6, 7, 0, 1])
        sim.set("en", 0); sim.tick()
        #expect(sim.get("y") == 1)
    }

    @Test func lastAssignmentWins() throws {
        let module = try Module.build("prio") { m in
            let a = m.input("a", .bit), b = m.input("b", .bit)
            let y = m.output("y", .unsigned(2))
            y.assign(0)
            m.when(a) { y.assign(1) }
            m.when(b) { y.assign(2) }
        }
        let sim = Simulator(module)
        for (a, b, expected) in [(0, 0, 0), (1, 0, 1), (0, 1, 2), (1, 1, 2)] {
            sim.set("a", BigInt(a)); sim.set("b", BigInt(b)); sim.evaluate()
            #expect(sim.get("y") == BigInt(expected))
        }
    }

    @Test func signedArithmeticAndShifts() throws {
        let module = try Module.build("arith") { m in
            let a = m.input("a", .signed(8)), k = m.input("k", .unsigned(3))
            m.output("half", a >> 1)
            m.output("shifted", a >> k)
            m.output("square", a * a)
            m.output("low", a[3, 0])
        }
        let sim = Simulator(module)
        sim.set("a", -7); sim.set("k", 2); sim.evaluate()
        #expect(sim.get("half") == -4)       // floor(-7 / 2)
        #expect(sim.get("shifted") == -2)    // floor(-7 / 4)
        #expect(sim.get("square") == 49)
        #expect(sim.get("low") == 9)         // -7 = 0b1111_1001
    }

    @Test func shiftRightByAWideAmountLeavesSignBits() throws {
        let module = try Module.build("wideshift") { m in
            let a = m.input("a", .signed(8)), s = m.input("s", .unsigned(64))
            m.output("y", a >> s)
        }
        let sim = Simulator(module)
        sim.set("a", -100); sim.set("s", BigInt(1) << 63); sim.evaluate()
        #expect(sim.get("y") == -1)
        sim.set("a", 100); sim.evaluate()
        #expect(sim.get("y") == 0)
        sim.set("s", 3); sim.evaluate()
        #expect(sim.get("y") == 12)
    }

    @Test func memoryReadsOldDataOnSimultaneousWrite() throws {
        let module = try Module.build("ram") { m in
            let addr = m.input("addr", .unsigned(2)), data = m.input("data", .unsigned(8)), we = m.input("we", .bit)
            let mem = m.memory("store", depth: 4, .unsigned(8))
            mem.write(address: addr, data: data, enable: we)
            m.output("q", mem.read(address: addr))
        }
        let sim = Simulator(module)
        sim.set("addr", 2); sim.set("data", 42); sim.set("we", 1); sim.tick()
        #expect(sim.get("q") == 0)   // read in the same cycle as the write: old data
        sim.set("we", 0); sim.tick()
        #expect(sim.get("q") == 42)
    }
}
