import ShiftwrightHDL
import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators

/// What `plan` decides, as written to `plan.json` (sorted keys, no clocks or temporary paths: the
/// same model and options give the same bytes).
public struct ModelPlan: Codable, Sendable, Equatable {
    /// The array a layer runs on and how its scales meet in the requantizer.
    public struct ArrayEntry: Codable, Sendable, Equatable {
        public let module: String
        public let rows: Int, cols: Int
        public let activation: String, weight: String, target: String
        public let maxRows: Int, maxTiles: Int, shiftBits: Int
        /// Weight tiles (ceil(K/rows)) and column blocks (ceil(N/cols)) of this layer.
        public let tiles: Int, columnBlocks: Int
    }

    /// A layer's weight-image files (names inside the output directory).
    public struct ImageFiles: Codable, Sendable, Equatable {
        public let hex: String, mem: String, coe: String, mif: String
        public let words: Int, wordBits: Int
    }

    /// A format at a scale and what it costs and loses on one layer.
    public struct Quantization: Codable, Sendable, Equatable {
        public let format: String
        public let family: String
        /// AFP bias, AUSN top, or for intN the exponent of the power-of-two step.
        public let scale: Int
        public let scaleText: String
        /// log2 of the weight unit (docs/arithmetic.md §6.2).
        public let weightUnitLog2: Int
        public let sqnrDB: Double
        public let mse: Double
        /// LUTs of the activation × weight PE on the synthesis target (cells on `generic`).
        public let peArea: Int
    }

    /// One weight layer's plan.
    public struct Layer: Codable, Sendable, Equatable {
        public let index: Int
        public let name: String
        public let shape: [Int]
        /// How the tensor became the K×N matrix: `dense out-in`, `dense in-out`, `conv im2col kernel [3]`.
        public let matrix: String
        public let k: Int, n: Int
        public let chosen: Quantization
        /// The SQNR target was met (always true without a target).
        public let meetsTarget: Bool
        /// int8 weights at their power-of-two step on the same activation: the integer baseline.
        public let baseline: Quantization
        /// The requantizer shift that keeps every output in range for any activation codes
        /// (docs/models.md): −ceil(log2(max|a| · max_n Σ_k |w_kn| / max|y|)) in units.
        public let requantShift: Int
        /// rows · cols · PE area: the PE share of the array (controller, adder trees and requantizers not included).
        public let arrayPEArea: Int
        public let array: ArrayEntry
        public let images: ImageFiles
    }

    public let model: String
    public let activation: String
    public let output: String
    public let widths: [Int]
    public let families: [String]
    public let lambda: Double
    public let sqnrTarget: Double?
    public let synthTarget: String
    public let areaMetric: String
    public let yosys: String
    public let layers: [Layer]
    /// Verilog (and its sidecar) of every array configuration the plan uses.
    public let arrayFiles: [String]
    /// The Shiftwright release that wrote the plan (absent in plans older than 0.3.0).
    public var shiftwright: String? = ShiftwrightVersion.current
}

/// The sidecar of the weight images: layer → array → files → scales, for a hardware flow to load.
public struct WeightImageSidecar: Codable, Sendable, Equatable {
    /// One layer's images.
    public struct Entry: Codable, Sendable, Equatable {
        public let layer: String
        public let array: ModelPlan.ArrayEntry
        public let files: ModelPlan.ImageFiles
        public let weightFormat: String
        public let weightScale: Int
        public let weightUnitLog2: Int
        public let requantShift: Int
        public let k: Int, n: Int
    }

    public let order: String
    public let layers: [Entry]

    public static let orderText = "per block of cols output columns, per tile of rows input rows, one word per row: W[tile*rows + r][block*cols + j] for j = 0..cols-1, column 0 in the low bits; zero past K and N"
}
