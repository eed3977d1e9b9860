// shiftwright-floor: --act int8 --weight pot-b3 --acc-depth 1024
// technique: ungated lead copy + gated subdivision copies in a carry-in chain, case shifter over the legal amounts (zero for a=0), sign as XOR + carry-in; en/clear on the flip-flops' CE/R, accumulator as {q,0} - {~base,~cin}
// Hand-written reference for 'shiftwright report floor', proven equal to the generated PE before it is measured.
(* keep_hierarchy *)
module pe_int8_pot_b3_acc25_prod (input wire [7:0] act, input wire [3:0] wt, output wire [13:0] q, output wire cin);
  wire s = wt[3];
  wire [2:0] a = wt[2:0];
  wire [7:0] lead1 = act;
  wire [7:0] r2 = lead1;
  wire [2:0] sha = ~a;
  reg [10:0] y1;
  always @* case (sha[1:0])
    2'd0: y1 = {{3{r2[7]}}, r2};
    2'd1: y1 = {{2{r2[7]}}, {r2, 1'b0}};
    2'd2: y1 = {{1{r2[7]}}, {r2, 2'b0}};
    2'd3: y1 = {r2, 3'b0};
  endcase
  wire [13:0] y1x = {{3{y1[10]}}, y1};
  wire [13:0] sh = (a == 3'd0) ? 14'd0 : (sha[2] ? {y1x[9:0], 4'b0} : y1x);
  assign q = sh ^ {14{s}};
  assign cin = s;
endmodule

(* keep_hierarchy *)
module pe_int8_pot_b3_acc25_acc (input wire clk, input wire rst, input wire en, input wire clear,
  input wire [13:0] q, input wire cin, output reg [24:0] acc);
  wire [24:0] qx = {{11{q[13]}}, q};
  wire [24:0] base = clear ? 25'd0 : acc;
  wire [25:0] sum3_x = {qx, 1'b0} - {~base, ~cin};
  wire [24:0] sum3 = sum3_x[25:1];
  always @(posedge clk)
    if (rst || (clear && !en)) acc <= 25'd0;
    else if (en) acc <= sum3;
endmodule

module pe_int8_pot_b3_acc25 (input wire clk, input wire rst, input wire [7:0] act, input wire [3:0] wt,
  input wire en, input wire clear, output wire signed [24:0] acc);
  wire [13:0] q; wire cin;
  pe_int8_pot_b3_acc25_prod u_p (.act(act), .wt(wt), .q(q), .cin(cin));
  pe_int8_pot_b3_acc25_acc u_a (.clk(clk), .rst(rst), .en(en), .clear(clear), .q(q), .cin(cin), .acc(acc));
endmodule
