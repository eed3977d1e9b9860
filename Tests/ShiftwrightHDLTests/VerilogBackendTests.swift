import Foundation
import Testing
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightVerilator
import ShiftwrightYosys
import ShiftwrightTooling

/// The backend's text for small designs, against checked-in fixtures; lint and Yosys cleanliness;
/// byte-identical output on repeated elaboration.
@Suite struct VerilogBackendTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test(arguments: FixtureDesigns.all.map(\.0))
    func matchesFixture(name: String) throws {
        let design = try FixtureDesigns.all.first { $0.0 == name }!.1()
        let text = VerilogEmitter.emit(design).text
        let path = Self.fixtures.appendingPathComponent("\(name).v").path
        if ProcessInfo.processInfo.environment["SHIFTWRIGHT_UPDATE_FIXTURES"] == "1" {
            try AtomicFile.write(text, to: path)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected, "emitted Verilog for \(name) differs from Fixtures/\(name).v (SHIFTWRIGHT_UPDATE_FIXTURES=1 rewrites it)")
    }

    @Test(arguments: FixtureDesigns.all.map(\.0))
    func lintAndYosysClean(name: String) throws {
        let design = try FixtureDesigns.all.first { $0.0 == name }!.1()
        let verilog = VerilogEmitter.emit(design)
        let lint = try VerilatorLint.findings(verilog: verilog.text, fileName: verilog.fileName, top: design.name)
        #expect(lint.isEmpty, "\(lint)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sw-yosys-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.write(verilog.text, to: "\(dir)/\(verilog.fileName)")
        #expect(try YosysReadCheck.problem(verilogPath: "\(dir)/\(verilog.fileName)", top: design.name) == nil)
    }

    @Test func outputIsDeterministic() throws {
        for (_, make) in FixtureDesigns.all {
            #expect(VerilogEmitter.emit(try make()).text == VerilogEmitter.emit(try make()).text)
        }
        var a = RandomDesign(seed: 99), b = RandomDesign(seed: 99)
        #expect(VerilogEmitter.emit(try a.module(name: "r")).text == VerilogEmitter.emit(try b.module(name: "r")).text)
    }

    @Test func nameMapPointsBackToSource() throws {
        let map = VerilogEmitter.emit(try FixtureDesigns.mac()).nameMap
        let product = map.first { $0.rtlName == "product" }
        #expect(product?.kind == "wire")
        #expect(product?.source?.hasPrefix("ShiftwrightHDLTests/FixtureDesigns.swift:") == true)
        #expect(map.contains { $0.rtlName == "acc" && $0.kind == "register" })
        #expect(map.allSatisfy { !$0.rtlName.hasPrefix("_") })
    }

    @Test func temporaryNamesAreLocalToTheirSignal() throws {
        // Adding logic to one output must not rename the temporaries of another.
        func build(extra: Bool) throws -> String {
            VerilogEmitter.emit(try Module.build("names") { m in
                let a = m.input("a", .unsigned(4)), b = m.input("b", .unsigned(4))
                if extra { m.output("first", (a * b + a).truncated(to: 4)) }
                m.output("second", (a + b) * b)
            }).text
        }
        let without = try build(extra: false), with = try build(extra: true)
        let secondLines = { (t: String) in t.split(separator: "\n").filter { $0.contains("second") }.map(String.init) }
        #expect(secondLines(without) == secondLines(with))
    }
}
