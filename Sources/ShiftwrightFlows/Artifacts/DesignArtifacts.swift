import Foundation
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightTooling
import ShiftwrightFormats
import ShiftwrightGenerators

/// The files a generator run produces for one design: `<top>.v` and its `<top>.json` sidecar.
public struct DesignArtifacts: Sendable {
    public let verilog: VerilogDesign
    public let sidecar: DesignSidecar

    public init(module: Module, kind: String, formats: [String: String], latency: Int) {
        verilog = VerilogEmitter.emit(module)
        sidecar = DesignSidecar(top: module, kind: kind, verilogFile: verilog.fileName, formats: formats, latency: latency,
                                signals: Self.signals(verilog))
    }

    /// An AMBA-named top (`aclk`/`aresetn`) over a DSL design: the sidecar describes the top's
    /// ports and carries the core's generator and parameters.
    public init(ambaTop top: AmbaTop, kind: String, formats: [String: String], latency: Int) {
        verilog = top.emit()
        sidecar = DesignSidecar(name: top.name, generator: top.core.generator, parameters: top.core.parameters, ports: top.ports,
                                kind: kind, verilogFile: verilog.fileName, formats: formats, latency: latency, signals: Self.signals(verilog))
    }

    private static func signals(_ verilog: VerilogDesign) -> [DesignSidecar.Signal] {
        verilog.nameMap.map { .init(module: $0.module, rtl: $0.rtlName, kind: $0.kind, type: $0.type, source: $0.source) }
    }

    public static func pe(_ config: PEConfig) throws -> DesignArtifacts {
        DesignArtifacts(module: try PEGenerator.module(config), kind: "pe",
                        formats: ["activation": config.activation.name, "weight": config.weight.name], latency: config.latency)
    }

    public static func requantizer(_ config: RequantizerConfig) throws -> DesignArtifacts {
        DesignArtifacts(module: try RequantizerGenerator.module(config), kind: "requant",
                        formats: ["target": config.target.name], latency: config.latency)
    }

    /// Every default design (what `rtl-out/` holds), in a fixed order.
    public static func defaults() throws -> [DesignArtifacts] {
        try DefaultDesigns.peConfigs().map(pe) + DefaultDesigns.requantConfigs().map(requantizer)
            + [array(ArrayConfig.defaultConfiguration())]
    }

    public var files: [(name: String, data: Data)] {
        get throws { [(verilog.fileName, Data(verilog.text.utf8)), ("\(verilog.top).json", try sidecar.json())] }
    }

    /// Writes every file of every design into `directory`, all or nothing.
    public static func write(_ designs: [DesignArtifacts], into directory: String) throws {
        try AtomicFile.writeAll(designs.flatMap { try $0.files }, into: directory)
    }
}

extension DesignArtifacts {
    /// Verilog and sidecar of a PE array (kind "array"); the latency field is the number of
    /// cycles from the last activation beat to the first valid result.
    public static func array(_ config: ArrayConfig) throws -> DesignArtifacts {
        DesignArtifacts(module: try ArrayGenerator.module(config), kind: "array",
                        formats: ["activation": config.activation.name, "weight": config.weight.name, "target": config.target.name],
                        latency: ArrayInterface.resultLatency)
    }

    /// Verilog and sidecar of a PE array behind AXI4-Stream and AXI4-Lite (kind "array-axi",
    /// top `<array>_axi`; docs/axi.md); the latency is the array's.
    public static func axiArray(_ config: ArrayConfig) throws -> DesignArtifacts {
        DesignArtifacts(ambaTop: try axiTop(config), kind: "array-axi",
                        formats: ["activation": config.activation.name, "weight": config.weight.name, "target": config.target.name],
                        latency: ArrayInterface.resultLatency)
    }

    /// The AXI top of `config` over the generated wrapper, its header holding the register map and stream rules.
    static func axiTop(_ config: ArrayConfig) throws -> AmbaTop {
        try AmbaTop(name: AxiArrayInterface.topName(config), core: AxiArrayGenerator.module(config), notes: [
            "The PE array \(config.moduleName) behind AXI4-Stream (s_axis_w, s_axis_a, m_axis_y) and an AXI4-Lite register block (s_axi); docs/axi.md.",
            "Register map and stream rules (also in the JSON sidecar's parameters):",
        ] + AxiArrayInterface.parameters(config).filter { $0.0.hasPrefix("reg.") || $0.0.hasPrefix("axis.") || $0.0.hasPrefix("axil") || $0.0 == "clock_reset" || $0.0 == "sequence" }
            .map { "  \($0.0): \($0.1)" })
    }
}
