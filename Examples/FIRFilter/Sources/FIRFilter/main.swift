import Foundation
import ShiftwrightHDL
import ShiftwrightVerilog

// Usage: FIRFilter [--out DIR]   (writes DIR/fir4.v; without --out the Verilog goes to stdout)
let taps = [3, -5, 7, 2], threshold = 200
let design = try FIRDesign.filter(taps: taps, threshold: threshold)
let verilog = VerilogEmitter.emit(design.module)

let arguments = CommandLine.arguments
if let flag = arguments.firstIndex(of: "--out"), flag + 1 < arguments.count {
    let path = URL(fileURLWithPath: arguments[flag + 1]).appendingPathComponent(verilog.fileName).path
    try verilog.text.write(toFile: path, atomically: true, encoding: .utf8)
    print("wrote \(path)")
} else {
    print(verilog.text)
}

// The reference, computed independently with Swift integers: x[n − k] = 0 before the first sample.
var rng = XorShift(state: 0x2545_F491_4F6C_DD1D)
let samples = (0..<40).map { _ in rng.nextSample() }

let sim = Simulator(design.module)
sim.set("rst", 1); sim.tick(); sim.set("rst", 0)
var mismatches = 0
for (n, x) in samples.enumerated() {
    sim.set("sample", BigInt(x)); sim.set("valid", 1); sim.evaluate()
    let expected = taps.enumerated().reduce(0) { acc, t in n - t.offset >= 0 ? acc + t.element * samples[n - t.offset] : acc }
    let checks: [(String, Int)] = [("y", expected), ("peak", expected > threshold ? 1 : 0), ("warm", n >= taps.count - 1 ? 1 : 0)]
    for (port, want) in checks where sim.get(port) != BigInt(want) {
        print("mismatch at n=\(n): \(port) = \(sim.get(port)), expected \(want)")
        mismatches += 1
    }
    sim.tick()
}
guard mismatches == 0 else { print("FAILED: \(mismatches) mismatches"); exit(1) }
print("simulated \(samples.count) samples: every y, peak and warm output matches the reference")

/// Seeded samples in −128…127 (xorshift64).
struct XorShift {
    var state: UInt64
    mutating func nextSample() -> Int {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return Int(state % 256) - 128
    }
}
