import ShiftwrightHDL
import Foundation
import ShiftwrightTooling

/// Waveform formats the driver can write.
public enum TraceFormat: String, Sendable {
    case vcd, fst

    /// The format implied by a file name (`.vcd` or `.fst`).
    public init(path: String) throws {
        if path.hasSuffix(".vcd") { self = .vcd }
        else if path.hasSuffix(".fst") { self = .fst }
        else { throw ToolError("waveform file '\(path)' must end in .fst or .vcd") }
    }
}

/// A design compiled by Verilator together with the Shiftwright driver: feed it stimulus words,
/// get output words back. Builds are cached by content hash, so an unchanged design never pays
/// for Verilator twice (on this machine or in later test runs).
public struct VerilatorModel: Sendable {
    public let top: String
    public let layout: PortLayout
    public let executable: String
    /// True when this call compiled the model (false: served from the cache).
    public let wasBuilt: Bool
    public let buildSeconds: Double

    /// Compiles `verilog` (one or more files' text) with `top` as the top module, and `library`
    /// (cell models, their headers and macros) beside it.
    public static func build(verilog: [(name: String, text: String)], top: String, ports: [PortSpec],
                             trace: TraceFormat? = nil, library: VerilogLibrary? = nil) throws -> VerilatorModel {
        let layout = PortLayout(ports: ports)
        let build = try VerilatorBuild(top: top, verilog: verilog,
                                       support: [("sw_glue.h", GlueWriter.header(top: top, layout: layout, trace: trace)),
                                                 ("sw_driver.cpp", DriverSource.text)],
                                       flags: verilatorFlags(top: top, trace: trace), artifact: "sim", library: library,
                                       label: "Verilator: building \(top)\(trace == nil ? "" : " with tracing")",
                                       history: DurationHistory(kind: trace == nil ? "verilator-build" : "verilator-build-traced")).run()
        return VerilatorModel(top: top, layout: layout, executable: build.path, wasBuilt: build.built, buildSeconds: build.seconds)
    }

    static func verilatorFlags(top: String, trace: TraceFormat?) -> [String] {
        var flags = ["--cc", "--exe", "--build", "-j", "2", "--top-module", top, "-Wno-fatal", "-Wno-lint", "-Wno-style",
                     "-MAKEFLAGS", "OPT_FAST=-O2 OPT_SLOW=-O0 OPT_GLOBAL=-O2", "-CFLAGS", "-O2"]
        switch trace {
        case .fst?: flags += ["--trace-fst", "-LDFLAGS", "-lz"]
        case .vcd?: flags += ["--trace"]
        case nil: break
        }
        return flags
    }

    /// Runs `cycles` vectors (`stimulus` holds cycles × inputWords words); returns
    /// cycles × outputWords words. With `wave`, traces rows `from...to` into that file, the dump's
    /// time counting from cycle `cycleOrigin` (the run's cycle number of row 0).
    public func run(stimulus: [UInt64], cycles: Int, wave: (path: String, from: Int, to: Int)? = nil, cycleOrigin: Int = 0) throws -> [UInt64] {
        try start(stimulus: stimulus, cycles: cycles, wave: wave, cycleOrigin: cycleOrigin).finish()
    }

    /// Writes the stimulus and starts the simulation; `finish()` waits and reads the outputs.
    public func start(stimulus: [UInt64], cycles: Int, wave: (path: String, from: Int, to: Int)? = nil, cycleOrigin: Int = 0) throws -> PendingRun {
        guard stimulus.count == cycles * layout.inputWords else {
            throw ToolError("stimulus has \(stimulus.count) words, expected \(cycles) x \(layout.inputWords)")
        }
        return try start(packed: layout.inputPacking.pack(stimulus, cycles: cycles), cycles: cycles, wave: wave, cycleOrigin: cycleOrigin)
    }

    /// Starts the simulation on stimulus already packed by `layout.inputPacking`.
    public func start(packed: [UInt8], cycles: Int, wave: (path: String, from: Int, to: Int)? = nil, cycleOrigin: Int = 0) throws -> PendingRun {
        guard packed.count == cycles * layout.inputPacking.rowBytes else {
            throw ToolError("packed stimulus has \(packed.count) bytes, expected \(cycles) x \(layout.inputPacking.rowBytes)")
        }
        let dir = try VectorFiles.scratchDirectory()
        let inPath = "\(dir)/in.bin", outPath = "\(dir)/out.bin"
        do {
            try VectorFiles.write(packed, to: inPath)
            var args = [inPath, outPath, String(cycles)]
            if let wave { args += [wave.path, String(wave.from), String(wave.to), String(cycleOrigin)] }
            let process = try ProcessRunner.start(executable, args)
            return PendingRun(model: self, process: process, directory: dir, outPath: outPath, cycles: cycles)
        } catch {
            ScratchSpace.release(dir)
            throw error
        }
    }

    /// A simulation in progress.
    public struct PendingRun {
        let model: VerilatorModel
        let process: RunningProcess
        let directory: String
        let outPath: String
        let cycles: Int

        /// Stops the simulation and removes its files (for a run that is no longer wanted).
        public func cancel() {
            process.terminate()
            ScratchSpace.release(directory)
        }

        public func finish() throws -> [UInt64] {
            defer { ScratchSpace.release(directory) }
            let result = process.wait()
            guard result.succeeded else {
                throw ToolError.toolFailed("simulation of '\(model.top)' failed (exit \(result.status)): \(result.tail())")
            }
            let packing = model.layout.outputPacking
            return packing.unpack(try VectorFiles.read(outPath, bytes: cycles * packing.rowBytes), cycles: cycles)
        }
    }
}
