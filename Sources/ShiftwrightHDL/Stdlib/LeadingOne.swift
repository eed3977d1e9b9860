extension ModuleBuilder {
    /// Leading-one detector: `found` is 1 when `x` (unsigned) has any bit set, and `index` is the
    /// position of its most significant 1 (0 when none), as UInt<ceil(log2 width)>. Built as a
    /// balanced tree of two-input selections, depth log2(width).
    public func leadingOne(_ x: Signal, file: StaticString = #fileID, line: UInt = #line) -> (found: Signal, index: Signal) {
        var indexWidth = 1
        while (1 << indexWidth) < x.width { indexWidth += 1 }
        // Pad to a power of two so every node of the tree covers an aligned block.
        let padded = 1 << indexWidth
        let wide = x.asUnsigned().extended(to: padded, file: file, line: line)
        // Level 0: blocks of one bit: found = bit, index = (empty).
        var blocks: [(found: Signal, index: Signal?)] = (0..<padded).map { (wide[$0], nil) }
        while blocks.count > 1 {
            var next: [(found: Signal, index: Signal?)] = []
            for pair in stride(from: 0, to: blocks.count, by: 2) {
                let low = blocks[pair], high = blocks[pair + 1]
                let found = high.found | low.found
                let chosen: Signal?
                if let hi = high.index, let lo = low.index {
                    chosen = mux(high.found, hi, lo, file: file, line: line)
                } else {
                    chosen = nil
                }
                let index = chosen.map { concat(high.found, $0, file: file, line: line) } ?? high.found
                next.append((found, index))
            }
            blocks = next
        }
        return (blocks[0].found, blocks[0].index ?? constant(0, .unsigned(indexWidth), file: file, line: line))
    }
}
