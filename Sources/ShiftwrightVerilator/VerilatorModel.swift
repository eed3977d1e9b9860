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
    /// (cell models, their headers and macros) beside it. `tuning` chooses hierarchical blocks
    /// and optimisation (ignored for traced builds, which are always flat and `.standard`).
    public static func build(verilog: [(name: String, text: String)], top: String, ports: [PortSpec],
                             trace: TraceFormat? = nil, library: VerilogLibrary? = nil,
                             tuning: VerilatorTuning = .standard) throws -> VerilatorModel {
        let layout = PortLayout(ports: ports)
        let tuning = trace == nil ? tuning : .standard
        var support: [(name: String, text: String)] = [("sw_glue.h", GlueWriter.header(top: top, layout: layout, trace: trace)),
                                                       ("sw_driver.cpp", DriverSource.text)]
        if let configuration = try tuning.configurationFile() { support.append(("sw_blocks.vlt", configuration)) }
        let build = try VerilatorBuild(top: top, verilog: verilog, support: support,
                                       flags: verilatorFlags(top: top, trace: trace, tuning: tuning), artifact: "sim", library: library,
                                       label: "Verilator: building \(top)\(trace == nil ? "" : " with tracing")",
                                       history: DurationHistory(kind: trace == nil ? "verilator-build" : "verilator-build-traced")).run()
        return VerilatorModel(top: top, layout: layout, executable: build.path, wasBuilt: build.built, buildSeconds: build.seconds)
    }

    static func verilatorFlags(top: String, trace: TraceFormat?, tuning: VerilatorTuning = .standard,
                               compiler: ModelCompiler = .current) -> [String] {
        var flags = ["--cc", "--exe", "--build", "-j", "2", "--top-module", top, "-Wno-fatal", "-Wno-lint", "-Wno-style",
                     "-CFLAGS", "-O2"] + compiler.verilatorArguments(optimisation: tuning.optimisation)
        if !tuning.hierarchicalBlocks.isEmpty { flags.append("--hierarchical") }
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

    /// The simulator's own speed, for comparison with a harness's end-to-end figure: the driver
    /// reads the stimulus into memory, then times only its cycle loop (the same evaluations and
    /// output sampling as `run`, nothing written back).
    public struct RawRun: Sendable {
        public let cycles: Int
        public let wallSeconds: Double
        public let cpuSeconds: Double
    }

    /// Times the driver's cycle loop over `stimulus` (cycles × inputWords words); see `RawRun`.
    public func runRaw(stimulus: [UInt64], cycles: Int) throws -> RawRun {
        guard stimulus.count == cycles * layout.inputWords else {
            throw ToolError("stimulus has \(stimulus.count) words, expected \(cycles) x \(layout.inputWords)")
        }
        let dir = try VectorFiles.scratchDirectory()
        defer { ScratchSpace.release(dir) }
        let inPath = "\(dir)/in.bin"
        try VectorFiles.write(layout.inputPacking.pack(stimulus, cycles: cycles), to: inPath)
        let result = try ProcessRunner.run(executable, ["--raw", inPath, String(cycles)])
        let fields = result.stdout.split(whereSeparator: \.isWhitespace)
        guard result.succeeded, fields.count == 4, fields[0] == "raw", let wall = Double(fields[2]), let cpu = Double(fields[3]) else {
            throw ToolError.toolFailed("raw simulation of '\(top)' failed (\(result.exitDescription)): \(result.tail())")
        }
        return RawRun(cycles: cycles, wallSeconds: wall, cpuSeconds: cpu)
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
