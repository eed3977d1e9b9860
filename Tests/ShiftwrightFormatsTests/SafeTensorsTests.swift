import Foundation
import Testing
@testable import ShiftwrightFormats

/// The `.safetensors` reader on the shipped real-weights fixture, on files it writes itself,
/// on every dtype it decodes, and on malformed input; and GEMM operand reshaping.
@Suite struct SafeTensorsTests {
    func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)).path
    }

    @Test func realWeightsMatchTheNpyCopy() throws {
        let st = try SafeTensors.read(path: fixture("silero_vad_encoder2.safetensors"), tensor: "encoder.2.weight_k64x8")
        let npy = try Npy.read(path: fixture("silero_vad_encoder2_w64x8.npy"))
        #expect(st.shape == [64, 8] && npy.shape == [64, 8])
        #expect(st.values == npy.values)
        let bias = try SafeTensors.read(path: fixture("silero_vad_encoder2.safetensors"), tensor: "encoder.2.bias")
        #expect(bias.shape == [8])
    }

    @Test func namesAreRequiredWhenSeveralTensorsExist() throws {
        let path = try fixture("silero_vad_encoder2.safetensors")
        #expect(throws: FormatError.self) { try SafeTensors.read(path: path) }
        #expect(throws: FormatError.self) { try SafeTensors.read(path: path, tensor: "nope") }
    }

    @Test func roundTripsItsOwnEncoding() throws {
        let t = Tensor(shape: [2, 3], values: [0.5, -1.25, 3, 0, 1e-3, -7])
        let data = SafeTensors.encode([("a", t), ("b", Tensor([1, 2]))])
        let back = try SafeTensors.parse(data, tensor: "a")
        #expect(back.shape == [2, 3])
        #expect(back.values == t.values.map { Double(Float($0)) })
    }

    @Test func decodesHalfAndBFloat() {
        #expect(SafeTensors.halfToFloat(0x3C00) == 1)
        #expect(SafeTensors.halfToFloat(0xC000) == -2)
        #expect(SafeTensors.halfToFloat(0x0001) == Float(sign: .plus, exponent: -24, significand: 1))
        #expect(SafeTensors.halfToFloat(0x7C00) == .infinity)
        var bf: [UInt8] = [0x80, 0x3F]  // BF16 1.0 = 0x3F80
        #expect(bf.withUnsafeBytes { SafeTensors.decode($0.baseAddress!, dtype: "BF16") } == 1)
        bf = [0xFE]
        #expect(bf.withUnsafeBytes { SafeTensors.decode($0.baseAddress!, dtype: "I8") } == -2)
    }

    @Test func malformedFilesAreOneLineErrors() {
        #expect(throws: FormatError.self) { try SafeTensors.parse(Data([1, 2, 3])) }
        #expect(throws: FormatError.self) { try SafeTensors.parse(Data([0xff, 0, 0, 0, 0, 0, 0, 0, 0x7b])) }
        var bad = Data(withUnsafeBytes(of: UInt64(2).littleEndian, Array.init))
        bad.append(contentsOf: Array("[]".utf8))
        #expect(throws: FormatError.self) { try SafeTensors.parse(bad) }
        let json = #"{"x":{"dtype":"F32","shape":[4],"data_offsets":[0,8]}}"#
        var short = Data(withUnsafeBytes(of: UInt64(json.utf8.count).littleEndian, Array.init))
        short.append(contentsOf: Array(json.utf8))
        short.append(contentsOf: [UInt8](repeating: 0, count: 8))
        #expect(throws: FormatError.self) { try SafeTensors.parse(short) }
    }

    @Test func matrixReshapesTransposesAndReadsFortranOrder() throws {
        let t = Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        let plain = try GemmOperands.matrix(t)
        #expect(plain.rows == 2 && plain.cols == 3 && plain.values == [1, 2, 3, 4, 5, 6])
        let transposed = try GemmOperands.matrix(t, transpose: true)
        #expect(transposed.rows == 3 && transposed.cols == 2 && transposed.values == [1, 4, 2, 5, 3, 6])
        let fortran = try GemmOperands.matrix(Tensor(shape: [2, 3], fortranOrder: true, values: [1, 4, 2, 5, 3, 6]))
        #expect(fortran.values == [1, 2, 3, 4, 5, 6])
        let conv = try GemmOperands.matrix(Tensor(shape: [2, 2, 2], values: Array(repeating: 1, count: 8)))
        #expect(conv.rows == 2 && conv.cols == 4)
    }

    @Test func realWeightsQuantizeWithTheGoldenScale() throws {
        let t = try Npy.read(path: fixture("silero_vad_encoder2_w64x8.npy"))
        let (values, k, n) = try GemmOperands.matrix(t)
        let q = try GemmOperands.quantize(values, rows: k, cols: n, format: NumberFormat(parsing: "ausn-b3s2"), rule: .paper)
        #expect(q.codes.count == 64 * 8)
        #expect(q.quantizer.scale == 3)  // max|w| = 11.4: top = ceil(log2 11.4) − 1 = 3
        #expect(Set(q.codes).count > 10)
    }
}
