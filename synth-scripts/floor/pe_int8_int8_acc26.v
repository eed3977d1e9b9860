// shiftwright-floor: --act int8 --weight int8 --acc-depth 1024
// technique: radix-4 Booth partial products in a serial carry-in chain, neg0 as the accumulator's carry-in, kept product/accumulator modules; en/clear on the flip-flops' CE/R, accumulator as {q,0} - {~base,~cin}
// Hand-written reference for 'shiftwright report floor', proven equal to the generated PE before it is measured.
(* keep_hierarchy *)
module pe_int8_int8_acc26_pp0 (input wire [7:0] act, input wire [2:0] b, output wire [15:0] po);
  wire neg = b[2];
  wire one = b[1] ^ b[0];
  wire two = (b[2] & ~b[1] & ~b[0]) | (~b[2] & b[1] & b[0]);
  wire [15:0] x1 = {{8{act[7]}}, act}; wire [15:0] x2 = {{{7{act[7]}}, act}, 1'b0};
  wire [15:0] pp = (({16{one}} & x1) | ({16{two}} & x2)) ^ {16{neg}};
  assign po = pp;
endmodule

(* keep_hierarchy *)
module pe_int8_int8_acc26_st1 (input wire [7:0] act, input wire [2:0] b, input wire [13:0] r, output wire [13:0] o);
  wire neg = b[2];
  wire one = b[1] ^ b[0];
  wire two = (b[2] & ~b[1] & ~b[0]) | (~b[2] & b[1] & b[0]);
  wire [13:0] x1 = {{6{act[7]}}, act}; wire [13:0] x2 = {{{5{act[7]}}, act}, 1'b0};
  wire [13:0] pp = (({14{one}} & x1) | ({14{two}} & x2)) ^ {14{neg}};
  wire [14:0] t = {r, 1'b0} - {~pp, ~neg};
  assign o = t[14:1];
endmodule

(* keep_hierarchy *)
module pe_int8_int8_acc26_st2 (input wire [7:0] act, input wire [2:0] b, input wire [11:0] r, output wire [11:0] o);
  wire neg = b[2];
  wire one = b[1] ^ b[0];
  wire two = (b[2] & ~b[1] & ~b[0]) | (~b[2] & b[1] & b[0]);
  wire [11:0] x1 = {{4{act[7]}}, act}; wire [11:0] x2 = {{{3{act[7]}}, act}, 1'b0};
  wire [11:0] pp = (({12{one}} & x1) | ({12{two}} & x2)) ^ {12{neg}};
  wire [12:0] t = {r, 1'b0} - {~pp, ~neg};
  assign o = t[12:1];
endmodule

(* keep_hierarchy *)
module pe_int8_int8_acc26_st3 (input wire [7:0] act, input wire [2:0] b, input wire [9:0] r, output wire [9:0] o);
  wire neg = b[2];
  wire one = b[1] ^ b[0];
  wire two = (b[2] & ~b[1] & ~b[0]) | (~b[2] & b[1] & b[0]);
  wire [9:0] x1 = {{2{act[7]}}, act}; wire [9:0] x2 = {{{1{act[7]}}, act}, 1'b0};
  wire [9:0] pp = (({10{one}} & x1) | ({10{two}} & x2)) ^ {10{neg}};
  wire [10:0] t = {r, 1'b0} - {~pp, ~neg};
  assign o = t[10:1];
endmodule

(* keep_hierarchy *)
module pe_int8_int8_acc26_prod (input wire [7:0] act, input wire [7:0] wt, output wire [15:0] q, output wire cin);
  wire [8:0] wx = {wt, 1'b0};
  wire [15:0] r0;
  pe_int8_int8_acc26_pp0 u_pp0 (.act(act), .b(wx[2:0]), .po(r0));
  wire [13:0] o1;
  pe_int8_int8_acc26_st1 u_st1 (.act(act), .b(wx[4:2]), .r(r0[15:2]), .o(o1));
  wire [15:0] r1 = {o1, r0[1:0]};
  wire [11:0] o2;
  pe_int8_int8_acc26_st2 u_st2 (.act(act), .b(wx[6:4]), .r(r1[15:4]), .o(o2));
  wire [15:0] r2 = {o2, r1[3:0]};
  wire [9:0] o3;
  pe_int8_int8_acc26_st3 u_st3 (.act(act), .b(wx[8:6]), .r(r2[15:6]), .o(o3));
  wire [15:0] r3 = {o3, r2[5:0]};
  assign q = r3;
  assign cin = wx[2];
endmodule

(* keep_hierarchy *)
module pe_int8_int8_acc26_acc (input wire clk, input wire rst, input wire en, input wire clear,
  input wire [15:0] q, input wire cin, output reg [25:0] acc);
  wire [25:0] qx = {{10{q[15]}}, q};
  wire [25:0] base = clear ? 26'd0 : acc;
  wire [26:0] sum1_x = {qx, 1'b0} - {~base, ~cin};
  wire [25:0] sum1 = sum1_x[26:1];
  always @(posedge clk)
    if (rst || (clear && !en)) acc <= 26'd0;
    else if (en) acc <= sum1;
endmodule

module pe_int8_int8_acc26 (input wire clk, input wire rst, input wire [7:0] act, input wire [7:0] wt,
  input wire en, input wire clear, output wire signed [25:0] acc);
  wire [15:0] q; wire cin;
  pe_int8_int8_acc26_prod u_p (.act(act), .wt(wt), .q(q), .cin(cin));
  pe_int8_int8_acc26_acc u_a (.clk(clk), .rst(rst), .en(en), .clear(clear), .q(q), .cin(cin), .acc(acc));
endmodule
