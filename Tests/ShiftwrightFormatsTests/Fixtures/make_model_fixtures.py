"""Makes the model-reader fixtures (silero_vad_slice.*) from the PyPI package silero-vad 6.2.3.

    pip download silero-vad==6.2.3 --no-deps && unzip silero_vad-6.2.3-py3-none-any.whl
    pip install onnx==1.17.0 numpy
    python3 make_model_fixtures.py silero_vad/data

Independent of Shiftwright: onnx, numpy and the standard library only.
"""
import json, struct, sys, os
import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto

data = sys.argv[1]
src = onnx.load(os.path.join(data, "silero_vad_16k_op15.onnx"))
init = {t.name: numpy_helper.to_array(t) for t in src.graph.initializer}
nodes = {n.name: n for n in src.graph.node}

w = np.ascontiguousarray(init["model.encoder.2.reparam_conv.weight"][:8])   # 8 out x 64 in x 3 taps
b = np.ascontiguousarray(init["model.encoder.2.reparam_conv.bias"][:8])
d = np.ascontiguousarray(init["model.decoder.decoder.2.weight"])             # 1 x 128 x 1

def onnx_slice(path, node_names):
    raw_w = numpy_helper.from_array(w, "model.encoder.2.reparam_conv.weight")          # raw_data
    float_b = helper.make_tensor("model.encoder.2.reparam_conv.bias", TensorProto.FLOAT, b.shape, b.tolist())  # float_data
    raw_d = numpy_helper.from_array(d, "model.decoder.decoder.2.weight")
    picked = [nodes[n] for n in node_names]
    graph = helper.make_graph(picked, "silero_vad_slice",
        [helper.make_tensor_value_info(picked[0].input[0], TensorProto.FLOAT, [1, 64, 8])],
        [helper.make_tensor_value_info(picked[-1].output[0], TensorProto.FLOAT, None)],
        [raw_w, float_b, raw_d])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15)], producer_name="make_model_fixtures.py")
    model.ir_version = src.ir_version
    onnx.save(model, path)

onnx_slice("silero_vad_slice.onnx", ["/model/encoder/2/reparam_conv/Conv", "/model/encoder/2/activation/Relu"])
onnx_slice("silero_vad_slice_sigmoid.onnx",
           ["/model/encoder/2/reparam_conv/Conv", "/model/encoder/2/activation/Relu", "/model/decoder/decoder/3/Sigmoid"])

# The same tensors from the package's safetensors file, under its own names, in its own dtype (F32).
def read_safetensors(path):
    raw = open(path, "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    out = {}
    for name, e in header.items():
        if name == "__metadata__": continue
        lo, hi = e["data_offsets"]
        out[name] = np.frombuffer(raw[8 + n + lo:8 + n + hi], dtype="<f4").reshape(e["shape"])
    return out

st = read_safetensors(os.path.join(data, "silero_vad_16k.safetensors"))
tensors = [("conv3.weight", np.ascontiguousarray(st["conv3.weight"][:8])), ("conv3.bias", np.ascontiguousarray(st["conv3.bias"][:8])),
           ("final_conv.weight", st["final_conv.weight"]), ("final_conv.bias", st["final_conv.bias"])]
header, body = {}, b""
for name, t in tensors:
    bytes_ = t.astype("<f4").tobytes()
    header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [len(body), len(body) + len(bytes_)]}
    body += bytes_
header["__metadata__"] = {"source": "silero-vad 6.2.3 silero_vad_16k.safetensors (MIT)"}
text = json.dumps(header, separators=(",", ":")).encode()
text += b" " * ((8 - len(text) % 8) % 8)
open("silero_vad_slice.safetensors", "wb").write(struct.pack("<Q", len(text)) + text + body)

arrays = {name: t for name, t in tensors}
np.savez("silero_vad_slice_stored.npz", **arrays)
np.savez_compressed("silero_vad_slice_deflated.npz", **arrays)

