import BigInt

/// Records a module's hardware while a generator runs: ports, wires, registers, memories,
/// instances and conditional assignments. Obtain one from `Module.build`; it is elaborated (checked
/// and frozen into a `Module`) when the build closure returns.
public final class ModuleBuilder {
    public let moduleName: String
    let location: SourceLocation

    var nodes: [Node] = []
    /// Per node: whether it depends on a poisoned node (a failed operation).
    var poisoned: [Bool] = []
    var diagnostics: [Diagnostic] = []
    /// Poison node → index of its (possibly not yet located) diagnostic.
    var poisonDiagnostic: [NodeID: Int] = [:]

    var ports: [PortDeclaration] = []
    var registers: [RegisterDeclaration] = []
    var memories: [MemoryDeclaration] = []
    var instances: [InstanceDeclaration] = []
    var declaredNames: [String: SourceLocation] = [:]
    var allowedUnused: Set<NodeID> = []
    var keepsHierarchy = false
    /// Named constant sets (state machines' states), printed as `localparam`s.
    var enumerations: [Module.Enumeration] = []
    /// Constant nodes written by a `localparam` name.
    var symbolicConstants: [NodeID: String] = [:]
    /// Targets that already have an unconditional top-level assignment, with its location.
    var topLevelDriven: [NodeID: SourceLocation] = [:]
    /// Targets with a rejected assignment: "never driven" would only repeat that error.
    var failedTargets: Set<NodeID> = []

    let root = Block()
    var blockStack: [Block]

    init(name: String, location: SourceLocation) {
        self.moduleName = name
        self.location = location
        self.blockStack = [root]
    }

    // MARK: graph primitives

    func add(_ op: Op, _ type: HWType, name: String? = nil, location: SourceLocation? = nil) -> Signal {
        let id = nodes.count
        nodes.append(Node(op: op, type: type, name: name, location: location))
        poisoned.append(op.operands.contains { poisoned[$0] })
        return Signal(id: id, type: type, builder: self)
    }

    /// A node standing in for an operation that failed; the diagnostic gets the source location
    /// of the first located statement that consumes it.
    func poison(_ type: HWType, _ message: String, at location: SourceLocation? = nil) -> Signal {
        let signal = silentPoison(type)
        poisonDiagnostic[signal.id] = diagnostics.count
        diagnostics.append(Diagnostic(location: location, message: message))
        return signal
    }

    /// A poison node for a declaration whose error was already reported.
    func silentPoison(_ type: HWType) -> Signal {
        let safeType = HWType.widthRange.contains(type.width) ? type : .bit
        let signal = add(.poison, safeType)
        poisoned[signal.id] = true
        return signal
    }

    func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(location: location, message: message))
    }

    /// Gives every unlocated diagnostic below `signal` the location of the statement using it.
    func consume(_ signal: Signal, at location: SourceLocation) {
        guard poisoned[signal.id] else { return }
        var stack = [signal.id], seen = Set<NodeID>()
        while let id = stack.popLast() {
            guard seen.insert(id).inserted, poisoned[id] else { continue }
            if let index = poisonDiagnostic[id], diagnostics[index].location == nil {
                diagnostics[index].location = location
            }
            stack.append(contentsOf: nodes[id].op.operands)
        }
    }

    /// Checks that `signal` belongs to this module; otherwise records an error and returns false.
    func owns(_ signal: Signal, at location: SourceLocation) -> Bool {
        if signal.builder === self { return true }
        error("signal from module '\(signal.builder.moduleName)' used in module '\(moduleName)'; connect it through a port", at: location)
        return false
    }

    func declareName(_ name: String, at location: SourceLocation) -> Bool {
        if let problem = HDLNames.problem(with: name) {
            error(problem, at: location)
            return false
        }
        if let first = declaredNames[name] {
            error("name '\(name)' is declared twice (first at \(first))", at: location)
            return false
        }
        declaredNames[name] = location
        return true
    }

    func checkType(_ type: HWType, what: String, at location: SourceLocation) -> Bool {
        guard HWType.widthRange.contains(type.width) else {
            error("\(what) has width \(type.width); widths must be \(HWType.widthRange.lowerBound)...\(HWType.widthRange.upperBound)", at: location)
            return false
        }
        return true
    }

    // MARK: declarations

    /// Declares an input port. An input that nothing reads is an elaboration error unless
    /// `allowUnused` is set (ports are never silently dropped).
    public func input(_ name: String, _ type: HWType, allowUnused: Bool = false,
                      file: StaticString = #fileID, line: UInt = #line) -> Signal {
        input(name, type, allowUnused: allowUnused, at: SourceLocation(file: file, line: line))
    }

    func input(_ name: String, _ type: HWType, allowUnused: Bool, at loc: SourceLocation) -> Signal {
        guard declareName(name, at: loc), checkType(type, what: "input '\(name)'", at: loc) else {
            return silentPoison(type)
        }
        let signal = add(.input(port: name), type, name: name, location: loc)
        ports.append(PortDeclaration(name: name, direction: .input, node: signal.id, location: loc))
        if allowUnused { allowedUnused.insert(signal.id) }
        return signal
    }

    /// Declares an output port of `type`, to be driven with `assign`.
    public func output(_ name: String, _ type: HWType, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        output(name, type, at: SourceLocation(file: file, line: line))
    }

    func output(_ name: String, _ type: HWType, at loc: SourceLocation) -> Signal {
        guard declareName(name, at: loc), checkType(type, what: "output '\(name)'", at: loc) else {
            return silentPoison(type)
        }
        let signal = add(.wire, type, name: name, location: loc)
        ports.append(PortDeclaration(name: name, direction: .output, node: signal.id, location: loc))
        return signal
    }

    /// Declares an output port driven by `value` (its type is the value's type).
    @discardableResult
    public func output(_ name: String, _ value: Signal, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let port = output(name, value.type, file: file, line: line)
        port.assign(value, file: file, line: line)
        return port
    }

    /// Declares a named combinational wire, to be driven with `assign` (possibly inside `when`).
    public func wire(_ name: String, _ type: HWType, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let loc = SourceLocation(file: file, line: line)
        guard declareName(name, at: loc), checkType(type, what: "wire '\(name)'", at: loc) else {
            return silentPoison(type)
        }
        return add(.wire, type, name: name, location: loc)
    }

    /// Declares a register clocked by the implicit `clk`. With a `reset` value it loads that value
    /// while the implicit synchronous, active-high `rst` is 1. With a `clear` it loads zero while
    /// clear is 1 (after `rst`, before `enable`). With an `enable` it only loads its next value
    /// while enable is 1. Its next value is given with `assign`; unassigned paths hold.
    /// `clear` and `enable` are emitted as the flip-flop's own synchronous reset and clock enable
    /// (FDRE's R and CE on Xilinx), so they cost no datapath logic.
    public func reg(_ name: String, _ type: HWType, reset: BigInt? = 0, enable: Signal? = nil, clear: Signal? = nil,
                    file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let loc = SourceLocation(file: file, line: line)
        guard declareName(name, at: loc), checkType(type, what: "register '\(name)'", at: loc) else {
            return silentPoison(type)
        }
        if let reset, !type.contains(reset) {
            error("reset value \(reset) of register '\(name)' does not fit \(type)", at: loc)
        }
        if let enable {
            consume(enable, at: loc)
            if owns(enable, at: loc), enable.type.width != 1 {
                error("enable of register '\(name)' must be 1 bit wide, got \(enable.type)", at: loc)
            }
        }
        if let clear {
            consume(clear, at: loc)
            if owns(clear, at: loc), clear.type.width != 1 {
                error("clear of register '\(name)' must be 1 bit wide, got \(clear.type)", at: loc)
            }
        }
        let index = registers.count
        let signal = add(.register(index: index), type, name: name, location: loc)
        registers.append(RegisterDeclaration(node: signal.id, reset: reset, enable: enable?.id, clear: clear?.id, location: loc))
        return signal
    }

    /// Asks synthesis to keep this module as its own block instead of flattening it into its
    /// users: a boundary that stops the optimizer re-merging, say, a product generator into the
    /// accumulator's carry chain (measured to matter with Yosys's abc9 on Xilinx targets).
    public func keepHierarchy() { keepsHierarchy = true }

    /// A constant of the given type; an error if `value` does not fit.
    public func constant(_ value: BigInt, _ type: HWType, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let loc = SourceLocation(file: file, line: line)
        guard checkType(type, what: "constant", at: loc) else { return poison(.bit, "invalid constant", at: loc) }
        guard type.contains(value) else {
            return poison(type, "constant \(value) does not fit \(type) (range \(type.minValue)...\(type.maxValue))", at: loc)
        }
        return add(.constant(value), type, location: loc)
    }

    /// A constant in the narrowest type of the given signedness that holds it.
    public func constant(_ value: BigInt, signed: Bool = false, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let loc = SourceLocation(file: file, line: line)
        if value < 0 && !signed {
            return poison(.bit, "negative constant \(value) needs a signed type", at: loc)
        }
        return add(.constant(value), .minimal(for: value, signed: signed), location: loc)
    }

    // MARK: conditional assignment

    /// Assignments inside `body` take effect only while `condition` (1 bit) is 1. Later assignments
    /// win over earlier ones, as in Chisel's `when` and Amaranth's `m.If`.
    @discardableResult
    public func when(_ condition: Signal, file: StaticString = #fileID, line: UInt = #line,
                     _ body: () throws -> Void) rethrows -> WhenChain {
        try when(condition, location: SourceLocation(file: file, line: line), body)
    }

    /// `when` at a known location (for constructs that lower to it, like `switch`).
    func when(_ condition: Signal, location loc: SourceLocation, _ body: () throws -> Void) rethrows -> WhenChain {
        consume(condition, at: loc)
        var cond = condition
        if !owns(condition, at: loc) {
            cond = add(.constant(0), .bit, location: loc)
        } else if condition.type.width != 1 {
            error("condition of 'when' must be 1 bit wide, got \(condition.type); compare it or reduce it first", at: loc)
            cond = add(.constant(0), .bit, location: loc)
        }
        let statement = WhenStatement(condition: cond.id, location: loc)
        blockStack[blockStack.count - 1].statements.append(.when(statement))
        blockStack.append(statement.thenBlock)
        defer { blockStack.removeLast() }
        try body()
        return WhenChain(builder: self, statement: statement)
    }

    func recordAssignment(target: Signal, value: Signal, at loc: SourceLocation) {
        consume(value, at: loc)
        if poisoned[value.id] { failedTargets.insert(target.id) }
        guard owns(target, at: loc), owns(value, at: loc) else { failedTargets.insert(target.id); return }
        let node = nodes[target.id]
        let label = node.name.map { "'\($0)'" } ?? "an expression"
        switch node.op {
        case .wire, .register: break
        case .input: return error("cannot assign to input \(label)", at: loc)
        case .poison: return
        default: return error("cannot assign to \(label): declare a wire, output or register and assign that", at: loc)
        }
        guard target.type == value.type else {
            failedTargets.insert(target.id)
            var hint = ""
            if target.type.width > value.type.width { hint = "; widen explicitly with .extended(to: \(target.type.width))" }
            if target.type.width < value.type.width { hint = "; narrow explicitly with .truncated(to: \(target.type.width))" }
            if target.type.width == value.type.width { hint = value.type.isSigned ? "; convert with .asUnsigned()" : "; convert with .asSigned()" }
            return error("width/type mismatch assigning \(value.type) to \(label) of type \(target.type)\(hint)", at: loc)
        }
        if blockStack.count == 1 {
            if let first = topLevelDriven[target.id] {
                return error("\(label) is driven twice: first at \(first); use 'when' for conditional overrides", at: loc)
            }
            topLevelDriven[target.id] = loc
        }
        blockStack[blockStack.count - 1].statements.append(.assign(target: target.id, value: value.id, location: loc))
    }

    /// Records that `signal` need not be read: an input port kept for interface symmetry, or a
    /// register kept for debug. Suppresses the unused-input error.
    public func allowUnused(_ signal: Signal) { allowedUnused.insert(signal.id) }
}

/// A port as declared while building.
struct PortDeclaration {
    let name: String
    let direction: PortDirection
    let node: NodeID
    let location: SourceLocation
}

/// Whether a port is an input or an output of its module.
public enum PortDirection: String, Sendable, Codable { case input, output }

struct RegisterDeclaration {
    let node: NodeID
    let reset: BigInt?
    let enable: NodeID?
    let clear: NodeID?
    let location: SourceLocation
}
