import BigInt
import ShiftwrightHDL

/// Generates the AXI wrapper of a PE array: the array of `ArrayGenerator`, instantiated
/// unchanged, behind AXI4-Stream slaves `s_axis_w_*` (weights) and `s_axis_a_*` (activations),
/// an AXI4-Stream master `m_axis_y_*` (results) and an AXI4-Lite slave `s_axi_*` holding the
/// register block of `AxiArrayInterface` (CONTROL, STATUS, LAST_ROW, LAST_TILE, SHIFT and the
/// read-only ID/SHAPE/WIDTHS/MAX_ROWS/MAX_TILES).
///
/// This module is written in the DSL, so it has the implicit `clk` and active-high `rst`; the
/// AMBA-named top `<array>_axi` (`aclk`, active-low `aresetn`) around it is `ShiftwrightVerilog.AmbaTop`
/// (named by `AxiArrayInterface.topName`).
///
/// TLAST. The wrapper counts the beats of each stream: weights wrap every `rows` beats (one
/// tile), activations and results every M beats (M − 1 latched from LAST_ROW at START). It drives
/// `m_axis_y_tlast` on the last result row of the GEMM and compares each input beat's TLAST with
/// the last beat of its tile; a mismatch sets the sticky STATUS bit of that stream (the beat is
/// still used as data: the stream's framing is the array's, TLAST only checks it).
public enum AxiArrayGenerator {
    /// The elaborated wrapper (the array is its instance `array`).
    public static func module(_ c: ArrayConfig) throws -> Module { try component(c).module }

    /// The wrapper with its typed ports (`AxiArrayPorts`).
    public static func component(_ c: ArrayConfig) throws -> Component<AxiArrayPorts> {
        try AxiArrayInterface.check(c)
        let array = try ArrayGenerator.component(c)
        let aw = c.rowIndexWidth
        return try Module.build(AxiArrayInterface.coreName(c), ports: AxiArrayPorts(c), generator: "ShiftwrightGenerators.AxiArrayGenerator",
                                parameters: AxiArrayInterface.parameters(c)) { m, io in
            let regs = registerBlock(c, m: m, io: io)
            let dut = m.instance(array, name: "array") {
                $0.control.start = regs.start
                $0.control.lastRow = regs.lastRow
                $0.control.lastTile = regs.lastTile
                $0.control.shift = regs.shift
                $0.control.wValid = io.weightValid
                $0.control.aValid = io.actValid
                $0.control.yReady = io.resultReady
                $0.wData = io.weightData[c.cols * c.weight.codeWidth - 1, 0]
                $0.aData = io.actData[c.rows * c.activation.codeWidth - 1, 0]
            }
            regs.busy.assign(dut.control.busy)
            regs.done.assign(dut.control.done)
            io.weightReady.assign(dut.control.wReady)
            io.actReady.assign(dut.control.aReady)
            io.resultValid.assign(dut.control.yValid)
            io.resultData.assign(dut.yData.extended(to: AxiArrayInterface.resultDataWidth(c)))

            // M − 1 of the running GEMM (LAST_ROW may change while busy), latched when the array takes START.
            let accepted = (regs.start && !dut.control.busy).named("start_accepted")
            let runLastRow = m.reg("run_last_row", .unsigned(aw), reset: 0, enable: accepted)
            runLastRow.assign(regs.lastRow)
            let wFire = (io.weightValid && dut.control.wReady).named("w_fire")
            let aFire = (io.actValid && dut.control.aReady).named("a_fire")
            let yFire = (dut.control.yValid && io.resultReady).named("y_fire")
            let rowType = HWType.unsigned(ControllerGenerator.weightRowWidth(c))
            let lastWeight = lastBeat("w_beat", rowType, last: m.constant(BigInt(c.rows - 1), rowType), fire: wFire, restart: accepted, m: m)
            let lastActivation = lastBeat("a_beat", .unsigned(aw), last: runLastRow, fire: aFire, restart: accepted, m: m)
            let lastResult = lastBeat("y_beat", .unsigned(aw), last: runLastRow, fire: yFire, restart: accepted, m: m)
            regs.weightTlastError.assign((wFire && (io.weightLast .!= lastWeight)).named("w_tlast_wrong"))
            regs.activationTlastError.assign((aFire && (io.actLast .!= lastActivation)).named("a_tlast_wrong"))
            regs.startIgnored.assign((regs.start && dut.control.busy).named("start_while_busy"))
            io.resultLast.assign(lastResult)
        }
    }

    /// Whether the beat on a stream is the last of its frame: a counter `name` of the transfers
    /// (`fire`), back to 0 after the one where it equals `last`, and on `restart`.
    static func lastBeat(_ name: String, _ type: HWType, last: Signal, fire: Signal, restart: Signal, m: ModuleBuilder) -> Signal {
        let count = m.reg(name, type, reset: 0)
        let isLast = (count .== last).named("\(name)_is_last")
        m.when(fire) { count.assign(m.mux(isLast, m.constant(0, type), ControllerGenerator.increment(count))) }
        m.when(restart) { count.assign(0) }
        return isLast
    }

    /// 1 when `word` is the word address of one of `registers` (at least one).
    static func addresses(_ word: Signal, _ registers: [AxiArrayInterface.Register], m: ModuleBuilder) -> Signal {
        let matches = registers.map { word .== BigInt($0.word) }
        return matches.dropFirst().reduce(matches[0]) { $0 | $1 }
    }

    /// OKAY when `ok`, else SLVERR.
    static func response(ok: Signal, m: ModuleBuilder) -> Signal {
        let type = HWType.unsigned(2)
        return m.mux(ok, m.constant(BigInt(AxiArrayInterface.okay), type), m.constant(BigInt(AxiArrayInterface.slverr), type))
    }

    /// What the register block gives the array, and the events it records in STATUS (wires the
    /// caller drives).
    struct RegisterBlock {
        let start: Signal, lastRow: Signal, lastTile: Signal, shift: Signal
        let busy: Signal, done: Signal, weightTlastError: Signal, activationTlastError: Signal, startIgnored: Signal
    }

    /// The AXI4-Lite slave and its registers (`AxiArrayInterface.Register`): one write and one
    /// read in flight at a time, responses held until taken.
    static func registerBlock(_ c: ArrayConfig, m: ModuleBuilder, io: Ports<AxiArrayPorts>) -> RegisterBlock {
        typealias R = AxiArrayInterface.Register
        typealias S = AxiArrayInterface.StatusBit
        let word = HWType.unsigned(32), respType = HWType.unsigned(2)
        let busy = m.wire("run_busy", .bit), done = m.wire("run_done", .bit)
        let wTlastError = m.wire("w_tlast_error", .bit), aTlastError = m.wire("a_tlast_error", .bit)
        let startIgnored = m.wire("start_ignored", .bit)

        // Write channel: AW and W are taken together, in a cycle where both are valid and no response is pending.
        let bValid = m.reg("bvalid_q", .bit, reset: 0)
        let bResp = m.reg("bresp_q", respType, reset: 0)
        let writeFire = (io.awValid && io.wValid && !bValid).named("write_fire")
        let writeWord = io.awAddr[AxiArrayInterface.addressWidth - 1, 2].named("write_word")
        func writes(_ r: R) -> Signal { (writeFire && (writeWord .== BigInt(r.word))).named("write_\(r.name.lowercased())") }
        m.when(writeFire) {
            bValid.assign(1)
            bResp.assign(response(ok: addresses(writeWord, R.allCases.filter(\.writable), m: m).named("write_ok"), m: m))
        }
        m.when(bValid && io.bReady) { bValid.assign(0) }
        io.bValid.assign(bValid)
        io.bResp.assign(bResp)
        io.awReady.assign(writeFire)
        io.wReady.assign(writeFire)

        // WSTRB: byte b of a register takes WDATA's byte b only where WSTRB[b] is 1.
        let strobeMask = m.concat((0..<4).reversed().map { b in m.concat(Array(repeating: io.wStrb[b], count: 8)) }).named("wstrb_mask")
        func merged(_ old: Signal) -> Signal {
            let old32 = old.asUnsigned().extended(to: 32)
            return ((old32 & ~strobeMask) | (io.wData & strobeMask)).truncated(to: old.width)
        }
        func readWrite(_ r: R, _ type: HWType) -> Signal {
            let q = m.reg(r.name.lowercased() + "_q", type, reset: 0)
            m.when(writes(r)) { q.assign(type.isSigned ? merged(q).asSigned() : merged(q)) }
            return q
        }
        let lastRow = readWrite(.lastRow, .unsigned(c.rowIndexWidth))
        let lastTile = readWrite(.lastTile, .unsigned(c.tileIndexWidth))
        let shift = readWrite(.shift, .signed(c.shiftBits))

        // CONTROL.START: one-cycle pulse into the array, the cycle after the write.
        let lowByte = io.wStrb[0].named("wstrb_low_byte")
        let start = m.reg("start_q", .bit, reset: 0)
        start.assign((writes(.control) && lowByte && io.wData[0]).named("start_written"))

        // STATUS: sticky bits, set by their event, cleared by writing 1 (an event in the same cycle wins).
        let clearing = (writes(.status) && lowByte).named("status_write")
        func sticky(_ bit: S, _ event: Signal) -> Signal {
            let q = m.reg("status_\(bit.rtlName)_q", .bit, reset: 0)
            q.assign(event | (q && !(clearing && io.wData[bit.rawValue])))
            return q
        }
        let stickyBits: [S: Signal] = [.done: sticky(.done, done), .weightTlastError: sticky(.weightTlastError, wTlastError),
                                       .activationTlastError: sticky(.activationTlastError, aTlastError),
                                       .startIgnored: sticky(.startIgnored, startIgnored)]
        let status = m.concat(S.allCases.reversed().map { $0 == .busy ? busy : stickyBits[$0]! }).extended(to: 32).named("status_word")

        // Read channel: ARREADY while no response is pending; the response holds until RREADY.
        let rValid = m.reg("rvalid_q", .bit, reset: 0)
        let rData = m.reg("rdata_q", word, reset: 0)
        let rResp = m.reg("rresp_q", respType, reset: 0)
        let readFire = (io.arValid && !rValid).named("read_fire")
        let readWord = io.arAddr[AxiArrayInterface.addressWidth - 1, 2].named("read_word")
        func value(_ r: R) -> Signal {
            if let constant = AxiArrayInterface.readOnlyValue(r, c) { return m.constant(BigInt(constant), word) }
            switch r {
            case .control: return m.constant(0, word)
            case .status: return status
            case .lastRow: return lastRow.extended(to: 32)
            case .lastTile: return lastTile.extended(to: 32)
            default: return shift.extended(to: 32).asUnsigned()
            }
        }
        let readValue = R.allCases.reversed().reduce(m.constant(0, word)) { rest, r in m.mux(readWord .== BigInt(r.word), value(r), rest) }
        m.when(readFire) {
            rValid.assign(1)
            rData.assign(readValue.named("read_value"))
            rResp.assign(response(ok: addresses(readWord, Array(R.allCases), m: m).named("read_ok"), m: m))
        }
        m.when(rValid && io.rReady) { rValid.assign(0) }
        io.arReady.assign(!rValid)
        io.rValid.assign(rValid)
        io.rData.assign(rData)
        io.rResp.assign(rResp)

        return RegisterBlock(start: start, lastRow: lastRow, lastTile: lastTile, shift: shift, busy: busy, done: done,
                             weightTlastError: wTlastError, activationTlastError: aTlastError, startIgnored: startIgnored)
    }
}

/// The ports of the AXI wrapper (`AxiArrayGenerator`), AMBA names: the three AXI4-Stream
/// interfaces, then the AXI4-Lite slave (the top adds `aclk` and `aresetn`).
public struct AxiArrayPorts: PortSignature {
    public let weightValid = In("s_axis_w_tvalid", .bit)
    public let weightReady = Out("s_axis_w_tready", .bit)
    public let weightData: In
    public let weightLast = In("s_axis_w_tlast", .bit)
    public let actValid = In("s_axis_a_tvalid", .bit)
    public let actReady = Out("s_axis_a_tready", .bit)
    public let actData: In
    public let actLast = In("s_axis_a_tlast", .bit)
    public let resultValid = Out("m_axis_y_tvalid", .bit)
    public let resultReady = In("m_axis_y_tready", .bit)
    public let resultData: Out
    public let resultLast = Out("m_axis_y_tlast", .bit)
    public let awAddr = In("s_axi_awaddr", .unsigned(AxiArrayInterface.addressWidth))
    public let awValid = In("s_axi_awvalid", .bit)
    public let awReady = Out("s_axi_awready", .bit)
    public let wData = In("s_axi_wdata", .unsigned(32))
    public let wStrb = In("s_axi_wstrb", .unsigned(4))
    public let wValid = In("s_axi_wvalid", .bit)
    public let wReady = Out("s_axi_wready", .bit)
    public let bResp = Out("s_axi_bresp", .unsigned(2))
    public let bValid = Out("s_axi_bvalid", .bit)
    public let bReady = In("s_axi_bready", .bit)
    public let arAddr = In("s_axi_araddr", .unsigned(AxiArrayInterface.addressWidth))
    public let arValid = In("s_axi_arvalid", .bit)
    public let arReady = Out("s_axi_arready", .bit)
    public let rData = Out("s_axi_rdata", .unsigned(32))
    public let rResp = Out("s_axi_rresp", .unsigned(2))
    public let rValid = Out("s_axi_rvalid", .bit)
    public let rReady = In("s_axi_rready", .bit)

    public init(_ c: ArrayConfig) {
        weightData = In("s_axis_w_tdata", .unsigned(AxiArrayInterface.weightDataWidth(c)))
        actData = In("s_axis_a_tdata", .unsigned(AxiArrayInterface.activationDataWidth(c)))
        resultData = Out("m_axis_y_tdata", .unsigned(AxiArrayInterface.resultDataWidth(c)))
    }
}
