import ShiftwrightFormats

/// The number formats of one quantized network: every weight matrix in `weight`, every layer
/// input (the network input and each hidden ReLU output) in the unsigned `activation`, so the
/// ReLU is the requantizer's clamp of negatives to 0, and the last layer's logits in the signed
/// `output`, whose argmax is the prediction.
public struct InferenceFormats: Sendable, Hashable {
    /// The row label of reports, e.g. `int8` or `afp-e2m3`.
    public let label: String
    public let weight: NumberFormat
    public let activation: NumberFormat
    public let output: NumberFormat

    /// The activation must be unsigned (`uintN`, `uafp`): the fused ReLU is its clamp.
    public init(label: String, weight: NumberFormat, activation: NumberFormat, output: NumberFormat) throws {
        guard !activation.isSigned else {
            throw FormatError("activation format \(activation) is signed: the ReLU between layers is fused as an unsigned target's clamp (use uintN or uafp)")
        }
        (self.label, self.weight, self.activation, self.output) = (label, weight, activation, output)
    }

    /// `label` = `weight/activation/output`, or a standard label (`int8`, `afp-e2m3`, …).
    public init(parsing text: String) throws {
        if let standard = try Self.standard().first(where: { $0.label == text }) { self = standard; return }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else {
            throw FormatError("bad network formats '\(text)': a standard name (\(try Self.standard().map(\.label).joined(separator: ", "))) or WEIGHT/ACTIVATION/OUTPUT")
        }
        try self.init(label: text, weight: NumberFormat(parsing: parts[0]), activation: NumberFormat(parsing: parts[1]),
                      output: NumberFormat(parsing: parts[2]))
    }

    /// The formats of the report: integers at 8 and 4 bits (weights and activations), AFP weights
    /// and activations at 6, 5 and 4 bits, AUSN weights at 6, 5 and 4 bits with 8-bit integer
    /// activations (the AUSN paper's A/B = 8/B setting) and the 4-bit integer weight beside them.
    /// Logits are int16 throughout.
    public static func standard() throws -> [InferenceFormats] {
        func f(_ label: String, _ w: String, _ a: String) throws -> InferenceFormats {
            try InferenceFormats(label: label, weight: NumberFormat(parsing: w), activation: NumberFormat(parsing: a),
                                 output: NumberFormat(parsing: "int16"))
        }
        return [
            try f("int8", "int8", "uint8"), try f("int4", "int4", "uint4"),
            try f("afp-e2m3", "afp-e2m3", "uafp-e3m3"), try f("afp-e2m2", "afp-e2m2", "uafp-e3m2"), try f("afp-e2m1", "afp-e2m1", "uafp-e2m2"),
            try f("int4-w", "int4", "uint8"),
            try f("ausn-b3s2", "ausn-b3s2", "uint8"), try f("ausn-b2s2", "ausn-b2s2", "uint8"), try f("ausn-b2s1", "ausn-b2s1", "uint8"),
        ]
    }
}
