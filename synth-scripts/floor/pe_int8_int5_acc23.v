// shiftwright-floor: --act int8 --weight int5 --acc-depth 1024
// technique: radix-4 Booth partial products in a serial carry-in chain, neg0 as the accumulator's carry-in, kept product/accumulator modules; en/clear on the flip-flops' CE/R, accumulator as {q,0} - {~base,~cin}
// Hand-written reference for 'shiftwright report floor', proven equal to the generated PE before it is measured.
(* keep_hierarchy *)
module pe_int8_int5_acc23_pp0 (input wire [7:0] act, input wire [2:0] b, output wire [12:0] po);
  wire neg = b[2];
  wire one = b[1] ^ b[0];
  wire two = (b[2] & ~b[1] & ~b[0]) | (~b[2] & b[1] & b[0]);
  wire [12:0] x1 = {{5{act[7]}}, act}; wire [12:0] x2 = {{{4{act[7]}}, act}, 1'b0};
  wire [12:0] pp = (({13{one}} & x1) | ({13{two}} & x2)) ^ {13{neg}};
  assign po = pp;
endmodule

(* keep_hierarchy *)
module pe_int8_int5_acc23_st1 (input wire [7:0] act, input wire [2:0] b, input wire [10:0] r, output wire [10:0] o);
  wire neg = b[2];
  wire one = b[1] ^ b[0];
  wire two = (b[2] & ~b[1] & ~b[0]) | (~b[2] & b[1] & b[0]);
  wire [10:0] x1 = {{3{act[7]}}, act}; wire [10:0] x2 = {{{2{act[7]}}, act}, 1'b0};
  wire [10:0] pp = (({11{one}} & x1) | ({11{two}} & x2)) ^ {11{neg}};
  wire [11:0] t = {r, 1'b0} - {~pp, ~neg};
  assign o = t[11:1];
endmodule

(* keep_hierarchy *)
module pe_int8_int5_acc23_st2 (input wire [7:0] act, input wire [2:0] b, input wire [8:0] r, output wire [8:0] o);
  wire neg = b[2];
  wire one = b[1] ^ b[0];
  wire two = (b[2] & ~b[1] & ~b[0]) | (~b[2] & b[1] & b[0]);
  wire [8:0] x1 = {{1{act[7]}}, act}; wire [8:0] x2 = {act, 1'b0};
  wire [8:0] pp = (({9{one}} & x1) | ({9{two}} & x2)) ^ {9{neg}};
  wire [9:0] t = {r, 1'b0} - {~pp, ~neg};
  assign o = t[9:1];
endmodule

(* keep_hierarchy *)
module pe_int8_int5_acc23_prod (input wire [7:0] act, input wire [4:0] wt, output wire [12:0] q, output wire cin);
  wire [6:0] wx = {wt[4], wt, 1'b0};
  wire [12:0] r0;
  pe_int8_int5_acc23_pp0 u_pp0 (.act(act), .b(wx[2:0]), .po(r0));
  wire [10:0] o1;
  pe_int8_int5_acc23_st1 u_st1 (.act(act), .b(wx[4:2]), .r(r0[12:2]), .o(o1));
  wire [12:0] r1 = {o1, r0[1:0]};
  wire [8:0] o2;
  pe_int8_int5_acc23_st2 u_st2 (.act(act), .b(wx[6:4]), .r(r1[12:4]), .o(o2));
  wire [12:0] r2 = {o2, r1[3:0]};
  assign q = r2;
  assign cin = wx[2];
endmodule

(* keep_hierarchy *)
module pe_int8_int5_acc23_acc (input wire clk, input wire rst, input wire en, input wire clear,
  input wire [12:0] q, input wire cin, output reg [22:0] acc);
  wire [22:0] qx = {{10{q[12]}}, q};
  wire [22:0] base = clear ? 23'd0 : acc;
  wire [23:0] sum1_x = {qx, 1'b0} - {~base, ~cin};
  wire [22:0] sum1 = sum1_x[23:1];
  always @(posedge clk)
    if (rst || (clear && !en)) acc <= 23'd0;
    else if (en) acc <= sum1;
endmodule

module pe_int8_int5_acc23 (input wire clk, input wire rst, input wire [7:0] act, input wire [4:0] wt,
  input wire en, input wire clear, output wire signed [22:0] acc);
  wire [12:0] q; wire cin;
  pe_int8_int5_acc23_prod u_p (.act(act), .wt(wt), .q(q), .cin(cin));
  pe_int8_int5_acc23_acc u_a (.clk(clk), .rst(rst), .en(en), .clear(clear), .q(q), .cin(cin), .acc(acc));
endmodule
