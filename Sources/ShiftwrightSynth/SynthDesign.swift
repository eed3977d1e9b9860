import Foundation
import ShiftwrightTooling
import ShiftwrightGenerators
import ShiftwrightHDL
import ShiftwrightVerilog

/// One design to synthesize: self-contained Verilog text, the file name it is written under and its
/// top module. Any generator's `Module`, or any Verilog file, becomes one.
public struct SynthDesign: Sendable, Hashable {
    public let top: String
    public let fileName: String
    public let verilog: String
    /// The top's ports when known (designs from a DSL module); timing wrappers need them.
    public let ports: [SynthPort]?

    public init(top: String, fileName: String, verilog: String, ports: [SynthPort]? = nil) {
        self.top = top
        self.fileName = fileName
        self.verilog = verilog
        self.ports = ports
    }

    /// The design of an elaborated DSL module (PE, requantizer, array, …).
    public init(module: Module) {
        let emitted = VerilogEmitter.emit(module)
        self.init(top: emitted.top, fileName: emitted.fileName, verilog: emitted.text,
                  ports: module.ports.map { SynthPort(name: $0.name, width: $0.type.width, isInput: $0.direction == .input) })
    }

    /// The processing element for `config` (spec §5.1).
    public static func pe(_ config: PEConfig) throws -> SynthDesign {
        SynthDesign(module: try PEGenerator.module(config))
    }
}

extension SynthDesign {
    /// A design read from a Verilog file; `top` must be a plain Verilog identifier.
    public init(file: String, top: String) throws {
        guard let first = top.first, first.isLetter || first == "_",
              top.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw ToolError("bad top module name '\(top)': use a plain Verilog identifier")
        }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw ToolError("cannot read Verilog file \(file)")
        }
        self.init(top: top, fileName: "\(top).v", verilog: text)
    }
}

/// One port of a design's top module.
public struct SynthPort: Sendable, Hashable {
    public let name: String
    public let width: Int
    public let isInput: Bool

    public init(name: String, width: Int, isInput: Bool) {
        self.name = name
        self.width = width
        self.isInput = isInput
    }
}
