import ShiftwrightFormats
import ShiftwrightHDL

/// The AXI interface of a PE array (`AxiArrayGenerator`): names, stream widths, the AXI4-Lite
/// register map and the documentation written into the Verilog header and JSON sidecar. Stated
/// only here: the generator, the exported testbench and docs/axi.md read it.
public enum AxiArrayInterface {
    /// One 32-bit register of the AXI4-Lite block, at byte offset `offset`.
    public enum Register: Int, CaseIterable, Sendable {
        case control = 0x00, status = 0x04, lastRow = 0x08, lastTile = 0x0C, shift = 0x10
        case id = 0x14, shape = 0x18, widths = 0x1C, maxRows = 0x20, maxTiles = 0x24

        public var offset: Int { rawValue }
        /// Word index on the address bus (`addr[addressWidth-1:2]`).
        public var word: Int { rawValue / 4 }
        /// Writable by software (the others answer a write with SLVERR and keep their value).
        public var writable: Bool { self == .control || self == .status || self == .lastRow || self == .lastTile || self == .shift }
        /// Register name as the documentation spells it.
        public var name: String {
            switch self {
            case .control: "CONTROL"
            case .status: "STATUS"
            case .lastRow: "LAST_ROW"
            case .lastTile: "LAST_TILE"
            case .shift: "SHIFT"
            case .id: "ID"
            case .shape: "SHAPE"
            case .widths: "WIDTHS"
            case .maxRows: "MAX_ROWS"
            case .maxTiles: "MAX_TILES"
            }
        }
    }

    /// Bits of the STATUS register (bit 0 reads the array's `busy`; the others are sticky,
    /// set by hardware and cleared by writing 1 to them).
    public enum StatusBit: Int, CaseIterable, Sendable {
        case busy = 0, done, weightTlastError, activationTlastError, startIgnored
        public var mask: UInt32 { 1 << UInt32(rawValue) }
        /// The bit's name in the RTL (`status_<name>_q`) and, upper-cased, in the documentation.
        public var rtlName: String {
            switch self {
            case .busy: "busy"
            case .done: "done"
            case .weightTlastError: "w_tlast_error"
            case .activationTlastError: "a_tlast_error"
            case .startIgnored: "start_ignored"
            }
        }
    }

    /// The value of the read-only ID register: ASCII "SWA" and interface version 1.
    public static let identifier: UInt32 = 0x5357_4101
    /// Byte-address width of the AXI4-Lite port: 16 words, the map's 10 and 6 unmapped.
    public static let addressWidth = 6
    /// AXI response codes (BRESP/RRESP): OKAY and SLVERR.
    public static let okay = 0, slverr = 2

    /// Verilog name of the AXI top (`aclk`/`aresetn`) over the array.
    public static func topName(_ c: ArrayConfig) -> String { GeneratorNames.bounded("\(c.moduleName)_axi") }
    /// Verilog name of the wrapper written in the DSL (implicit `clk`/`rst`), which the top instantiates.
    public static func coreName(_ c: ArrayConfig) -> String { GeneratorNames.bounded("\(c.moduleName)_axi_core") }

    /// `bits` rounded up to whole bytes: AXI4-Stream TDATA is a whole number of bytes.
    public static func byteAligned(_ bits: Int) -> Int { (bits + 7) / 8 * 8 }
    /// TDATA width of `s_axis_w`: C weight codes, byte-aligned.
    public static func weightDataWidth(_ c: ArrayConfig) -> Int { byteAligned(c.cols * c.weight.codeWidth) }
    /// TDATA width of `s_axis_a`: R activation codes, byte-aligned.
    public static func activationDataWidth(_ c: ArrayConfig) -> Int { byteAligned(c.rows * c.activation.codeWidth) }
    /// TDATA width of `m_axis_y`: C result codes, byte-aligned.
    public static func resultDataWidth(_ c: ArrayConfig) -> Int { byteAligned(c.cols * c.target.codeWidth) }

    /// The read-only discovery registers' values for `c` (what software reads back).
    public static func readOnlyValue(_ register: Register, _ c: ArrayConfig) -> UInt32? {
        switch register {
        case .id: identifier
        case .shape: UInt32(c.rows) | UInt32(c.cols) << 16
        case .widths: UInt32(c.activation.codeWidth) | UInt32(c.weight.codeWidth) << 8
            | UInt32(c.target.codeWidth) << 16 | UInt32(c.shiftBits) << 24
        case .maxRows: UInt32(c.maxRows)
        case .maxTiles: UInt32(c.maxTiles)
        default: nil
        }
    }

    /// Checks that the configuration's register fields fit the 32-bit map.
    public static func check(_ c: ArrayConfig) throws {
        guard (1...32).contains(c.shiftBits) else {
            throw GeneratorError("the AXI interface holds SHIFT in 32 bits; --shift-bits \(c.shiftBits) does not fit")
        }
        guard c.activation.codeWidth < 256, c.weight.codeWidth < 256, c.target.codeWidth < 256 else {
            throw GeneratorError("the AXI WIDTHS register holds code widths below 256 bits")
        }
    }

    /// `0x` and eight upper-case hexadecimal digits.
    static func hex32(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// How a stream's TDATA pads the array's `used` bits to `width`: `input` bits are ignored, output bits are 0.
    static func padding(used: Int, width: Int, input: Bool) -> String {
        used == width ? "no padding" : "bits [\(width - 1):\(used)] " + (input ? "ignored" : "are 0")
    }

    /// Key/value pairs (in order) describing the AXI top, after the array's own (`ArrayInterface`).
    public static func parameters(_ c: ArrayConfig) -> [(String, String)] {
        let lastRow = "bits [\(c.rowIndexWidth - 1):0]", lastTile = "bits [\(c.tileIndexWidth - 1):0]"
        return ArrayInterface.parameters(c).filter { !$0.0.hasPrefix("port.") && $0.0 != "reset" && $0.0 != "handshake" } + [
            ("interface", "axi: AXI4-Stream weights, activations and results, AXI4-Lite registers (docs/axi.md)"),
            ("clock_reset", "aclk rising edge; aresetn active low, sampled synchronously; the array is idle and every register is reset while aresetn is 0"),
            ("axis.s_axis_w", "weight stream, TDATA \(weightDataWidth(c)) bits: beat r of a tile = W[t*rows + r][0..cols-1], column j in bits [j*\(c.weight.codeWidth), (j+1)*\(c.weight.codeWidth)); \(padding(used: c.cols * c.weight.codeWidth, width: weightDataWidth(c), input: true)); TLAST = 1 on the last beat of every tile (beat rows-1)"),
            ("axis.s_axis_a", "activation stream, TDATA \(activationDataWidth(c)) bits: per tile M beats, beat m = X[m][t*rows .. t*rows+rows-1], element r in bits [r*\(c.activation.codeWidth), (r+1)*\(c.activation.codeWidth)); \(padding(used: c.rows * c.activation.codeWidth, width: activationDataWidth(c), input: true)); TLAST = 1 on the last row of every tile (beat M-1)"),
            ("axis.m_axis_y", "result stream, TDATA \(resultDataWidth(c)) bits: M beats in row order, beat m = Y[m][0..cols-1], column j in bits [j*\(c.target.codeWidth), (j+1)*\(c.target.codeWidth)); \(padding(used: c.cols * c.target.codeWidth, width: resultDataWidth(c), input: false)); TLAST = 1 on the last row of the GEMM (beat M-1)"),
            ("axis.rules", "AXI4-Stream: a beat transfers when TVALID and TREADY are both 1; m_axis_y holds TVALID, TDATA and TLAST until the transfer; TREADY of the inputs is 1 only while the array takes that stream (no TKEEP/TSTRB/TID/TDEST/TUSER: every byte is data)"),
            ("axis.tlast_check", "an input beat whose TLAST differs from the rule above is still used as data and sets the sticky STATUS error bit of its stream (W_TLAST_ERROR or A_TLAST_ERROR)"),
            ("axil", "AXI4-Lite slave s_axi_*: \(addressWidth)-bit byte addresses (bits [1:0] ignored), 32-bit data; a write is taken in the cycle AWVALID and WVALID are both 1 and no response is pending (AWREADY = WREADY = that cycle), one response at a time; ARREADY = 1 while no read response is pending; BRESP/RRESP OKAY (0) or SLVERR (2); WSTRB honoured per byte (CONTROL and STATUS act only with WSTRB[0]); no AWPROT/ARPROT (unused by this slave)"),
            ("reg.0x00.CONTROL", "write-only (reads 0): bit 0 START = 1 starts a GEMM with LAST_ROW, LAST_TILE and SHIFT; while busy the start is ignored and STATUS.START_IGNORED is set"),
            ("reg.0x04.STATUS", "bit 0 BUSY (read-only: a GEMM is running), bit 1 DONE (sticky: the last result transferred), bit 2 W_TLAST_ERROR, bit 3 A_TLAST_ERROR, bit 4 START_IGNORED (sticky); write 1 to bits 1-4 to clear them (a bit set in the same cycle stays set)"),
            ("reg.0x08.LAST_ROW", "read/write, \(lastRow): M - 1 of the next GEMM (latched at START; changing it while busy does not affect the running GEMM)"),
            ("reg.0x0C.LAST_TILE", "read/write, \(lastTile): T - 1 of the next GEMM (T = ceil(K / rows))"),
            ("reg.0x10.SHIFT", "read/write, signed bits [\(c.shiftBits - 1):0] (reads sign-extended to 32 bits): requantization exponent, y = code nearest acc * 2^SHIFT"),
            ("reg.0x14.ID", "read-only \(hex32(identifier)) (ASCII \"SWA\", interface version 1)"),
            ("reg.0x18.SHAPE", "read-only: rows in bits [15:0], cols in bits [31:16] (\(hex32(readOnlyValue(.shape, c)!)))"),
            ("reg.0x1C.WIDTHS", "read-only: activation code bits [7:0], weight [15:8], target [23:16], shift bits [31:24] (\(hex32(readOnlyValue(.widths, c)!)))"),
            ("reg.0x20.MAX_ROWS", "read-only: largest M per GEMM (\(c.maxRows))"),
            ("reg.0x24.MAX_TILES", "read-only: largest T per GEMM (\(c.maxTiles))"),
            ("reg.unmapped", "0x28-0x3C: reads return 0 with SLVERR, writes have no effect and answer SLVERR; writes to the read-only registers answer SLVERR too"),
            ("sequence", "write LAST_ROW, LAST_TILE, SHIFT; write CONTROL = 1; stream T tiles (rows weight beats, then M activation beats each); read M result beats; poll STATUS until DONE, then write 0x2 to STATUS"),
        ]
    }
}
