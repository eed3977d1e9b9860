import ShiftwrightHDL
import ShiftwrightFormats

/// AUSN tier-reading targets (§4.3): the values are sums of at most 1 + tiers powers of two whose
/// successive gaps q_i lie in 1...2^T_i − 1, the leading one in 2^B − 1 binades above the total gap
/// budget G = Σ(2^T_i − 1) (the unit is the smallest possible term).
///
/// Hardware: one leading-one detector per term finds the greedy truncation (the largest value not
/// above |acc| · 2^shift): each term is the leading one of what the earlier terms left, taken while
/// it lies within the tier's reach of the previous term. The next value up is one unit of the last
/// term (all tiers used: a carry that shortens the last gaps, possibly into the basic field) or the
/// lowest term the first unused tier can reach; the remainder's round and sticky bits at that
/// step decide (ties to the even code; the truncated code is odd only when every tier is used,
/// and its successor is then even). Below the smallest value 2^G the choice is zero or 2^G.
enum RequantTierDatapath {
    static func magnitude(_ m: ModuleBuilder, _ input: RequantFrontEnd, basicBits b: Int, tierBits tiers: [Int],
                          ties: TieRule) -> Signal {
        let reach = tiers.map { (1 << $0) - 1 }
        let budget = reach.reduce(0, +)
        let topExponent = budget + (1 << b) - 2
        let width = input.magnitude.width
        let p = input.exponent
        let pastTop = (input.nonzero & p.gt(BigInt(topExponent))).named("past_top")
        let belowSmallest = p.lt(BigInt(budget)).named("below_smallest")

        // Greedy truncation, one term per tier.
        let afterLeading = (input.magnitude & ~m.oneHot(input.leadingOne, width: width)).named("rest0")
        var rest = afterLeading
        var previous = input.leadingOne
        var active = input.nonzero
        var fields: [Signal] = []
        var endsHere: [Signal] = []
        for (i, bits) in tiers.enumerated() {
            let (found, position) = m.leadingOne(rest)
            let gap = (previous - position).named("tier\(i + 1)_gap")
            let take = (active & found & gap.le(BigInt(reach[i]))).named("tier\(i + 1)_take")
            fields.append(m.mux(take, RequantRounding.resized(gap, to: bits).asUnsigned(), m.constant(0, .unsigned(bits))).named("tier\(i + 1)_q"))
            endsHere.append((active & ~take).named("tier\(i + 1)_ends"))
            rest = m.mux(take, rest & ~m.oneHot(position, width: width), rest).named("rest\(i + 1)")
            previous = m.mux(take, position, previous).named("term\(i + 1)_pos")
            active = take
        }
        let allTiers = active.named("all_tiers_used")

        // The step to the next value up, as a bit position of |acc|: the last term's own position
        // (all tiers used) or the lowest position the first unused tier can reach.
        var reachDown = m.constant(0, .unsigned(RequantRounding.bits(reach.max() ?? 1)))
        for (i, ends) in endsHere.enumerated() {
            reachDown = m.mux(ends, m.constant(BigInt(reach[i]), reachDown.type), reachDown)
        }
        let step = (previous - reachDown).named("step_pos")
        let split = m.roundingSplit(rest, at: step, maxLeftShift: 0, quotientWidth: 1, name: "cut")
        // The truncated code is odd only with every tier used and an odd last gap.
        let floorOdd = fields.last.map { allTiers & $0[0] } ?? m.constant(0, .bit)
        let up = RequantRounding.roundUp(m, split, floorOdd: floorOdd, ties: ties)

        let basic = (m.constant(BigInt((1 << b) - 1 + budget), .signed(RequantRounding.bits((1 << b) - 1 + budget) + 1)) - p)
            .truncated(to: b).asUnsigned().named("basic")
        let truncatedCode = m.concat([basic] + fields).named("truncated_code")

        // Next value up with a free tier: that tier's gap at its maximum.
        let filled = fields.indices.map { i in
            m.mux(endsHere[i], m.constant(BigInt(reach[i]), fields[i].type), fields[i])
        }
        // Next value up with every tier used: + one unit of the last term, carried upwards.
        var carry = m.constant(1, .bit)
        var carried = fields
        for i in fields.indices.reversed() {
            let field = fields[i]
            let one = field.eq(1)
            let decremented = (field - BigInt(1)).truncated(to: field.width).asUnsigned()
            carried[i] = m.mux(carry, m.mux(one, m.constant(0, field.type), decremented), field)
            carry = (carry & one).named("tier\(i + 1)_carry")
        }
        let carriedBasic = (basic - carry).truncated(to: b).asUnsigned()
        let carryOverflow = (allTiers & carry & basic.eq(1)).named("carry_past_top")
        let nextCode = m.mux(allTiers, m.concat([carriedBasic] + carried), m.concat([basic] + filled)).named("next_code")
        let rounded = m.mux(up, nextCode, truncatedCode).named("rounded_code")

        let codeWidth = b + tiers.reduce(0, +)
        let type = HWType.unsigned(codeWidth)
        let smallest = m.constant(BigInt((1 << b) - 1) << (codeWidth - b), type)
        var largest = BigInt(1) << (codeWidth - b)  // a = 1, every gap 1
        var offset = codeWidth - b
        for bits in tiers { offset -= bits; largest |= BigInt(1) << offset }
        // Below 2^G: over half of it (|acc| not a lone power of two at exponent G − 1) rounds up.
        let smallestUp = (p.eq(BigInt(budget - 1)) & afterLeading.anySet).named("smallest_up")
        let low = m.mux(smallestUp, smallest, m.constant(0, type))
        let high = m.mux(pastTop | (up & carryOverflow), m.constant(largest, type), rounded)
        return m.mux(input.nonzero, m.mux(belowSmallest, low, high), m.constant(0, type)).named("magnitude_code")
    }
}
