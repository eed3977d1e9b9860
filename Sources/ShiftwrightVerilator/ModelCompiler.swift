import Foundation
import ShiftwrightTooling

/// The C++ compiler of every Verilated model, chosen once per process: `clang++` (the Swift
/// toolchain ships it, so every machine that builds Shiftwright has one) when it is on PATH,
/// told to turn two-armed branches of up to 64 instructions' cost into selects; otherwise
/// Verilator's default `g++` with no extra flag (also when `SHIFTWRIGHT_MODEL_CXX=g++`).
///
/// Why: Verilator writes a design's multiplexers as nested `?:` expressions. gcc -O2, and clang
/// at its default cost of 4, compile the wider ones to conditional branches, and random
/// co-simulation data mispredicts about half of them. Measured on the lanes model of the
/// int8 × ausn-b3s2 PE (16 lanes, fresh random codes, one core; docs/verification-speed.md):
/// cachegrind counts 1.67 mispredicted branches per vector in the PE's logic with g++ and 0.00
/// with this clang, and a chunk of rows takes 38 ns per vector with g++ and 22 ns with clang.
public struct ModelCompiler: Sendable, Equatable {
    /// `make` variables for Verilator's makefile (`CXX=clang++`), empty for its default.
    public let makeVariables: [String]
    /// Extra `-CFLAGS` for every translation unit.
    public let compileFlags: [String]
    /// The compiler's version line: part of every model's cache key, so a new compiler rebuilds.
    public let identity: String

    /// The compiler this process uses (found once).
    public static let current = detect()
    /// Verilator's default, g++ with no extra flag: what every model was built with before, kept
    /// for `bench cosim`'s comparison in the same run.
    public static let verilatorDefault = ModelCompiler(makeVariables: [], compileFlags: [], identity: "g++ (Verilator's default)")

    /// The environment variable that picks Verilator's default g++ instead (`g++`): the way out
    /// when the `clang++` on PATH cannot build models.
    public static let environmentKey = "SHIFTWRIGHT_MODEL_CXX"

    /// Throws for a value of `SHIFTWRIGHT_MODEL_CXX` other than `g++` or `clang++` (empty: unset),
    /// so that a typo is not silently a different compiler. Every build calls it.
    static func checkEnvironment() throws {
        let value = ProcessInfo.processInfo.environment[environmentKey] ?? ""
        guard ["", "g++", "clang++"].contains(value) else {
            throw ToolError("\(environmentKey) must be g++ or clang++ (or unset), not '\(value)'")
        }
    }

    static func detect() -> ModelCompiler {
        if ProcessInfo.processInfo.environment[environmentKey] == "g++" { return verilatorDefault }
        if ProcessRunner.which("clang++") != nil,
           let version = try? ExternalTool("clang++", installHint: "").version() {
            return ModelCompiler(makeVariables: ["CXX=clang++"],
                                 compileFlags: ["-mllvm -two-entry-phi-node-folding-threshold=64"],
                                 identity: version)
        }
        return verilatorDefault
    }

    /// Which compiler, for reports ("clang++ (clang version 21.0.0 …)").
    public var name: String { makeVariables.isEmpty ? identity : "clang++ (\(identity))" }

    /// The Verilator arguments that select this compiler, given the makefile's optimisation
    /// variables (`VerilatorTuning.optimisation`).
    func verilatorArguments(optimisation: String) -> [String] {
        ["-MAKEFLAGS", (makeVariables + [optimisation]).joined(separator: " ")]
            + compileFlags.flatMap { ["-CFLAGS", $0] }
    }
}
