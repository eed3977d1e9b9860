// swift-tools-version: 6.0
// Shiftwright: a Swift hardware-construction DSL, golden arithmetic models and generators for
// AFP / AUSN low-bit neural-network arithmetic, with Verilator co-simulation and Yosys synthesis.
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
        .library(name: "ShiftwrightCosim", targets: ["ShiftwrightCosim"]),
        .library(name: "ShiftwrightSynth", targets: ["ShiftwrightSynth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        // Running external tools, atomic file output, content hashing: shared plumbing.
        .target(name: "ShiftwrightTooling"),
        // The hardware-construction DSL: signal graph, modules, elaboration checks, interpreter.
        .target(name: "ShiftwrightHDL", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        // Verilog-2005 backend for elaborated designs.
        .target(name: "ShiftwrightVerilog", dependencies: ["ShiftwrightHDL"]),
        // Number formats (int, AFP, AUSN) and the exact golden arithmetic of the spec.
        .target(name: "ShiftwrightFormats", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        // Hardware generators written in the DSL: PEs, requantizers, PE array and controller.
        .target(name: "ShiftwrightGenerators", dependencies: ["ShiftwrightHDL", "ShiftwrightVerilog", "ShiftwrightFormats", "ShiftwrightTooling"]),
        // Verilator co-simulation of generated RTL against the golden model.
        .target(name: "ShiftwrightCosim", dependencies: [
            "ShiftwrightHDL", "ShiftwrightVerilog", "ShiftwrightFormats", "ShiftwrightGenerators", "ShiftwrightTooling",
        ]),
        // Yosys synthesis, area statistics and netlist export.
        .target(name: "ShiftwrightSynth", dependencies: [
            "ShiftwrightTooling", "ShiftwrightHDL", "ShiftwrightVerilog", "ShiftwrightGenerators", "ShiftwrightFormats",
        ]),
        // The `shiftwright` command-line tool.
        .executableTarget(name: "ShiftwrightCLI", dependencies: [
            "ShiftwrightHDL", "ShiftwrightVerilog", "ShiftwrightFormats", "ShiftwrightGenerators",
            "ShiftwrightCosim", "ShiftwrightSynth", "ShiftwrightTooling",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ShiftwrightHDLTests", dependencies: ["ShiftwrightHDL", "ShiftwrightVerilog", "ShiftwrightCosim", "ShiftwrightSynth", "ShiftwrightTooling"], exclude: ["Fixtures"]),
        .testTarget(name: "ShiftwrightFormatsTests", dependencies: ["ShiftwrightFormats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ShiftwrightGeneratorsTests", dependencies: ["ShiftwrightGenerators", "ShiftwrightVerilog", "ShiftwrightCosim", "ShiftwrightFormats"]),
        .testTarget(name: "ShiftwrightCosimTests", dependencies: ["ShiftwrightCosim", "ShiftwrightGenerators", "ShiftwrightVerilog", "ShiftwrightFormats", "ShiftwrightTooling"]),
        .testTarget(name: "ShiftwrightSynthTests", dependencies: [
            "ShiftwrightSynth", "ShiftwrightTooling", "ShiftwrightGenerators", "ShiftwrightVerilog", "ShiftwrightFormats",
        ]),
        .testTarget(name: "ShiftwrightCLITests", dependencies: ["ShiftwrightTooling"]),
    ]
)
