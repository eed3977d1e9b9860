import Foundation
import Testing
import ShiftwrightHDL
import ShiftwrightFormats
import ShiftwrightGenerators

/// Structure, naming, limits and sidecar of the array generator (no simulation).
@Suite struct ArrayGeneratorTests {
    @Test func hierarchyHasOnePEModuleOneRequantizerAndTheController() throws {
        let c = try ArrayTestSupport.config(3, 5, "int8", "ausn-b3s2")
        let module = try ArrayGenerator.module(c)
        let names = module.hierarchy.map(\.name)
        // The array's PE is a cell (weight, product, product register) around the PE generator's
        // product module; the stand-alone PE with its accumulator is not in the array.
        let pe = try c.pe.moduleName, cell = pe + "_cell"
        let column = try #require(module.hierarchy.first { $0.name.hasSuffix("_column") })
        #expect(names.contains(c.controllerName))
        #expect(names.contains(cell) && !names.contains(pe))
        #expect(names.contains(try c.requantizer.moduleName))
        // Besides the top, the controller, the cell and the requantizer: only the product module and its kept submodules.
        let others = names.filter { ![module.name, c.controllerName, column.name, cell, try! c.requantizer.moduleName].contains($0) }
        #expect(others.contains(pe + "_prod") && others.allSatisfy { $0.hasPrefix(pe + "_") }, "\(names)")
        // One column module instantiated C times; each column holds R PEs, one requantizer, one buffer.
        #expect(module.instances.filter { $0.module.name == column.name }.count == 5)
        #expect(column.instances.filter { $0.name.hasPrefix("pe_") }.count == 3)
        #expect(column.instances.filter { $0.name == "rq" }.count == 1)
        #expect(column.memories.count == 1 && column.memories.allSatisfy { $0.depth == 64 })
    }

    @Test func portsAndWidths() throws {
        let c = try ArrayTestSupport.config(4, 2, "uint8", "afp-e3m2", target: "afp-e2m1", maxRows: 100, maxTiles: 3)
        let module = try ArrayGenerator.module(c)
        func width(_ name: String) -> Int? { module.port(name)?.type.width }
        #expect(width("a_data") == 4 * 8)
        #expect(width("w_data") == 2 * 6)
        #expect(width("y_data") == 2 * 4)
        #expect(width("last_row") == 7)  // M − 1 < 100
        #expect(width("last_tile") == 2)  // T − 1 < 3
        #expect(module.port("shift")?.type == .signed(8))
        #expect(c.maxDepth == 12)
        #expect(c.bufferWidth == PEConfig.productType(c.activation, c.weight).width + 4)
    }

    @Test func distinctConfigurationsHaveDistinctNames() throws {
        let base = try ArrayTestSupport.config(4, 4, "int8", "ausn-b3s2")
        let variants = [
            base,
            try ArrayTestSupport.config(4, 4, "int8", "ausn-b3s2", target: "afp-e3m2"),
            try ArrayTestSupport.config(4, 4, "int8", "ausn-b3s2", maxRows: 32),
            try ArrayTestSupport.config(4, 4, "int8", "ausn-b3s2", maxTiles: 8),
            try ArrayTestSupport.config(4, 3, "int8", "ausn-b3s2"),
            try ArrayTestSupport.config(4, 4, "int8", "pot-b4"),
        ]
        #expect(Set(variants.map(\.moduleName)).count == variants.count)
        #expect(Set([base, variants[3]].map(\.controllerName)).count == 2)
    }

    @Test func limitsAreOneLineErrors() throws {
        let int8 = try NumberFormat(parsing: "int8"), ausn = try NumberFormat(parsing: "ausn-b3s2")
        #expect(throws: GeneratorError.self) { try ArrayConfig(rows: 0, cols: 4, activation: int8, weight: ausn) }
        #expect(throws: GeneratorError.self) { try ArrayConfig(rows: 4, cols: 300, activation: int8, weight: ausn) }
        #expect(throws: GeneratorError.self) { try ArrayConfig(rows: 4, cols: 4, activation: int8, weight: ausn, maxRows: 0) }
        #expect(throws: GeneratorError.self) { try ArrayConfig(rows: 4, cols: 4, activation: int8, weight: ausn, maxTiles: 0) }
        #expect(throws: GeneratorError.self) { try ArrayConfig(rows: 200, cols: 200, activation: int8, weight: ausn) }  // 1600-bit ports
        #expect(throws: GeneratorError.self) {  // a 65-bit accumulator buffer exceeds the requantizer
            try ArrayConfig(rows: 4, cols: 4, activation: NumberFormat(parsing: "int32"), weight: NumberFormat(parsing: "int32"))
        }
    }

    @Test func sidecarDocumentsTheInterface() throws {
        let design = try DesignArtifacts.array(ArrayConfig.defaultConfiguration())
        #expect(design.sidecar.kind == "array")
        #expect(design.sidecar.formats == ["activation": "int8", "weight": "ausn-b3s2", "target": "int8"])
        for key in ["dataflow", "handshake", "states", "timing", "start_while_busy", "reset", "port.start", "port.y_valid/y_ready/y_data"] {
            #expect(design.sidecar.parameters[key] != nil, "missing \(key)")
        }
        #expect(design.sidecar.parameters["rows"] == "8" && design.sidecar.parameters["cols"] == "8")
        #expect(design.verilog.text.contains("module \(design.verilog.top)"))
    }

    @Test func sixteenBySixteenElaboratesQuickly() throws {
        let c = try ArrayTestSupport.config(16, 16, "int8", "ausn-b3s2")
        let t0 = Date()
        let module = try ArrayGenerator.module(c)
        #expect(module.instances.count == 16 + 1)  // 16 columns and the controller
        #expect(module.flatNodeCount > 16 * 16 * 10)
        #expect(Date().timeIntervalSince(t0) < 10)
    }
}

extension ArrayGeneratorTests {
    @Test func longNamesAreShortenedDeterministically() throws {
        let c = try ArrayTestSupport.config(64, 64, "afp-e3m2", "ausn-b3t2t2", target: "afp-e3m2", maxRows: 1024, maxTiles: 16)
        #expect(c.moduleName.count <= GeneratorNames.maxModuleName)
        let d = try ArrayTestSupport.config(64, 64, "afp-e3m2", "ausn-b3t2t2", target: "afp-e2m1", maxRows: 1024, maxTiles: 16)
        #expect(c.moduleName != d.moduleName)
        #expect(GeneratorNames.bounded("short") == "short")
        _ = try ArrayGenerator.module(try ArrayTestSupport.config(2, 2, "afp-e3m2", "ausn-b3t2t2", target: "afp-e3m2", maxRows: 1024))
    }
}

import ShiftwrightVerilator
import ShiftwrightFlows
import ShiftwrightVerilog

/// Verilator `-Wall` finds nothing in generated arrays (odd sizes, non-power-of-two buffers).
@Suite struct ArrayLintTests {
    @Test(arguments: [(1, 1, "int8", "int4", "int8", 2), (2, 3, "uint8", "ausn-b3t2", "afp-e3m2", 100)])
    func arraysAreLintClean(_ p: (Int, Int, String, String, String, Int)) throws {
        let c = try ArrayTestSupport.config(p.0, p.1, p.2, p.3, target: p.4, maxRows: p.5, maxTiles: 3)
        let v = VerilogEmitter.emit(try ArrayGenerator.module(c))
        let findings = try VerilatorLint.findings(verilog: v.text, fileName: v.fileName, top: v.top)
        #expect(findings.isEmpty, "\(findings)")
    }
}
