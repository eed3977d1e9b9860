"""Writes the small .npy fixtures of ShiftwrightFormatsTests with NumPy itself.
Run from this directory: python3 make_fixtures.py (numpy 2.x)."""
import numpy as np

vals = [0.8, -0.3, 2.5, 0.003, 0.001, 0.6875, -0.0123, 0.05, 1.0, -1.0, 0.0, 1.5]
np.save("f32_c_3x4.npy", np.array(vals, dtype="<f4").reshape(3, 4))
np.save("f64_fortran_2x3.npy", np.asfortranarray(np.arange(6, dtype="<f8").reshape(2, 3) / 8))
np.save("f16_5.npy", np.array([0.5, -2.0, 65504.0, 6.1035156e-05, 5.9604645e-08], dtype="<f2"))
np.save("f32_bigendian_4.npy", np.array([1.0, -0.25, 3.5, 0.1], dtype=">f4"))
np.save("f64_scalar.npy", np.array(0.75, dtype="<f8"))
np.save("f32_3d_2x2x2.npy", np.arange(8, dtype="<f4").reshape(2, 2, 2) - 3.5)
np.save("f32_empty.npy", np.zeros((0,), dtype="<f4"))
np.save("f32_nan.npy", np.array([1.0, np.nan, 2.0], dtype="<f4"))
np.save("i32_3.npy", np.array([1, 2, 3], dtype="<i4"))
np.save("object_pickled.npy", np.array([{"a": 1}, None], dtype=object), allow_pickle=True)
np.save("structured.npy", np.zeros(2, dtype=[("x", "<f4"), ("y", "<f4")]))
with open("f32_v2_4.npy", "wb") as f:
    np.lib.format.write_array(f, np.array([0.125, 0.25, -0.5, 1.0], dtype="<f4"), version=(2, 0))
with open("f32_c_3x4.npy", "rb") as f:
    whole = f.read()
with open("f32_truncated.npy", "wb") as f:
    f.write(whole[:-5])
# References for the writer: Shiftwright's output must equal these bytes.
np.save("ref_f64_3.npy", np.array([0.75, -0.3125, 1.75], dtype="<f8"))
np.save("ref_u4_2x2.npy", np.array([[1, 2], [3, 4]], dtype="<u4"))
np.save("ref_f64_fortran_2x3.npy", np.asfortranarray(np.arange(6, dtype="<f8").reshape(2, 3)))
