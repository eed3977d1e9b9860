// shiftwright-floor: --act int8 --weight ausn-b3s1 --acc-depth 1024
// technique: ungated lead copy + gated subdivision copies in a carry-in chain, case shifter over the legal amounts (zero for a=0), sign as XOR + carry-in; en/clear on the flip-flops' CE/R, accumulator as {q,0} - {~base,~cin}
// Hand-written reference for 'shiftwright report floor', proven equal to the generated PE before it is measured.
(* keep_hierarchy *)
module pe_int8_ausn_b3s1_acc26_sh (input wire [9:0] mi, input wire [2:0] shi, input wire [2:0] ai, input wire si, output wire [15:0] qo);
  reg [12:0] y1;
  always @* case (shi[1:0])
    2'd0: y1 = {{3{mi[9]}}, mi};
    2'd1: y1 = {{2{mi[9]}}, {mi, 1'b0}};
    2'd2: y1 = {{1{mi[9]}}, {mi, 2'b0}};
    2'd3: y1 = {mi, 3'b0};
  endcase
  wire [15:0] y1x = {{3{y1[12]}}, y1};
  wire [15:0] sh = (ai == 3'd0) ? 16'd0 : (shi[2] ? {y1x[11:0], 4'b0} : y1x);
  assign qo = sh ^ {16{si}};
endmodule

(* keep_hierarchy *)
module pe_int8_ausn_b3s1_acc26_prod (input wire [7:0] act, input wire [4:0] wt, output wire [15:0] q, output wire cin);
  wire s = wt[4];
  wire [2:0] a = wt[3:1];
  wire [9:0] pp1 = wt[0] ? {{2{act[7]}}, act} : 10'd0;
  wire [8:0] lead2 = {{1{act[7]}}, act};
  wire [9:0] r3 = pp1;
  wire [8:0] rh4 = r3[9:1];
  wire [8:0] th5 = lead2[8:0];
  wire [9:0] sum6_x = {th5, 1'b0} - {~rh4, ~1'b0};
  wire [8:0] sum6 = sum6_x[9:1];
  wire [9:0] r7 = {sum6, r3[0:0]};
  wire [2:0] sha = ~a;
  wire [15:0] qsh;
  pe_int8_ausn_b3s1_acc26_sh u_sh (.mi(r7), .shi(sha), .ai(a), .si(s), .qo(qsh));
  wire [15:0] sh = qsh ^ {16{s}};  // so that q = sh ^ s = qsh
  assign q = sh ^ {16{s}};
  assign cin = s;
endmodule

(* keep_hierarchy *)
module pe_int8_ausn_b3s1_acc26_acc (input wire clk, input wire rst, input wire en, input wire clear,
  input wire [15:0] q, input wire cin, output reg [25:0] acc);
  wire [25:0] qx = {{10{q[15]}}, q};
  wire [25:0] base = clear ? 26'd0 : acc;
  wire [26:0] sum8_x = {qx, 1'b0} - {~base, ~cin};
  wire [25:0] sum8 = sum8_x[26:1];
  always @(posedge clk)
    if (rst || (clear && !en)) acc <= 26'd0;
    else if (en) acc <= sum8;
endmodule

module pe_int8_ausn_b3s1_acc26 (input wire clk, input wire rst, input wire [7:0] act, input wire [4:0] wt,
  input wire en, input wire clear, output wire signed [25:0] acc);
  wire [15:0] q; wire cin;
  pe_int8_ausn_b3s1_acc26_prod u_p (.act(act), .wt(wt), .q(q), .cin(cin));
  pe_int8_ausn_b3s1_acc26_acc u_a (.clk(clk), .rst(rst), .en(en), .clear(clear), .q(q), .cin(cin), .acc(acc));
endmodule
