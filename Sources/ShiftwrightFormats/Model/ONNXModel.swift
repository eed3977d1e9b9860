import Foundation
import SwiftProtobuf

/// Reads ONNX models (`.onnx`, a serialized `onnx.ModelProto`; the message types are in the
/// committed `onnx.pb.swift`): every real initializer (FLOAT, DOUBLE, FLOAT16, from `raw_data` or
/// the typed repeated field) becomes a `ModelTensor`, integer initializers (shapes, indices) are
/// skipped, and the graph's nodes are kept for `SequentialGraph`. Tensors stored outside the file
/// (`data_location = EXTERNAL`) are refused: the reader opens no other file.
public enum ONNXModel {
    public static func read(path: String) throws -> Model {
        guard let data = FileManager.default.contents(atPath: path) else { throw FormatError("cannot read \(path)") }
        return try parse(data, source: path)
    }

    public static func parse(_ data: Data, source: String) throws -> Model {
        let proto: Onnx_ModelProto
        do { proto = try Onnx_ModelProto(serializedBytes: data) } catch {
            throw FormatError("\(source): not an ONNX model (the bytes are not a valid onnx.ModelProto)")
        }
        guard proto.hasGraph else { throw FormatError("\(source): the ONNX model has no graph") }
        let graph = proto.graph
        var tensors: [ModelTensor] = []
        for t in graph.initializer {
            do {
                if let tensor = try Self.tensor(t) { tensors.append(ModelTensor(name: t.name, tensor: tensor)) }
            } catch let e as FormatError { throw FormatError("\(source): initializer '\(t.name)': \(e.message)") }
        }
        let nodes = graph.node.map { n in
            ModelNode(name: n.name, opType: n.opType, inputs: n.input, outputs: n.output,
                      integers: Dictionary(n.attribute.compactMap { a -> (String, [Int])? in
                          switch a.type {
                          case .int: return (a.name, [Int(a.i)])
                          case .ints: return (a.name, a.ints.map { Int($0) })
                          default: return nil
                          }
                      }, uniquingKeysWith: { a, _ in a }))
        }
        let initializerNames = Set(graph.initializer.map(\.name))
        return Model(source: source, tensors: tensors, nodes: nodes,
                     graphInputs: graph.input.map(\.name).filter { !initializerNames.contains($0) })
    }

    /// ONNX `TensorProto.DataType` values the reader turns into tensors.
    enum DataType: Int32 { case float = 1, float16 = 10, double = 11 }

    /// The values of one initializer, or nil for a non-real type; sizes are checked before reading.
    static func tensor(_ t: Onnx_TensorProto) throws -> Tensor? {
        guard let type = DataType(rawValue: t.dataType) else { return nil }
        if t.dataLocation == .external {
            throw FormatError("its data is stored in an external file (\(t.externalData.first { $0.key == "location" }?.value ?? "?")); only self-contained .onnx files are read")
        }
        var count = 1
        for d in t.dims {
            guard d >= 0, d <= Int64(Int.max) else { throw FormatError("bad dimension \(d) in \(t.dims)") }
            let (p, overflow) = count.multipliedReportingOverflow(by: Int(d))
            guard !overflow else { throw FormatError("shape \(t.dims) is too large") }
            count = p
        }
        let shape = t.dims.map { Int($0) }
        let size = type == .float ? 4 : type == .double ? 8 : 2
        let values: [Double]
        if !t.rawData.isEmpty || (count == 0) {
            let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow, bytes == t.rawData.count else {
                throw FormatError("raw_data holds \(t.rawData.count) bytes, its shape \(t.dims) needs \(count) × \(size)")
            }
            values = t.rawData.withUnsafeBytes { raw in
                (0..<count).map { i in
                    switch type {
                    case .float: return Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))))
                    case .double: return Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))
                    case .float16: return Npy.halfToDouble(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
                    }
                }
            }
        } else {
            switch type {
            case .float: values = t.floatData.map(Double.init)
            case .double: values = t.doubleData
            case .float16: values = t.int32Data.map { Npy.halfToDouble(UInt16(truncatingIfNeeded: $0)) }
            }
            guard values.count == count else { throw FormatError("holds \(values.count) values, its shape \(t.dims) needs \(count)") }
        }
        return Tensor(shape: shape, values: values)
    }
}
