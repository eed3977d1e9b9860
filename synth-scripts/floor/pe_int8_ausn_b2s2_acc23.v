// shiftwright-floor: --act int8 --weight ausn-b2s2 --acc-depth 1024
// technique: ungated lead copy + gated subdivision copies in a carry-in chain, case shifter over the legal amounts (zero for a=0), sign as XOR + carry-in; en/clear on the flip-flops' CE/R, accumulator as {q,0} - {~base,~cin}
// Hand-written reference for 'shiftwright report floor', proven equal to the generated PE before it is measured.
(* keep_hierarchy *)
module pe_int8_ausn_b2s2_acc23_prod (input wire [7:0] act, input wire [4:0] wt, output wire [12:0] q, output wire cin);
  wire s = wt[4];
  wire [1:0] a = wt[3:2];
  wire [10:0] pp1 = wt[0] ? {{3{act[7]}}, act} : 11'd0;
  wire [9:0] pp2 = wt[1] ? {{2{act[7]}}, act} : 10'd0;
  wire [8:0] lead3 = {{1{act[7]}}, act};
  wire [10:0] r4 = pp1;
  wire [8:0] rh5 = r4[10:2];
  wire [8:0] th6 = lead3[8:0];
  wire [9:0] sum7_x = {th6, 1'b0} - {~rh5, ~1'b0};
  wire [8:0] sum7 = sum7_x[9:1];
  wire [10:0] r8 = {sum7, r4[1:0]};
  wire [9:0] rh9 = r8[10:1];
  wire [9:0] th10 = pp2[9:0];
  wire [10:0] sum11_x = {rh9, 1'b0} - {~th10, ~1'b0};
  wire [9:0] sum11 = sum11_x[10:1];
  wire [10:0] r12 = {sum11, r8[0:0]};
  reg [12:0] sh;
  always @* case (a)
    2'd1: sh = {r12, 2'b0};
    2'd2: sh = {{1{r12[10]}}, {r12, 1'b0}};
    2'd3: sh = {{2{r12[10]}}, r12};
    default: sh = 13'd0;
  endcase
  assign q = sh ^ {13{s}};
  assign cin = s;
endmodule

(* keep_hierarchy *)
module pe_int8_ausn_b2s2_acc23_acc (input wire clk, input wire rst, input wire en, input wire clear,
  input wire [12:0] q, input wire cin, output reg [22:0] acc);
  wire [22:0] qx = {{10{q[12]}}, q};
  wire [22:0] base = clear ? 23'd0 : acc;
  wire [23:0] sum13_x = {qx, 1'b0} - {~base, ~cin};
  wire [22:0] sum13 = sum13_x[23:1];
  always @(posedge clk)
    if (rst || (clear && !en)) acc <= 23'd0;
    else if (en) acc <= sum13;
endmodule

module pe_int8_ausn_b2s2_acc23 (input wire clk, input wire rst, input wire [7:0] act, input wire [4:0] wt,
  input wire en, input wire clear, output wire signed [22:0] acc);
  wire [12:0] q; wire cin;
  pe_int8_ausn_b2s2_acc23_prod u_p (.act(act), .wt(wt), .q(q), .cin(cin));
  pe_int8_ausn_b2s2_acc23_acc u_a (.clk(clk), .rst(rst), .en(en), .clear(clear), .q(q), .cin(cin), .acc(acc));
endmodule
