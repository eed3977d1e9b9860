// shiftwright-floor: --act int8 --weight ausn-b3t2 --acc-depth 1024
// technique: lead + tier term chosen by a case over the tier field, case shifter over the basic field with zero for a=0, sign as XOR + carry-in; en/clear on the flip-flops' CE/R, accumulator as {q,0} - {~base,~cin}
// Hand-written reference for 'shiftwright report floor', proven equal to the generated PE before it is measured.
(* keep_hierarchy *)
module pe_int8_ausn_b3t2_acc28_sh (input wire [11:0] mi, input wire [2:0] shi, input wire [2:0] ai, input wire si, output wire [17:0] qo);
  reg [14:0] y1;
  always @* case (shi[1:0])
    2'd0: y1 = {{3{mi[11]}}, mi};
    2'd1: y1 = {{2{mi[11]}}, {mi, 1'b0}};
    2'd2: y1 = {{1{mi[11]}}, {mi, 2'b0}};
    2'd3: y1 = {mi, 3'b0};
  endcase
  wire [17:0] y1x = {{3{y1[14]}}, y1};
  wire [17:0] sh = (ai == 3'd0) ? 18'd0 : (shi[2] ? {y1x[13:0], 4'b0} : y1x);
  assign qo = sh ^ {18{si}};
endmodule

(* keep_hierarchy *)
module pe_int8_ausn_b3t2_acc28_prod (input wire [7:0] act, input wire [5:0] wt, output wire [17:0] q, output wire cin);
  wire s = wt[5];
  wire [2:0] a = wt[4:2];
  wire [1:0] t = wt[1:0];
  reg [11:0] tt;
  always @* case (t) 2'd1: tt = {{2{act[7]}}, act, 2'b0}; 2'd2: tt = {{3{act[7]}}, act, 1'b0}; 2'd3: tt = {{4{act[7]}}, act}; default: tt = 12'd0; endcase
  wire [11:0] lead = {act[7], act, 3'b0};
  wire [12:0] sum1_x = {lead, 1'b0} - {~tt, ~1'b0};
  wire [11:0] sum1 = sum1_x[12:1];
  wire [2:0] sha = ~a;
  wire [17:0] qsh;
  pe_int8_ausn_b3t2_acc28_sh u_sh (.mi(sum1), .shi(sha), .ai(a), .si(s), .qo(qsh));
  wire [17:0] sh = qsh ^ {18{s}};  // so that q = sh ^ s = qsh
  assign q = sh ^ {18{s}};
  assign cin = s;
endmodule

(* keep_hierarchy *)
module pe_int8_ausn_b3t2_acc28_acc (input wire clk, input wire rst, input wire en, input wire clear,
  input wire [17:0] q, input wire cin, output reg [27:0] acc);
  wire [27:0] qx = {{10{q[17]}}, q};
  wire [27:0] base = clear ? 28'd0 : acc;
  wire [28:0] sum2_x = {qx, 1'b0} - {~base, ~cin};
  wire [27:0] sum2 = sum2_x[28:1];
  always @(posedge clk)
    if (rst || (clear && !en)) acc <= 28'd0;
    else if (en) acc <= sum2;
endmodule

module pe_int8_ausn_b3t2_acc28 (input wire clk, input wire rst, input wire [7:0] act, input wire [5:0] wt,
  input wire en, input wire clear, output wire signed [27:0] acc);
  wire [17:0] q; wire cin;
  pe_int8_ausn_b3t2_acc28_prod u_p (.act(act), .wt(wt), .q(q), .cin(cin));
  pe_int8_ausn_b3t2_acc28_acc u_a (.clk(clk), .rst(rst), .en(en), .clear(clear), .q(q), .cin(cin), .acc(acc));
endmodule
