import BigInt
import ShiftwrightHDL

/// Generates the R×C weight-stationary PE array of spec §5.3 with its controller.
///
/// Dataflow. Weight row r of a tile (one `w_data` beat: C codes, column 0 in the low bits) is
/// loaded into the weight registers of PE row r. An activation beat (`a_data`: R codes, element
/// k of the tile in bits [k·A, (k+1)·A)) is broadcast along the PE rows: PE (r, c) multiplies
/// activation r by its stationary weight (its accumulator is used as the product register:
/// `clear` = 1, `en` = the beat). One cycle later a balanced adder tree per column sums the R
/// products and adds them to row m of that column's accumulator buffer (a DSL memory of `maxRows`
/// words, `bufferWidth` bits: exact for K = R·maxTiles), or writes them alone in tile 0. After the
/// last tile the buffer is drained through one combinational requantizer per column into `y_data`
/// (C codes, column 0 low). A GEMM with K > R runs T = ceil(K/R) tiles, the host streaming tile t
/// as rows W[tR..tR+R−1] and activations X[m][tR..tR+R−1] (zero-padded past K: code 0 is zero
/// in every format).
///
/// Streams, all valid/ready (a transfer happens in a cycle where both are 1):
/// weights `w_valid`/`w_ready`/`w_data` (R beats per tile), activations `a_valid`/`a_ready`/`a_data`
/// (M beats per tile, row-major), results `y_valid`/`y_ready`/`y_data` (M beats, row order).
/// Control: `start` with `last_row` = M − 1, `last_tile` = T − 1 and the signed `shift`, latched in
/// `IDLE`; `busy` while a run is in progress; `done` pulses one cycle after the last result
/// transfer. A `start` while busy is ignored. Timing without stalls: the last result transfers
/// 3 + T·(R + M) + M cycles after `start`; the first result is valid 3 cycles after the last
/// activation beat. See `ControllerGenerator`.
public enum ArrayGenerator {
    public static func module(_ c: ArrayConfig) throws -> Module {
        let peModule = try PEGenerator.module(c.pe)
        let requantModule = try RequantizerGenerator.module(c.requantizer)
        let controller = try ControllerGenerator.module(c)
        let aBits = c.activation.codeWidth, wBits = c.weight.codeWidth, bufferType = HWType.signed(c.bufferWidth)
        return try Module.build(c.moduleName, generator: "ShiftwrightGenerators.ArrayGenerator",
                                parameters: ArrayInterface.parameters(c)) { m in
            let start = m.input("start", .bit)
            let lastRow = m.input("last_row", .unsigned(c.rowIndexWidth))
            let lastTile = m.input("last_tile", .unsigned(c.tileIndexWidth))
            let shift = m.input("shift", .signed(c.shiftBits))
            let wValid = m.input("w_valid", .bit)
            let wData = m.input("w_data", .unsigned(c.cols * wBits))
            let aValid = m.input("a_valid", .bit)
            let aData = m.input("a_data", .unsigned(c.rows * aBits))
            let yReady = m.input("y_ready", .bit)

            let ctrl = m.instance(controller, name: "ctrl", inputs: [
                "start": start, "last_row": lastRow, "last_tile": lastTile, "shift": shift,
                "w_valid": wValid, "a_valid": aValid, "y_ready": yReady,
            ])

            // Stationary weights: row r loads on a weight beat while the controller points at it.
            let weights: [[Signal]] = (0..<c.rows).map { r in
                let load = (ctrl["w_load"] & ctrl["w_row"].eq(BigInt(r))).named("w_load_r\(r)")
                return (0..<c.cols).map { col in
                    let reg = m.reg("w_r\(r)_c\(col)", .unsigned(wBits), reset: 0, enable: load)
                    reg.assign(wData[(col + 1) * wBits - 1, col * wBits])
                    return reg
                }
            }
            let acts = (0..<c.rows).map { r in aData[(r + 1) * aBits - 1, r * aBits].named("act_r\(r)") }
            let one = m.constant(1, .bit)
            var codes: [Signal] = []
            for col in 0..<c.cols {
                let products = (0..<c.rows).map { r in
                    m.instance(peModule, name: "pe_r\(r)_c\(col)",
                               inputs: ["act": acts[r], "wt": weights[r][col], "en": ctrl["pe_en"], "clear": one])["acc"]
                }
                let columnSum = m.adderTree(products).extended(to: c.bufferWidth).named("colsum_c\(col)")
                let buffer = m.memory("psum_c\(col)", depth: max(2, c.maxRows), bufferType)
                let stored = buffer.read(address: ctrl["mem_raddr"], enable: ctrl["mem_ren"]).named("psum_rd_c\(col)")
                let next = m.mux(ctrl["s1_first"], columnSum, (stored + columnSum).truncated(to: c.bufferWidth))
                buffer.write(address: ctrl["s1_row"], data: next.named("psum_next_c\(col)"), enable: ctrl["s1_valid"])
                let requant = m.instance(requantModule, name: "rq_c\(col)", inputs: ["acc": stored, "shift": ctrl["shift_q"]])
                codes.append(requant["code"])
            }
            for port in ["busy", "done", "w_ready", "a_ready", "y_valid"] { m.output(port, ctrl[port]) }
            m.output("y_data", m.concat(codes.reversed()))
        }
    }
}
