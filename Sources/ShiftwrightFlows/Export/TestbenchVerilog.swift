import ShiftwrightHDL

/// The Verilog text of a `Testbench`: one module `tb_<top>` (Verilog-2005 plus `$fatal`, so
/// `iverilog -g2012` and `verilator --binary` both run it) that instantiates the design, replays
/// the stimulus file one row per clock cycle and checks the outputs against the expected file.
/// Each cycle: the row's inputs are applied with `clk` low, 1 ns later the outputs are compared,
/// then `clk` rises (5 ns) and falls (10 ns): the same sampling as Shiftwright's own co-simulation.
/// With the plusarg `+wave` (Icarus) it dumps `tb_<top>.vcd`, holding the golden value under
/// comparison (`tb_expected_<port>`), `tb_checked` and the `tb_mismatch` flag beside the design.
enum TestbenchVerilog {
    static func text(_ tb: Testbench) -> String {
        let name = tb.testbenchName
        let inputs = tb.stimulusPorts
        let outputs = tb.ports.filter { !$0.isInput }
        let concatenation = "{" + inputs.map(\.name).joined(separator: ", ") + "}"
        var lines = [
            "// Self-checking testbench for \(tb.top), written by `shiftwright export testbench` (\(ShiftwrightVersion.producer)).",
            "// Vectors: \(tb.coverage).",
            "// Every expected value in \(tb.expectedFile) comes from Shiftwright's golden model (docs/arithmetic.md),",
            "// computed before any simulation: the design under test takes no part in them.",
        ] + TestbenchRunInstructions.lines(testbench: name, icarus: tb.icarusCommands, verilator: tb.verilatorCommands,
                                           failure: "the first mismatch") + [
            "// Each cycle: one row of \(tb.stimulusFile) (\(concatenation), first port in the highest bits) is applied with",
            "// clk low, the outputs are compared 1 ns later, then clk (if any) rises.",
            "`timescale 1ns/1ps",
            "module \(name);",
            "    localparam integer TB_CYCLES = \(tb.stimulus.count);",
            "    localparam integer TB_EXPECTED_ROWS = \(tb.expectedDepth);",
        ]
        if tb.clocked { lines += ["    reg clk = 1'b0;"] }
        lines += inputs.map { "    reg \(range($0.width))\($0.name);" }
        lines += outputs.map { "    wire \(range($0.width))\($0.name);" }
        lines += [
            "    reg \(range(tb.stimulusWidth))tb_stimulus [0:TB_CYCLES-1];",
            "    reg \(range(tb.expectedWidth))tb_expected [0:TB_EXPECTED_ROWS-1];",
            "    integer tb_cycle;",
        ]
        if case .stream = tb.check { lines += ["    integer tb_beat;"] }
        // The golden value being compared and the mismatch flag are signals, so a dump
        // (`+wave`) shows them beside the design's outputs.
        switch tb.check {
        case let .everyCycle(port, _):
            lines += ["    reg \(range(port.width))tb_expected_\(port.name);", "    reg tb_checked = 1'b0;"]
        case let .stream(data, _, _, _):
            lines += ["    reg \(range(data.width))tb_expected_\(data.name);"]
        }
        lines += ["    reg tb_mismatch = 1'b0;"]
        let connections = tb.ports.map { ".\($0.name)(\($0.name))" }.joined(separator: ", ")
        lines += [
            "",
            "    \(tb.top) dut (\(connections));",
            "",
            "    initial begin",
            "        $readmemh(\"\(tb.stimulusFile)\", tb_stimulus);",
            "        $readmemh(\"\(tb.expectedFile)\", tb_expected);",
            "        if ($test$plusargs(\"wave\")) begin  // e.g. vvp -n \(name) +wave",
            "            $dumpfile(\"\(name).vcd\");",
            "            $dumpvars(0, \(name));",
            "        end",
        ]
        if case .stream = tb.check { lines += ["        tb_beat = 0;"] }
        lines += [
            "        for (tb_cycle = 0; tb_cycle < TB_CYCLES; tb_cycle = tb_cycle + 1) begin",
            "            \(concatenation) = tb_stimulus[tb_cycle];",
            "            #1;",
        ]
        let inputsShown = "(inputs \(concatenation) = 'h%h)"
        switch tb.check {
        case let .everyCycle(port, _):
            let w = port.width
            lines += [
                "            tb_checked = tb_expected[tb_cycle][\(w)];",
                "            tb_expected_\(port.name) = tb_expected[tb_cycle][\(w - 1):0];",
                "            tb_mismatch = tb_checked && \(port.name) !== tb_expected_\(port.name);",
                "            if (tb_mismatch) begin",
                "                $display(\"FAIL \(name): cycle %0d: \(port.name) = 'h%h but the golden model expects 'h%h \(inputsShown)\",",
                "                         tb_cycle, \(port.name), tb_expected_\(port.name), tb_stimulus[tb_cycle]);",
                "                $fatal(1, \"\(name): mismatch\");",
                "            end",
            ]
        case let .stream(data, valid, ready, beats):
            lines += [
                "            if (\(valid) == 1'b1 && \(ready) == 1'b1) begin",
                "                if (tb_beat >= \(beats.count)) begin",
                "                    $display(\"FAIL \(name): cycle %0d: an extra \(data.name) beat after all \(beats.count) expected beats\", tb_cycle);",
                "                    $fatal(1, \"\(name): extra beat\");",
                "                end",
                "                tb_expected_\(data.name) = tb_expected[tb_beat];",
                "                tb_mismatch = \(data.name) !== tb_expected_\(data.name);",
                "                if (tb_mismatch) begin",
                "                    $display(\"FAIL \(name): cycle %0d: beat %0d: \(data.name) = 'h%h but the golden model expects 'h%h\",",
                "                             tb_cycle, tb_beat, \(data.name), tb_expected_\(data.name));",
                "                    $fatal(1, \"\(name): mismatch\");",
                "                end",
                "                tb_beat = tb_beat + 1;",
                "            end",
            ]
        }
        lines += tb.clocked ? ["            #4 clk = 1'b1;", "            #5 clk = 1'b0;"] : ["            #9;"]
        lines += ["        end"]
        if case let .stream(data, _, _, beats) = tb.check {
            lines += [
                "        if (tb_beat != \(beats.count)) begin",
                "            $display(\"FAIL \(name): only %0d of \(beats.count) \(data.name) beats arrived in %0d cycles\", tb_beat, TB_CYCLES);",
                "            $fatal(1, \"\(name): missing beats\");",
                "        end",
            ]
        }
        lines += [
            "        $display(\"PASS \(name): %0d cycles, every checked output matched the golden model\", TB_CYCLES);",
            "        $finish;",
            "    end",
            "endmodule",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `[w-1:0] ` (always a range, so every row and port reads alike).
    private static func range(_ width: Int) -> String { "[\(width - 1):0] " }
}
