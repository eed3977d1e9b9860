import Foundation
import Testing
import ShiftwrightTooling

/// `shiftwright plan` as a user runs it: bad models and options end with one error line and
/// nothing written; a small model plans, and plans again from the PE-area cache to the same bytes.
@Suite struct PlanCLITests {
    /// A `.safetensors` file of F32 tensors, written byte by byte here (not by the reader's encoder).
    static func safetensors(_ tensors: [(String, [Int], [Float])]) -> Data {
        var entries: [String] = [], body = Data()
        for (name, shape, values) in tensors {
            let bytes = values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
            entries.append("\"\(name)\":{\"dtype\":\"F32\",\"shape\":[\(shape.map(String.init).joined(separator: ","))],\"data_offsets\":[\(body.count),\(body.count + bytes.count)]}")
            body.append(contentsOf: bytes)
        }
        let header = Data("{\(entries.joined(separator: ","))}".utf8)
        var out = Data(withUnsafeBytes(of: UInt64(header.count).littleEndian, Array.init))
        out.append(header)
        out.append(body)
        return out
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ShiftwrightFormatsTests/Fixtures").path

    /// Runs `plan` on `model` in an empty directory; expects one error line naming `needle` and no file.
    func expectRefusal(_ model: Data?, name: String = "m.safetensors", path: String? = nil, _ extra: [String] = [], mentioning needle: String) throws {
        let inputs = try CLI.scratchDirectory(), dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: inputs); try? FileManager.default.removeItem(atPath: dir) }
        let file = path ?? "\(inputs)/\(name)"
        if let model { try model.write(to: URL(fileURLWithPath: file)) }
        let result = try CLI.run(["plan", file, "--out", "out"] + extra, in: dir)
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix("shiftwright: error: "), "\(result.stderr)")
        #expect(result.stderr.contains(needle), "should mention '\(needle)': \(result.stderr)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: dir).isEmpty, "nothing may be written")
    }

    @Test func badModelsAreRefusedWithOneLine() throws {
        try expectRefusal(Self.safetensors([("bias", [3], [1, 2, 3])]), mentioning: "no weight tensors")
        try expectRefusal(Self.safetensors([("w", [2, 2], [1, .nan, 2, 3])]), mentioning: "layer 'w': weight W[1][0] is nan")
        try expectRefusal(Self.safetensors([("w", [2, 2], [1, .infinity, 2, 3])]), mentioning: "is inf")
        try expectRefusal(nil, path: "\(Self.fixtures)/silero_vad_slice_sigmoid.onnx", ["--graph"], mentioning: "node '/model/decoder/decoder/3/Sigmoid' has op Sigmoid")
        try expectRefusal(Self.safetensors([("w", [2, 9], Array(repeating: 1, count: 18))]), ["--rows", "2", "--max-tiles", "4"],
                          mentioning: "layer 'w': K = 9 does not fit a 2-row array with 4 weight tiles")
        try expectRefusal(Data("nonsense".utf8), name: "m.onnx", mentioning: "not an ONNX model")
        try expectRefusal(Data("x".utf8), name: "m.txt", mentioning: "expected a model file")
    }

    @Test func badOptionsAreRefusedWithOneLine() throws {
        let model = Self.safetensors([("w", [2, 2], [1, 2, 3, 4])])
        try expectRefusal(model, ["--widths", "9...4"], mentioning: "bad --widths")
        try expectRefusal(model, ["--families", "afp,fp8"], mentioning: "unknown family 'fp8'")
        try expectRefusal(model, ["--out-format", "afp-e3m4"], mentioning: "intN or uintN")
    }

    /// A two-layer model planned twice with int weights of 4 and 5 bits on the generic target (three
    /// PEs to synthesize, to keep the test short): the second run synthesizes nothing and writes
    /// byte-identical files.
    @Test func plansFromTheCacheToTheSameBytes() throws {
        let inputs = try CLI.scratchDirectory(), cache = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: inputs); try? FileManager.default.removeItem(atPath: cache) }
        let w1 = (0..<24).map { Float(($0 * 7) % 11) / 4 - 1.2 }, w2 = (0..<6).map { Float($0) / 3 - 0.9 }
        try Self.safetensors([("fc1.weight", [3, 8], w1), ("fc1.bias", [3], [0, 0, 0]), ("fc2.weight", [2, 3], w2)])
            .write(to: URL(fileURLWithPath: "\(inputs)/m.safetensors"))
        let args = ["plan", "\(inputs)/m.safetensors", "--widths", "4,5", "--families", "int", "--target", "generic", "--rows", "4", "--cols", "2"]
        var env = ProcessInfo.processInfo.environment
        env["SHIFTWRIGHT_CACHE"] = cache
        let first = try ProcessRunner.run(CLI.executable, args + ["--out", "\(inputs)/a"], environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("synthesized") && !first.stderr.contains("0 synthesized"), "\(first.stderr)")
        let second = try ProcessRunner.run(CLI.executable, args + ["--out", "\(inputs)/b"], environment: env)
        #expect(second.status == 0 && second.stderr.contains(", 0 synthesized"), "\(second.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(inputs)/a").sorted()
        #expect(files.contains("plan.json") && files.contains("plan.svg") && files.contains("weights.json") && files.contains("00_fc1.weight.hex"))
        #expect(files == (try FileManager.default.contentsOfDirectory(atPath: "\(inputs)/b").sorted()))
        for f in files {
            #expect(FileManager.default.contents(atPath: "\(inputs)/a/\(f)") == FileManager.default.contents(atPath: "\(inputs)/b/\(f)"), "\(f)")
        }
        #expect(first.stdout.contains("fc1.weight") && first.stdout.contains("fc2.weight"))

        // The real ONNX slice's graph (Conv → Relu), planned from the same cache: one im2col layer.
        let graph = try ProcessRunner.run(CLI.executable, ["plan", "\(Self.fixtures)/silero_vad_slice.onnx", "--graph", "--widths", "4,5", "--families", "int",
                                                           "--target", "generic", "--rows", "4", "--cols", "2", "--out", "\(inputs)/c"], environment: env)
        #expect(graph.status == 0 && graph.stderr.contains(", 0 synthesized"), "\(graph.stderr)")
        let plan = String(decoding: FileManager.default.contents(atPath: "\(inputs)/c/plan.json") ?? Data(), as: UTF8.self)
        #expect(plan.contains("\"matrix\" : \"conv im2col kernel [3]\"") && plan.contains("\"k\" : 192"), "\(plan.prefix(400))")
        #expect(plan.components(separatedBy: "\"name\" : ").count == 2, "one layer: the Conv's weight")
    }
}
