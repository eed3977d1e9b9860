// shiftwright-floor: --act int8 --weight int4 --acc-depth 1024
// technique: radix-4 Booth partial products in a serial carry-in chain, neg0 as the accumulator's carry-in, kept product/accumulator modules; en/clear on the flip-flops' CE/R, accumulator as {q,0} - {~base,~cin}
// Hand-written reference for 'shiftwright report floor', proven equal to the generated PE before it is measured.
(* keep_hierarchy *)
module pe_int8_int4_acc22_pp0 (input wire [7:0] act, input wire [2:0] b, output wire [11:0] po);
  wire neg = b[2];
  wire one = b[1] ^ b[0];
  wire two = (b[2] & ~b[1] & ~b[0]) | (~b[2] & b[1] & b[0]);
  wire [11:0] x1 = {{4{act[7]}}, act}; wire [11:0] x2 = {{{3{act[7]}}, act}, 1'b0};
  wire [11:0] pp = (({12{one}} & x1) | ({12{two}} & x2)) ^ {12{neg}};
  assign po = pp;
endmodule

(* keep_hierarchy *)
module pe_int8_int4_acc22_st1 (input wire [7:0] act, input wire [2:0] b, input wire [9:0] r, output wire [9:0] o);
  wire neg = b[2];
  wire one = b[1] ^ b[0];
  wire two = (b[2] & ~b[1] & ~b[0]) | (~b[2] & b[1] & b[0]);
  wire [9:0] x1 = {{2{act[7]}}, act}; wire [9:0] x2 = {{{1{act[7]}}, act}, 1'b0};
  wire [9:0] pp = (({10{one}} & x1) | ({10{two}} & x2)) ^ {10{neg}};
  wire [10:0] t = {r, 1'b0} - {~pp, ~neg};
  assign o = t[10:1];
endmodule

(* keep_hierarchy *)
module pe_int8_int4_acc22_prod (input wire [7:0] act, input wire [3:0] wt, output wire [11:0] q, output wire cin);
  wire [4:0] wx = {wt, 1'b0};
  wire [11:0] r0;
  pe_int8_int4_acc22_pp0 u_pp0 (.act(act), .b(wx[2:0]), .po(r0));
  wire [9:0] o1;
  pe_int8_int4_acc22_st1 u_st1 (.act(act), .b(wx[4:2]), .r(r0[11:2]), .o(o1));
  wire [11:0] r1 = {o1, r0[1:0]};
  assign q = r1;
  assign cin = wx[2];
endmodule

(* keep_hierarchy *)
module pe_int8_int4_acc22_acc (input wire clk, input wire rst, input wire en, input wire clear,
  input wire [11:0] q, input wire cin, output reg [21:0] acc);
  wire [21:0] qx = {{10{q[11]}}, q};
  wire [21:0] base = clear ? 22'd0 : acc;
  wire [22:0] sum1_x = {qx, 1'b0} - {~base, ~cin};
  wire [21:0] sum1 = sum1_x[22:1];
  always @(posedge clk)
    if (rst || (clear && !en)) acc <= 22'd0;
    else if (en) acc <= sum1;
endmodule

module pe_int8_int4_acc22 (input wire clk, input wire rst, input wire [7:0] act, input wire [3:0] wt,
  input wire en, input wire clear, output wire signed [21:0] acc);
  wire [11:0] q; wire cin;
  pe_int8_int4_acc22_prod u_p (.act(act), .wt(wt), .q(q), .cin(cin));
  pe_int8_int4_acc22_acc u_a (.clk(clk), .rst(rst), .en(en), .clear(clear), .q(q), .cin(cin), .acc(acc));
endmodule
