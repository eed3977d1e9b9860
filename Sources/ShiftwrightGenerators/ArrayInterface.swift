import ShiftwrightFormats

/// The array's interface as documented in its Verilog header and JSON sidecar `parameters`:
/// sizes, widths, the port list with its meaning, handshake and timing rules.
public enum ArrayInterface {
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
            ("timing", "without stalls the last result transfers 3 + T*(rows + M) + M cycles after start; the first result is valid 3 cycles after the last activation beat"),
            ("start_while_busy", "ignored: the running GEMM continues unchanged and nothing is queued"),
            ("reset", "synchronous active-high rst aborts a run; the array is idle afterwards"),
        ]
    }
}
