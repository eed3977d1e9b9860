import Foundation
import Testing
import ShiftwrightFormats
import ShiftwrightFlows

/// The data compiled into the binary is the committed data, byte for byte.
@Suite struct BundledDataTests {
    @Test func bundledSileroWeightsEqualTheFixture() throws {
        let url = try #require(Bundle.module.url(forResource: "silero_vad_encoder2_w64x8", withExtension: "npy", subdirectory: "Fixtures"))
        #expect(try Data(contentsOf: url) == BundledData.sileroEncoder2Weights)
        let tensor = try BundledData.sileroEncoder2()
        #expect(tensor.shape == [64, 8])
    }

    static var digitsDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/digits").path
    }

    /// How `bundled` differs from the `.npy` files of `directory`: missing, extra or changed files.
    static func differences(bundled: [String: Data], directory: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".npy") }
        var found = Set(names).symmetricDifference(bundled.keys).sorted().map { "\($0): in only one of the two" }
        for name in names.sorted() where bundled[name] != nil && bundled[name] != FileManager.default.contents(atPath: "\(directory)/\(name)") {
            found.append("\(name): the bytes differ")
        }
        return found
    }

    @Test func bundledDigitsEqualDataDigits() throws {
        let found = try Self.differences(bundled: BundledData.digitsFiles, directory: Self.digitsDirectory)
        #expect(found.isEmpty, "run scripts/bundle_digits.sh: \(found)")
        #expect(BundledData.digitsFiles.count == 8)
    }

    /// A planted bug for the comparison: one flipped byte, a missing file and an extra one are each found.
    @Test func theComparisonCatchesAStaleBundle() throws {
        var flipped = BundledData.digitsFiles
        var bytes = try #require(flipped["fc2_bias.npy"])
        bytes[bytes.count - 1] ^= 1
        flipped["fc2_bias.npy"] = bytes
        #expect(try Self.differences(bundled: flipped, directory: Self.digitsDirectory) == ["fc2_bias.npy: the bytes differ"])
        var missing = BundledData.digitsFiles
        missing["test_labels.npy"] = nil
        #expect(try Self.differences(bundled: missing, directory: Self.digitsDirectory) == ["test_labels.npy: in only one of the two"])
        var extra = BundledData.digitsFiles
        extra["fc3_weight.npy"] = Data()
        #expect(try Self.differences(bundled: extra, directory: Self.digitsDirectory) == ["fc3_weight.npy: in only one of the two"])
    }

    /// Read through `DigitsData`, the bundled copy gives the same network and splits as the directory.
    @Test func bundledDigitsLoadLikeTheDirectory() throws {
        let bundled = try DigitsData.bundled(), directory = try DigitsData.load(directory: Self.digitsDirectory)
        #expect(bundled.test.count == 500 && bundled.calibration.count == 200)
        #expect(bundled.network.layers.map(\.outputs) == [32, 10])
        #expect(bundled.test.inputs == directory.test.inputs && bundled.test.labels == directory.test.labels)
        #expect(bundled.calibration.inputs == directory.calibration.inputs)
        for (b, d) in zip(bundled.network.layers, directory.network.layers) { #expect(b.weights == d.weights && b.bias == d.bias) }
    }
}
