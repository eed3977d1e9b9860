import ShiftwrightFormats
import ShiftwrightHDL

/// The array's interface as documented in its Verilog header and JSON sidecar `parameters`:
/// sizes, widths, the port list with its meaning, handshake and timing rules.
public enum ArrayInterface {
    /// Cycles from the last activation beat to the first valid result, without stalls: the PE
    /// product register, the column-sum write into the accumulator buffer (`FLUSH`) and the
    /// registered buffer read (`DRAIN`). Stated only here: the sidecar's latency, the `timing`
    /// parameter and the generator docs read it; `ControllerGenerator` implements it.
    public static let resultLatency = 3

    /// Key/value pairs (in order) describing the array for users and tools.
    public static func parameters(_ c: ArrayConfig) -> [(String, String)] {
        [
            ("rows", "\(c.rows)"), ("cols", "\(c.cols)"),
            ("act", c.activation.name), ("weight", c.weight.name), ("target", c.target.name), ("ties", c.ties.rawValue),
            ("max_rows", "\(c.maxRows)"), ("max_tiles", "\(c.maxTiles)"), ("max_k", "\(c.maxDepth)"),
            ("product_width", "\(c.bufferWidth - PEConfig.log2Ceiling(c.maxDepth))"),
            ("buffer_width", "\(c.bufferWidth)"), ("shift_bits", "\(c.shiftBits)"),
            ("dataflow", "weight-stationary: weight row r of a tile loads PE row r; each activation row is broadcast along the PE rows; a per-column adder tree sums the R products into accumulator-buffer row m (a memory of max_rows words per column); after the last tile the buffer drains through one combinational requantizer per column"),
            ("port.start", "in, 1: starts a run when idle, latching last_row, last_tile and shift"),
            ("port.last_row", "in, UInt<\(c.rowIndexWidth)>: M - 1 (M activation rows, 1..max_rows)"),
            ("port.last_tile", "in, UInt<\(c.tileIndexWidth)>: T - 1 (T = ceil(K / rows) weight tiles, 1..max_tiles)"),
            ("port.shift", "in, SInt<\(c.shiftBits)>: requantization exponent: y = code nearest acc * 2^shift"),
            ("port.w_valid/w_ready/w_data", "weight stream, UInt<\(c.cols * c.weight.codeWidth)>: per tile rows rows beats; beat r = W[t*rows + r][0..cols-1], column j in bits [j*\(c.weight.codeWidth), (j+1)*\(c.weight.codeWidth))"),
            ("port.a_valid/a_ready/a_data", "activation stream, UInt<\(c.rows * c.activation.codeWidth)>: per tile M beats; beat m = X[m][t*rows .. t*rows+rows-1], element r in bits [r*\(c.activation.codeWidth), (r+1)*\(c.activation.codeWidth)); K is zero-padded to T*rows"),
            ("port.y_valid/y_ready/y_data", "result stream, UInt<\(c.cols * c.target.codeWidth)>: M beats in row order; beat m = Y[m][0..cols-1], column j in bits [j*\(c.target.codeWidth), (j+1)*\(c.target.codeWidth))"),
            ("port.busy", "out: a run is in progress (state != IDLE)"),
            ("port.done", "out: pulses for one cycle after the last result transfer"),
            ("handshake", "a beat transfers in a cycle where valid and ready are both 1; valid may drop without a transfer; ready does not depend combinationally on valid"),
            ("states", "IDLE=0 -> LOAD=1 (rows weight beats) -> STREAM=2 (M activation beats) -> LOAD of the next tile or, after the last, FLUSH=3 (1 cycle) -> DRAIN=4 (M result beats) -> IDLE"),
            ("timing", "without stalls the last result transfers \(resultLatency) + T*(rows + M) + M cycles after start; the first result is valid \(resultLatency) cycles after the last activation beat"),
            ("start_while_busy", "ignored: the running GEMM continues unchanged and nothing is queued"),
            ("reset", "synchronous active-high rst aborts a run; the array is idle afterwards"),
        ]
    }
}
/// The host-side control and handshake ports that the array top and its controller share: the
/// top passes them straight through to the controller.
public struct ArrayControlPorts: PortSignature {
    public let start = In("start", .bit)
    public let lastRow: In
    public let lastTile: In
    public let shift: In
    public let wValid = In("w_valid", .bit)
    public let aValid = In("a_valid", .bit)
    public let yReady = In("y_ready", .bit)
    public let busy = Out("busy", .bit)
    public let done = Out("done", .bit)
    public let wReady = Out("w_ready", .bit)
    public let aReady = Out("a_ready", .bit)
    public let yValid = Out("y_valid", .bit)

    public init(_ c: ArrayConfig) {
        lastRow = In("last_row", .unsigned(c.rowIndexWidth))
        lastTile = In("last_tile", .unsigned(c.tileIndexWidth))
        shift = In("shift", .signed(c.shiftBits))
    }
}

/// The ports of the PE array top (see `ArrayGenerator` for their meaning), declared once.
public struct ArrayPorts: PortSignature {
    public let control: ArrayControlPorts
    public let wData: In
    public let aData: In
    public let yData: Out

    public init(_ c: ArrayConfig) {
        control = ArrayControlPorts(c)
        wData = In("w_data", .unsigned(c.cols * c.weight.codeWidth))
        aData = In("a_data", .unsigned(c.rows * c.activation.codeWidth))
        yData = Out("y_data", .unsigned(c.cols * c.target.codeWidth))
    }
}

/// The ports of the array controller (see `ControllerGenerator`), declared once.
public struct ControllerPorts: PortSignature {
    public let control: ArrayControlPorts
    /// A weight beat transfers; it loads PE row `wRow`.
    public let wLoad = Out("w_load", .bit)
    public let wRow: Out
    /// An activation beat enters the PEs.
    public let peEn = Out("pe_en", .bit)
    /// Stage 1, one cycle after the beat: add the column sums into buffer row `s1Row` (alone in tile 0).
    public let s1Valid = Out("s1_valid", .bit)
    public let s1Row: Out
    public let s1First = Out("s1_first", .bit)
    /// Accumulator-buffer read port.
    public let memRaddr: Out
    public let memRen = Out("mem_ren", .bit)
    /// The `shift` latched at start.
    public let shiftQ: Out

    public init(_ c: ArrayConfig) {
        control = ArrayControlPorts(c)
        wRow = Out("w_row", .unsigned(ControllerGenerator.weightRowWidth(c)))
        s1Row = Out("s1_row", .unsigned(c.rowIndexWidth))
        memRaddr = Out("mem_raddr", .unsigned(c.rowIndexWidth))
        shiftQ = Out("shift_q", .signed(c.shiftBits))
    }
}

/// The ports of one column of the array (built by `ArrayGenerator.column`): R PEs with their
/// stationary weights, the column's adder tree, its accumulator buffer and its requantizer.
public struct ArrayColumnPorts: PortSignature {
    /// Every activation of the beat (row r in bits [r·A, (r+1)·A)), shared by all columns.
    public let act: In
    /// One bit per row: load this column's weight of row r from `wData` (shared by all columns).
    public let wLoad: In
    /// This column's weight code of the beat.
    public let wData: In
    public let peEn = In("pe_en", .bit)
    public let s1Valid = In("s1_valid", .bit)
    public let s1Row: In
    public let s1First = In("s1_first", .bit)
    public let memRaddr: In
    public let memRen = In("mem_ren", .bit)
    /// The requantizers' signed shift, carried as plain bits: Verilator 5.006 writes the wrapper
    /// of a hierarchical block with a signed port as `input signed logic`, which it then cannot
    /// parse, and simulators build the column as such a block (`ArrayGenerator.columnModuleName`).
    public let shift: In
    public let code: Out

    public init(_ c: ArrayConfig) {
        act = In("act", .unsigned(c.rows * c.activation.codeWidth))
        wLoad = In("w_load", .unsigned(c.rows))
        wData = In("w_data", .unsigned(c.weight.codeWidth))
        s1Row = In("s1_row", .unsigned(c.rowIndexWidth))
        memRaddr = In("mem_raddr", .unsigned(c.rowIndexWidth))
        shift = In("shift", .unsigned(c.shiftBits))
        code = Out("code", .unsigned(c.target.codeWidth))
    }
}

/// The ports of the array's cell (`ArrayGenerator.cellComponent`): a stationary weight loaded on
/// `w_load`, the product of `act` and that weight registered on `en` as q and a carry
/// (q + carry = the product, q read as a signed number).
public struct ArrayCellPorts: PortSignature {
    public let act: In
    public let wLoad = In("w_load", .bit)
    public let wData: In
    public let en = In("en", .bit)
    public let q: Out
    public let carry = Out("carry", .bit)

    public init(_ c: ArrayConfig) {
        act = In("act", .unsigned(c.activation.codeWidth))
        wData = In("w_data", .unsigned(c.weight.codeWidth))
        q = Out("q", .unsigned(PEConfig.productType(c.activation, c.weight).width))
    }
}

/// The ports of the array's requantizer (built by `RequantizerGenerator`), checked at instantiation.
public struct RequantizerPorts: PortSignature {
    public let acc: In
    public let shift: In
    public let code: Out

    public init(_ r: RequantizerConfig) {
        acc = In("acc", .signed(r.accumulatorWidth))
        shift = In("shift", .signed(r.shiftBits))
        code = Out("code", .unsigned(r.target.codeWidth))
    }
}
