import BigInt

/// Rules for names that reach the Verilog: identifiers, reserved words. User names are never
/// changed: a name that cannot appear verbatim in Verilog is rejected with a diagnostic, so
/// port names are never mangled.
public enum HDLNames {
    /// Verilog-2005 and SystemVerilog keywords (a design may be read by SV tools), plus the names
    /// the backend reserves for the implicit clock and reset.
    public static let reserved: Set<String> = [
        "always", "and", "assign", "automatic", "begin", "buf", "bufif0", "bufif1", "case", "casex", "casez",
        "cell", "cmos", "config", "deassign", "default", "defparam", "design", "disable", "edge", "else", "end",
        "endcase", "endconfig", "endfunction", "endgenerate", "endmodule", "endprimitive", "endspecify",
        "endtable", "endtask", "event", "for", "force", "forever", "fork", "function", "generate", "genvar",
        "highz0", "highz1", "if", "ifnone", "incdir", "include", "initial", "inout", "input", "instance",
        "integer", "join", "large", "liblist", "library", "localparam", "macromodule", "medium", "module",
        "nand", "negedge", "nmos", "nor", "noshowcancelled", "not", "notif0", "notif1", "or", "output",
        "parameter", "pmos", "posedge", "primitive", "pull0", "pull1", "pulldown", "pullup",
        "pulsestyle_onevent", "pulsestyle_ondetect", "rcmos", "real", "realtime", "reg", "release", "repeat",
        "rnmos", "rpmos", "rtran", "rtranif0", "rtranif1", "scalared", "showcancelled", "signed", "small",
        "specify", "specparam", "strong0", "strong1", "supply0", "supply1", "table", "task", "time", "tran",
        "tranif0", "tranif1", "tri", "tri0", "tri1", "triand", "trior", "trireg", "unsigned", "use", "uwire",
        "vectored", "wait", "wand", "weak0", "weak1", "while", "wire", "wor", "xnor", "xor",
        // SystemVerilog
        "alias", "always_comb", "always_ff", "always_latch", "assert", "assume", "before", "bind", "bins",
        "binsof", "bit", "break", "byte", "chandle", "class", "clocking", "const", "constraint", "context",
        "continue", "cover", "covergroup", "coverpoint", "cross", "dist", "do", "endclass", "endclocking",
        "endgroup", "endinterface", "endpackage", "endprogram", "endproperty", "endsequence", "enum",
        "expect", "export", "extends", "extern", "final", "first_match", "foreach", "forkjoin", "iff",
        "ignore_bins", "illegal_bins", "import", "inside", "int", "interface", "intersect", "join_any",
        "join_none", "local", "logic", "longint", "matches", "modport", "new", "null", "package", "packed",
        "priority", "program", "property", "protected", "pure", "rand", "randc", "randcase", "randsequence",
        "ref", "return", "sequence", "shortint", "shortreal", "solve", "static", "string", "struct", "super",
        "tagged", "this", "throughout", "timeprecision", "timeunit", "type", "typedef", "union", "unique",
        "var", "virtual", "void", "wait_order", "wildcard", "with", "within",
        // implicit ports of sequential modules
        "clk", "rst",
    ]

    /// C++ keywords that are not Verilog keywords: Verilator renames such signals in the C++ model
    /// it generates, so they are rejected like Verilog keywords.
    public static let cppReserved: Set<String> = [
        "alignas", "alignof", "asm", "auto", "bool", "case", "catch", "char", "char8_t", "char16_t", "char32_t",
        "compl", "concept", "consteval", "constexpr", "constinit", "const_cast", "co_await", "co_return",
        "co_yield", "decltype", "delete", "double", "dynamic_cast", "explicit", "false", "float", "friend",
        "goto", "inline", "long", "mutable", "namespace", "noexcept", "not_eq", "nullptr", "operator",
        "or_eq", "private", "public", "register", "reinterpret_cast", "requires", "short", "sizeof",
        "static_assert", "static_cast", "switch", "template", "thread_local", "throw", "true", "try",
        "typeid", "typename", "using", "volatile", "wchar_t", "xor_eq", "and_eq", "bitand", "bitor",
    ]

    /// Why `name` cannot be used, or nil when it can.
    public static func problem(with name: String) -> String? {
        guard let first = name.unicodeScalars.first else { return "an empty name is not a Verilog identifier" }
        let isLetter = { (c: Unicode.Scalar) in (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        let isDigit = { (c: Unicode.Scalar) in c >= "0" && c <= "9" }
        guard isLetter(first) else {
            return "name '\(name)' must start with a letter (names starting with '_' or a digit are not allowed)"
        }
        guard name.unicodeScalars.allSatisfy({ isLetter($0) || isDigit($0) || $0 == "_" }) else {
            return "name '\(name)' may contain only letters, digits and '_'"
        }
        if name.contains("__") {
            return "name '\(name)' contains '__', which Verilator mangles in its C++ model; use single underscores"
        }
        guard name.count <= 64 else { return "name '\(name.prefix(20))…' is longer than 64 characters" }
        if reserved.contains(name) || reserved.contains(name.lowercased()) || cppReserved.contains(name) {
            return "name '\(name)' is a Verilog/SystemVerilog/C++ keyword or reserved by Shiftwright (clk, rst); choose another, e.g. '\(name)_i'"
        }
        return nil
    }
}
