// swift-tools-version: 6.0
// Shiftwright: a Swift hardware-construction DSL, golden arithmetic models and generators for
// AFP / AUSN low-bit neural-network arithmetic, with Verilator co-simulation and Yosys synthesis.
// The layers, bottom to top (ARCHITECTURE.md draws them); no target imports one above it:
//   Bits, Tooling            shared vocabulary (two's complement, seeded RNG) and process plumbing
//   HDL -> Verilog           the DSL and its one backend
//   Formats                  number formats and the golden arithmetic (knows no hardware)
//   Generators               PEs, requantizers, arrays written in the DSL (HDL + Formats only)
//   Verilator, Yosys         tool drivers: take a design, its ports, vectors or scripts (no PEs)
//   Flows                    what the product does: verify, compare, sweep, report, demo
//   CLI                      parses options and calls Flows
import PackageDescription

let package = Package(
    name: "Shiftwright",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "shiftwright", targets: ["ShiftwrightCLI"]),
        .library(name: "ShiftwrightHDL", targets: ["ShiftwrightHDL"]),
        .library(name: "ShiftwrightVerilog", targets: ["ShiftwrightVerilog"]),
        .library(name: "ShiftwrightFormats", targets: ["ShiftwrightFormats"]),
        .library(name: "ShiftwrightGenerators", targets: ["ShiftwrightGenerators"]),
        .library(name: "ShiftwrightVerilator", targets: ["ShiftwrightVerilator"]),
        .library(name: "ShiftwrightYosys", targets: ["ShiftwrightYosys"]),
        .library(name: "ShiftwrightFlows", targets: ["ShiftwrightFlows"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        // ONNX models are protobuf messages; the generated onnx.pb.swift is committed (docs/models.md says how).
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        // NumPy .npz archives are zip files of .npy members (stored or deflated).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Two's-complement patterns and the seeded RNG: the vocabulary every layer shares.
        .target(name: "ShiftwrightBits", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        // Running external tools with argument arrays, atomic file output, content hashing, cache location.
        .target(name: "ShiftwrightTooling"),
        // The hardware-construction DSL: signal graph, modules, elaboration checks, stdlib, interpreter.
        .target(name: "ShiftwrightHDL", dependencies: ["ShiftwrightBits", .product(name: "BigInt", package: "BigInt")]),
        // Verilog-2005 backend for elaborated designs.
        .target(name: "ShiftwrightVerilog", dependencies: ["ShiftwrightHDL"]),
        // Number formats (int, AFP, AUSN) and the exact golden arithmetic of the spec; tensor and model file readers.
        .target(name: "ShiftwrightFormats", dependencies: [
            "ShiftwrightBits", .product(name: "BigInt", package: "BigInt"),
            .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Hardware generators written in the DSL: PEs, requantizers, PE array and controller.
        .target(name: "ShiftwrightGenerators", dependencies: ["ShiftwrightHDL", "ShiftwrightFormats"]),
        // Verilator driver: builds (cached) and runs a design against vector plans; lint; backend cross-check.
        .target(name: "ShiftwrightVerilator", dependencies: ["ShiftwrightHDL", "ShiftwrightVerilog", "ShiftwrightTooling"]),
        // Yosys and nextpnr driver: synthesis scripts, area statistics, netlists, ports, timing.
        .target(name: "ShiftwrightYosys", dependencies: ["ShiftwrightHDL", "ShiftwrightVerilog", "ShiftwrightTooling"]),
        // The product: generators + golden model + tools combined into verify, compare, sweep, report, demo.
        .target(name: "ShiftwrightFlows", dependencies: [
            "ShiftwrightBits", "ShiftwrightHDL", "ShiftwrightVerilog", "ShiftwrightFormats", "ShiftwrightGenerators",
            "ShiftwrightVerilator", "ShiftwrightYosys", "ShiftwrightTooling",
        ]),
        // The `shiftwright` command: option parsing only.
        .executableTarget(name: "ShiftwrightCLI", dependencies: [
            "ShiftwrightFlows",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ShiftwrightHDLTests", dependencies: ["ShiftwrightHDL", "ShiftwrightVerilog", "ShiftwrightVerilator", "ShiftwrightYosys", "ShiftwrightTooling"], exclude: ["Fixtures"]),
        .testTarget(name: "ShiftwrightFormatsTests", dependencies: ["ShiftwrightFormats", "ShiftwrightFlows"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ShiftwrightGeneratorsTests", dependencies: ["ShiftwrightGenerators", "ShiftwrightVerilog", "ShiftwrightVerilator", "ShiftwrightFlows", "ShiftwrightFormats", "ShiftwrightTooling"]),
        .testTarget(name: "ShiftwrightVerilatorTests", dependencies: ["ShiftwrightVerilator", "ShiftwrightFlows", "ShiftwrightGenerators", "ShiftwrightVerilog", "ShiftwrightFormats", "ShiftwrightTooling", "ShiftwrightYosys"]),
        .testTarget(name: "ShiftwrightYosysTests", dependencies: [
            "ShiftwrightYosys", "ShiftwrightFlows", "ShiftwrightTooling", "ShiftwrightGenerators", "ShiftwrightVerilog", "ShiftwrightFormats",
            "ShiftwrightVerilator",
        ]),
        .testTarget(name: "ShiftwrightCLITests", dependencies: ["ShiftwrightTooling"]),
    ]
)
