import Foundation
import ShiftwrightTooling

/// One cached Verilator compilation: the design's Verilog, an optional `VerilogLibrary` beside it
/// and fixed C++ sources, built once per content hash into
/// `CacheDirectory.root/verilator/<top>-<hash>/<artifact>`. Shared by the simulator executable
/// (`VerilatorModel`) and the in-process library (`SharedLibraryModel`). Temporaries live in
/// `ScratchSpace`, so an interrupted build leaves nothing behind.
struct VerilatorBuild {
    let top: String
    let verilog: [(name: String, text: String)]
    /// Fixed files written next to the Verilog (driver or shim, glue header, Verilator
    /// configuration); the `.cpp` ones are compiled, the `.vlt` ones read by Verilator.
    let support: [(name: String, text: String)]
    let flags: [String]
    /// The file Verilator's make produces (`sim`, `libsim.so`).
    let artifact: String
    var library: VerilogLibrary? = nil
    /// What the heartbeat line says while Verilator runs.
    var label: String
    /// Earlier builds of this kind, for the heartbeat's estimate of the time left.
    var history: DurationHistory
    /// The C++ compiler `flags` select (its version is part of the cache key).
    var compiler: ModelCompiler = .current

    /// The artifact's path and whether this call compiled it, with the seconds it took.
    func run() throws -> (path: String, built: Bool, seconds: Double) {
        _ = try ExternalTool.verilator.require()
        try ModelCompiler.checkEnvironment()
        let allFlags = flags + (library?.defines.map { "-D\($0)" } ?? [])
        let files = verilog + (library?.sources.map { ($0.name, $0.text) } ?? [])
        let headers: [(name: String, text: String)] = library?.headers.map { ($0.name, $0.text) } ?? []
        var hash = ContentHash()
        for part in [try ExternalTool.verilator.version(), compiler.identity, top, artifact] + allFlags { hash.add(part) }
        for file in support + files + headers { hash.add(file.name); hash.add(file.text) }
        let cacheDir = "\(CacheDirectory.root)/verilator/\(top)-\(hash.hex)"
        let target = "\(cacheDir)/\(artifact)"
        if FileManager.default.fileExists(atPath: target) { return (target, false, 0) }

        let start = Date()
        let work = try ScratchSpace.makeDirectory(".tmp", in: "\(CacheDirectory.root)/verilator")
        defer { ScratchSpace.release(work) }
        var sources: [String] = []
        for file in files {
            let path = "\(work)/\(file.name)"
            try AtomicFile.write(file.text, to: path)
            sources.append(path)
        }
        for file in headers + support {
            let path = "\(work)/\(file.name)"
            try AtomicFile.write(file.text, to: path)
            if support.contains(where: { $0.name == file.name }) && (file.name.hasSuffix(".cpp") || file.name.hasSuffix(".vlt")) { sources.append(path) }
        }
        let includePath = headers.isEmpty ? [] : ["-I\(work)"]
        let args = allFlags + includePath + ["-CFLAGS", "-I\(work)", "--Mdir", "\(work)/obj", "-o", artifact] + sources
        let verilogBytes = files.reduce(0) { $0 + $1.text.utf8.count }
        let result = try Heartbeat.run(label, history: history, size: verilogBytes) {
            try ProcessRunner.run("verilator", args, workingDirectory: work)
        }
        guard result.succeeded, FileManager.default.fileExists(atPath: "\(work)/obj/\(artifact)") else {
            let firstError = (result.stderr + "\n" + result.stdout).split(separator: "\n").first { $0.contains("%Error") || $0.contains("error:") }
            throw ToolError.toolFailed("Verilator could not build '\(top)': \(firstError.map(String.init) ?? result.tail())")
        }
        try FileManager.default.createDirectory(atPath: cacheDir, withIntermediateDirectories: true)
        ScratchSpace.removeStale(in: cacheDir)
        let staged = "\(cacheDir)/\(ScratchSpace.name(".\(artifact)"))"
        ScratchSpace.register(staged)
        defer { ScratchSpace.release(staged) }
        try FileManager.default.moveItem(atPath: "\(work)/obj/\(artifact)", toPath: staged)
        if rename(staged, target) != 0 { try? FileManager.default.removeItem(atPath: staged) }
        return (target, true, Date().timeIntervalSince(start))
    }
}
