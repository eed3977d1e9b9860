import Testing
import ShiftwrightHDL

/// Every elaboration error names the problem and points at the user's own source line.
@Suite struct ElaborationErrorTests {
    /// Builds a module expecting failure; returns the diagnostics.
    func failure(_ body: (ModuleBuilder) -> Void) -> [Diagnostic] {
        do {
            _ = try Module.build("dut", body)
            Issue.record("expected an elaboration error")
            return []
        } catch let error as ElaborationError {
            return error.diagnostics
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test func assignWidthMismatchNamesBothTypesAndTheLine() {
        var line = 0
        let d = failure { m in
            let a = m.input("a", .unsigned(8)), b = m.input("b", .unsigned(8))
            let y = m.output("y", .unsigned(8))
            line = #line + 1
            y.assign(a + b)
        }
        #expect(d.count == 1)
        #expect(d.first?.message.contains("UInt<9>") == true && d.first?.message.contains("UInt<8>") == true)
        #expect(d.first?.location?.line == line)
        #expect(d.first?.location?.file.hasSuffix("ElaborationErrorTests.swift") == true)
    }

    @Test func operatorErrorIsReportedAtTheConsumingLine() {
        var line = 0
        let d = failure { m in
            let a = m.input("a", .unsigned(8)), b = m.input("b", .unsigned(6))
            let t = a & b  // the operator cannot know its line; the statement that uses it does
            line = #line + 1
            m.output("y", t)
        }
        #expect(d.map(\.message) == ["operands of '&' differ: UInt<8> and UInt<6>; extend, truncate or cast one explicitly"])
        #expect(d.first?.location?.line == line)
    }

    @Test func undrivenOutputAndWire() {
        let d = failure { m in
            _ = m.output("y", .unsigned(4))
            let w = m.wire("w", .unsigned(4))
            _ = w
        }
        #expect(d.map(\.message).sorted() == ["output 'y' is never driven", "wire 'w' is never driven"])
    }

    @Test func partialAssignmentWouldBeALatch() {
        let d = failure { m in
            let c = m.input("c", .bit)
            let y = m.output("y", .bit)
            m.when(c) { y.assign(c) }
        }
        #expect(d.first?.message.contains("not assigned on every path") == true)
    }

    @Test func fullCoverageByWhenOtherwiseIsNotALatch() throws {
        _ = try Module.build("ok") { m in
            let c = m.input("c", .bit)
            let y = m.output("y", .bit)
            m.when(c) { y.assign(0) }.otherwise { y.assign(1) }
        }
    }

    @Test func drivenTwice() {
        var first = 0
        let d = failure { m in
            let a = m.input("a", .bit)
            let y = m.output("y", .bit)
            first = #line + 1
            y.assign(a)
            y.assign(~a)
        }
        #expect(d.first?.message == "'y' is driven twice: first at ShiftwrightHDLTests/ElaborationErrorTests.swift:\(first); use 'when' for conditional overrides")
    }

    @Test func combinationalLoop() {
        let d = failure { m in
            let a = m.input("a", .unsigned(4))
            let p = m.wire("p", .unsigned(4)), q = m.wire("q", .unsigned(4))
            p.assign(q ^ a)
            q.assign(p)
            m.output("y", q)
        }
        #expect(d.first?.message.hasPrefix("combinational loop: ") == true)
        #expect(d.first?.message.contains("p [") == true && d.first?.message.contains("q [") == true)
    }

    @Test func loopThroughARegisterIsFine() throws {
        _ = try Module.build("counter") { m in
            let r = m.reg("count", .unsigned(4))
            r.assign((r + 1).truncated(to: 4))
            m.output("y", r)
        }
    }

    @Test func keywordNamesAreRejectedNotMangled() {
        let d = failure { m in
            let a = m.input("module", .bit)
            m.output("y", a)
        }
        #expect(d.first?.message.contains("keyword") == true)
        #expect(failure { m in m.output("clk", m.constant(1)) }.first?.message.contains("reserved") == true)
        #expect(failure { m in m.output("_zz_1", m.constant(1)) }.first?.message.contains("must start with a letter") == true)
        // Names Verilator would rename in its C++ model.
        #expect(failure { m in m.output("long", m.constant(1)) }.first?.message.contains("C++ keyword") == true)
        #expect(failure { m in m.output("a__b", m.constant(1)) }.first?.message.contains("'__'") == true)
    }

    @Test func invalidWidths() {
        for width in [0, -3, 1025] {
            let d = failure { m in m.output("y", m.input("a", .unsigned(width))) }
            #expect(d.contains { $0.message.contains("width \(width)") }, "width \(width): \(d)")
        }
    }

    @Test func negativeShiftAndBadSlice() {
        #expect(failure { m in m.output("y", m.input("a", .unsigned(8)) << -1) }.first?.message == "shift amount -1 is negative")
        #expect(failure { m in m.output("y", m.input("a", .unsigned(8))[8, 2]) }.first?.message == "slice [8:2] is out of range for UInt<8>")
    }

    @Test func unusedInputIsAnErrorUnlessAllowed() throws {
        let d = failure { m in
            _ = m.input("spare", .bit)
            m.output("y", m.constant(1))
        }
        #expect(d.first?.message.hasPrefix("input 'spare' is never used") == true)
        _ = try Module.build("ok") { m in
            _ = m.input("spare", .bit, allowUnused: true)
            m.output("y", m.constant(1))
        }
    }

    @Test func registerNeverAssigned() {
        let d = failure { m in m.output("y", m.reg("r", .unsigned(2))) }
        #expect(d.first?.message.hasPrefix("register 'r' is never assigned") == true)
    }

    @Test func instanceConnectionsAreChecked() throws {
        let sub = try Module.build("sub") { m in m.output("y", ~m.input("x", .unsigned(4))) }
        let missing = failure { m in m.output("y", m.instance(sub, name: "u", inputs: [:]).output("y")) }
        #expect(missing.map(\.message) == ["instance 'u' of 'sub': input 'x' is not connected"])
        let wrongType = failure { m in
            let a = m.input("a", .unsigned(5))
            m.output("y", m.instance(sub, name: "u", inputs: ["x": a]).output("y"))
        }
        #expect(wrongType.contains { $0.message == "instance 'u': input 'x' is UInt<4> but is connected to UInt<5>" })
        let noPort = failure { m in
            let a = m.input("a", .unsigned(4))
            m.output("y", m.instance(sub, name: "u", inputs: ["x": a]).output("z"))
        }
        #expect(noPort.first?.message == "module 'sub' has no output 'z' (outputs: y)")
    }

    @Test func twoDifferentModulesWithOneName() throws {
        let a = try Module.build("leaf") { m in m.output("y", ~m.input("x", .unsigned(4))) }
        let b = try Module.build("leaf") { m in m.output("y", m.input("x", .unsigned(4))) }
        let d = failure { m in
            let x = m.input("x", .unsigned(4))
            let y1 = m.instance(a, name: "u1", inputs: ["x": x]).output("y")
            let y2 = m.instance(b, name: "u2", inputs: ["x": x]).output("y")
            m.output("y", y1 ^ y2)
        }
        #expect(d.first?.message.contains("two different modules are named 'leaf'") == true)
    }

    @Test func memoryNeverWritten() {
        let d = failure { m in
            let mem = m.memory("coefficients", depth: 4, .unsigned(8))
            m.output("y", mem.read(address: m.input("a", .unsigned(2))))
        }
        #expect(d.map(\.message) == ["memory 'coefficients' is never written (it would read as undefined); add a write port"])
    }

    @Test func constantThatDoesNotFit() {
        let d = failure { m in m.output("y", m.constant(300, .unsigned(8))) }
        #expect(d.first?.message == "constant 300 does not fit UInt<8> (range 0...255)")
    }
}
