// shiftwright-floor: --act afp-e3m2 --weight afp-e3m2 --acc-depth 1024
// technique: significand {|f, m} (only the lead bit gated), shift max(f,1)-1 as a case, sign as XOR + carry-in; en/clear on the flip-flops' CE/R, accumulator as {q,0} - {~base,~cin}
// Hand-written reference for 'shiftwright report floor', proven equal to the generated PE before it is measured.
(* keep_hierarchy *)
module pe_afp_e3m2_afp_e3m2_acc29_prod (input wire [5:0] act, input wire [5:0] wt, output wire [18:0] q, output wire cin);
  wire act_n = |act[4:2];
  wire [2:0] act_sg = {act_n, act[1:0]};
  reg [8:0] act_v; always @* case (act[4:2]) 3'd0, 3'd1: act_v = act_sg; 3'd2: act_v = act_sg << 1; 3'd3: act_v = act_sg << 2; 3'd4: act_v = act_sg << 3; 3'd5: act_v = act_sg << 4; 3'd6: act_v = act_sg << 5; default: act_v = act_sg << 6; endcase
  wire wt_n = |wt[4:2];
  wire [2:0] wt_sg = {wt_n, wt[1:0]};
  reg [8:0] wt_v; always @* case (wt[4:2]) 3'd0, 3'd1: wt_v = wt_sg; 3'd2: wt_v = wt_sg << 1; 3'd3: wt_v = wt_sg << 2; 3'd4: wt_v = wt_sg << 3; 3'd5: wt_v = wt_sg << 4; 3'd6: wt_v = wt_sg << 5; default: wt_v = wt_sg << 6; endcase
  wire s = act[5] ^ wt[5];
  wire [5:0] m6 = act_sg * wt_sg;
  wire [3:0] t = (act[4:2] == 3'd0 ? 3'd0 : act[4:2] - 3'd1) + (wt[4:2] == 3'd0 ? 3'd0 : wt[4:2] - 3'd1);
  wire [18:0] sh = {13'd0, m6} << t;
  assign q = sh ^ {19{s}};
  assign cin = s;
endmodule

(* keep_hierarchy *)
module pe_afp_e3m2_afp_e3m2_acc29_acc (input wire clk, input wire rst, input wire en, input wire clear,
  input wire [18:0] q, input wire cin, output reg [28:0] acc);
  wire [28:0] qx = {{10{q[18]}}, q};
  wire [28:0] base = clear ? 29'd0 : acc;
  wire [29:0] sum1_x = {qx, 1'b0} - {~base, ~cin};
  wire [28:0] sum1 = sum1_x[29:1];
  always @(posedge clk)
    if (rst || (clear && !en)) acc <= 29'd0;
    else if (en) acc <= sum1;
endmodule

module pe_afp_e3m2_afp_e3m2_acc29 (input wire clk, input wire rst, input wire [5:0] act, input wire [5:0] wt,
  input wire en, input wire clear, output wire signed [28:0] acc);
  wire [18:0] q; wire cin;
  pe_afp_e3m2_afp_e3m2_acc29_prod u_p (.act(act), .wt(wt), .q(q), .cin(cin));
  pe_afp_e3m2_afp_e3m2_acc29_acc u_a (.clk(clk), .rst(rst), .en(en), .clear(clear), .q(q), .cin(cin), .acc(acc));
endmodule
