#!/usr/bin/env python3
"""Trains the small digits classifier that `shiftwright infer` runs through the generated RTL.

The only place of the project that needs scikit-learn and NumPy. It installs the pinned versions
below with pip when they are missing (and says so), then, deterministically (fixed seeds, one
thread):

  data     scikit-learn's bundled handwritten digits (`sklearn.datasets.load_digits`: 1,797 8x8
           images of 16 grey levels, shipped inside the package, no download; origin: the UCI
           "Optical Recognition of Handwritten Digits" data set)
  splits   a seeded permutation: 1,097 train, 200 calibration (held out, only for the static
           activation scales of the quantized network), 500 test
  network  64 -> 32 -> 10, ReLU, inputs = pixel / 16 (in [0, 1]); sklearn MLPClassifier (adam)
  output   data/digits/digits.safetensors (the four tensors fc1.weight, fc1.bias, fc2.weight,
           fc2.bias, K x N, for `shiftwright plan --layout in-out`), data/digits/*.npy (float32 weights and biases as K x N matrices and N vectors; float16
           images, integers 0..16, and labels 0..9, both exact in float16) and
           data/digits/training.txt: versions, splits and the float accuracies, which the
           Swift tests take as expected values.

Run from the repository root:  python3 scripts/train_digits.py
"""
import os
import subprocess
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

PINS = {"scikit-learn": "1.9.1", "numpy": "2.4.6", "scipy": "1.17.1"}
SEED = 14
SPLITS = {"train": 1097, "calibration": 200, "test": 500}
HIDDEN = 32
OUT = os.path.join("data", "digits")


def installed_version(name):
    try:
        from importlib.metadata import version
        return version(name)
    except Exception:
        return None


def ensure_pins():
    missing = [f"{n}=={v}" for n, v in PINS.items() if installed_version(n) != v]
    if missing:
        print("train_digits: installing pinned packages with pip: " + " ".join(missing), flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *missing], check=True)


def main():
    ensure_pins()
    import numpy as np
    import sklearn
    from sklearn.datasets import load_digits
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    import warnings
    warnings.filterwarnings("ignore", category=ConvergenceWarning)  # 300 epochs is the stated budget, not a failure

    digits = load_digits()
    images, labels = digits.data.astype(np.float64), digits.target.astype(np.int64)
    assert images.shape == (1797, 64) and sum(SPLITS.values()) == len(images)
    order = np.random.default_rng(SEED).permutation(len(images))
    n_train, n_cal = SPLITS["train"], SPLITS["calibration"]
    parts = {"train": order[:n_train], "calibration": order[n_train:n_train + n_cal], "test": order[n_train + n_cal:]}

    model = MLPClassifier(hidden_layer_sizes=(HIDDEN,), activation="relu", solver="adam", alpha=1e-4,
                          batch_size=64, learning_rate_init=1e-3, max_iter=300, tol=1e-6, n_iter_no_change=30,
                          shuffle=True, random_state=SEED)
    model.fit(images[parts["train"]] / 16.0, labels[parts["train"]])

    # What is committed is float32; the float accuracy is measured with exactly those values.
    weights = [w.astype(np.float32) for w in model.coefs_]
    biases = [b.astype(np.float32) for b in model.intercepts_]

    def predict(x):
        h = x / 16.0
        for i, (w, b) in enumerate(zip(weights, biases)):
            h = h @ w.astype(np.float64) + b.astype(np.float64)
            if i + 1 < len(weights):
                h = np.maximum(h, 0.0)
        return np.argmax(h, axis=1)

    os.makedirs(OUT, exist_ok=True)
    for i, (w, b) in enumerate(zip(weights, biases), start=1):
        np.save(os.path.join(OUT, f"fc{i}_weight.npy"), w)   # K x N (inputs x outputs)
        np.save(os.path.join(OUT, f"fc{i}_bias.npy"), b)
    write_safetensors(os.path.join(OUT, "digits.safetensors"),
                      [(f"fc{i}.{part}", t) for i, (w, b) in enumerate(zip(weights, biases), start=1)
                       for part, t in (("weight", w), ("bias", b))])
    for split in ("calibration", "test"):
        np.save(os.path.join(OUT, f"{split}_images.npy"), images[parts[split]].astype(np.float16))
        np.save(os.path.join(OUT, f"{split}_labels.npy"), labels[parts[split]].astype(np.float16))

    accuracy = {s: float(np.mean(predict(images[idx]) == labels[idx])) for s, idx in parts.items()}
    correct = {s: int(np.sum(predict(images[idx]) == labels[idx])) for s, idx in parts.items()}
    lines = [
        "digits classifier, made by scripts/train_digits.py",
        f"python {sys.version.split()[0]}, scikit-learn {sklearn.__version__}, numpy {np.__version__}",
        f"seed {SEED}; splits train {SPLITS['train']}, calibration {SPLITS['calibration']}, test {SPLITS['test']}",
        f"network 64-{HIDDEN}-10 ReLU, inputs pixel/16; MLPClassifier adam, {model.n_iter_} epochs (the cap: max_iter 300)",
    ]
    lines += [f"float accuracy {s}: {correct[s]}/{len(parts[s])} = {accuracy[s]:.4f}" for s in ("train", "calibration", "test")]
    with open(os.path.join(OUT, "training.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    # The binary carries a copy of the .npy files (the default of `shiftwright infer`): refresh it.
    subprocess.run([os.path.join(os.path.dirname(os.path.abspath(__file__)), "bundle_digits.sh")], check=True)


def write_safetensors(path, tensors):
    """The float32 tensors in one .safetensors file (the format's spec: an 8-byte little-endian
    header length, a JSON header of dtype/shape/data_offsets, the raw little-endian data), written
    here so no further package is needed; `shiftwright plan` reads it (--layout in-out: K x N)."""
    import json
    import struct
    import numpy as np
    header, body = {}, b""
    for name, t in tensors:
        data = np.ascontiguousarray(t, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [len(body), len(body) + len(data)]}
        body += data
    text = json.dumps(header, separators=(",", ":"), sort_keys=True).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + body)


if __name__ == "__main__":
    main()
