import ShiftwrightGenerators

/// The Verilog text of an `AxiTestbench`: one module `tb_<top>` (Verilog-2005 plus `$fatal`;
/// `iverilog -g2012` and `verilator --binary --timing` both run it).
///
/// Timing discipline (race-free in both simulators): every process drives its signals at the
/// falling edge of `aclk` and samples 1 time unit later; nothing changes until the rising edge, so a
/// sample sees exactly what the design sees at that edge (valid && ready sampled = a transfer).
enum AxiTestbenchVerilog {
    typealias R = AxiArrayInterface.Register
    typealias S = AxiArrayInterface.StatusBit

    static func text(_ tb: AxiTestbench) -> String {
        let c = tb.config, name = tb.testbenchName
        let wBits = AxiArrayInterface.weightDataWidth(c), aBits = AxiArrayInterface.activationDataWidth(c)
        let yBits = AxiArrayInterface.resultDataWidth(c)
        func fail(_ indent: String, _ message: String, _ arguments: String = "") -> [String] {
            ["\(indent)$display(\"FAIL \(name): cycle %0d: \(message)\", tb_cycle\(arguments.isEmpty ? "" : ", " + arguments));",
             "\(indent)$fatal(1, \"\(name): failed\");"]
        }
        var l = [
            "// Self-checking AXI testbench for \(tb.top), written by `shiftwright export testbench array --interface axi` (\(ShiftwrightVersion.producer)).",
            "// Vectors: \(tb.coverage).",
            "// Every expected result in \(tb.resultsFile) ({TLAST, TDATA} per beat) comes from Shiftwright's golden GEMM",
            "// (docs/arithmetic.md), computed before any simulation; the register values expected on reads come from the",
            "// documented register map (docs/axi.md), never from the design.",
        ] + TestbenchRunInstructions.lines(testbench: name, icarus: tb.icarusCommands, verilator: tb.verilatorCommands,
                                           failure: "the first problem") + [
            "// Random back-pressure: xorshift32 seeds \(tb.seeds.map { hex($0) }.joined(separator: ", ")) (weights, activations, results, AXI4-Lite).",
            "// Protocol checks every cycle: m_axis_y, s_axi_b, s_axi_r hold VALID and their payload until the transfer; no VALID",
            "// in the cycle after a reset edge; no X on an output after reset; AWREADY/WREADY only together, with both valids;",
            "// no B/R response without a request. The last GEMM carries a wrong TLAST on its first weight and activation",
            "// beats on purpose: STATUS must report W_TLAST_ERROR and A_TLAST_ERROR after it.",
            // No `timescale: FuseSoC passes the design file first, and Verilator rejects a timescale on
            // only some modules (TIMESCALEMOD); only the order of the delays matters here.
            "// Delays are in the simulator's default time unit (no `timescale, so file order never matters).",
            "module \(name);",
            "    localparam integer TB_GEMMS = \(tb.jobs.count);",
            "    localparam integer TB_W_BEATS = \(tb.weightBeats.count);",
            "    localparam integer TB_A_BEATS = \(tb.activationBeats.count);",
            "    localparam integer TB_Y_BEATS = \(tb.resultBeats.count);",
            "    localparam integer TB_MAX_CYCLES = \(tb.maxCycles);",
            "    localparam [31:0] TB_SOURCE_GAP = 32'd\(tb.sourceGap);  // percent of cycles a source or the AXI4-Lite master waits",
            "    localparam [31:0] TB_SINK_STALL = 32'd\(tb.sinkStall);  // percent of cycles m_axis_y_tready is low",
        ]
        l += R.allCases.map { "    localparam [5:0] TB_\($0.name) = 6'h\(String($0.offset, radix: 16));" }
        l += ["    localparam [5:0] TB_UNMAPPED = 6'h\(String(R.allCases.count * 4, radix: 16));",
              "    localparam [1:0] TB_OKAY = 2'd\(AxiArrayInterface.okay), TB_SLVERR = 2'd\(AxiArrayInterface.slverr);"]
        l += S.allCases.map { "    localparam [31:0] TB_\($0.rtlName.uppercased()) = 32'h\(String($0.mask, radix: 16));" }
        l += ["", "    reg aclk = 1'b0;"]
        for p in tb.ports where p.name != "aclk" {
            let range = p.width == 1 ? "" : "[\(p.width - 1):0] "
            l.append(p.isInput ? "    reg \(range)\(p.name) = \(p.width)'d0;" : "    wire \(range)\(p.name);")
        }
        l += [
            "    reg [\(wBits):0] tb_weights [0:TB_W_BEATS-1];",
            "    reg [\(aBits):0] tb_acts [0:TB_A_BEATS-1];",
            "    reg [\(yBits):0] tb_results [0:TB_Y_BEATS-1];",
            "    reg [\(AxiTestbench.jobWidth - 1):0] tb_jobs [0:TB_GEMMS-1];",
            "    integer tb_cycle = 0;",
            "    reg tb_in_reset = 1'b1;     // aresetn was low at the last sample",
            "    integer tb_w_limit = 0;     // weight beats the source may offer (the control sequence raises it)",
            "",
            "    \(tb.top) dut (" + tb.ports.map { ".\($0.name)(\($0.name))" }.joined(separator: ", ") + ");",
            "",
            "    always #5 aclk = ~aclk;",
            "",
            "    function [31:0] tb_xorshift(input [31:0] x);",
            "        reg [31:0] y;",
            "        begin",
            "            y = x ^ (x << 13);",
            "            y = y ^ (y >> 17);",
            "            tb_xorshift = y ^ (y << 5);",
            "        end",
            "    endfunction",
            "",
            "    initial begin",
            "        if ($test$plusargs(\"wave\")) begin  // e.g. vvp -n \(name) +wave",
            "            $dumpfile(\"\(name).vcd\");",
            "            $dumpvars(0, \(name));",
            "        end",
            "        #(TB_MAX_CYCLES * 10);",
        ]
        l += fail("        ", "timed out after %0d cycles", "TB_MAX_CYCLES")
        l += ["    end", ""]
        l += source(stream: "w", memory: "tb_weights", count: "TB_W_BEATS", limit: "tb_w_limit", seed: tb.seeds[0])
        l += source(stream: "a", memory: "tb_acts", count: "TB_A_BEATS", limit: nil, seed: tb.seeds[1])
        l += sink(yBits: yBits, seed: tb.seeds[2], fail: fail)
        l += monitor(yBits: yBits, fail: fail)
        l += axiLite(seed: tb.seeds[3], fail: fail)
        l += control(tb, fail: fail)
        l += ["endmodule"]
        return l.joined(separator: "\n") + "\n"
    }

    static func hex(_ value: UInt32) -> String { "32'h" + String(value, radix: 16) }

    /// An AXI4-Stream source: offers the memory's beats in order, TVALID held until the transfer,
    /// a random gap before each beat; TDATA is scrambled while TVALID is low.
    static func source(stream s: String, memory: String, count: String, limit: String?, seed: UInt32) -> [String] {
        let p = "s_axis_\(s)"
        // A beat is available when there is one left (and the control sequence has released it).
        let available = (["tb_\(s)_next < \(count)"] + (limit.map { ["tb_\(s)_next < \($0)"] } ?? [])).joined(separator: " && ")
        return [
            "    // AXI4-Stream source \(p): random TVALID gaps, never withdrawn before the transfer.",
            "    reg [31:0] tb_\(s)_random = \(hex(seed));",
            "    integer tb_\(s)_next = 0;   // the beat on offer (or next to offer)",
            "    reg tb_\(s)_fire = 1'b0;    // a transfer at the coming edge",
            "    integer tb_\(s)_gaps = 0;",
            "    always @(negedge aclk) begin",
            "        if (tb_\(s)_fire) tb_\(s)_next = tb_\(s)_next + 1;",
            "        if (tb_in_reset) begin",
            "            \(p)_tvalid = 1'b0;",
            "        end else if (!\(p)_tvalid || tb_\(s)_fire) begin",
            "            tb_\(s)_random = tb_xorshift(tb_\(s)_random);",
            "            if (\(available) && (tb_\(s)_random % 32'd100) >= TB_SOURCE_GAP) begin",
            "                \(p)_tvalid = 1'b1;",
            "                {\(p)_tlast, \(p)_tdata} = \(memory)[tb_\(s)_next];",
            "            end else begin",
            "                if (\(available)) tb_\(s)_gaps = tb_\(s)_gaps + 1;  // a beat withheld: a random gap",
            "                \(p)_tvalid = 1'b0;",
            "                \(p)_tdata = ~\(p)_tdata;  // not valid: garbage the design must ignore",
            "                \(p)_tlast = ~\(p)_tlast;",
            "            end",
            "        end",
            "        #1;",
            "        tb_\(s)_fire = \(p)_tvalid && \(p)_tready;",
            "    end",
            "",
        ]
    }

    /// The result sink: random TREADY; every transfer compared with the next golden beat.
    static func sink(yBits: Int, seed: UInt32, fail: (String, String, String) -> [String]) -> [String] {
        var l = [
            "    // AXI4-Stream sink m_axis_y: random TREADY; each transfer is checked against the golden GEMM.",
            "    reg [31:0] tb_y_random = \(hex(seed));",
            "    integer tb_y_count = 0;",
            "    integer tb_y_stalls = 0;",
            "    reg [\(yBits):0] tb_expected_y = \(yBits + 1)'d0;",
            "    always @(negedge aclk) begin",
            "        tb_y_random = tb_xorshift(tb_y_random);",
            "        m_axis_y_tready = !tb_in_reset && (tb_y_random % 32'd100) >= TB_SINK_STALL;",
            "        #1;",
            "        if (m_axis_y_tvalid === 1'b1 && !m_axis_y_tready) tb_y_stalls = tb_y_stalls + 1;",
            "        if (m_axis_y_tvalid === 1'b1 && m_axis_y_tready) begin",
            "            if (tb_y_count >= TB_Y_BEATS) begin",
        ]
        l += fail("                ", "m_axis_y: an extra result beat after all %0d expected", "TB_Y_BEATS")
        l += [
            "            end",
            "            tb_expected_y = tb_results[tb_y_count];",
            "            if ({m_axis_y_tlast, m_axis_y_tdata} !== tb_expected_y) begin",
        ]
        l += fail("                ", "m_axis_y beat %0d: TLAST %b TDATA 'h%h but the golden model expects TLAST %b TDATA 'h%h",
                  "tb_y_count, m_axis_y_tlast, m_axis_y_tdata, tb_expected_y[\(yBits)], tb_expected_y[\(yBits - 1):0]")
        l += ["            end", "            tb_y_count = tb_y_count + 1;", "        end", "    end", ""]
        return l
    }

    /// A valid/ready channel whose sender is the design: VALID must hold, with its payload, until
    /// the transfer; it must be low in the cycle after a reset edge; no X once reset.
    static func channelCheck(_ label: String, valid: String, ready: String, payload: String, width: Int,
                             fail: (String, String, String) -> [String]) -> (declarations: [String], checks: [String], update: [String]) {
        let held = "tb_\(label)_held", kept = "tb_\(label)_kept"
        var checks = ["            if (\(valid) === 1'bx || (\(valid) && ^\(payload) === 1'bx)) begin"]
        checks += fail("                ", "\(label): X on VALID or its payload", "")
        checks += ["            end", "            if (tb_was_reset && \(valid)) begin"]
        checks += fail("                ", "\(label): VALID high right after a reset edge", "")
        checks += ["            end", "            if (!tb_was_reset && \(held) && !\(valid)) begin"]
        checks += fail("                ", "\(label): VALID dropped without a transfer (AXI: VALID stays high until READY)", "")
        checks += ["            end", "            if (!tb_was_reset && \(held) && \(payload) !== \(kept)) begin"]
        checks += fail("                ", "\(label): payload changed while VALID and not READY ('h%h became 'h%h)", "\(kept), \(payload)")
        checks += ["            end"]
        return (["    reg \(held) = 1'b0;", "    reg [\(width - 1):0] \(kept) = \(width)'d0;"],
                checks,
                ["        \(held) = \(valid) && !\(ready);", "        \(kept) = \(payload);"])
    }

    /// The protocol monitor: samples every cycle 1 time unit after the falling edge.
    static func monitor(yBits: Int, fail: (String, String, String) -> [String]) -> [String] {
        let channels = [
            channelCheck("m_axis_y", valid: "m_axis_y_tvalid", ready: "m_axis_y_tready", payload: "{m_axis_y_tlast, m_axis_y_tdata}",
                         width: yBits + 1, fail: fail),
            channelCheck("s_axi_b", valid: "s_axi_bvalid", ready: "s_axi_bready", payload: "s_axi_bresp", width: 2, fail: fail),
            channelCheck("s_axi_r", valid: "s_axi_rvalid", ready: "s_axi_rready", payload: "{s_axi_rresp, s_axi_rdata}", width: 34, fail: fail),
        ]
        var l = ["    // Protocol monitor (AXI4-Stream and AXI4-Lite rules the design must keep)."]
        l += ["    reg tb_was_reset = 1'b1;   // the last edge reset the design", "    reg tb_defined = 1'b0;     // a reset edge has passed: outputs are defined",
              "    integer tb_writes_open = 0, tb_reads_open = 0, tb_writes = 0, tb_reads = 0;"]
        l += channels.flatMap(\.declarations)
        l += ["    always @(negedge aclk) begin", "        #1;", "        tb_cycle = tb_cycle + 1;", "        if (tb_defined) begin"]
        l += channels.flatMap(\.checks)
        l += ["            if (^{s_axis_w_tready, s_axis_a_tready, s_axi_awready, s_axi_wready, s_axi_arready} === 1'bx) begin"]
        l += fail("                ", "X on a READY output", "")
        l += ["            end", "            if ((s_axi_awready || s_axi_wready) && !(s_axi_awready && s_axi_wready && s_axi_awvalid && s_axi_wvalid)) begin"]
        l += fail("                ", "s_axi: AWREADY/WREADY not raised together with AWVALID and WVALID (docs/axi.md)", "")
        l += ["            end", "            if (s_axi_bvalid && tb_writes_open == 0) begin"]
        l += fail("                ", "s_axi_b: a write response without a write", "")
        l += ["            end", "            if (s_axi_rvalid && tb_reads_open == 0) begin"]
        l += fail("                ", "s_axi_r: a read response without a read", "")
        l += ["            end", "        end",
              "        if (s_axi_awvalid && s_axi_awready) begin tb_writes_open = tb_writes_open + 1; tb_writes = tb_writes + 1; end",
              "        if (s_axi_bvalid && s_axi_bready) tb_writes_open = tb_writes_open - 1;",
              "        if (s_axi_arvalid && s_axi_arready) begin tb_reads_open = tb_reads_open + 1; tb_reads = tb_reads + 1; end",
              "        if (s_axi_rvalid && s_axi_rready) tb_reads_open = tb_reads_open - 1;"]
        l += channels.flatMap(\.update)
        l += ["        if (tb_was_reset) tb_defined = 1'b1;",
              "        tb_was_reset = !aresetn;",
              "        tb_in_reset = !aresetn;",
              "    end", ""]
        return l
    }

    /// AXI4-Lite master tasks: AW and W raised after independent random delays, held until taken;
    /// BREADY/RREADY random.
    static func axiLite(seed: UInt32, fail: (String, String, String) -> [String]) -> [String] {
        var l = [
            "    // AXI4-Lite master (used by the control sequence only).",
            "    reg [31:0] tb_lite_random = \(hex(seed));",
            "    reg tb_lite_aw_fire, tb_lite_w_fire, tb_lite_b_fire, tb_lite_aw_done, tb_lite_w_done, tb_lite_ar_fire, tb_lite_r_fire, tb_lite_ar_done;",
            "    function tb_lite_go(input [31:0] r);",
            "        tb_lite_go = (r % 32'd100) >= TB_SOURCE_GAP;",
            "    endfunction",
            "    task tb_write(input [5:0] addr, input [31:0] data, input [3:0] strb, output [1:0] resp);",
            "        begin",
            "            {tb_lite_aw_fire, tb_lite_w_fire, tb_lite_b_fire, tb_lite_aw_done, tb_lite_w_done} = 5'b0;",
            "            while (!tb_lite_b_fire) begin",
            "                @(negedge aclk);",
            "                if (tb_lite_aw_fire) begin s_axi_awvalid = 1'b0; tb_lite_aw_done = 1'b1; end",
            "                if (tb_lite_w_fire) begin s_axi_wvalid = 1'b0; tb_lite_w_done = 1'b1; end",
            "                tb_lite_random = tb_xorshift(tb_lite_random);",
            "                if (!tb_lite_aw_done && !s_axi_awvalid && tb_lite_go(tb_lite_random)) begin s_axi_awvalid = 1'b1; s_axi_awaddr = addr; end",
            "                tb_lite_random = tb_xorshift(tb_lite_random);",
            "                if (!tb_lite_w_done && !s_axi_wvalid && tb_lite_go(tb_lite_random)) begin s_axi_wvalid = 1'b1; s_axi_wdata = data; s_axi_wstrb = strb; end",
            "                tb_lite_random = tb_xorshift(tb_lite_random);",
            "                s_axi_bready = tb_lite_go(tb_lite_random);",
            "                #1;",
            "                tb_lite_aw_fire = s_axi_awvalid && s_axi_awready;",
            "                tb_lite_w_fire = s_axi_wvalid && s_axi_wready;",
            "                tb_lite_b_fire = s_axi_bvalid && s_axi_bready;",
            "                resp = s_axi_bresp;",
            "            end",
            "            @(negedge aclk);",
            "            s_axi_bready = 1'b0;",
            "            #1;",
            "        end",
            "    endtask",
            "    task tb_read(input [5:0] addr, output [31:0] data, output [1:0] resp);",
            "        begin",
            "            {tb_lite_ar_fire, tb_lite_r_fire, tb_lite_ar_done} = 3'b0;",
            "            while (!tb_lite_r_fire) begin",
            "                @(negedge aclk);",
            "                if (tb_lite_ar_fire) begin s_axi_arvalid = 1'b0; tb_lite_ar_done = 1'b1; end",
            "                tb_lite_random = tb_xorshift(tb_lite_random);",
            "                if (!tb_lite_ar_done && !s_axi_arvalid && tb_lite_go(tb_lite_random)) begin s_axi_arvalid = 1'b1; s_axi_araddr = addr; end",
            "                tb_lite_random = tb_xorshift(tb_lite_random);",
            "                s_axi_rready = tb_lite_go(tb_lite_random);",
            "                #1;",
            "                tb_lite_ar_fire = s_axi_arvalid && s_axi_arready;",
            "                tb_lite_r_fire = s_axi_rvalid && s_axi_rready;",
            "                data = s_axi_rdata;",
            "                resp = s_axi_rresp;",
            "            end",
            "            @(negedge aclk);",
            "            s_axi_rready = 1'b0;",
            "            #1;",
            "        end",
            "    endtask",
            "    reg [31:0] tb_data;",
            "    reg [1:0] tb_resp;",
            "    task tb_expect_write(input [5:0] addr, input [31:0] data, input [3:0] strb, input [1:0] resp);",
            "        begin",
            "            tb_write(addr, data, strb, tb_resp);",
            "            if (tb_resp !== resp) begin",
        ]
        l += fail("                ", "write 'h%h (WSTRB %b) to 'h%h answered BRESP %0d, expected %0d", "data, strb, addr, tb_resp, resp")
        l += [
            "            end",
            "        end",
            "    endtask",
            "    task tb_expect_read(input [5:0] addr, input [31:0] data, input [1:0] resp);",
            "        begin",
            "            tb_read(addr, tb_data, tb_resp);",
            "            if (tb_resp !== resp || tb_data !== data) begin",
        ]
        l += fail("                ", "read of 'h%h gave 'h%h RRESP %0d, expected 'h%h RRESP %0d", "addr, tb_data, tb_resp, data, resp")
        l += ["            end", "        end", "    endtask", ""]
        return l
    }

    /// The control sequence: reset, discovery and error probes, then every GEMM through the registers.
    static func control(_ tb: AxiTestbench, fail: (String, String, String) -> [String]) -> [String] {
        let c = tb.config
        func readOnly(_ r: R) -> String { hex(AxiArrayInterface.readOnlyValue(r, c)!) }
        let tileMask = (1 << c.tileIndexWidth) - 1
        var l = [
            "    // The control sequence.",
            "    integer tb_gemm;",
            "    reg [\(AxiTestbench.jobWidth - 1):0] tb_job;",
            "    reg [31:0] tb_status_expected;",
            "    initial begin",
            "        $readmemh(\"\(tb.weightsFile)\", tb_weights);",
            "        $readmemh(\"\(tb.activationsFile)\", tb_acts);",
            "        $readmemh(\"\(tb.resultsFile)\", tb_results);",
            "        $readmemh(\"\(tb.jobsFile)\", tb_jobs);",
            "        aresetn = 1'b0;",
            "        repeat (4) @(negedge aclk);",
            "        aresetn = 1'b1;",
            "        #1;",
            "        // Discovery: the read-only registers hold the documented values.",
        ]
        l += R.allCases.filter { !$0.writable }.map { "        tb_expect_read(TB_\($0.name), \(readOnly($0)), TB_OKAY);" }
        l += [
            "        tb_expect_read(TB_CONTROL, 32'h0, TB_OKAY);",
            "        tb_expect_read(TB_STATUS, 32'h0, TB_OKAY);",
            "        // Errors: unmapped addresses and read-only registers answer SLVERR and change nothing.",
            "        tb_expect_read(TB_UNMAPPED, 32'h0, TB_SLVERR);",
            "        tb_expect_write(TB_UNMAPPED, 32'hffffffff, 4'hf, TB_SLVERR);",
            "        tb_expect_write(TB_ID, 32'h0, 4'hf, TB_SLVERR);",
            "        tb_expect_read(TB_ID, \(readOnly(.id)), TB_OKAY);",
            "        // WSTRB: no strobe writes nothing; strobe 0001 writes the low byte only.",
            "        tb_expect_write(TB_LAST_ROW, 32'hffffffff, 4'h0, TB_OKAY);",
            "        tb_expect_read(TB_LAST_ROW, 32'h0, TB_OKAY);",
            "        tb_expect_write(TB_LAST_TILE, 32'hffffffff, 4'h1, TB_OKAY);",
            "        tb_expect_read(TB_LAST_TILE, 32'h\(String(tileMask & 0xFF, radix: 16)), TB_OKAY);",
            "        for (tb_gemm = 0; tb_gemm < TB_GEMMS; tb_gemm = tb_gemm + 1) begin",
            "            tb_job = tb_jobs[tb_gemm];",
            "            tb_expect_write(TB_LAST_ROW, tb_job[31:0], 4'hf, TB_OKAY);",
            "            tb_expect_write(TB_LAST_TILE, tb_job[63:32], 4'hf, TB_OKAY);",
            "            tb_expect_write(TB_SHIFT, tb_job[95:64], 4'hf, TB_OKAY);",
            "            tb_expect_read(TB_SHIFT, tb_job[95:64], TB_OKAY);  // signed: read back sign-extended",
            "            tb_expect_write(TB_CONTROL, 32'h1, 4'h1, TB_OKAY);",
            "            if (tb_gemm == 0) begin",
            "                // The array waits for weights (held back until now): BUSY; a second START is ignored and",
            "                // reported; changing LAST_ROW while busy must not disturb the running GEMM.",
            "                tb_expect_read(TB_STATUS, TB_BUSY, TB_OKAY);",
            "                tb_expect_write(TB_CONTROL, 32'h1, 4'h1, TB_OKAY);",
            "                tb_expect_write(TB_LAST_ROW, ~tb_job[31:0], 4'hf, TB_OKAY);",
            "                tb_expect_read(TB_STATUS, TB_BUSY | TB_START_IGNORED, TB_OKAY);",
            "                tb_expect_write(TB_STATUS, TB_START_IGNORED, 4'h1, TB_OKAY);",
            "                tb_expect_read(TB_STATUS, TB_BUSY, TB_OKAY);",
            "            end",
            "            tb_w_limit = tb_job[159:128];",
            "            tb_data = 32'h0;",
            "            while ((tb_data & TB_DONE) == 32'h0) tb_read(TB_STATUS, tb_data, tb_resp);",
            "            tb_status_expected = TB_DONE | (tb_gemm == TB_GEMMS - 1 ? (TB_W_TLAST_ERROR | TB_A_TLAST_ERROR) : 32'h0);",
            "            if (tb_data !== tb_status_expected || tb_resp !== TB_OKAY) begin",
        ]
        l += fail("                ", "GEMM %0d: STATUS 'h%h RRESP %0d once done, expected 'h%h", "tb_gemm, tb_data, tb_resp, tb_status_expected")
        l += ["            end", "            if (tb_y_count != tb_job[127:96]) begin"]
        l += fail("                ", "GEMM %0d: DONE after %0d result beats, expected %0d", "tb_gemm, tb_y_count, tb_job[127:96]")
        l += [
            "            end",
            "            tb_expect_write(TB_STATUS, TB_DONE | TB_W_TLAST_ERROR | TB_A_TLAST_ERROR | TB_START_IGNORED, 4'h1, TB_OKAY);",
            "            tb_expect_read(TB_STATUS, 32'h0, TB_OKAY);",
            "        end",
            "        repeat (20) @(negedge aclk);",
            "        #2;  // after the monitor's and the sink's samples of this cycle",
            "        if (tb_y_count != TB_Y_BEATS || tb_w_next != TB_W_BEATS || tb_a_next != TB_A_BEATS) begin",
        ]
        l += fail("            ", "%0d of %0d result, %0d of %0d weight, %0d of %0d activation beats transferred",
                  "tb_y_count, TB_Y_BEATS, tb_w_next, TB_W_BEATS, tb_a_next, TB_A_BEATS")
        l += [
            "        end",
            "        $display(\"PASS \(tb.testbenchName): %0d GEMMs, %0d result beats matched the golden model in %0d cycles; back-pressure: %0d m_axis_y stall cycles, %0d weight and %0d activation TVALID gaps; %0d AXI4-Lite writes, %0d reads; protocol clean\",",
            "                 TB_GEMMS, tb_y_count, tb_cycle, tb_y_stalls, tb_w_gaps, tb_a_gaps, tb_writes, tb_reads);",
            "        $finish;",
            "    end",
        ]
        return l
    }
}
