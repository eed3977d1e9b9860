import BigInt

extension ModuleBuilder {
    /// Sum of `terms` as a balanced tree of two-input adders (each level grows one bit, nothing is
    /// lost). Signed if any term is signed.
    public func adderTree(_ terms: [Signal], file: StaticString = #fileID, line: UInt = #line) -> Signal {
        guard !terms.isEmpty else { return constant(0, file: file, line: line) }
        var level = terms
        while level.count > 1 {
            var next: [Signal] = []
            for i in stride(from: 0, to: level.count - 1, by: 2) { next.append(level[i] + level[i + 1]) }
            if level.count % 2 == 1 { next.append(level[level.count - 1]) }
            level = next
        }
        return level[0]
    }

    /// `x · selector` computed as a sum of shifted copies of `x`, one per bit of the unsigned
    /// `selector` (no multiplier): Σ selector[j] ? x << j : 0. Result: width x + selector,
    /// signedness of x.
    public func shiftAddMultiply(_ x: Signal, by selector: Signal, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let width = x.width + selector.width
        let zero = constant(0, HWType(width: width, signed: x.isSigned), file: file, line: line)
        let terms = (0..<selector.width).map { j -> Signal in
            mux(selector[j], (x << j).extended(to: width, file: file, line: line), zero, file: file, line: line)
        }
        return adderTree(terms, file: file, line: line).truncated(to: width, file: file, line: line)
    }

    /// `value` replicated: all ones when the 1-bit `bit` is 1, else zero, as `type`.
    public func fill(_ bit: Signal, _ type: HWType, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let ones = bit.asSigned().extended(to: type.width, file: file, line: line)
        return type.isSigned ? ones : ones.asUnsigned()
    }

    /// Conditional two's-complement negation: `negate ? -x : x`, with the width one bit wider
    /// (so negating the most negative value is exact).
    public func negate(_ x: Signal, when negate: Signal, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let width = x.width + 1
        let wide = x.toSigned().extended(to: width, file: file, line: line)
        let flipped = wide ^ fill(negate, wide.type, file: file, line: line)
        return (flipped + negate).truncated(to: width, file: file, line: line)
    }
}

extension ModuleBuilder {
    /// `(direct + other + carryIn) mod 2^n` for two n-bit vectors (read as unsigned bits), written
    /// as `({direct, 1'b0} - {~other, ~carryIn}) >> 1`: one carry chain whose direct input is
    /// `direct`, and a carry-in that costs nothing. Synthesis maps a subtraction's operands onto
    /// the chain in a fixed way (Yosys does not swap them as it does for `+`), so the caller
    /// decides which operand is the chain's direct input: measured to matter by up to 29 LUTs in
    /// a PE on Yosys 0.23.
    public func carryAdd(_ direct: Signal, _ other: Signal, carryIn: Signal? = nil,
                         file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let n = max(direct.width, other.width)
        let a = direct.asUnsigned().extended(to: n, file: file, line: line)
        let b = other.asUnsigned().extended(to: n, file: file, line: line)
        let c = carryIn ?? constant(0, .bit, file: file, line: line)
        let minuend = concat([a, constant(0, .bit, file: file, line: line)], file: file, line: line)
        let subtrahend = concat([~b, ~c], file: file, line: line)
        return (minuend - subtrahend)[n, 1]
    }

    /// Σ (value + carry) over `terms` (signed values, 1-bit carries or nil) as a balanced tree of
    /// `carryAdd`s that grows one bit per level: each adder takes one of its terms' carries as its
    /// carry-in and passes the other on, so n carries cost nothing but one; that one (or nil) is
    /// returned beside the signed sum, for the caller to feed into an adder of its own. Nodes are
    /// named `<name>_l<level>_<i>`, the root `<name>`.
    public func carryAdderTree(_ terms: [(value: Signal, carry: Signal?)], name: String,
                               file: StaticString = #fileID, line: UInt = #line) -> (sum: Signal, carry: Signal?) {
        guard !terms.isEmpty else { return (constant(0, .signed(1), file: file, line: line), nil) }
        var level = terms, depth = 0
        while level.count > 1 {
            depth += 1
            var next: [(value: Signal, carry: Signal?)] = []
            for i in stride(from: 0, to: level.count - 1, by: 2) {
                let (a, b) = (level[i], level[i + 1])
                let width = max(a.value.width, b.value.width) + 1
                let node = level.count == 2 ? name : "\(name)_l\(depth)_\(i / 2)"
                let sum = carryAdd(a.value.asSigned().extended(to: width, file: file, line: line),
                                   b.value.asSigned().extended(to: width, file: file, line: line),
                                   carryIn: a.carry ?? b.carry, file: file, line: line)
                next.append((sum.asSigned().named(node, file: file, line: line), a.carry == nil ? nil : b.carry))
            }
            if level.count % 2 == 1 { next.append(level[level.count - 1]) }
            level = next
        }
        return (level[0].value.asSigned(), level[0].carry)
    }

    /// `x << amounts[v]` sign- (or zero-) extended, where `v` is the value of the unsigned
    /// `field`, and zero for values whose amount is nil: a shifter built only for the legal shift
    /// amounts, with zero in the spare inputs (a barrel shifter over every amount costs more).
    /// The result is `x.width + max amount` bits wide, signedness of `x`, named `name`.
    ///
    /// It is a balanced tree of 2:1 multiplexers on the field's bits (lowest bit nearest the
    /// leaves; equal neighbours share one leaf), which is what a Verilog `case` becomes. The
    /// priority chain of equality tests that a `switch` lowers to maps to twice the LUTs on xc7
    /// once there are more than 8 amounts (pot-b4's 15: 89 LUTs against the tree's 41).
    public func selectShift(_ x: Signal, by field: Signal, amounts: [Int?], name: String,
                            file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let top = amounts.compactMap { $0 }.max() ?? 0
        let type = HWType(width: x.width + top, signed: x.isSigned)
        let zero = constant(0, type, file: file, line: line)
        let entries = 1 << field.width
        // Leaves: the shifted copy per field value (one node per distinct amount), zero elsewhere.
        var shifted: [Int: Signal] = [:]
        var level: [Signal] = (0..<entries).map { value in
            guard value < amounts.count, let amount = amounts[value] else { return zero }
            if let copy = shifted[amount] { return copy }
            let copy = (x << amount).extended(to: type.width, file: file, line: line).named("\(name)_by\(amount)", file: file, line: line)
            shifted[amount] = copy
            return copy
        }
        for bit in 0..<field.width {
            let select = field[bit, bit].named("\(name)_sel\(bit)", file: file, line: line)
            level = stride(from: 0, to: level.count, by: 2).map { i in
                let (low, high) = (level[i], level[i + 1])
                if low.id == high.id { return low }
                let node = bit == field.width - 1 ? name : "\(name)_b\(bit)_\(i / 2)"
                return mux(select, high, low, file: file, line: line).named(node, file: file, line: line)
            }
        }
        guard let root = level.first else { return zero }
        // Every leaf the same (a single amount for all values): still give the result its name.
        return root.declaredName == name ? root : root.named(name, file: file, line: line)
    }
}
