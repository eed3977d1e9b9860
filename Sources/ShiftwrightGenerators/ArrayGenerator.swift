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
    /// The elaborated array (hierarchy: controller, one column module with its PE and requantizer).
    public static func module(_ c: ArrayConfig) throws -> Module { try component(c).module }

    /// The array with its typed ports (`ArrayPorts`): the controller and C instances of one
    /// column module, every submodule wired through a signature. One column module (rather than
    /// the columns' logic inline) lets synthesis map each distinct module once: a 64×64 array
    /// costs one column's synthesis, not 64.
    public static func component(_ c: ArrayConfig) throws -> Component<ArrayPorts> {
        let controller = try ControllerGenerator.component(c)
        let column = try columnComponent(c)
        let wBits = c.weight.codeWidth
        return try Module.build(c.moduleName, ports: ArrayPorts(c), generator: "ShiftwrightGenerators.ArrayGenerator",
                                parameters: ArrayInterface.parameters(c)) { m, io in
            // The host's control ports pass straight through to the controller, and back.
            let ctrl = m.instance(controller, name: "ctrl") { $0.control.connect(io.control) }
            io.control.drive(from: ctrl.control)
            // Weight row r loads on a weight beat while the controller points at it (all columns).
            let loads = (0..<c.rows).map { r in (ctrl.wLoad && ctrl.wRow .== BigInt(r)).named("w_load_r\(r)") }
            let load = m.concat(loads.reversed()).named("w_load")
            let codes = (0..<c.cols).map { col in
                m.instance(column, name: "col\(col)") {
                    $0.act = io.aData
                    $0.wLoad = load
                    $0.wData = io.wData[(col + 1) * wBits - 1, col * wBits]
                    $0.peEn = ctrl.peEn
                    $0.s1Valid = ctrl.s1Valid
                    $0.s1Row = ctrl.s1Row
                    $0.s1First = ctrl.s1First
                    $0.memRaddr = ctrl.memRaddr
                    $0.memRen = ctrl.memRen
                    $0.shift = ctrl.shiftQ
                }.code
            }
            io.yData.assign(m.concat(codes.reversed()))
        }
    }

    /// One column: R stationary weights and PEs, the balanced adder tree of their products, the
    /// accumulator buffer (tile 0 writes the sum alone, later tiles add to it) and the requantizer.
    static func columnComponent(_ c: ArrayConfig) throws -> Component<ArrayColumnPorts> {
        let peConfig = try c.pe, requantConfig = try c.requantizer
        let peModule = try PEGenerator.module(peConfig)
        let requantModule = try RequantizerGenerator.module(requantConfig)
        let aBits = c.activation.codeWidth, wBits = c.weight.codeWidth, bufferType = HWType.signed(c.bufferWidth)
        return try Module.build(GeneratorNames.bounded("\(c.moduleName)_column"), ports: ArrayColumnPorts(c), generator: "ShiftwrightGenerators.ArrayGenerator") { m, io in
            let one = m.constant(1, .bit)
            let pePorts = PEPorts(peConfig), requantPorts = RequantizerPorts(requantConfig)
            let products = (0..<c.rows).map { r in
                let weight = m.reg("w_r\(r)", .unsigned(wBits), reset: 0, enable: io.wLoad[r])
                weight.assign(io.wData)
                // The PE's accumulator is the product register: clear = 1, en = the beat.
                return m.instance(peModule, name: "pe_r\(r)", signature: pePorts) {
                    $0.act = io.act[(r + 1) * aBits - 1, r * aBits]
                    $0.wt = weight
                    $0.en = io.peEn
                    $0.clear = one
                }.acc
            }
            let columnSum = m.adderTree(products).extended(to: c.bufferWidth).named("colsum")
            let buffer = m.memory("psum", depth: max(2, c.maxRows), bufferType)
            let stored = buffer.read(address: io.memRaddr, enable: io.memRen).named("psum_rd")
            let next = m.mux(io.s1First, columnSum, (stored + columnSum).truncated(to: c.bufferWidth))
            buffer.write(address: io.s1Row, data: next.named("psum_next"), enable: io.s1Valid)
            io.code.assign(m.instance(requantModule, name: "rq", signature: requantPorts) {
                $0.acc = stored
                $0.shift = io.shift
            }.code)
        }
    }
}
