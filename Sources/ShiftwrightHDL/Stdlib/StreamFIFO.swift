import BigInt

/// A show-ahead FIFO on a DSL memory (registered read): `head` is the oldest word while `valid`
/// is 1; assign the `pop` wire (only ever 1 while `valid`) to remove it. Pushing into a full FIFO
/// overwrites the oldest word: the user sizes `depth`. A word pushed in cycle t is visible from
/// cycle t + 2.
public struct StreamFIFO {
    public let valid: Signal
    public let head: Signal
    /// 1-bit wire to drive: remove the head at the end of this cycle.
    public let pop: Signal
}

extension ModuleBuilder {
    /// A FIFO of `depth` (a power of two, at least 2) words of `data`'s type, written when `push` is 1.
    public func streamFIFO(_ name: String, depth: Int, data: Signal, push: Signal,
                           file: StaticString = #fileID, line: UInt = #line) -> StreamFIFO {
        var bits = 1
        while (1 << bits) < depth { bits += 1 }
        if depth < 2 || (1 << bits) != depth {
            error("FIFO '\(name)' depth \(depth) must be a power of two >= 2", at: SourceLocation(file: file, line: line))
        }
        let pointer = HWType.unsigned(bits + 1)
        let memory = self.memory("\(name)_mem", depth: 1 << bits, data.type, file: file, line: line)
        let writePointer = reg("\(name)_wr", pointer, reset: 0, file: file, line: line)
        let writeSeen = reg("\(name)_wr_q", pointer, reset: 0, file: file, line: line)
        let readPointer = reg("\(name)_rd", pointer, reset: 0, file: file, line: line)
        let pop = wire("\(name)_pop", .bit, file: file, line: line)
        memory.write(address: writePointer.truncated(to: bits), data: data, enable: push, file: file, line: line)
        writePointer.assign(mux(push, (writePointer + BigInt(1)).truncated(to: bits + 1), writePointer))
        writeSeen.assign(writePointer)
        let nextRead = mux(pop, (readPointer + BigInt(1)).truncated(to: bits + 1), readPointer).named("\(name)_rd_next")
        readPointer.assign(nextRead)
        let head = memory.read(address: nextRead.truncated(to: bits), file: file, line: line)
        let valid = writeSeen.ne(readPointer).named("\(name)_valid")
        return StreamFIFO(valid: valid, head: head, pop: pop)
    }
}
