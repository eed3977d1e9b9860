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
/// L + T·(R + M) + M cycles after `start`; the first result is valid L cycles after the last
/// activation beat, L = `ArrayInterface.resultLatency`. See `ControllerGenerator`. Ports are
/// `ArrayPorts`; the controller, PEs and requantizers are wired through their signatures.
public enum ArrayGenerator {
    /// The elaborated array (hierarchy: controller, one PE module, one requantizer module).
    public static func module(_ c: ArrayConfig) throws -> Module { try component(c).module }

    /// The array with its typed ports (`ArrayPorts`); every submodule is wired through a signature.
    public static func component(_ c: ArrayConfig) throws -> Component<ArrayPorts> {
        let peConfig = try c.pe, requantConfig = try c.requantizer
        let peModule = try PEGenerator.module(peConfig)
        let requantModule = try RequantizerGenerator.module(requantConfig)
        let controller = try ControllerGenerator.component(c)
        let aBits = c.activation.codeWidth, wBits = c.weight.codeWidth, bufferType = HWType.signed(c.bufferWidth)
        return try Module.build(c.moduleName, ports: ArrayPorts(c), generator: "ShiftwrightGenerators.ArrayGenerator",
                                parameters: ArrayInterface.parameters(c)) { m, io in
            // The host's control ports pass straight through to the controller, and back.
            let ctrl = m.instance(controller, name: "ctrl") { $0.control.connect(io.control) }
            io.control.drive(from: ctrl.control)

            // Stationary weights: row r loads on a weight beat while the controller points at it.
            let weights: [[Signal]] = (0..<c.rows).map { r in
                let load = (ctrl.wLoad && ctrl.wRow .== BigInt(r)).named("w_load_r\(r)")
                return (0..<c.cols).map { col in
                    let reg = m.reg("w_r\(r)_c\(col)", .unsigned(wBits), reset: 0, enable: load)
                    reg.assign(io.wData[(col + 1) * wBits - 1, col * wBits])
                    return reg
                }
            }
            let acts = (0..<c.rows).map { r in io.aData[(r + 1) * aBits - 1, r * aBits].named("act_r\(r)") }
            let one = m.constant(1, .bit)
            let pePorts = PEPorts(peConfig), requantPorts = RequantizerPorts(requantConfig)
            var codes: [Signal] = []
            for col in 0..<c.cols {
                let products = (0..<c.rows).map { r in
                    m.instance(peModule, name: "pe_r\(r)_c\(col)", signature: pePorts) {
                        $0.act = acts[r]
                        $0.wt = weights[r][col]
                        $0.en = ctrl.peEn
                        $0.clear = one
                    }.acc
                }
                let columnSum = m.adderTree(products).extended(to: c.bufferWidth).named("colsum_c\(col)")
                let buffer = m.memory("psum_c\(col)", depth: max(2, c.maxRows), bufferType)
                let stored = buffer.read(address: ctrl.memRaddr, enable: ctrl.memRen).named("psum_rd_c\(col)")
                let next = m.mux(ctrl.s1First, columnSum, (stored + columnSum).truncated(to: c.bufferWidth))
                buffer.write(address: ctrl.s1Row, data: next.named("psum_next_c\(col)"), enable: ctrl.s1Valid)
                let requant = m.instance(requantModule, name: "rq_c\(col)", signature: requantPorts) {
                    $0.acc = stored
                    $0.shift = ctrl.shiftQ
                }
                codes.append(requant.code)
            }
            io.yData.assign(m.concat(codes.reversed()))
        }
    }
}
