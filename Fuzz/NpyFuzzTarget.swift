// libFuzzer entry point for the `.npy` reader (`Npy.parse`): every input must either parse or
// throw a `FormatError`; a trap, an out-of-bounds read (AddressSanitizer) or a hang is a bug.
// Built and run by scripts/fuzz.sh together with the ShiftwrightFormats sources it reads.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func npyFuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    if let tensor = try? Npy.parse(data) {
        // A parsed tensor is self-consistent: its element count is the product of its shape.
        precondition(tensor.values.count == tensor.shape.reduce(1, *), "shape and element count disagree")
    }
    return 0
}
