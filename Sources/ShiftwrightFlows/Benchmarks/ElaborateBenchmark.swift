import Foundation
import ShiftwrightBits
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightHDL
import ShiftwrightTooling
import ShiftwrightVerilator
import ShiftwrightVerilog

/// The `bench elaborate` benchmark: time to elaborate and emit a design of N graph nodes.
public struct ElaborateBenchmark: Sendable {
    /// Approximate number of cells (graph nodes).
    public var cells = 10_000
    /// Repetitions (the median is reported).
    public var repeats = 5

    public init() {}

    public func run(log: (String) -> Void) throws {
        guard cells >= 100, repeats >= 1 else { throw ToolError("--cells must be at least 100 and --repeats at least 1") }
        var elaborate: [Double] = [], emit: [Double] = []
        var nodes = 0, bytes = 0
        for _ in 0..<repeats {
            let t0 = Date()
            let module = try Self.design(cells: cells)
            let t1 = Date()
            let text = VerilogEmitter.emit(module).text
            let t2 = Date()
            elaborate.append(t1.timeIntervalSince(t0))
            emit.append(t2.timeIntervalSince(t1))
            nodes = module.flatNodeCount
            bytes = text.utf8.count
        }
        let median = { (xs: [Double]) in xs.sorted()[xs.count / 2] }
        log(String(format: "design: %d cells (graph nodes), %d bytes of Verilog", nodes, bytes))
        log(String(format: "elaborate: %.3f s   emit: %.3f s   total: %.3f s   (median of %d)",
                     median(elaborate), median(emit), median(elaborate) + median(emit), repeats))
    }

    /// A datapath of multiply-accumulate taps with muxes and registers, about `cells` nodes.
    static func design(cells: Int) throws -> Module {
        try Module.build("bench_datapath") { m in
            let x = m.input("x", .signed(8)), k = m.input("k", .signed(8)), sel = m.input("sel", .bit)
            var carry = x
            var taps: [Signal] = []
            for i in 0..<(cells / 12) {
                let product = (carry * k).truncated(to: 12).named("tap\(i)_product")
                let mixed = m.mux(sel, product, ((product ^ product.asUnsigned().asSigned()) + BigInt(i & 7)).truncated(to: 12))
                let r = m.reg("tap\(i)_q", .signed(8), reset: 0)
                r.assign(mixed.truncated(to: 8))
                carry = r
                taps.append(r)
            }
            m.output("y", m.adderTree(taps).truncated(to: 16))
        }
    }
}
