import Foundation
import Testing
@testable import ShiftwrightFormats

/// The model readers on slices of the real silero-vad files (Fixtures/silero_vad_slice.md), on
/// ONNX models built here through the generated message types, and on hostile input.
@Suite struct ModelReaderTests {
    func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)).path
    }

    @Test func safetensorsReadsEveryTensorInFileOrder() throws {
        let model = try ModelFile.read(path: fixture("silero_vad_slice.safetensors"))
        #expect(model.tensors.map(\.name) == ["conv3.weight", "conv3.bias", "final_conv.weight", "final_conv.bias"])
        #expect(model.tensors.map(\.tensor.shape) == [[8, 64, 3], [8], [1, 128, 1], [1]])
        let layers = try model.weightLayers()
        #expect(layers.map(\.name) == ["conv3.weight", "final_conv.weight"])
        #expect(layers.map(\.k) == [192, 128] && layers.map(\.n) == [8, 1])
    }

    /// numpy.savez (stored) and savez_compressed (deflated) of the same arrays read back equal to the safetensors file.
    @Test func npzStoredAndDeflatedEqualTheSafetensorsCopy() throws {
        let reference = try ModelFile.read(path: fixture("silero_vad_slice.safetensors")).tensors
        for name in ["silero_vad_slice_stored.npz", "silero_vad_slice_deflated.npz"] {
            let model = try ModelFile.read(path: fixture(name))
            #expect(model.tensors == reference, "\(name)")
        }
    }

    /// The ONNX slice's conv weight, read as the im2col matrix, has at row 3c + 1 (centre tap of
    /// input channel c) the matrix the onnx package extracted into silero_vad_encoder2_w64x8.npy.
    @Test func onnxConvWeightIsTheIm2colMatrix() throws {
        let model = try ModelFile.read(path: fixture("silero_vad_slice.onnx"))
        #expect(model.tensors.map(\.name) == ["model.encoder.2.reparam_conv.weight", "model.encoder.2.reparam_conv.bias", "model.decoder.decoder.2.weight"])
        let layer = try #require(try model.weightLayers().first)
        #expect(layer.k == 192 && layer.n == 8 && layer.origin == .convolution(kernel: [3]))
        let npy = try Npy.read(path: fixture("silero_vad_encoder2_w64x8.npy"))
        for c in 0..<64 { for n in 0..<8 { #expect(layer.matrix[(3 * c + 1) * 8 + n] == npy.values[c * 8 + n]) } }
        // The bias is stored as float_data; the older safetensors slice holds the same first 8 biases.
        let bias = try SafeTensors.read(path: fixture("silero_vad_encoder2.safetensors"), tensor: "encoder.2.bias")
        #expect(model.tensor(named: "model.encoder.2.reparam_conv.bias")?.values == bias.values)
    }

    @Test func onnxSequentialGraphOfTheSlice() throws {
        let graph = try SequentialGraph(ModelFile.read(path: fixture("silero_vad_slice.onnx")))
        #expect(graph.layers.count == 1)
        let l = graph.layers[0]
        #expect(l.op == .conv && l.relu && l.node == "/model/encoder/2/reparam_conv/Conv")
        // The attributes as the onnx package reads them from the original node.
        #expect(l.bias?.count == 8 && l.strides == [2] && l.dilations == [1] && l.pads == [1, 1])
    }

    @Test func unsupportedOpIsNamedWithItsNode() throws {
        let model = try ModelFile.read(path: fixture("silero_vad_slice_sigmoid.onnx"))
        #expect(throws: FormatError.self) { try SequentialGraph(model) }
        do { _ = try SequentialGraph(model) } catch let e as FormatError {
            #expect(e.message.contains("'/model/decoder/decoder/3/Sigmoid'") && e.message.contains("op Sigmoid"), "\(e.message)")
        }
        // The weights are still readable without the graph.
        #expect(try model.weightLayers().count == 2)
    }

    // MARK: ONNX models built here

    func tensor(_ name: String, _ dims: [Int64], _ values: [Float], raw: Bool = true) -> Onnx_TensorProto {
        var t = Onnx_TensorProto()
        t.name = name
        t.dims = dims
        t.dataType = 1
        if raw { t.rawData = Data(values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }) } else { t.floatData = values }
        return t
    }

    func node(_ op: String, _ name: String, _ inputs: [String], _ output: String, ints: [String: Int64] = [:]) -> Onnx_NodeProto {
        var n = Onnx_NodeProto()
        (n.opType, n.name, n.input, n.output) = (op, name, inputs, [output])
        n.attribute = ints.sorted { $0.key < $1.key }.map { key, value in
            var a = Onnx_AttributeProto()
            (a.name, a.type, a.i) = (key, .int, value)
            return a
        }
        return n
    }

    func model(_ nodes: [Onnx_NodeProto], _ initializers: [Onnx_TensorProto]) throws -> Data {
        var g = Onnx_GraphProto()
        g.node = nodes
        g.initializer = initializers
        var input = Onnx_ValueInfoProto()
        input.name = "x"
        g.input = [input]
        var m = Onnx_ModelProto()
        m.graph = g
        return try m.serializedData()
    }

    /// Gemm(transB = 1) → Relu → MatMul → Add(bias): the layouts, the fused Relu and the folded bias.
    @Test func gemmReluMatMulAddChain() throws {
        let w1: [Float] = [1, 2, 3, 4, 5, 6]           // [out 2, in 3]
        let w2: [Float] = [1, -1, 0.5, 2]              // [in 2, out 2]
        let data = try model([
            node("Gemm", "fc1", ["x", "w1", "b1"], "h", ints: ["transB": 1]), node("Relu", "r1", ["h"], "hr"),
            node("MatMul", "fc2", ["hr", "w2"], "y0"), node("Add", "bias2", ["y0", "b2"], "y"),
        ], [tensor("w1", [2, 3], w1), tensor("b1", [2], [0.5, -0.5], raw: false), tensor("w2", [2, 2], w2), tensor("b2", [2], [1, 2])])
        let graph = try SequentialGraph(ONNXModel.parse(data, source: "t.onnx"))
        #expect(graph.layers.map(\.op) == [.gemm, .matMul])
        #expect(graph.layers[0].weight.matrix == [1, 4, 2, 5, 3, 6] && graph.layers[0].weight.k == 3)
        #expect(graph.layers[0].relu && !graph.layers[1].relu)
        #expect(graph.layers[0].bias == [0.5, -0.5] && graph.layers[1].bias == [1, 2])
        #expect(graph.layers[1].weight.matrix == [1, -1, 0.5, 2])
    }

    @Test func brokenChainAndBadOperandsAreNamed() throws {
        let w: [Float] = [1, 2, 3, 4]
        let skip = try model([node("MatMul", "a", ["x", "w"], "h"), node("MatMul", "b", ["x", "w"], "y")], [tensor("w", [2, 2], w)])
        #expect(message { try SequentialGraph(ONNXModel.parse(skip, source: "t.onnx")) }.contains("node 'b'"))
        let grouped = try model([node("Conv", "c", ["x", "k"], "y", ints: ["group": 2])], [tensor("k", [2, 1, 2], w)])
        #expect(message { try SequentialGraph(ONNXModel.parse(grouped, source: "t.onnx")) }.contains("grouped"))
    }

    @Test func externalDataIsRefused() throws {
        var t = tensor("w", [2, 2], [])
        t.rawData = Data()
        t.dataLocation = .external
        var entry = Onnx_StringStringEntryProto()
        (entry.key, entry.value) = ("location", "weights.bin")
        t.externalData = [entry]
        let data = try model([node("MatMul", "m", ["x", "w"], "y")], [t])
        let text = message { try ONNXModel.parse(data, source: "t.onnx") }
        #expect(text.contains("'w'") && text.contains("external file (weights.bin)"), "\(text)")
    }

    @Test func hostileSizesThrowInsteadOfTrapping() throws {
        var t = tensor("w", [1 << 40, 1 << 40], [1, 2])
        #expect(message { try ONNXModel.parse(try model([], [t]), source: "t.onnx") }.contains("too large"))
        t = tensor("w", [3, 2], [1, 2])
        #expect(message { try ONNXModel.parse(try model([], [t]), source: "t.onnx") }.contains("raw_data holds 8 bytes"))
        #expect(message { try ONNXModel.parse(Data([0xff, 0xff, 0xff]), source: "t.onnx") }.contains("not an ONNX model"))
        let header = #"{"w":{"dtype":"F32","shape":[1099511627776,1099511627776],"data_offsets":[0,8]}}"#
        var st = Data(withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian, Array.init))
        st.append(Data(header.utf8))
        st.append(Data(count: 8))
        #expect(message { try SafeTensors.parseAll(st) }.contains("too large"))
        #expect(message { try NpzArchive.parse(Data("PK not a zip".utf8)) }.contains("not a .npz"))
    }

    @Test func noWeightTensorsAndNonFiniteWeightsAreNamed() throws {
        let biases = Model(source: "b.safetensors", tensors: [ModelTensor(name: "bias", tensor: Tensor([1, 2]))])
        #expect(message { try biases.weightLayers() }.contains("no weight tensors"))
        let nan = Model(source: "n.npz", tensors: [ModelTensor(name: "w", tensor: Tensor(shape: [2, 2], values: [1, .nan, 2, 3]))])
        let layer = try #require(try nan.weightLayers().first)
        // [out 2, in 2] stored: element [0][1] = out 0, in 1 → W[1][0].
        #expect(message { try layer.checkFinite() } == "layer 'w': weight W[1][0] is nan; only finite weights can be quantized")
    }

    @Test func fortranOrderIsReadAsRowMajor() throws {
        let t = Tensor(shape: [2, 3], fortranOrder: true, values: [1, 4, 2, 5, 3, 6])
        #expect(ModelTensor(name: "f", tensor: t).tensor.values == [1, 2, 3, 4, 5, 6])
    }

    func message(_ body: () throws -> Any) -> String {
        do { _ = try body(); return "no error" } catch { return "\(error)" }
    }
}
