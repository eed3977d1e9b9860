import BigInt

/// The conditional-assignment program recorded while a module is built; elaboration lowers it to
/// multiplexers with last-assignment-wins semantics.
final class Block {
    var statements: [Statement] = []
}

enum Statement {
    case assign(target: NodeID, value: NodeID, location: SourceLocation)
    case when(WhenStatement)
}

final class WhenStatement {
    let condition: NodeID
    let thenBlock = Block()
    var elseBlock: Block?
    let location: SourceLocation
    init(condition: NodeID, location: SourceLocation) {
        self.condition = condition
        self.location = location
    }
}

/// Returned by `ModuleBuilder.when`: continues the chain with `elseWhen` / `otherwise`.
public struct WhenChain {
    let builder: ModuleBuilder
    let statement: WhenStatement

    /// Runs `body` when the previous conditions were false and `condition` is true.
    @discardableResult
    public func elseWhen(_ condition: Signal, file: StaticString = #fileID, line: UInt = #line,
                         _ body: () throws -> Void) rethrows -> WhenChain {
        try elseWhen(condition, location: SourceLocation(file: file, line: line), body)
    }

    func elseWhen(_ condition: Signal, location: SourceLocation, _ body: () throws -> Void) rethrows -> WhenChain {
        let elseBlock = Block()
        statement.elseBlock = elseBlock
        builder.blockStack.append(elseBlock)
        defer { builder.blockStack.removeLast() }
        return try builder.when(condition, location: location, body)
    }

    /// Runs `body` when every previous condition was false.
    public func otherwise(_ body: () throws -> Void) rethrows {
        let elseBlock = Block()
        statement.elseBlock = elseBlock
        builder.blockStack.append(elseBlock)
        defer { builder.blockStack.removeLast() }
        try body()
    }
}
