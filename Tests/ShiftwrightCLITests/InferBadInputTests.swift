import Foundation
import Testing
import ShiftwrightTooling

/// `shiftwright infer` on bad input: one clear line, a non-zero status, nothing written, and no
/// Verilator run (every check happens before the first layer).
@Suite struct InferBadInputTests {
    static var digits: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/digits").path
    }

    @Test func missingDataAndBadFormats() throws {
        let bad = BadInputTests()
        try bad.expectOneLineError(["infer", "--data", "/nonexistent/digits"], mentioning: "/nonexistent/digits")
        try bad.expectOneLineError(["infer", "--data", Self.digits, "--formats", "int9x"], mentioning: "int9x")
        try bad.expectOneLineError(["infer", "--data", Self.digits, "--formats", "int8/int8/int16"], mentioning: "signed")
        try bad.expectOneLineError(["infer", "--data", Self.digits, "--formats", "int8", "--images", "0"], mentioning: "--images")
        try bad.expectOneLineError(["infer", "--data", Self.digits, "--formats", "int8", "--images", "-3"], mentioning: "--images must be in 1...1000000, got -3")
        try bad.expectOneLineError(["infer", "--data", Self.digits, "--formats", "int8", "--rows", "0"], mentioning: "--rows")
        try bad.expectOneLineError(["infer", "--data", Self.digits, "--formats", "int8", "--cols", "200"], mentioning: "1024-bit")
        try bad.expectOneLineError(["infer", "--data", Self.digits, "--formats", "uint4/uint8/int16"], mentioning: "unsigned integer weights")
    }

    /// Without --data the bundled copy is read, also from a directory that holds no data: the
    /// test split's size (500) reaches the error, and a layer-2 array that cannot be built (int16
    /// logits on 100 columns need a 1600-bit result port) is refused before layer 1 is built.
    @Test func bundledDataIsTheDefault() throws {
        let bad = BadInputTests()
        try bad.expectOneLineError(["infer", "--formats", "int8", "--images", "501"], mentioning: "--images must be in 1...500 (the test split's size), got 501")
        let started = Date()
        try bad.expectOneLineError(["infer", "--formats", "int8", "--cols", "100"], mentioning: "int8 layer 2: a 8x100 array of uint8 x int8 -> int16")
        #expect(Date().timeIntervalSince(started) < 10, "refused before any Verilator build")
        try bad.expectOneLineError(["infer", "--data", "", "--formats", "int8"], mentioning: "--data is empty")
        try bad.expectOneLineError(["infer", "--data", "/etc/passwd", "--formats", "int8"], mentioning: "/etc/passwd: no such directory")
    }

    /// A weight file with a NaN is named with the problem; the copy of the data lives outside the
    /// directory the command runs in, which must stay empty.
    @Test func weightsWithNaNAreRejected() throws {
        let copy = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.digits) where name.hasSuffix(".npy") {
            try FileManager.default.copyItem(atPath: Self.digits + "/" + name, toPath: copy + "/" + name)
        }
        // fc2_bias.npy is float32: overwrite its first value (after the header) with a quiet NaN.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: copy + "/fc2_bias.npy"))
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        bytes.replaceSubrange((10 + headerLength)..<(14 + headerLength), with: [0x00, 0x00, 0xC0, 0x7F])
        try bytes.write(to: URL(fileURLWithPath: copy + "/fc2_bias.npy"))
        try BadInputTests().expectOneLineError(["infer", "--data", copy, "--formats", "int8"], mentioning: "nan")
    }
}
