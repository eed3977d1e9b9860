/// Verilog a design needs besides its own file, such as the simulation models of the FPGA cells
/// a synthesized netlist instantiates: source files compiled beside it, header files they
/// `include` (written next to them, on Verilator's include path, never compiled on their own),
/// and preprocessor macros defined on the command line (`-D<name>`). Each file stays a file of
/// its own: nothing is pasted into the design's text.
public struct VerilogLibrary: Sendable, Hashable {
    /// One file: its name in the build directory and its text.
    public struct File: Sendable, Hashable {
        public let name: String
        public let text: String
        public init(name: String, text: String) { (self.name, self.text) = (name, text) }
    }

    /// What the library is, for messages ("Yosys 0.70 ice40 cell models").
    public let description: String
    public let sources: [File]
    public let headers: [File]
    /// Macro names, each a Verilog identifier (checked, so none can smuggle in an option).
    public let defines: [String]

    public init(description: String, sources: [File], headers: [File] = [], defines: [String] = []) {
        (self.description, self.sources, self.headers) = (description, sources, headers)
        self.defines = defines.filter { name in
            name.first.map { $0.isLetter || $0 == "_" } == true && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        }
    }
}
