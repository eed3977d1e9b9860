import Testing
import ShiftwrightGenerators

/// A shortened module name never contains `__` (Verilator mangles it, the DSL rejects it): the
/// harness of an 8x8 uint8 x ausn-b3s2 -> uint8 array used to be cut right after an underscore.
@Suite struct BoundedNameTests {
    @Test func cutAfterAnUnderscoreLeavesNoDoubleUnderscore() {
        let name = "tb_array_8x8_uint8_ausn_b3s2_to_uint8_m256_t16_s8_w1024_a32768_j8"
        #expect(Array(name)[GeneratorNames.maxModuleName - 18] == "_", "the cut falls right after an underscore")
        let short = GeneratorNames.bounded(name)
        #expect(!short.contains("__"), "\(short)")
        #expect(short.count <= GeneratorNames.maxModuleName)
        #expect(short != GeneratorNames.bounded(name + "x"))
    }
}
