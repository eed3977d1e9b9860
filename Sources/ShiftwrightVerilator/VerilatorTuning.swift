import ShiftwrightTooling

/// How Verilator compiles a simulator model: which modules are verilated apart, once each
/// (Verilator's hierarchical verilation), and how hard the C++ compiler optimises. `.standard`
/// is what every model gets unless its caller asks otherwise; large repeated structures (PE
/// arrays) build much faster with their repeated module as a hierarchical block
/// (docs/verification-speed.md has the measurements).
public struct VerilatorTuning: Sendable, Hashable {
    /// Modules compiled once each as Verilator hierarchical blocks (`--hierarchical` with a
    /// `hier_block` line per module in a generated configuration file; the Verilog is not
    /// changed). Empty: the whole design is verilated flat. Their insides cannot be traced, so
    /// traced builds ignore this.
    public var hierarchicalBlocks: [String]
    /// The `make` optimisation variables Verilator's generated makefile uses for its hot code,
    /// its run-once code and its runtime library.
    public var optimisation: String

    public init(hierarchicalBlocks: [String] = [], optimisation: String = VerilatorTuning.standardOptimisation) {
        self.hierarchicalBlocks = hierarchicalBlocks
        self.optimisation = optimisation
    }

    public static let standardOptimisation = "OPT_FAST=-O2 OPT_SLOW=-O0 OPT_GLOBAL=-O2"
    /// Flat verilation, `standardOptimisation`.
    public static let standard = VerilatorTuning()

    /// The Verilator configuration file (`.vlt`) that marks `hierarchicalBlocks`; nil when there
    /// are none. Throws for a name that is not a plain Verilog identifier (it would not be one
    /// of the design's modules, and must not become configuration syntax).
    func configurationFile() throws -> String? {
        guard !hierarchicalBlocks.isEmpty else { return nil }
        for name in hierarchicalBlocks where !Self.isIdentifier(name) {
            throw ToolError("hierarchical block '\(name)' is not a Verilog module name")
        }
        return (["`verilator_config"] + hierarchicalBlocks.map { "hier_block -module \"\($0)\"" }).joined(separator: "\n") + "\n"
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
