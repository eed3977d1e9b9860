import Foundation
import Testing
import ShiftwrightTooling

/// `shiftwright verify plan` as a user runs it, on a plan that `plan` made from the real silero-vad
/// slice (int4 weights on a 8×4 array, the generic target: two PEs to measure, one array to build):
/// the plan verifies; the same plan with its weight image corrupted (the words the RTL reads) fails
/// with status 1; bad plan files end with one error line and status 2.
@Suite(.serialized) struct VerifyPlanCLITests {
    static let model = PlanCLITests.fixtures + "/silero_vad_slice.safetensors"

    /// Plans the fixture into `dir/plan` and returns the plan.json path.
    func makePlan(in dir: String) throws -> String {
        let result = try CLI.run(["plan", Self.model, "--widths", "4", "--families", "int", "--target", "generic",
                                  "--rows", "8", "--cols", "4", "--out", "\(dir)/plan"])
        #expect(result.status == 0, "\(result.stderr)")
        return "\(dir)/plan/plan.json"
    }

    func verify(_ plan: String, _ extra: [String] = []) throws -> ProcessResult {
        try CLI.run(["verify", "plan", plan, "--m", "4", "--seed", "7"] + extra)
    }

    @Test func aPlanOfTheSileroSliceVerifiesAndACorruptedImageFails() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let plan = try makePlan(in: dir)
        let good = try verify(plan, ["--junit", "\(dir)/junit.xml"])
        #expect(good.status == 0, "\(good.stdout)\n\(good.stderr)")
        let passLines = good.stdout.split(separator: "\n").filter { $0.hasPrefix("PASS  layer ") }
        #expect(passLines.count == 2, "one line per layer (conv3.weight, final_conv.weight): \(good.stdout)")
        #expect(good.stdout.contains("PASS  layer 0 conv3.weight") && good.stdout.contains("PASS  layer 1 final_conv.weight"), "\(good.stdout)")
        #expect(good.stdout.contains("32 output elements compared") && good.stdout.contains("seeded-random int8 codes (seed 7)"), "\(good.stdout)")
        #expect(good.stderr.contains("verify plan: layer 1/2 conv3.weight (K 192 x N 8") && good.stderr.contains("layer 2/2"), "progress per layer: \(good.stderr)")
        let junit = String(decoding: FileManager.default.contents(atPath: "\(dir)/junit.xml") ?? Data(), as: UTF8.self)
        #expect(junit.contains(#"tests="2" failures="0""#), "\(junit)")

        // Planted bug: every code of the first layer's weight image inverted (what the RTL is fed,
        // not what the golden model quantizes): the outputs must disagree.
        let image = "\(dir)/plan/00_conv3.weight.hex"
        let text = String(decoding: FileManager.default.contents(atPath: image) ?? Data(), as: UTF8.self)
        #expect(!text.isEmpty)
        let inverted = String(text.map { c -> Character in
            guard let v = c.hexDigitValue else { return c }
            return Character(String(15 - v, radix: 16))
        })
        try inverted.write(toFile: image, atomically: true, encoding: .utf8)
        let bad = try verify(plan)
        #expect(bad.status == 1, "\(bad.stdout)\n\(bad.stderr)")
        #expect(bad.stdout.contains("FAIL  layer 0 conv3.weight") && bad.stdout.contains("from the RTL"), "\(bad.stdout)")
        #expect(bad.stdout.contains("PASS  layer 1 final_conv.weight"), "the other layer still passes: \(bad.stdout)")
        #expect(bad.stderr.hasSuffix("shiftwright: error: 1 of 2 designs do not match the golden model: layer 0 conv3.weight\n"), "\(bad.stderr)")
    }

    /// Runs `verify plan` on `plan`; expects status 2 and one error line naming `needle`.
    func expectRefusal(_ plan: String, _ extra: [String] = [], mentioning needle: String) throws {
        let result = try verify(plan, extra)
        #expect(result.status == 2, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix("shiftwright: error: "), "\(result.stderr)")
        #expect(result.stderr.contains(needle), "should mention '\(needle)': \(result.stderr)")
    }

    /// The plan's JSON with `edit` applied to its first layer, written to `dir/name`.
    func edited(_ plan: String, into dir: String, _ name: String, _ edit: (inout [String: Any]) -> Void) throws -> String {
        var root = try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: plan) ?? Data()) as! [String: Any]
        var layers = root["layers"] as! [[String: Any]]
        edit(&layers[0])
        root["layers"] = layers
        let path = "\(dir)/plan/\(name)"
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func badPlanFilesAreRefusedWithOneLine() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let plan = try makePlan(in: dir)
        try expectRefusal("\(dir)/absent.json", mentioning: "plan file '\(dir)/absent.json' does not exist")
        try Data("not json {".utf8).write(to: URL(fileURLWithPath: "\(dir)/plan/garbage.json"))
        try expectRefusal("\(dir)/plan/garbage.json", mentioning: "not a JSON plan")
        try expectRefusal(try edited(plan, into: dir, "nok.json") { $0["k"] = nil }, mentioning: "missing field 'k' in layers[0]")
        try expectRefusal(try edited(plan, into: dir, "absent-tensor.json") { $0["name"] = "conv9.weight" },
                          mentioning: "layer 0 'conv9.weight': the model \(Self.model) has no tensor 'conv9.weight'")
        try expectRefusal(try edited(plan, into: dir, "badformat.json") { l in
            var q = l["chosen"] as! [String: Any]; q["format"] = "int99"; l["chosen"] = q
        }, mentioning: "layer 0 'conv3.weight'")
        try FileManager.default.removeItem(atPath: "\(dir)/plan/01_final_conv.weight.hex")
        try expectRefusal(plan, mentioning: "layer 1 'final_conv.weight': weight image")
        try expectRefusal(plan, ["--m", "0"], mentioning: "--m")
    }
}
