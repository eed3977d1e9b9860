import Foundation
import Testing
@testable import ShiftwrightFormats

/// The `.npy` reader and writer against files NumPy wrote (Fixtures/make_fixtures.py).
@Suite struct NpyTests {
    func fixture(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw FormatError("missing fixture \(name)")
        }
        return url.path
    }

    @Test func float32COrder() throws {
        let t = try Npy.read(path: fixture("f32_c_3x4.npy"))
        #expect(t.shape == [3, 4])
        #expect(!t.fortranOrder)
        let expected: [Float] = [0.8, -0.3, 2.5, 0.003, 0.001, 0.6875, -0.0123, 0.05, 1.0, -1.0, 0.0, 1.5]
        #expect(t.values == expected.map(Double.init))
    }

    @Test func float64FortranOrderKeepsFileOrder() throws {
        let t = try Npy.read(path: fixture("f64_fortran_2x3.npy"))
        #expect(t.shape == [2, 3])
        #expect(t.fortranOrder)
        #expect(t.values == [0, 3, 1, 4, 2, 5].map { Double($0) / 8 })
    }

    @Test func float16BigEndianScalar3DAndVersion2() throws {
        #expect(try Npy.read(path: fixture("f16_5.npy")).values == [0.5, -2.0, 65504.0, 0x1p-14, 0x1p-24])
        #expect(try Npy.read(path: fixture("f32_bigendian_4.npy")).values == [1.0, -0.25, 3.5, Double(Float(0.1))])
        let s = try Npy.read(path: fixture("f64_scalar.npy"))
        #expect(s.shape == [] && s.values == [0.75])
        let d = try Npy.read(path: fixture("f32_3d_2x2x2.npy"))
        #expect(d.shape == [2, 2, 2] && d.values == (0 ..< 8).map { Double($0) - 3.5 })
        #expect(try Npy.read(path: fixture("f32_v2_4.npy")).values == [0.125, 0.25, -0.5, 1.0])
    }

    @Test(arguments: [
        ("i32_3.npy", "unsupported dtype '<i4'"),
        ("object_pickled.npy", "object arrays (pickled data) are not supported"),
        ("structured.npy", "structured dtypes are not supported"),
        ("f32_truncated.npy", "truncated .npy data"),
    ])
    func badFilesGiveOneLineErrors(name: String, message: String) throws {
        let path = try fixture(name)
        #expect { try Npy.read(path: path) } throws: { error in
            let text = (error as? FormatError)?.message ?? ""
            return text.contains(message) && !text.contains("\n")
        }
    }

    @Test func emptyAndNaNTensorsAreRejectedForQuantization() throws {
        let empty = try Npy.read(path: fixture("f32_empty.npy"))
        #expect(empty.shape == [0] && empty.values.isEmpty)
        #expect(throws: FormatError.self) { try TensorRange(of: empty.values) }
        let nan = try Npy.read(path: fixture("f32_nan.npy"))
        #expect { try TensorRange(of: nan.values) } throws: { ($0 as? FormatError)?.message.contains("index 1") == true }
        #expect(throws: FormatError.self) { try Npy.parse(Data([1, 2, 3])) }
    }

    @Test func writerMatchesNumPyBytes() throws {
        let f64 = try Data(contentsOf: URL(fileURLWithPath: fixture("ref_f64_3.npy")))
        #expect(Npy.encode([0.75, -0.3125, 1.75], shape: [3]) == f64)
        let u4 = try Data(contentsOf: URL(fileURLWithPath: fixture("ref_u4_2x2.npy")))
        #expect(Npy.encode(codes: [1, 2, 3, 4], shape: [2, 2]) == u4)
        let fortran = try Data(contentsOf: URL(fileURLWithPath: fixture("ref_f64_fortran_2x3.npy")))
        #expect(Npy.encode([0, 3, 1, 4, 2, 5], shape: [2, 3], fortranOrder: true) == fortran)
        let back = try Npy.parse(Npy.encode([1, 2], shape: [1, 2]))
        #expect(back == Tensor(shape: [1, 2], values: [1, 2]))
    }
}
