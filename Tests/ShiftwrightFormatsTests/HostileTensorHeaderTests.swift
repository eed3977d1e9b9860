import Foundation
import Testing
@testable import ShiftwrightFormats

/// Regression tests for the tensor headers that trapped the reader (issue 12): a negative
/// shape, a shape whose product overflows, count × element size overflowing, and data_offsets
/// whose sum with the header overflows. Each must be a `FormatError`, never a trap; and a
/// well-formed file beside them still parses (the checks do not refuse everything).
@Suite struct HostileTensorHeaderTests {
    static func file(shape: String, offsets: String, dtype: String = "F32", payload: Int = 4) -> Data {
        let header = "{\"w\":{\"dtype\":\"\(dtype)\",\"shape\":\(shape),\"data_offsets\":\(offsets)}}"
        var data = Data(withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian, Array.init))
        data.append(Data(header.utf8))
        data.append(Data(count: payload))
        return data
    }

    @Test(arguments: [
        ("[-1,4]", "[0,4]"), ("[-4,-1]", "[0,4]"), ("[4294967296,4294967296]", "[0,4]"), ("[2305843009213693952]", "[0,4]"),
        ("[1]", "[9223372036854775804,9223372036854775807]"), ("[1]", "[4,0]"), ("[1]", "[-4,0]"), ("[2]", "[0,8]"),
        ("[0]", "[9223372036854775807,9223372036854775807]"),
    ])
    func hostileLayoutsAreFormatErrors(shape: String, offsets: String) {
        #expect(throws: FormatError.self) { try SafeTensors.parse(Self.file(shape: shape, offsets: offsets)) }
    }

    @Test func aWellFormedFileStillParses() throws {
        var data = Self.file(shape: "[1]", offsets: "[0,4]", payload: 0)
        data.append(contentsOf: withUnsafeBytes(of: Float(0.5).bitPattern.littleEndian, Array.init))
        #expect(try SafeTensors.parse(data) == Tensor(shape: [1], values: [0.5]))
    }

    @Test func overflowingNpyShapesAreFormatErrors() {
        for shape in ["(4294967296, 4294967296, 4294967296)", "(2305843009213693952,)", "(99999999999999999999999,)"] {
            let header = Array("{'descr': '<f8', 'fortran_order': False, 'shape': \(shape), }".utf8)
            var data = Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(header.count), 0])
            data.append(contentsOf: header)
            #expect(throws: FormatError.self) { try Npy.parse(data) }
        }
    }

    @Test func aFolderOrADeviceIsRefusedAsInput() {
        #expect { try TensorFile.read(path: "/dev/zero.npy") } throws: { ($0 as? FormatError)?.message.contains("no such file") == true }
        #expect { try Npy.read(path: "/dev/zero") } throws: { ($0 as? FormatError)?.message.contains("not a regular file") == true }
        #expect { try Npy.read(path: "/tmp") } throws: { ($0 as? FormatError)?.message.contains("folder") == true }
    }
}
