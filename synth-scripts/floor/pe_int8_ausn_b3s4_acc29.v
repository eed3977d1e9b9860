// shiftwright-floor: --act int8 --weight ausn-b3s4 --acc-depth 1024
// technique: ungated lead copy + gated subdivision copies in a carry-in chain, case shifter over the legal amounts (zero for a=0), sign as XOR + carry-in; en/clear on the flip-flops' CE/R, accumulator as {q,0} - {~base,~cin}
// Hand-written reference for 'shiftwright report floor', proven equal to the generated PE before it is measured.
(* keep_hierarchy *)
module pe_int8_ausn_b3s4_acc29_spp0 (input wire [7:0] act, input wire [2:0] b, output wire [12:0] po);
  wire neg = b[2];
  wire one = b[1] ^ b[0];
  wire two = (b[2] & ~b[1] & ~b[0]) | (~b[2] & b[1] & b[0]);
  wire [12:0] x1 = {{5{act[7]}}, act}; wire [12:0] x2 = {{{4{act[7]}}, act}, 1'b0};
  wire [12:0] pp = (({13{one}} & x1) | ({13{two}} & x2)) ^ {13{neg}};
  assign po = pp;
endmodule

(* keep_hierarchy *)
module pe_int8_ausn_b3s4_acc29_sh (input wire [12:0] mi, input wire [2:0] shi, input wire [2:0] ai, input wire si, output wire [18:0] qo);
  reg [15:0] y1;
  always @* case (shi[1:0])
    2'd0: y1 = {{3{mi[12]}}, mi};
    2'd1: y1 = {{2{mi[12]}}, {mi, 1'b0}};
    2'd2: y1 = {{1{mi[12]}}, {mi, 2'b0}};
    2'd3: y1 = {mi, 3'b0};
  endcase
  wire [18:0] y1x = {{3{y1[15]}}, y1};
  wire [18:0] sh = (ai == 3'd0) ? 19'd0 : (shi[2] ? {y1x[14:0], 4'b0} : y1x);
  assign qo = sh ^ {19{si}};
endmodule

(* keep_hierarchy *)
module pe_int8_ausn_b3s4_acc29_prod (input wire [7:0] act, input wire [7:0] wt, output wire [18:0] q, output wire cin);
  wire s = wt[7];
  wire [2:0] a = wt[6:4];
  wire [6:0] sx_ = {1'b0, 1'b1, wt[3:0], 1'b0};
  wire [12:0] sr0;
  pe_int8_ausn_b3s4_acc29_spp0 u_spp0 (.act(act), .b(sx_[2:0]), .po(sr0));
  wire [2:0] sb1 = sx_[4:2];
  wire sneg1 = sb1[2]; wire sone1 = sb1[1] ^ sb1[0];
  wire stwo1 = (sb1[2] & ~sb1[1] & ~sb1[0]) | (~sb1[2] & sb1[1] & sb1[0]);
  wire [10:0] spp1 = (({11{sone1}} & {{3{act[7]}}, act}) | ({11{stwo1}} & {{{2{act[7]}}, act}, 1'b0})) ^ {11{sneg1}};
  wire [12:0] rh1 = sr0[12:0];
  wire [12:0] brow2 = {spp1, 2'b0};
  wire [13:0] sum3_x = {rh1, 1'b0} - {~brow2, ~sx_[2]};
  wire [12:0] sum3 = sum3_x[13:1];
  wire [12:0] r4 = sum3;
  wire [2:0] sb2 = sx_[6:4];
  wire sneg2 = sb2[2]; wire sone2 = sb2[1] ^ sb2[0];
  wire stwo2 = (sb2[2] & ~sb2[1] & ~sb2[0]) | (~sb2[2] & sb2[1] & sb2[0]);
  wire [8:0] spp2 = (({9{sone2}} & {{1{act[7]}}, act}) | ({9{stwo2}} & {act, 1'b0})) ^ {9{sneg2}};
  wire [10:0] rh5 = r4[12:2];
  wire [10:0] brow6 = {spp2, 1'b0, sneg1};
  wire [11:0] sum7_x = {rh5, 1'b0} - {~brow6, ~1'b0};
  wire [10:0] sum7 = sum7_x[11:1];
  wire [12:0] r8 = {sum7, r4[1:0]};
  wire [2:0] sha = ~a;
  wire [18:0] qsh;
  pe_int8_ausn_b3s4_acc29_sh u_sh (.mi(r8), .shi(sha), .ai(a), .si(s), .qo(qsh));
  wire [18:0] sh = qsh ^ {19{s}};  // so that q = sh ^ s = qsh
  assign q = sh ^ {19{s}};
  assign cin = s;
endmodule

(* keep_hierarchy *)
module pe_int8_ausn_b3s4_acc29_acc (input wire clk, input wire rst, input wire en, input wire clear,
  input wire [18:0] q, input wire cin, output reg [28:0] acc);
  wire [28:0] qx = {{10{q[18]}}, q};
  wire [28:0] base = clear ? 29'd0 : acc;
  wire [29:0] sum9_x = {qx, 1'b0} - {~base, ~cin};
  wire [28:0] sum9 = sum9_x[29:1];
  always @(posedge clk)
    if (rst || (clear && !en)) acc <= 29'd0;
    else if (en) acc <= sum9;
endmodule

module pe_int8_ausn_b3s4_acc29 (input wire clk, input wire rst, input wire [7:0] act, input wire [7:0] wt,
  input wire en, input wire clear, output wire signed [28:0] acc);
  wire [18:0] q; wire cin;
  pe_int8_ausn_b3s4_acc29_prod u_p (.act(act), .wt(wt), .q(q), .cin(cin));
  pe_int8_ausn_b3s4_acc29_acc u_a (.clk(clk), .rst(rst), .en(en), .clear(clear), .q(q), .cin(cin), .acc(acc));
endmodule
