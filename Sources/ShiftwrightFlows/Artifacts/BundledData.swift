import Foundation
import ShiftwrightFormats

/// Data the binary carries inside itself, so it runs from any directory and when copied elsewhere.
public enum BundledData {
    /// A real 64×8 weight matrix (K × N, float32 `.npy`): output channels 0–7 of layer 2 of the
    /// Silero VAD encoder (`model.encoder.2.reparam_conv.weight`, centre tap, transposed). Source:
    /// PyPI `silero-vad` 6.2.3 (Silero Team), `silero_vad/data/silero_vad_16k_op15.onnx`; licence
    /// MIT (Copyright (c) 2020-present Silero Team). A test keeps it byte-equal to
    /// `Tests/ShiftwrightFormatsTests/Fixtures/silero_vad_encoder2_w64x8.npy`, which documents the extraction.
    public static let sileroEncoder2Weights = Data(base64Encoded: sileroEncoder2Base64.joined())!

    /// Where `sileroEncoder2Weights` comes from, for reports.
    public static let sileroEncoder2Source = "a real 64x8 matrix of the silero-vad 6.2.3 model (MIT licence), layer encoder.2"

    /// The tensor itself.
    public static func sileroEncoder2() throws -> Tensor { try Npy.parse(sileroEncoder2Weights) }

    private static let sileroEncoder2Base64 = [
        "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDY0LCA4KSwgfSAgICAg",
        "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAq4gjW8cS9zvN6nG777N709pPx5PkQt",
        "jzsW9oQ+fWWMvsdugL7OHiq9ZtsDPhReoj6uyka+o+5WvjEc3722D5a+sx9FvtGWab1LWIO+V7jdO3/3xb1UrEQ+GNrdvRlMlD5g",
        "fzA9RDGKvUxxrj4oj8k8hDdhPlsKNb52VrW9xPeUPvj2Nr4OKju8yvIQP6VNlj6fNUE+XSgMPp4aT73OIMO9vtbUPV0YD75rR40+",
        "iYw5Pwh5jT6szLQ9VzR5PVWWbT0s/Vu9CpuMPpzouj5rrW4/ZSRlPvUjob68oYO9yeIuvRQSHz6FTjC+mpIGvdcyj71MpEW/LQkS",
        "volfGj5FfY29jQyJvnOwHL5Umli9aK0evu4K4L6gwQQ/cwqyvRgLy749Cho9z8l+vs7EDj+wQkk9UQ1aPx8btj585dS78tOIvLBK",
        "W70pKEA+jyXTPlOReL/8uV6/oRyTPj2NE77U6zU83CRFvkPq4D2kO8i+KLBcvn2J5b7I12S9HvQWPK/HST4xc3G+wr6dPdBYK75D",
        "pYu+6qWKPplpxj7ASz0+TkMrvopdeT73iuy9AnizPmplPj7/iCA/rMvVvcs+nr2zUO2+K4bxPGCs4rrVBAs+ohuhvjfaBL66kNu+",
        "n6VjvvAN3L5+bKS8WL5yu9YqhT4iV/49cTOEvuwTOL4gnxq9QHPsPYynwz0ZYs29dF0zvsx/gr55wxq+6pPyvRrt4byap/k+O4mY",
        "vsfdmL2YUQ49Vp/EvvQlFr5bgYI+kNm8vIWMl75FGcm9tihEvtTSbj4eMAk9wNQjOoP0pz6mNWM+lffEPXvVRj3RG509XDn2PYYb",
        "mD52W6w+aEjhPVzSUL4w8xO8Nqh0PVOYiL7Uh509cEoTvtSzUj5L00O+IzIMPoEiNr8OP80+KufLvcmP0L3wlbk9TFocvmravD2j",
        "3Aq+yu75PXNSgD7lyrs9Mnw6PjCwvj6FdMg9bAI/PIwanT7FsY6+wTIQP24DlL3zWqg8Yi+hvXb4Wj5CbRA+NviDPeg55D15Os28",
        "nOqJvBxcG0B68qu87FivvWk2YT2wRV+9mNAFPqqzPj3PjAS8a6qlPZ9qDj/e/co+ZePSvqWVTj0477k9VRoIvrho0r22kFy9TV5K",
        "vdLPEb85iFA9euwbvsIodb7UPBw9cJGEPKLVJL8mq0O9LGJ/vwjP0j5/f3a+XW5dvoxf6r4d6Bo9wMeCO8CkBz60D3W+mu5Nvuiw",
        "Fr6JjDE+6ZDVvoohsD19R4U9KcuMPinfTT3bC5W+mSphvSr5+b0vYrY9n5n7vYTtnzygCQ2+8UYPvybMnr6e2rO9+nJyvx8RuT0p",
        "p7M8T7NevhETmjx5q/y9oTh2vtOsXb4i6iC+8dmXvSrGtrwwOeJAaQQHPuAjDL4Obkg+LPa6PfYt2b6OeNw9wEVSvmP5FT/cttE+",
        "lBkFP0/SJb1D/D89wgE2PXx7pjzding+NaoIPlTi+zwO4xU9ZirSPuhpXD04IoO+t8OkPTSWmT6EJzU9FXccv7RY7T8jcKI8kCtz",
        "PTNMYz4WYlo8qBQdveAgnb5o+ry+hMtQPbVKDz57khy+ALgMPiq+F7wSeIW+jlRBvjQFxT5L3Mu+659qvhatl71+nwG/MZCBvozY",
        "B72ouRK9sDgavhVeB74qpLG9wteTvNZw/TysdkC+cryuvc5rrb3OZDa+zpQOvh4TEr6L2GQ+OueDvhBjQD0YHy09tMWQvZ5NgL5G",
        "ZyQ+HuODvpXZIDx0H9Q8kBg6uxq3DD6NA6m+zQCdv/QFkj+iCa8982e6PZW/I79iHys9ZqRuvg8awz24DkA+5hPCPiU+Er5wI5c9",
        "J+OFPpb2j7xSYoC9HEkiPClIQr65pGi+qgWjvtjsBr5lXY8+nq9PPkjKNz4gvqg9UajGvboXwTwBB2C+lXcZvApmWL1iESc9HWZE",
        "PkyNQj24qKg+2nmZPGbMAj79H4M+WQTmvTKQFj8DDjY+tLCPPSwCLb4+I5O+rZzGPlPrUz5yc1Y+5J//PVhEqj0mCKu7UhBUPsh/",
        "hD6obAe/WHYRPXDjWj5zyC49o2uSvbfIhj1jQYm9LFHHvlJ0wb6oeDs9uIHzvmG+bz1RBfm9fBU2vMgxWb4eZPm9kGlovea07Lw0",
        "RmE+yLQZvupk7L2lVStA/tACQNH8nr/l6jA+3qxBPPgzE75cipW9yFpsPtKBhT/CA1u/1o1Bv+AGiD/IiE2+Ohrpvvp8Wb2x2JW9",
        "kINrP7v0or66NGu+rgW8PRxHhT2MkSq99Eq9vVhidz3Z2JK+pNW/vPa3Yb7ovlm8oPJTPYKnoj4KCCA+jSKjvcGhAj5msMy9VJmx",
        "PCRq0b1ws9C937YAvl7evTwUjVo+FKM8P/XuZD9Md/E9Xr9oPujCI72eSCe+SIFJPKsKVj2Za04+zus3PglCyb46mD6+InclvvEh",
        "PL7fwqg96oXlPrhUNkECyXNAyjKDPuQMET/7xYE9Gk+NvWMTT76mGx8+U8C4v9oxoT94IDE/dyxGve+DiDzTYS8+ZkSivorYyb0/",
        "3L69mNNBvizl0b21seG93p/nvcT3KD5WVbI9OonGPQ6LN74883q9oRPEvo8zOrzxNZ09quFgPiDpo73cN3o9kdisP8WDvb7QBwVA",
        "fxg+PnBNWj6GFNe+FIwvvv2IFr7pYKFAEqk0P9peeT/MAC8/gqEHv8XYAL/Pj/M+tNiTvRBYVD7XhrE9jvnsvl5I6T2WSVq99qEo",
        "vQ==",
    ]
}
