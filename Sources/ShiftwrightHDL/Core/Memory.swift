import BigInt

/// A memory (RAM) in a module being built: synchronous write ports and synchronous (registered)
/// read ports, emitted as a Verilog array that Yosys infers as block or distributed RAM.
/// A read in the same cycle as a write to the same address returns the old data.
public struct Memory {
    let index: Int
    let builder: ModuleBuilder
    public let depth: Int
    public let type: HWType
    /// Address width: ceil(log2(depth)), at least 1.
    public let addressWidth: Int

    /// Writes `data` at `address` on the clock edge when `enable` is 1.
    public func write(address: Signal, data: Signal, enable: Signal, file: StaticString = #fileID, line: UInt = #line) {
        let loc = SourceLocation(file: file, line: line)
        guard checkAddress(address, loc) else { return }
        for s in [data, enable] { builder.consume(s, at: loc) }
        guard builder.owns(data, at: loc), builder.owns(enable, at: loc) else { return }
        guard data.type == type else {
            return builder.error("memory '\(name)' holds \(type) but write data is \(data.type)", at: loc)
        }
        guard enable.width == 1 else { return builder.error("write enable of memory '\(name)' must be 1 bit, got \(enable.type)", at: loc) }
        builder.memories[index].writePorts.append(.init(address: address.id, data: data.id, enable: enable.id, location: loc))
    }

    /// The data at `address`, available one clock edge later (registered read). With `enable`,
    /// the read register only loads while enable is 1.
    public func read(address: Signal, enable: Signal? = nil, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let loc = SourceLocation(file: file, line: line)
        guard checkAddress(address, loc) else { return builder.poison(type, "bad read address", at: loc) }
        if let enable {
            builder.consume(enable, at: loc)
            guard builder.owns(enable, at: loc), enable.width == 1 else {
                return builder.poison(type, "read enable of memory '\(name)' must be 1 bit of this module", at: loc)
            }
        }
        let port = builder.memories[index].readPorts.count
        let signal = builder.add(.memoryRead(memory: index, port: port), type, location: loc)
        builder.memories[index].readPorts.append(.init(address: address.id, enable: enable?.id, node: signal.id, location: loc))
        return signal
    }

    var name: String { builder.memories[index].name }

    func checkAddress(_ address: Signal, _ loc: SourceLocation) -> Bool {
        builder.consume(address, at: loc)
        guard builder.owns(address, at: loc) else { return false }
        guard !address.isSigned, address.width == addressWidth else {
            builder.error("address of memory '\(name)' (depth \(depth)) must be UInt<\(addressWidth)>, got \(address.type)", at: loc)
            return false
        }
        return true
    }
}

struct MemoryDeclaration {
    struct WritePort { let address: NodeID; let data: NodeID; let enable: NodeID; let location: SourceLocation }
    struct ReadPort { let address: NodeID; let enable: NodeID?; let node: NodeID; let location: SourceLocation }
    let name: String
    let depth: Int
    let type: HWType
    let location: SourceLocation
    var writePorts: [WritePort] = []
    var readPorts: [ReadPort] = []
}

extension ModuleBuilder {
    /// Declares a memory of `depth` words of `type`.
    public func memory(_ name: String, depth: Int, _ type: HWType, file: StaticString = #fileID, line: UInt = #line) -> Memory {
        let loc = SourceLocation(file: file, line: line)
        _ = declareName(name, at: loc)
        _ = checkType(type, what: "memory '\(name)'", at: loc)
        var safeDepth = depth
        if !(2...(1 << 20)).contains(depth) {
            error("memory '\(name)' depth \(depth) must be 2...\(1 << 20)", at: loc)
            safeDepth = 2
        }
        var addressWidth = 1
        while (1 << addressWidth) < safeDepth { addressWidth += 1 }
        memories.append(MemoryDeclaration(name: name, depth: safeDepth, type: type, location: loc))
        return Memory(index: memories.count - 1, builder: self, depth: safeDepth, type: type, addressWidth: addressWidth)
    }
}
