import ShiftwrightFormats

/// The configurations Shiftwright ships generated in `rtl-out/` and verifies exhaustively in CI:
/// the papers' AUSN and AFP weight formats with int8 activations, AFP × AFP, and the integer
/// baselines they are compared with.
public enum DefaultDesigns {
    /// (activation, weight) pairs of the default processing elements.
    public static let peFormats: [(String, String)] = [
        ("int8", "ausn-b3s2"), ("int8", "ausn-b3t2"), ("int8", "pot-b4"),
        ("int8", "afp-e3m2"), ("int8", "afp-e2m1"), ("afp-e3m2", "afp-e3m2"),
        ("int8", "int8"), ("int8", "int4"),
    ]

    /// Default accumulation depth K.
    public static let accumulationDepth = 1024

    /// Targets of the default requantizers (16-bit accumulator, 6-bit shift: exhaustively checkable).
    public static let requantTargets = ["int8", "afp-e3m2", "ausn-b3s2"]

    public static func requantConfigs() throws -> [RequantizerConfig] {
        try requantTargets.map { try RequantizerConfig(accumulatorWidth: 16, shiftBits: 6, target: NumberFormat(parsing: $0)) }
    }

    public static func peConfigs() throws -> [PEConfig] {
        try peFormats.map {
            try PEConfig(activation: NumberFormat(parsing: $0.0), weight: NumberFormat(parsing: $0.1),
                         accumulationDepth: accumulationDepth)
        }
    }
}
