// shiftwright-floor: --act int8 --weight ausn-b3s2 --acc-depth 1024
// technique: ungated lead copy + gated subdivision copies in a carry-in chain, case shifter over the legal amounts (zero for a=0), sign as XOR + carry-in; en/clear on the flip-flops' CE/R, accumulator as {q,0} - {~base,~cin}
// Hand-written reference for 'shiftwright report floor', proven equal to the generated PE before it is measured.
(* keep_hierarchy *)
module pe_int8_ausn_b3s2_acc27_sh (input wire [10:0] mi, input wire [2:0] shi, input wire [2:0] ai, input wire si, output wire [16:0] qo);
  reg [13:0] y1;
  always @* case (shi[1:0])
    2'd0: y1 = {{3{mi[10]}}, mi};
    2'd1: y1 = {{2{mi[10]}}, {mi, 1'b0}};
    2'd2: y1 = {{1{mi[10]}}, {mi, 2'b0}};
    2'd3: y1 = {mi, 3'b0};
  endcase
  wire [16:0] y1x = {{3{y1[13]}}, y1};
  wire [16:0] sh = (ai == 3'd0) ? 17'd0 : (shi[2] ? {y1x[12:0], 4'b0} : y1x);
  assign qo = sh ^ {17{si}};
endmodule

(* keep_hierarchy *)
module pe_int8_ausn_b3s2_acc27_prod (input wire [7:0] act, input wire [5:0] wt, output wire [16:0] q, output wire cin);
  wire s = wt[5];
  wire [2:0] a = wt[4:2];
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
  wire [2:0] sha = ~a;
  wire [16:0] qsh;
  pe_int8_ausn_b3s2_acc27_sh u_sh (.mi(r12), .shi(sha), .ai(a), .si(s), .qo(qsh));
  wire [16:0] sh = qsh ^ {17{s}};  // so that q = sh ^ s = qsh
  assign q = sh ^ {17{s}};
  assign cin = s;
endmodule

(* keep_hierarchy *)
module pe_int8_ausn_b3s2_acc27_acc (input wire clk, input wire rst, input wire en, input wire clear,
  input wire [16:0] q, input wire cin, output reg [26:0] acc);
  wire [26:0] qx = {{10{q[16]}}, q};
  wire [26:0] base = clear ? 27'd0 : acc;
  wire [27:0] sum13_x = {qx, 1'b0} - {~base, ~cin};
  wire [26:0] sum13 = sum13_x[27:1];
  always @(posedge clk)
    if (rst || (clear && !en)) acc <= 27'd0;
    else if (en) acc <= sum13;
endmodule

module pe_int8_ausn_b3s2_acc27 (input wire clk, input wire rst, input wire [7:0] act, input wire [5:0] wt,
  input wire en, input wire clear, output wire signed [26:0] acc);
  wire [16:0] q; wire cin;
  pe_int8_ausn_b3s2_acc27_prod u_p (.act(act), .wt(wt), .q(q), .cin(cin));
  pe_int8_ausn_b3s2_acc27_acc u_a (.clk(clk), .rst(rst), .en(en), .clear(clear), .q(q), .cin(cin), .acc(acc));
endmodule
