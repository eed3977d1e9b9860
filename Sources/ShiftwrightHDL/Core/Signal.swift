import BigInt

/// A typed bit-vector value in a module being built: a port, wire, register or the result of an
/// operation. Signals are cheap handles; operators on them add nodes to the module's graph.
///
/// Arithmetic never loses bits: `+`/`-` grow by one bit, `*` to the sum of the widths, mixed
/// signedness promotes the unsigned operand losslessly. Narrowing is always explicit
/// (`truncated(to:)`), and assigning a value of another type is an elaboration error.
public struct Signal {
    public let id: NodeID
    public let type: HWType
    let builder: ModuleBuilder

    public var width: Int { type.width }
    public var isSigned: Bool { type.isSigned }
    /// The name given to this signal (port, wire, register), nil for an anonymous expression.
    public var declaredName: String? { builder.nodes[id].name }

    /// Drives this wire, output or register (its next value) with `value`. Inside `when` the
    /// assignment is conditional; later assignments win.
    public func assign(_ value: Signal, file: StaticString = #fileID, line: UInt = #line) {
        builder.recordAssignment(target: self, value: value, at: SourceLocation(file: file, line: line))
    }

    /// Drives this signal with a constant of its own type.
    public func assign(_ value: BigInt, file: StaticString = #fileID, line: UInt = #line) {
        assign(builder.constant(value, type, file: file, line: line), file: file, line: line)
    }

    /// Gives this value a name that appears verbatim in the Verilog (a wire of that name).
    public func named(_ name: String, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let loc = SourceLocation(file: file, line: line)
        builder.consume(self, at: loc)
        let wire = builder.wire(name, type, file: file, line: line)
        // Names are unconditional, wherever they are written.
        let saved = builder.blockStack
        builder.blockStack = [builder.root]
        wire.assign(self, file: file, line: line)
        builder.blockStack = saved
        return wire
    }
}
