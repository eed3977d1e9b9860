import Foundation
import Synchronization
import ShiftwrightHDL
import ShiftwrightTooling
#if canImport(Glibc)
import Glibc
#endif

/// A design compiled by Verilator into a shared library and loaded into this process: vectors go
/// in and out as word rows (`PortLayout`), a whole chunk per call, with no file, pipe or second
/// process in between. Each `Instance` is an independent model (its own Verilator context), so
/// one instance per core simulates in parallel. Builds are cached by content hash like
/// `VerilatorModel`'s.
public struct SharedLibraryModel: @unchecked Sendable {
    public let top: String
    public let layout: PortLayout
    public let path: String
    public let wasBuilt: Bool
    public let buildSeconds: Double
    private let api: API

    /// Compiles `verilog` with `top` as the top module (and `library`, cell models and their
    /// headers, beside it) into `libsim.so` and loads it. `registeredInputs`: the top is a
    /// `DesignBatch` wrapper with registered inputs (the shim then samples after the edge).
    /// `compiler`: the C++ compiler (benchmarks compare `ModelCompiler.verilatorDefault`).
    public static func build(verilog: [(name: String, text: String)], top: String, ports: [PortSpec],
                             library: VerilogLibrary? = nil, registeredInputs: Bool = false,
                             compiler: ModelCompiler = .current) throws -> SharedLibraryModel {
        let layout = PortLayout(ports: ports)
        let flags = VerilatorModel.verilatorFlags(top: top, trace: nil, compiler: compiler)
            + ["-CFLAGS", "-fPIC", "-CFLAGS", "-DVL_USER_FINISH", "-CFLAGS", "-DVL_USER_STOP", "-CFLAGS", "-DVL_USER_FATAL",
               "-LDFLAGS", "-shared", "-LDFLAGS", "-Wl,-Bsymbolic"]
        let build = try VerilatorBuild(top: top, verilog: verilog,
                                       support: [("sw_words.h", GlueWriter.wordHeader(top: top, layout: layout, registered: registeredInputs)),
                                                 ("sw_shim.cpp", ShimSource.text)],
                                       flags: flags, artifact: "libsim.so", library: library,
                                       label: "Verilator: building \(top)",
                                       history: DurationHistory(kind: "verilator-build-library"), compiler: compiler).run()
        return SharedLibraryModel(top: top, layout: layout, path: build.path, wasBuilt: build.built,
                                  buildSeconds: build.seconds, api: try API.load(build.path))
    }

    /// A fresh model, after power-up (apply a reset row first).
    public func instance() -> Instance { Instance(model: self) }

    /// One live Verilated model; use it from one thread at a time.
    public final class Instance {
        private let api: API
        private let handle: UnsafeMutableRawPointer
        public let layout: PortLayout
        private let top: String

        init(model: SharedLibraryModel) {
            api = model.api
            layout = model.layout
            top = model.top
            handle = api.open()
        }

        deinit { api.close(handle) }

        /// Evaluates `rows` rows: `inputs` holds rows × inputWords words, `outputs` receives
        /// rows × outputWords. Throws when the RTL executed `$finish`, `$stop` or `$fatal`.
        public func run(inputs: UnsafePointer<UInt64>, outputs: UnsafeMutablePointer<UInt64>, rows: Int) throws {
            let status = api.run(handle, inputs, outputs, UInt64(rows))
            switch status {
            case 0: return
            case 1: throw ToolError("simulation of '\(top)' stopped early: the RTL executed $finish")
            default: throw ToolError("simulation of '\(top)' failed: \(String(cString: api.message()))")
            }
        }

        /// The raw simulator: `rows` cycles of random inputs generated and consumed in C++ (no
        /// transport, no golden model); returns a checksum so the work cannot be optimised away.
        public func raw(rows: Int, seed: UInt64) -> UInt64 { api.raw(handle, UInt64(rows), seed) }
    }

    /// The library's entry points.
    struct API: @unchecked Sendable {
        let open: @convention(c) () -> UnsafeMutableRawPointer
        let run: @convention(c) (UnsafeMutableRawPointer, UnsafePointer<UInt64>, UnsafeMutablePointer<UInt64>, UInt64) -> Int32
        let raw: @convention(c) (UnsafeMutableRawPointer, UInt64, UInt64) -> UInt64
        let message: @convention(c) () -> UnsafePointer<CChar>
        let close: @convention(c) (UnsafeMutableRawPointer) -> Void

        /// Libraries stay loaded for the life of the process (unloading C++ runtimes with
        /// thread-local state is not safe); each path is opened once.
        private static let loaded = Mutex<[String: API]>([:])

        static func load(_ path: String) throws -> API {
            try loaded.withLock { cache in
                if let api = cache[path] { return api }
                guard let library = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
                    throw ToolError("cannot load the simulator library \(path): \(String(cString: dlerror()))")
                }
                func symbol<T>(_ name: String, as type: T.Type) throws -> T {
                    guard let pointer = dlsym(library, name) else { throw ToolError("simulator library \(path) lacks \(name)") }
                    return unsafeBitCast(pointer, to: type)
                }
                let api = API(open: try symbol("sw_open", as: (@convention(c) () -> UnsafeMutableRawPointer).self),
                              run: try symbol("sw_run", as: (@convention(c) (UnsafeMutableRawPointer, UnsafePointer<UInt64>, UnsafeMutablePointer<UInt64>, UInt64) -> Int32).self),
                              raw: try symbol("sw_raw", as: (@convention(c) (UnsafeMutableRawPointer, UInt64, UInt64) -> UInt64).self),
                              message: try symbol("sw_message", as: (@convention(c) () -> UnsafePointer<CChar>).self),
                              close: try symbol("sw_close", as: (@convention(c) (UnsafeMutableRawPointer) -> Void).self))
                cache[path] = api
                return api
            }
        }
    }
}
