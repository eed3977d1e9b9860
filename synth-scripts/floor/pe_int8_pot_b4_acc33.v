// shiftwright-floor: --act int8 --weight pot-b4 --acc-depth 1024
// technique: ungated lead copy + gated subdivision copies in a carry-in chain, case shifter over the legal amounts (zero for a=0), sign as XOR + carry-in; en/clear on the flip-flops' CE/R, accumulator as {q,0} - {~base,~cin}
// Hand-written reference for 'shiftwright report floor', proven equal to the generated PE before it is measured.
(* keep_hierarchy *)
module pe_int8_pot_b4_acc33_prod (input wire [7:0] act, input wire [4:0] wt, output wire [21:0] q, output wire cin);
  wire s = wt[4];
  wire [3:0] a = wt[3:0];
  wire [7:0] lead1 = act;
  wire [7:0] r2 = lead1;
  reg [21:0] sh;
  always @* case (a)
    4'd1: sh = {r2, 14'b0};
    4'd2: sh = {{1{r2[7]}}, {r2, 13'b0}};
    4'd3: sh = {{2{r2[7]}}, {r2, 12'b0}};
    4'd4: sh = {{3{r2[7]}}, {r2, 11'b0}};
    4'd5: sh = {{4{r2[7]}}, {r2, 10'b0}};
    4'd6: sh = {{5{r2[7]}}, {r2, 9'b0}};
    4'd7: sh = {{6{r2[7]}}, {r2, 8'b0}};
    4'd8: sh = {{7{r2[7]}}, {r2, 7'b0}};
    4'd9: sh = {{8{r2[7]}}, {r2, 6'b0}};
    4'd10: sh = {{9{r2[7]}}, {r2, 5'b0}};
    4'd11: sh = {{10{r2[7]}}, {r2, 4'b0}};
    4'd12: sh = {{11{r2[7]}}, {r2, 3'b0}};
    4'd13: sh = {{12{r2[7]}}, {r2, 2'b0}};
    4'd14: sh = {{13{r2[7]}}, {r2, 1'b0}};
    4'd15: sh = {{14{r2[7]}}, r2};
    default: sh = 22'd0;
  endcase
  assign q = sh ^ {22{s}};
  assign cin = s;
endmodule

(* keep_hierarchy *)
module pe_int8_pot_b4_acc33_acc (input wire clk, input wire rst, input wire en, input wire clear,
  input wire [21:0] q, input wire cin, output reg [32:0] acc);
  wire [32:0] qx = {{11{q[21]}}, q};
  wire [32:0] base = clear ? 33'd0 : acc;
  wire [33:0] sum3_x = {qx, 1'b0} - {~base, ~cin};
  wire [32:0] sum3 = sum3_x[33:1];
  always @(posedge clk)
    if (rst || (clear && !en)) acc <= 33'd0;
    else if (en) acc <= sum3;
endmodule

module pe_int8_pot_b4_acc33 (input wire clk, input wire rst, input wire [7:0] act, input wire [4:0] wt,
  input wire en, input wire clear, output wire signed [32:0] acc);
  wire [21:0] q; wire cin;
  pe_int8_pot_b4_acc33_prod u_p (.act(act), .wt(wt), .q(q), .cin(cin));
  pe_int8_pot_b4_acc33_acc u_a (.clk(clk), .rst(rst), .en(en), .clear(clear), .q(q), .cin(cin), .acc(acc));
endmodule
