// libFuzzer entry point for the `.safetensors` reader: the header alone, the only tensor, and
// every named tensor must either parse or throw a `FormatError`; a trap, an out-of-bounds read
// (AddressSanitizer) or a hang is a bug. Built and run by scripts/fuzz.sh.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func safeTensorsFuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    guard let (entries, _) = try? SafeTensors.header(data) else { return 0 }
    _ = try? SafeTensors.parse(data)
    for entry in entries.prefix(8) {
        if let tensor = try? SafeTensors.parse(data, tensor: entry.name) {
            precondition(tensor.values.count == tensor.shape.reduce(1, *), "shape and element count disagree")
        }
    }
    return 0
}
