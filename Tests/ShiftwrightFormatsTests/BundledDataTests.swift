import Foundation
import Testing
import ShiftwrightFormats
import ShiftwrightFlows

/// The weights compiled into the binary are the documented fixture, byte for byte.
@Suite struct BundledDataTests {
    @Test func bundledSileroWeightsEqualTheFixture() throws {
        let url = try #require(Bundle.module.url(forResource: "silero_vad_encoder2_w64x8", withExtension: "npy", subdirectory: "Fixtures"))
        #expect(try Data(contentsOf: url) == BundledData.sileroEncoder2Weights)
        let tensor = try BundledData.sileroEncoder2()
        #expect(tensor.shape == [64, 8])
    }
}
