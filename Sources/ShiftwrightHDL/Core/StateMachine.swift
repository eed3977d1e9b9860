import BigInt

// MARK: switch

/// The cases of a `ModuleBuilder.switch`: each `when` runs its body while the subject equals one
/// of its values, the first matching case wins, `default` runs when none matched. It lowers to the
/// `when`/`elseWhen`/`otherwise` chain, so last-assignment-wins and the latch check apply as usual
/// (a wire assigned in every case still needs a `default` or an earlier assignment).
public final class SwitchCases {
    let builder: ModuleBuilder
    let subject: Signal
    var chain: WhenChain?
    var seen: [BigInt: SourceLocation] = [:]
    var defaultLocation: SourceLocation?

    init(builder: ModuleBuilder, subject: Signal) {
        self.builder = builder
        self.subject = subject
    }

    /// Runs `body` while the subject equals any of `values` (and no earlier case matched). Values
    /// must fit the subject's type and appear in one case only.
    public func when(_ values: BigInt..., file: StaticString = #fileID, line: UInt = #line,
                     _ body: () throws -> Void) rethrows {
        let constants = values.map { builder.constant($0, subject.type, file: file, line: line) }
        try when(constants: constants, values: values, at: SourceLocation(file: file, line: line), body)
    }

    /// Runs `body` when no case matched; must come last.
    public func `default`(file: StaticString = #fileID, line: UInt = #line, _ body: () throws -> Void) rethrows {
        let loc = SourceLocation(file: file, line: line)
        if let first = defaultLocation { builder.error("'switch' has two defaults (first at \(first))", at: loc) }
        defaultLocation = loc
        if let chain { try chain.otherwise(body) } else { try body() }
    }

    /// The case for `constants` (signals of the subject's type holding `values`).
    func when(constants: [Signal], values: [BigInt], at loc: SourceLocation, _ body: () throws -> Void) rethrows {
        if let d = defaultLocation { builder.error("'switch' case after its default (at \(d)); move the default last", at: loc) }
        if values.isEmpty { builder.error("'switch' case with no values", at: loc) }
        for v in values {
            if let first = seen[v] { builder.error("'switch' case value \(v) appears twice (first at \(first))", at: loc) }
            seen[v] = seen[v] ?? loc
        }
        let hits = constants.map { subject.compare(.eq, $0, loc) }
        let condition = hits.dropFirst().reduce(hits.first ?? builder.add(.constant(0), .bit, location: loc)) { $0 | $1 }
        if let chain {
            self.chain = try chain.elseWhen(condition, location: loc, body)
        } else {
            chain = try builder.when(condition, location: loc, body)
        }
    }
}

extension ModuleBuilder {
    /// Runs the cases `body` declares on `subject`:
    /// `m.switch(op) { $0.when(0) { … }; $0.when(1, 2) { … }; $0.default { … } }`.
    public func `switch`(_ subject: Signal, file: StaticString = #fileID, line: UInt = #line,
                         _ body: (SwitchCases) throws -> Void) rethrows {
        consume(subject, at: SourceLocation(file: file, line: line))
        try body(SwitchCases(builder: self, subject: subject))
    }
}

// MARK: state machines

/// A state machine: a state register of minimal width holding one of the named `states` (binary,
/// in declaration order; reset to `initial`), `goto` to choose the next state, and a `switch` over
/// the states. The states reach the Verilog as `localparam`s named after them (`IDLE`, `LOAD`…),
/// used wherever the state is compared or assigned, so the RTL reads like the description.
public final class StateMachine<State: Hashable> {
    /// The state register.
    public let register: Signal
    /// The states, in encoding order.
    public let states: [State]
    /// The `localparam` name of each state, in encoding order.
    public let parameterNames: [String]
    let constants: [Signal]
    let builder: ModuleBuilder

    init(register: Signal, states: [State], parameterNames: [String], constants: [Signal], builder: ModuleBuilder) {
        self.register = register
        self.states = states
        self.parameterNames = parameterNames
        self.constants = constants
        self.builder = builder
    }

    func index(_ state: State) -> Int { states.firstIndex(of: state) ?? 0 }

    /// The encoding of `state`.
    public func code(_ state: State) -> BigInt { BigInt(index(state)) }

    /// `state` as a constant of the register's type (written as its `localparam`).
    public func constant(_ state: State) -> Signal { constants[index(state)] }

    /// 1 while the machine is in `state`.
    public func isIn(_ state: State, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        register.compare(.eq, constant(state), SourceLocation(file: file, line: line))
    }

    /// Makes `state` the next state (conditional inside `when`/`switch`; later calls win).
    public func goto(_ state: State, file: StaticString = #fileID, line: UInt = #line) {
        register.assign(constant(state), file: file, line: line)
    }

    /// Runs the cases `body` declares on the current state:
    /// `fsm.switch { $0.when(.idle) { … }; $0.default { … } }`.
    public func `switch`(file: StaticString = #fileID, line: UInt = #line, _ body: (StateCases<State>) throws -> Void) rethrows {
        try builder.switch(register, file: file, line: line) { cases in try body(StateCases(machine: self, cases: cases)) }
    }
}

/// The cases of `StateMachine.switch`, by state.
public struct StateCases<State: Hashable> {
    let machine: StateMachine<State>
    let cases: SwitchCases

    /// Runs `body` while the machine is in any of `states`.
    public func when(_ states: State..., file: StaticString = #fileID, line: UInt = #line, _ body: () throws -> Void) rethrows {
        try cases.when(constants: states.map(machine.constant), values: states.map(machine.code),
                       at: SourceLocation(file: file, line: line), body)
    }

    /// Runs `body` in every state no case named; must come last.
    public func `default`(file: StaticString = #fileID, line: UInt = #line, _ body: () throws -> Void) rethrows {
        try cases.default(file: file, line: line, body)
    }
}

extension ModuleBuilder {
    /// A state machine over the cases of a Swift enum, in declaration order; its state register is
    /// named `name`, starts (and resets) in `initial` (default: the first case). Each state's
    /// `localparam` is `prefix` + its case name in upper snake case (`waitReady` → `WAIT_READY`).
    public func stateMachine<State: CaseIterable & Hashable>(_ name: String, _ type: State.Type, initial: State? = nil,
                                                           prefix: String = "", file: StaticString = #fileID,
                                                           line: UInt = #line) -> StateMachine<State> {
        stateMachine(name, states: Array(State.allCases), initial: initial, prefix: prefix, file: file, line: line)
    }

    /// A state machine over `states` (e.g. a list of names), in order; see the enum form.
    public func stateMachine<State: Hashable>(_ name: String, states: [State], initial: State? = nil, prefix: String = "",
                                            file: StaticString = #fileID, line: UInt = #line) -> StateMachine<State> {
        let loc = SourceLocation(file: file, line: line)
        if states.isEmpty { error("state machine '\(name)' has no states", at: loc) }
        if Set(states).count != states.count { error("state machine '\(name)' lists a state twice", at: loc) }
        let count = max(states.count, 1)
        let type = HWType.minimal(for: BigInt(count - 1), signed: false)
        let start = initial.flatMap { states.firstIndex(of: $0) } ?? 0
        let register = reg(name, type, reset: BigInt(start), file: file, line: line)
        let names = states.map { prefix + StateNames.parameterName(String(describing: $0)) }
        var members: [Module.EnumerationMember] = []
        var constants: [Signal] = []
        for (i, n) in names.enumerated() {
            let c = constant(BigInt(i), type, file: file, line: line)
            if declareName(n, at: loc) { symbolicConstants[c.id] = n }
            members.append(.init(name: n, value: BigInt(i)))
            constants.append(c)
        }
        enumerations.append(Module.Enumeration(members: members, type: type, register: register.id, location: loc))
        return StateMachine(register: register, states: states, parameterNames: names, constants: constants, builder: self)
    }
}

/// Names of states in the Verilog.
enum StateNames {
    /// `waitReady` / `wait_ready` / `IDLE` → `WAIT_READY` / `WAIT_READY` / `IDLE`.
    static func parameterName(_ name: String) -> String {
        var out = ""
        var previousLower = false
        for c in name {
            if c.isUppercase && previousLower { out.append("_") }
            out.append(contentsOf: c.uppercased())
            previousLower = c.isLowercase || c.isNumber
        }
        return out
    }
}
