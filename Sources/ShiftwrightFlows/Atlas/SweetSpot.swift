import Foundation

/// The spec's split objective (docs/arithmetic.md §5.1) with the measured cost: score = LUTs^λ ×
/// error, over every split of one family on one target, with its minimum.
public struct SweetSpotMap: Sendable {
    /// Which error multiplies the cost.
    public enum Measure: Sendable, Equatable {
        /// Quantization MSE on the named tensor.
        case mse(tensor: String)
        /// Digits top-1 loss, floored at one image.
        case accuracyLoss

        public var label: String {
            switch self {
            case .mse(let t): "MSE on \(t)"
            case .accuracyLoss: "digits top-1 loss"
            }
        }
        /// A column-friendly name.
        public var key: String {
            switch self {
            case .mse(let t): "mse:\(t)"
            case .accuracyLoss: "accuracy_loss"
            }
        }
    }

    /// One split: its map position, cost, error and score.
    public struct Cell: Sendable, Equatable {
        public let weight: String
        public let bits: Int
        /// AFP: (E, width); AUSN: (B, S).
        public let column: Int, row: Int
        public let luts: Int
        public let error: Double
        public let score: Double
    }

    public let target: String
    public let family: String
    public let measure: Measure
    public let lambda: Double
    public let cells: [Cell]

    /// The least score (ties: fewer LUTs, then the name), nil when no cell has an error.
    public var minimum: Cell? { cells.min { ($0.score, $0.luts, $0.weight) < ($1.score, $1.luts, $1.weight) } }

    /// Per width, the split of least score: width → cell.
    public var bestPerWidth: [(bits: Int, cell: Cell)] {
        Set(cells.map(\.bits)).sorted().compactMap { n in
            cells.filter { $0.bits == n }.min { ($0.score, $0.luts, $0.weight) < ($1.score, $1.luts, $1.weight) }.map { (n, $0) }
        }
    }

    /// The axis names of the family's map.
    public var axes: (x: String, y: String) { family == "afp" ? ("exponent bits E", "width N (bits, sign included)") : ("basic bits B", "subdivision bits S") }

    /// Builds the map of `family` on `target` from the sweep rows; `error` gives each weight's
    /// error (nil: skipped, e.g. an error of 0 that would make every λ meaningless).
    public static func build(target: String, family: String, measure: Measure, lambda: Double,
                             rows: [AtlasSweepRow], error: (String) -> Double?) -> SweetSpotMap {
        let cells = rows.filter { $0.target == target && $0.family == family }.compactMap { r -> Cell? in
            guard let e = error(r.weight), e > 0 else { return nil }
            let (column, row) = family == "afp" ? (r.x, r.bits) : (r.x, r.y)
            return Cell(weight: r.weight, bits: r.bits, column: column, row: row, luts: r.luts, error: e,
                        score: pow(Double(r.luts), lambda) * e)
        }
        return SweetSpotMap(target: target, family: family, measure: measure, lambda: lambda, cells: cells)
    }
}
