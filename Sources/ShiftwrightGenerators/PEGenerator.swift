import BigInt
import ShiftwrightHDL
import ShiftwrightFormats

/// Generates the processing element of docs/arithmetic.md §6.1 for a `PEConfig`.
///
/// Ports: `act` (activation code), `wt` (weight code), `en`, `clear`, and the signed output `acc`.
/// On each clock edge: clear → acc = en ? p : 0; else en → acc += p; else hold; `rst` clears.
/// The product p is exact, in units of the two formats (scales are applied outside the PE).
///
/// The design has the shape of the smallest hand-written RTL we found (docs/hardware-floor.md), in two
/// kept submodules so synthesis maps each on its own:
/// - `<name>_prod` (combinational) forms the product in ones'-complement form `q` with a carry
///   `cin` (q + cin = p): partial products of the integer operand, one per set significand bit
///   of the other (AUSN, power-of-two, AFP) or one per radix-4 Booth digit (integer weights),
///   summed by a chain of carry-in adders (each partial product's sign correction is a carry-in);
///   then a shifter built only for the exponent field's legal values (zero for AUSN's zero code);
///   the sign of a sign-magnitude format becomes XOR plus the carry-in. Pairs of two
///   sign-magnitude formats multiply their small significands directly and shift by the sum of
///   the exponents.
/// - `<name>_acc` holds the accumulator: acc + q + cin in one carry chain whose direct input is
///   the product; `en` is the flip-flops' clock enable and `clear` their synchronous reset (with
///   clear and en together the sum starts from zero).
public enum PEGenerator {
    /// How an integer × integer product is formed (the baselines). The layouts map differently
    /// per Yosys version (docs/hardware-floor.md §3 S5), so a comparison synthesizes every one and
    /// keeps the smallest on its target and tool.
    public enum IntegerProduct: String, Sendable, Hashable, CaseIterable {
        /// Radix-4 Booth partial products in a serial carry chain, row 0 and each further stage
        /// in a kept module (smallest on Yosys 0.23: int8 × int8 72 LUT on xc7, 75 on 0.70).
        case booth
        /// The same Booth rows and chain in one module, for the tool to map as a whole
        /// (smallest on Yosys 0.70: int8 × int8 66 LUT on xc7, 87 on 0.23).
        case boothFlat = "booth-flat"
        /// The synthesis tool's own `*`.
        case multiply
    }

    public static func module(_ config: PEConfig) throws -> Module {
        let a = config.activation, w = config.weight
        let productWidth = PEConfig.productType(a, w).width
        let product = try productModule(config, width: productWidth)
        let accumulator = try accumulatorModule(config, productWidth: productWidth)
        var parameters = [
            ("act", a.name), ("weight", w.name), ("K", "\(config.accumulationDepth)"),
            ("acc_width", "\(config.accumulatorWidth)"), ("product_width", "\(productWidth)"),
            ("pipelined", "\(config.pipelined)"), ("latency", "\(config.latency)"),
        ]
        if a.isInteger && w.isInteger { parameters.append(("integer_product", config.integerProduct.rawValue)) }
        return try Module.build(config.moduleName, generator: "ShiftwrightGenerators.PEGenerator", parameters: parameters) { m in
            let act = m.input("act", .unsigned(a.codeWidth))
            let wt = m.input("wt", .unsigned(w.codeWidth))
            let en = m.input("en", .bit)
            let clear = m.input("clear", .bit)
            let p = m.instance(product, name: "u_prod", inputs: ["act": act, "wt": wt])
            var q = p["q"], cin = p["cin"], enable = en, clearNow = clear
            if config.pipelined {
                let qq = m.reg("product_q", q.type, reset: nil), cq = m.reg("carry_q", .bit, reset: nil)
                qq.assign(q)
                cq.assign(cin)
                let eq = m.reg("en_q", .bit, reset: 0), kq = m.reg("clear_q", .bit, reset: 0)
                eq.assign(en)
                kq.assign(clear)
                (q, cin, enable, clearNow) = (qq, cq, eq, kq)
            }
            let acc = m.instance(accumulator, name: "u_acc", inputs: ["en": enable, "clear": clearNow, "q": q, "cin": cin])
            m.output("acc", acc["acc"])
        }
    }

    // MARK: accumulator

    /// acc ← (clear ? 0 : acc) + sext(q) + cin, enabled by `en`, cleared when clear without en.
    static func accumulatorModule(_ config: PEConfig, productWidth: Int) throws -> Module {
        let width = config.accumulatorWidth
        return try Module.build("\(config.moduleName)_acc", generator: "ShiftwrightGenerators.PEGenerator") { m in
            m.keepHierarchy()
            let en = m.input("en", .bit), clear = m.input("clear", .bit)
            let q = m.input("q", .unsigned(productWidth)), cin = m.input("cin", .bit)
            let acc = m.reg("accumulator", .unsigned(width), reset: 0, enable: en, clear: (clear && !en).named("clear_only"))
            let base = m.mux(clear, m.constant(0, .unsigned(width)), acc).named("acc_base")
            let addend = q.asSigned().extended(to: width).asUnsigned().named("addend")
            acc.assign(m.carryAdd(addend, base, carryIn: cin).named("acc_sum"))
            m.output("acc", acc.asSigned())
        }
    }

    // MARK: product

    /// act, wt → q (ones'-complement product, `width` bits) and cin, with q + cin = p.
    static func productModule(_ config: PEConfig, width: Int) throws -> Module {
        let a = config.activation, w = config.weight
        return try Module.build("\(config.moduleName)_prod", generator: "ShiftwrightGenerators.PEGenerator") { m in
            m.keepHierarchy()
            let act = m.input("act", .unsigned(a.codeWidth))
            let wt = m.input("wt", .unsigned(w.codeWidth))
            let (q, carry) = try signedProduct(m, config, act: act, wt: wt, width: width)
            m.output("q", q.named("q_value"))
            m.output("cin", carry ?? m.constant(0, .bit))
        }
    }

    /// `value` with a sign-magnitude sign applied in ones'-complement form: value ^ sign, with
    /// the sign as the carry-in that completes the negation (q + cin = ±value).
    static func applySign(_ m: ModuleBuilder, _ value: Signal, _ sign: Signal?) -> (Signal, Signal?) {
        guard let sign else { return (value, nil) }
        return ((value ^ m.fill(sign, value.type)).named("q_signed"), sign)
    }

    /// The product in ones'-complement form: `width` bits q (as unsigned bits) and the carry to
    /// add to it (nil for none), q + cin = p. A sign-magnitude sign and a Booth carry never
    /// occur together (integers have no sign field).
    static func signedProduct(_ m: ModuleBuilder, _ config: PEConfig, act: Signal, wt: Signal,
                              width: Int) throws -> (Signal, Signal?) {
        let a = config.activation, w = config.weight
        if a.isInteger && w.isInteger {
            let x = integer(act, a), y = integer(wt, w)
            // Booth-recode the narrower operand: fewer partial products.
            let (multiplicand, multiplier) = x.width >= y.width ? (x, y) : (y, x)
            switch config.integerProduct {
            case .multiply: return ((x * y).truncated(to: width).asUnsigned().named("product"), nil)
            case .booth: return try boothStages(m, config.moduleName, multiplicand, multiplier, width: width)
            case .boothFlat: return boothChain(m, multiplicand, multiplier, width: width)
            }
        }
        if let x = a.isInteger ? integer(act, a) : nil, let selector = Selector(wt, w, m) {
            return try scaled(m, config.moduleName, x, selector, width: width)
        }
        if let x = w.isInteger ? integer(wt, w) : nil, let selector = Selector(act, a, m) {
            return try scaled(m, config.moduleName, x, selector, width: width)
        }
        let (value, sign) = twoSignificands(m, act: act, a, wt: wt, w, width: width)
        return applySign(m, value, sign)
    }

    /// An integer operand as a signed signal (unsigned codes get a zero sign bit).
    static func integer(_ code: Signal, _ f: NumberFormat) -> Signal {
        f.isSigned ? code.asSigned() : code.toSigned()
    }

    // MARK: integer × sum of powers of two

    /// How a sign-magnitude operand scales the integer operand: a significand given by bits
    /// (each a partial product at its offset, nil bit = always 1), an exponent chosen by a
    /// field whose legal values map to shift amounts (nil = the value is zero), and tier terms.
    struct Selector {
        var sign: Signal?
        /// (bit, offset): partial product `bit ? x : 0` at `offset`; bit nil is an ungated copy.
        var bits: [(Signal?, Int)]
        /// Tier terms of the tier reading: a shift of x chosen by the tier fields so far.
        var tiers: [(field: Signal, amounts: [Int?])] = []
        /// The exponent: `field` value → left shift, nil → zero product.
        var exponent: (field: Signal, amounts: [Int?])?
        /// Offset of the highest significand bit plus one (the significand is < 2^span).
        var span: Int

        init?(_ code: Signal, _ f: NumberFormat, _ m: ModuleBuilder) {
            let n = f.codeWidth
            sign = f.isSigned ? code[n - 1].named("\(code.declaredName ?? "op")_sign") : nil
            switch f.kind {
            case let .ausn(b, s):
                // (2^S + k) << (2^B − 1 − a); a = 0 is zero, so the leading copy needs no gate.
                bits = (0..<s).map { (code[$0], $0) } + [(nil, s)]
                exponent = (code[s + b - 1, s].named("basic"), [nil] + (1..<(1 << b)).map { (1 << b) - 1 - $0 })
                span = s + 1
            case let .afp(e, mantissa, _):
                let normal: Signal? = e > 0 ? code[mantissa + e - 1, mantissa].anySet.named("normal") : nil
                bits = (0..<mantissa).map { (code[$0], $0) } + (normal.map { [($0, mantissa)] } ?? [])
                if e > 0 {
                    exponent = (code[mantissa + e - 1, mantissa].named("exp_field"), (0..<(1 << e)).map { max($0, 1) - 1 })
                }
                span = mantissa + (e > 0 ? 1 : 0)
            case let .ausnTiers(b, tierBits):
                // Leading 1 at offset G = Σ(2^T − 1); tier i adds a copy at G − (q1 + … + qi) while
                // q1 … qi are all non-zero.
                let total = tierBits.reduce(0, +)
                let g = tierBits.reduce(0) { $0 + (1 << $1) - 1 }
                bits = [(nil, g)]
                var low = total, prefix: [Int] = []
                for (i, t) in tierBits.enumerated() {
                    low -= t
                    prefix.append(t)
                    let field = code[total - 1, low].named("tiers\(i + 1)")
                    // Every value of the fields q1…qi (q1 most significant) → G − Σq, or nil if any q is 0.
                    let amounts: [Int?] = (0..<(1 << prefix.reduce(0, +))).map { value in
                        var rest = value, sum = 0
                        for width in prefix.reversed() {
                            let q = rest & ((1 << width) - 1)
                            if q == 0 { return nil }
                            sum += q
                            rest >>= width
                        }
                        return g - sum
                    }
                    tiers.append((field, amounts))
                }
                exponent = (code[total + b - 1, total].named("basic"), [nil] + (1..<(1 << b)).map { (1 << b) - 1 - $0 })
                span = g + 1
            case .int, .uint:
                return nil
            }
        }
    }

    /// x × selector: partial products summed in the chain, the exponent's legal shifts, then the sign.
    static func scaled(_ m: ModuleBuilder, _ prefix: String, _ x: Signal, _ s: Selector,
                       width: Int) throws -> (Signal, Signal?) {
        let significandWidth = x.width + s.span
        // Radix-4 Booth digits of the significand instead of one term per bit when that saves
        // terms and the chain's first adder has no ungated copy for its direct input (S >= 3, or
        // an AFP significand whose lead bit is gated by the normal flag): ausn-b3s4 116/118 ->
        // 96/98 in the hand study.
        let leadGated = s.bits.last.map { $0.0 != nil } ?? false
        let significand: Signal
        if s.tiers.isEmpty, s.bits.count >= 3, s.bits.count >= 4 || leadGated {
            significand = try boothSignificand(m, prefix, x, s.bits, width: significandWidth)
        } else {
            var terms = s.bits.map { bit, offset -> PartialProduct in
                // pp<j>: the copy of x at 2^j, present when significand bit j is set (the lead is ungated).
                guard let bit else { return PartialProduct(value: x, offset: offset, carry: nil, isNet: true) }
                return PartialProduct(value: m.mux(bit, x, m.constant(0, x.type)).named("pp\(offset)"), offset: offset, carry: nil)
            }
            for (i, tier) in s.tiers.enumerated() {
                let shifted = m.selectShift(x, by: tier.field, amounts: tier.amounts, name: "tier\(i + 1)_term")
                terms.append(PartialProduct(value: shifted, offset: 0, carry: nil))
            }
            significand = chain(m, terms, width: significandWidth).0
        }
        guard let exponent = s.exponent else {
            return applySign(m, resize(significand.asSigned(), width).named("magnitude"), s.sign)
        }
        if let shifter = try twoLevelShifter(m, prefix, significand, exponent.field, exponent.amounts, sign: s.sign, width: width) {
            return (shifter, s.sign)
        }
        let value = m.selectShift(significand.asSigned(), by: exponent.field, amounts: exponent.amounts, name: "aligned")
        return applySign(m, resize(value, width).named("magnitude"), s.sign)
    }

    /// The exponent's shifter for 5 to 8 legal amounts (all below 8), in its own kept module
    /// `<prefix>_shift`: a 4:1 level on the amount's low two bits, then a 2:1 level on its top
    /// bit that also forces the zero codes (amount nil) to 0 and applies the sign as XOR, so each
    /// output bit is one 6-input function. Nil when the amounts do not fit that shape.
    static func twoLevelShifter(_ m: ModuleBuilder, _ prefix: String, _ significand: Signal, _ field: Signal,
                                _ amounts: [Int?], sign: Signal?, width: Int) throws -> Signal? {
        let legal = amounts.compactMap { $0 }
        guard Set(legal).count > 4, legal.allSatisfy({ (0..<8).contains($0) }) else { return nil }
        let n = field.width, top = (1 << n) - 1
        // The amount as 3 bits: the field itself, its complement (AUSN: 2^B − 1 − a), or a table.
        let amount: Signal
        if amounts.enumerated().allSatisfy({ $1 == nil || $1 == top - $0 }), n == 3 {
            amount = (~field).named("shift_amount")
        } else if amounts.enumerated().allSatisfy({ $1 == nil || $1 == $0 }), n == 3 {
            amount = field
        } else {
            // A small table (AFP: max(f, 1) − 1); the zero codes' entries are never used.
            let table = m.wire("shift_amount", .unsigned(3))
            m.switch(field) { cases in
                for (value, shift) in amounts.enumerated() {
                    guard let shift else { continue }
                    cases.when(BigInt(value)) { table.assign(m.constant(BigInt(shift), .unsigned(3))) }
                }
                cases.default { table.assign(m.constant(0, .unsigned(3))) }
            }
            amount = table
        }
        let zeroCodes = amounts.indices.filter { amounts[$0] == nil }
        let mw = significand.width
        let module = try Module.build("\(prefix)_shift", generator: "ShiftwrightGenerators.PEGenerator") { s in
            s.keepHierarchy()
            let mi = s.input("significand", .unsigned(mw)).asSigned()
            let sh = s.input("amount", .unsigned(3))
            let code = zeroCodes.isEmpty ? nil : s.input("field", .unsigned(n))
            let negative = sign == nil ? nil : s.input("sign", .bit)
            let low = s.selectShift(mi, by: sh[1, 0], amounts: [0, 1, 2, 3], name: "shifted_low")
            let lowWide = resize(low, width).named("shifted_low_ext")
            let both = s.mux(sh[2], s.concat(lowWide[width - 5, 0], s.constant(0, .unsigned(4))), lowWide).named("shifted")
            var out = both
            if let code {
                let matches = zeroCodes.map { code .== BigInt($0) }
                let zero = matches.dropFirst().reduce(matches[0]) { $0 || $1 }
                out = s.mux(zero.named("zero_code"), s.constant(0, .unsigned(width)), both).named("aligned")
            }
            if let negative { out = (out ^ s.fill(negative, out.type)).named("q_signed") }
            s.output("q", out)
        }
        var inputs = ["significand": significand.asUnsigned(), "amount": amount]
        if !zeroCodes.isEmpty { inputs["field"] = field }
        if let sign { inputs["sign"] = sign }
        return m.instance(module, name: "u_shift", inputs: inputs)["q"]
    }

    // MARK: partial products

    /// A partial product: a two's-complement `value` whose bit 0 has weight 2^offset, plus an
    /// optional 1-bit `carry` of weight 2^offset (the +1 of a ones'-complement negation).
    struct PartialProduct {
        let value: Signal
        let offset: Int
        let carry: Signal?
        /// The value is an existing net (an ungated copy of an input), fit for a carry chain's direct input.
        var isNet = false
    }

    /// Σ partial products in `width` bits as a chain of carry-in adders: each term is added to the
    /// bits of the running sum at and above its offset (with its carry as the carry-in), the bits
    /// below pass through. The carry of a term at offset 0 is returned instead, for the next adder.
    /// Each adder's direct (carry-chain DI) input must be a net: the running sum (a chain output)
    /// for every adder but the first, whose running sum is still the lowest term itself; so the
    /// first adder pairs that term with an ungated copy (a net) when there is one, as its direct input.
    static func chain(_ m: ModuleBuilder, _ terms: [PartialProduct], width: Int) -> (Signal, Signal?) {
        var sorted = terms.sorted { $0.offset < $1.offset }
        if let lowest = sorted.firstIndex(where: { !$0.isNet }), let net = sorted.firstIndex(where: \.isNet) {
            let first = sorted[lowest], lead = sorted[net]
            sorted = [first, lead] + sorted.enumerated().filter { $0.offset != lowest && $0.offset != net }.map(\.element)
        }
        guard let first = sorted.first else { return (m.constant(0, .unsigned(width)), nil) }
        var sum = place(m, first.value, at: first.offset, width: width)
        // The first term's carry waits for the next adder at offset 0, or leaves as the result's.
        var pending = first.carry
        for (i, t) in sorted.dropFirst().enumerated() {
            let high = sum[width - 1, t.offset]
            var carry = t.carry
            if carry == nil, t.offset == first.offset, let p = pending { (carry, pending) = (p, nil) }
            let term = resize(t.value, width - t.offset)
            let added = (i == 0 && t.isNet && !first.isNet ? m.carryAdd(term, high, carryIn: carry)
                                                            : m.carryAdd(high, term, carryIn: carry)).named("pp_sum\(i + 1)")
            sum = (t.offset == 0 ? added : m.concat(added, sum[t.offset - 1, 0])).named("pp_acc\(i + 1)")
        }
        if let p = pending, first.offset > 0 {
            // A carry above bit 0 cannot leave as the product's carry-in: add it here.
            let high = sum[width - 1, first.offset]
            let added = m.carryAdd(high, m.constant(0, .unsigned(width - first.offset)), carryIn: p).named("pp_carry")
            return (m.concat(added, sum[first.offset - 1, 0]), nil)
        }
        return (sum, pending)
    }

    /// `value` (two's complement) at `offset` in a `width`-bit vector, as unsigned bits.
    static func place(_ m: ModuleBuilder, _ value: Signal, at offset: Int, width: Int) -> Signal {
        let body = resize(value, width - offset)
        return offset == 0 ? body : m.concat(body, m.constant(0, .unsigned(offset)))
    }

    /// `signal` sign-extended (by its signedness) or cut to `width` bits, as unsigned bits.
    static func resize(_ signal: Signal, _ width: Int) -> Signal {
        (signal.width >= width ? signal.truncated(to: width) : signal.extended(to: width)).asUnsigned()
    }

    /// Radix-4 Booth digit `b` (bits 2g+1, 2g, 2g−1 of the multiplier) ∈ {−2, −1, 0, 1, 2} times
    /// the signed `x`, in `width` bits ones'-complemented when negative: ((one & x) | (two & 2x)) ^ neg
    /// with neg = b[2] (the digit 111, −0, gives all ones, and the +1 makes it 0), so the +1 is the
    /// returned raw wire b[2], to be the carry-in of the adder that sums this row.
    static func boothRow(_ m: ModuleBuilder, _ x: Signal, digit b: Signal, name: String, width: Int) -> (Signal, Signal) {
        let negative = b[2].named("\(name)_neg")
        let one = (b[1] ^ b[0]).named("\(name)_one")
        let two = ((b[2] && !b[1] && !b[0]) || (!b[2] && b[1] && b[0])).named("\(name)_two")
        let type = HWType.unsigned(width)
        let single = resize(x, width), double = resize(x << 1, width)
        let magnitude = ((m.fill(one, type) & single) | (m.fill(two, type) & double)).named("\(name)_mag")
        return ((magnitude ^ m.fill(negative, type)).named("\(name)_pp"), negative)
    }

    /// The multiplier y as Booth digit windows: y sign-extended to an even width with a zero
    /// below, so digit g is bits 2g+2 … 2g; and the number of digits.
    static func boothDigits(_ m: ModuleBuilder, _ y: Signal) -> (Signal, Int) {
        let digits = (y.width + 1) / 2
        return (m.concat(y.extended(to: 2 * digits).asUnsigned(), m.constant(0, .bit)).named("booth_y"), digits)
    }

    /// One step of the Booth chain: row g of x by `digit` added, with its +1 as the carry-in,
    /// to the running sum's bits 2g and up (`partial`, `width` − 2g bits).
    static func boothStep(_ m: ModuleBuilder, _ x: Signal, digit: Signal, partial: Signal, stage g: Int,
                          name: String) -> Signal {
        let (row, carry) = boothRow(m, x, digit: digit, name: "booth\(g)", width: partial.width)
        return m.carryAdd(partial, row, carryIn: carry).named(name)
    }

    /// x × y (both signed) by radix-4 Booth recoding of y, as a serial carry chain in this
    /// module: row 0, then each further row added to the running sum's upper bits. Row 0's +1
    /// is the returned carry (the accumulator's carry-in).
    static func boothChain(_ m: ModuleBuilder, _ x: Signal, _ y: Signal, width: Int) -> (Signal, Signal?) {
        let (yx, digits) = boothDigits(m, y)
        var (sum, negative) = boothRow(m, x, digit: yx[2, 0], name: "booth0", width: width)
        for g in 1..<max(digits, 1) {
            let high = boothStep(m, x, digit: yx[2 * g + 2, 2 * g], partial: sum[width - 1, 2 * g], stage: g,
                                 name: "booth\(g)_sum")
            sum = m.concat(high, sum[2 * g - 1, 0]).named("booth_sum\(g)")
        }
        return (sum, negative)
    }

    /// x × y (both signed) by radix-4 Booth recoding of y, as a serial carry chain: row 0 in a
    /// kept module `<prefix>_booth0` (the direct input of the first adder), then one kept module
    /// `<prefix>_booth<g>` per further digit g that forms row g and adds it, with its +1 as the
    /// carry-in, to the running sum's bits 2g and up. Row 0's +1 is the returned carry. Keeping
    /// each stage whole stops Yosys 0.23's ABC merging rows across the adders' LUTs (17 LUTs on
    /// int8 × int4).
    static func boothStages(_ m: ModuleBuilder, _ prefix: String, _ x: Signal, _ y: Signal,
                            width: Int) throws -> (Signal, Signal?) {
        let (yx, digits) = boothDigits(m, y)
        let xw = x.width
        let first = try boothRowModule("\(prefix)_booth0", xWidth: xw, width: width)
        var sum = m.instance(first, name: "u_booth0", inputs: ["x": x.asUnsigned(), "digit": yx[2, 0]])["pp"]
        for g in 1..<max(digits, 1) {
            let high = width - 2 * g
            let stage = try Module.build("\(prefix)_booth\(g)", generator: "ShiftwrightGenerators.PEGenerator") { s in
                s.keepHierarchy()
                let xi = s.input("x", .unsigned(xw)).asSigned(), b = s.input("digit", .unsigned(3))
                let partial = s.input("sum_in", .unsigned(high))
                s.output("sum_out", boothStep(s, xi, digit: b, partial: partial, stage: g, name: "sum"))
            }
            let out = m.instance(stage, name: "u_booth\(g)", inputs: [
                "x": x.asUnsigned(), "digit": yx[2 * g + 2, 2 * g], "sum_in": sum[width - 1, 2 * g],
            ])["sum_out"]
            sum = m.concat(out, sum[2 * g - 1, 0]).named("booth_sum\(g)")
        }
        return (sum, yx[2].named("booth0_neg"))
    }

    /// A kept module `name` holding one Booth row (x: multiplicand bits, digit → pp), so that it
    /// reaches the first adder as a net, the carry chain's direct input.
    static func boothRowModule(_ name: String, xWidth: Int, width: Int) throws -> Module {
        try Module.build(name, generator: "ShiftwrightGenerators.PEGenerator") { s in
            s.keepHierarchy()
            let xi = s.input("x", .unsigned(xWidth)).asSigned(), b = s.input("digit", .unsigned(3))
            s.output("pp", boothRow(s, xi, digit: b, name: "booth0", width: width).0)
        }
    }

    /// x × σ for the unsigned significand σ = Σ bit_j 2^j (`bits`: (bit, j), nil = always 1) by
    /// radix-4 Booth digits of σ in `width` bits: row 0 in a kept module `<prefix>_sig_booth0`
    /// (the first adder's direct input), then one carry-in adder per further digit. σ's top
    /// digit is never negative, so the +1 of digit d−1 fills the free bit 2d−2 of row d (which
    /// starts there) and digit 0's +1 is the carry-in of the first adder, which starts at bit 0.
    static func boothSignificand(_ m: ModuleBuilder, _ prefix: String, _ x: Signal, _ bits: [(Signal?, Int)],
                                 width: Int) throws -> Signal {
        let span = (bits.map(\.1).max() ?? 0) + 1
        let digits = (span + 2) / 2   // σ read as a signed number: one zero bit on top
        var vector = [Signal](repeating: m.constant(0, .bit), count: 2 * digits + 1)
        for (bit, j) in bits { vector[j + 1] = bit ?? m.constant(1, .bit) }
        let sigma = m.concat(Array(vector.reversed())).named("sigma_booth")
        let first = try boothRowModule("\(prefix)_sig_booth0", xWidth: x.width, width: width)
        var sum = m.instance(first, name: "u_sig_booth0", inputs: ["x": x.asUnsigned(), "digit": sigma[2, 0]])["pp"]
        var previousNegative = sigma[2].named("sig0_neg")
        for g in 1..<digits {
            let (row, negative) = boothRow(m, x, digit: sigma[2 * g + 2, 2 * g], name: "sig\(g)", width: width - 2 * g)
            let low = g == 1 ? 0 : 2 * g - 2
            let placed = g == 1 ? m.concat(row, m.constant(0, .unsigned(2)))
                                : m.concat([row, m.constant(0, .bit), previousNegative])
            let added = m.carryAdd(sum[width - 1, low], placed, carryIn: g == 1 ? previousNegative : nil).named("sig_sum\(g)")
            sum = (low == 0 ? added : m.concat(added, sum[low - 1, 0])).named("sig_acc\(g)")
            previousNegative = negative
        }
        return sum
    }

    // MARK: two sign-magnitude operands

    /// Small significands multiplied directly, then shifted by the sum of the exponents.
    static func twoSignificands(_ m: ModuleBuilder, act: Signal, _ a: NumberFormat, wt: Signal, _ w: NumberFormat,
                                width: Int) -> (Signal, Signal?) {
        let x = OperandDecoder.decode(act, a, m), y = OperandDecoder.decode(wt, w, m)
        var terms: [Signal] = []
        for (i, ta) in x.terms.enumerated() {
            for (j, tw) in y.terms.enumerated() {
                let suffix = x.terms.count * y.terms.count > 1 ? "_\(i)_\(j)" : ""
                let significand = (ta.significand * tw.significand).named("sig_product\(suffix)")
                let shift: Signal?
                switch (ta.exponent, tw.exponent) {
                case let (p?, q?): shift = (p + q).named("shift\(suffix)")
                case let (p?, nil): shift = p
                case let (nil, q?): shift = q
                case (nil, nil): shift = nil
                }
                terms.append(shift.map { (significand << $0).named("aligned\(suffix)") } ?? significand)
            }
        }
        let sum = terms.count == 1 ? terms[0] : m.adderTree(terms)
        let signs = [x.sign, y.sign].compactMap { $0 }
        let negative: Signal? = signs.isEmpty ? nil : (signs.count == 1 ? signs[0] : (signs[0] ^ signs[1]).named("product_negative"))
        return (resize(sum.toSigned(), width).named("magnitude"), negative)
    }
}
