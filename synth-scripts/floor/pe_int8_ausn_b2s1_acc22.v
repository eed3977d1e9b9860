// shiftwright-floor: --act int8 --weight ausn-b2s1 --acc-depth 1024
// technique: ungated lead copy + gated subdivision copies in a carry-in chain, case shifter over the legal amounts (zero for a=0), sign as XOR + carry-in; en/clear on the flip-flops' CE/R, accumulator as {q,0} - {~base,~cin}
// Hand-written reference for 'shiftwright report floor', proven equal to the generated PE before it is measured.
(* keep_hierarchy *)
module pe_int8_ausn_b2s1_acc22_prod (input wire [7:0] act, input wire [3:0] wt, output wire [11:0] q, output wire cin);
  wire s = wt[3];
  wire [1:0] a = wt[2:1];
  wire [9:0] pp1 = wt[0] ? {{2{act[7]}}, act} : 10'd0;
  wire [8:0] lead2 = {{1{act[7]}}, act};
  wire [9:0] r3 = pp1;
  wire [8:0] rh4 = r3[9:1];
  wire [8:0] th5 = lead2[8:0];
  wire [9:0] sum6_x = {th5, 1'b0} - {~rh4, ~1'b0};
  wire [8:0] sum6 = sum6_x[9:1];
  wire [9:0] r7 = {sum6, r3[0:0]};
  reg [11:0] sh;
  always @* case (a)
    2'd1: sh = {r7, 2'b0};
    2'd2: sh = {{1{r7[9]}}, {r7, 1'b0}};
    2'd3: sh = {{2{r7[9]}}, r7};
    default: sh = 12'd0;
  endcase
  assign q = sh ^ {12{s}};
  assign cin = s;
endmodule

(* keep_hierarchy *)
module pe_int8_ausn_b2s1_acc22_acc (input wire clk, input wire rst, input wire en, input wire clear,
  input wire [11:0] q, input wire cin, output reg [21:0] acc);
  wire [21:0] qx = {{10{q[11]}}, q};
  wire [21:0] base = clear ? 22'd0 : acc;
  wire [22:0] sum8_x = {qx, 1'b0} - {~base, ~cin};
  wire [21:0] sum8 = sum8_x[22:1];
  always @(posedge clk)
    if (rst || (clear && !en)) acc <= 22'd0;
    else if (en) acc <= sum8;
endmodule

module pe_int8_ausn_b2s1_acc22 (input wire clk, input wire rst, input wire [7:0] act, input wire [3:0] wt,
  input wire en, input wire clear, output wire signed [21:0] acc);
  wire [11:0] q; wire cin;
  pe_int8_ausn_b2s1_acc22_prod u_p (.act(act), .wt(wt), .q(q), .cin(cin));
  pe_int8_ausn_b2s1_acc22_acc u_a (.clk(clk), .rst(rst), .en(en), .clear(clear), .q(q), .cin(cin), .acc(acc));
endmodule
