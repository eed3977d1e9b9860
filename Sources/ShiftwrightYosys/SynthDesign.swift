import Foundation
import ShiftwrightTooling
import ShiftwrightHDL
import ShiftwrightVerilog

/// One design to synthesize: self-contained Verilog text, the file name it is written under and its
/// top module. Any generator's `Module`, or any Verilog file, becomes one.
public struct SynthDesign: Sendable, Hashable {
    public let top: String
    public let fileName: String
    public let verilog: String
    /// The top's ports when known (designs from a DSL module); timing wrappers need them.
    public let ports: [PortSpec]?

    public init(top: String, fileName: String, verilog: String, ports: [PortSpec]? = nil) {
        self.top = top
        self.fileName = fileName
        self.verilog = verilog
        self.ports = ports
    }

    /// The design of an elaborated DSL module (PE, requantizer, array, …).
    public init(module: Module) {
        let emitted = VerilogEmitter.emit(module)
        self.init(top: emitted.top, fileName: emitted.fileName, verilog: emitted.text,
                  ports: module.portSpecs)
    }
}

extension SynthDesign {
    /// A design read from a Verilog file; `top` must be a plain Verilog identifier.
    public init(file: String, top: String) throws {
        try Yosys.checkIdentifier(top)
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw ToolError("cannot read Verilog file \(file)")
        }
        self.init(top: top, fileName: "\(top).v", verilog: text)
    }
}
