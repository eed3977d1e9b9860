import BigInt
import ShiftwrightHDL

/// Generates the R×C weight-stationary PE array of spec §5.3 with its controller.
///
/// Dataflow. Weight row r of a tile (one `w_data` beat: C codes, column 0 in the low bits) is
/// loaded into the weight registers of PE row r. An activation beat (`a_data`: R codes, element
/// k of the tile in bits [k·A, (k+1)·A)) is broadcast along the PE rows: PE (r, c) multiplies
/// activation r by its stationary weight and registers the product on the beat, in the
/// ones'-complement form of the PE's product module (q and a carry, q + carry = the product; see
/// `cellComponent`). One cycle later a balanced tree of carry-in adders per column sums the R
/// products, each adder absorbing one carry, and adds them, with the one carry left, to row m of
/// that column's accumulator buffer (a DSL memory of `maxRows` words, `bufferWidth` bits: exact
/// for K = R·maxTiles), or writes them alone in tile 0. After the
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
                    $0.shift = ctrl.shiftQ.asUnsigned()
                }.code
            }
            io.yData.assign(m.concat(codes.reversed()))
        }
    }

    /// The array's processing element: its stationary weight register (loaded on `w_load`), the
    /// PE generator's product module (`PEGenerator`, product in ones'-complement form q with a
    /// carry, q + carry = activation × weight) and the registered q and carry, loaded on the beat.
    /// Unlike the stand-alone PE it has no accumulator: the column's adder tree is the
    /// accumulation, and it completes each negation with the carry as an adder's carry-in.
    static func cellComponent(_ c: ArrayConfig) throws -> Component<ArrayCellPorts> {
        let peConfig = try c.pe
        let width = PEConfig.productType(c.activation, c.weight).width
        let product = try PEGenerator.productModule(peConfig, width: width)
        return try Module.build(GeneratorNames.bounded("\(peConfig.moduleName)_cell"), ports: ArrayCellPorts(c),
                                generator: "ShiftwrightGenerators.ArrayGenerator") { m, io in
            m.keepHierarchy()
            let weight = m.reg("weight", .unsigned(c.weight.codeWidth), reset: 0, enable: io.wLoad)
            weight.assign(io.wData)
            let p = m.instance(product, name: "u_prod", inputs: ["act": io.act, "wt": weight])
            let q = m.reg("product_q", .unsigned(width), reset: 0, enable: io.en)
            q.assign(p["q"])
            let carry = m.reg("product_carry", .bit, reset: 0, enable: io.en)
            carry.assign(p["cin"])
            io.q.assign(q)
            io.carry.assign(carry)
        }
    }

    /// The name of the column module (`columnComponent`): the module the array repeats C times,
    /// which simulator builds compile once (Verilator hierarchical block).
    public static func columnModuleName(_ c: ArrayConfig) -> String { GeneratorNames.bounded("\(c.moduleName)_column") }

    /// One column: R cells (stationary weight, product, product register), the balanced tree of
    /// carry-in adders over their products, the accumulator buffer (tile 0 writes the sum alone,
    /// later tiles add to it, either with the tree's last carry) and the requantizer.
    static func columnComponent(_ c: ArrayConfig) throws -> Component<ArrayColumnPorts> {
        let requantConfig = try c.requantizer
        let cell = try cellComponent(c)
        let requantModule = try RequantizerGenerator.module(requantConfig)
        let aBits = c.activation.codeWidth, bufferType = HWType.signed(c.bufferWidth)
        return try Module.build(columnModuleName(c), ports: ArrayColumnPorts(c), generator: "ShiftwrightGenerators.ArrayGenerator") { m, io in
            let requantPorts = RequantizerPorts(requantConfig)
            let products = (0..<c.rows).map { r -> (value: Signal, carry: Signal?) in
                let pe = m.instance(cell, name: "pe_r\(r)") {
                    $0.act = io.act[(r + 1) * aBits - 1, r * aBits]
                    $0.wLoad = io.wLoad[r]
                    $0.wData = io.wData
                    $0.en = io.peEn
                }
                return (pe.q.asSigned(), pe.carry)
            }
            let tree = m.carryAdderTree(products, name: "colsum_sum")
            let columnSum = tree.sum.extended(to: c.bufferWidth).named("colsum")
            let buffer = m.memory("psum", depth: max(2, c.maxRows), bufferType)
            let stored = buffer.read(address: io.memRaddr, enable: io.memRen).named("psum_rd")
            // (tile 0 ? 0 : stored) + column sum + the carry the tree left: one carry chain whose
            // direct input is the column sum.
            let base = m.mux(io.s1First, m.constant(0, bufferType), stored).named("psum_base")
            let next = m.carryAdd(columnSum, base, carryIn: tree.carry).asSigned()
            buffer.write(address: io.s1Row, data: next.named("psum_next"), enable: io.s1Valid)
            io.code.assign(m.instance(requantModule, name: "rq", signature: requantPorts) {
                $0.acc = stored
                $0.shift = io.shift.asSigned()
            }.code)
        }
    }
}
