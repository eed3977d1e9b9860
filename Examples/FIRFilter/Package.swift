// swift-tools-version: 6.0
// An external package that uses the Shiftwright DSL as a library: it builds a FIR filter with a
// sample counter, emits Verilog and checks the interpreter against a reference computed here.
import PackageDescription

let package = Package(
    name: "FIRFilter",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Shiftwright", path: "../..")],
    targets: [
        .executableTarget(name: "FIRFilter", dependencies: [
            .product(name: "ShiftwrightHDL", package: "Shiftwright"),
            .product(name: "ShiftwrightVerilog", package: "Shiftwright"),
        ]),
    ]
)
