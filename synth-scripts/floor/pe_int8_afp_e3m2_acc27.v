// shiftwright-floor: --act int8 --weight afp-e3m2 --acc-depth 1024
// technique: significand {|f, m} (only the lead bit gated), shift max(f,1)-1 as a case, sign as XOR + carry-in; en/clear on the flip-flops' CE/R, accumulator as {q,0} - {~base,~cin}
// Hand-written reference for 'shiftwright report floor', proven equal to the generated PE before it is measured.
(* keep_hierarchy *)
module pe_int8_afp_e3m2_acc27_spp0 (input wire [7:0] act, input wire [2:0] b, output wire [10:0] po);
  wire neg = b[2];
  wire one = b[1] ^ b[0];
  wire two = (b[2] & ~b[1] & ~b[0]) | (~b[2] & b[1] & b[0]);
  wire [10:0] x1 = {{3{act[7]}}, act}; wire [10:0] x2 = {{{2{act[7]}}, act}, 1'b0};
  wire [10:0] pp = (({11{one}} & x1) | ({11{two}} & x2)) ^ {11{neg}};
  assign po = pp;
endmodule

(* keep_hierarchy *)
module pe_int8_afp_e3m2_acc27_sh (input wire [10:0] mi, input wire [2:0] shi, input wire [2:0] ai, input wire si, output wire [16:0] qo);
  reg [13:0] y1;
  always @* case (shi[1:0])
    2'd0: y1 = {{3{mi[10]}}, mi};
    2'd1: y1 = {{2{mi[10]}}, {mi, 1'b0}};
    2'd2: y1 = {{1{mi[10]}}, {mi, 2'b0}};
    2'd3: y1 = {mi, 3'b0};
  endcase
  wire [16:0] y1x = {{3{y1[13]}}, y1};
  wire [16:0] sh = (shi[2] ? {y1x[12:0], 4'b0} : y1x);
  assign qo = sh ^ {17{si}};
endmodule

(* keep_hierarchy *)
module pe_int8_afp_e3m2_acc27_prod (input wire [7:0] act, input wire [5:0] wt, output wire [16:0] q, output wire cin);
  wire s = wt[5];
  wire [2:0] f = wt[4:2];
  wire nrm = |f;
  wire [4:0] sx_ = {1'b0, nrm, wt[1:0], 1'b0};
  wire [10:0] sr0;
  pe_int8_afp_e3m2_acc27_spp0 u_spp0 (.act(act), .b(sx_[2:0]), .po(sr0));
  wire [2:0] sb1 = sx_[4:2];
  wire sneg1 = sb1[2]; wire sone1 = sb1[1] ^ sb1[0];
  wire stwo1 = (sb1[2] & ~sb1[1] & ~sb1[0]) | (~sb1[2] & sb1[1] & sb1[0]);
  wire [8:0] spp1 = (({9{sone1}} & {{1{act[7]}}, act}) | ({9{stwo1}} & {act, 1'b0})) ^ {9{sneg1}};
  wire [10:0] rh1 = sr0[10:0];
  wire [10:0] brow2 = {spp1, 2'b0};
  wire [11:0] sum3_x = {rh1, 1'b0} - {~brow2, ~sx_[2]};
  wire [10:0] sum3 = sum3_x[11:1];
  wire [10:0] r4 = sum3;
  reg [2:0] shf; always @* case (f) 3'd0, 3'd1: shf = 3'd0; 3'd2: shf = 3'd1; 3'd3: shf = 3'd2; 3'd4: shf = 3'd3; 3'd5: shf = 3'd4; 3'd6: shf = 3'd5; default: shf = 3'd6; endcase
  wire [16:0] qsh;
  pe_int8_afp_e3m2_acc27_sh u_sh (.mi(r4), .shi(shf), .ai(3'd0), .si(s), .qo(qsh));
  wire [16:0] sh = qsh ^ {17{s}};  // so that q = sh ^ s = qsh
  assign q = sh ^ {17{s}};
  assign cin = s;
endmodule

(* keep_hierarchy *)
module pe_int8_afp_e3m2_acc27_acc (input wire clk, input wire rst, input wire en, input wire clear,
  input wire [16:0] q, input wire cin, output reg [26:0] acc);
  wire [26:0] qx = {{10{q[16]}}, q};
  wire [26:0] base = clear ? 27'd0 : acc;
  wire [27:0] sum5_x = {qx, 1'b0} - {~base, ~cin};
  wire [26:0] sum5 = sum5_x[27:1];
  always @(posedge clk)
    if (rst || (clear && !en)) acc <= 27'd0;
    else if (en) acc <= sum5;
endmodule

module pe_int8_afp_e3m2_acc27 (input wire clk, input wire rst, input wire [7:0] act, input wire [5:0] wt,
  input wire en, input wire clear, output wire signed [26:0] acc);
  wire [16:0] q; wire cin;
  pe_int8_afp_e3m2_acc27_prod u_p (.act(act), .wt(wt), .q(q), .cin(cin));
  pe_int8_afp_e3m2_acc27_acc u_a (.clk(clk), .rst(rst), .en(en), .clear(clear), .q(q), .cin(cin), .acc(acc));
endmodule
