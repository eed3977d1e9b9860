import BigInt
import ShiftwrightHDL

/// Generates the array controller of spec §5.3: a five-state `StateMachine` written in the DSL,
/// its transitions one `switch` over the states.
///
/// States: `IDLE` (0) → on `start`: latch `last_row` (M − 1), `last_tile` (T − 1) and `shift` →
/// `LOAD` (1): accept R weight beats (`w_valid`/`w_ready`), beat r loads row r of the tile →
/// `STREAM` (2): accept M activation beats (`a_valid`/`a_ready`); after the last one either the
/// next tile's `LOAD` or, after the last tile, `FLUSH` (3): one cycle so the last buffer write lands →
/// `DRAIN` (4): read the buffer row by row into the output register (`y_valid`/`y_ready`); the
/// transfer of the last row returns to `IDLE` and pulses `done` in the next cycle.
///
/// `start` is only looked at in `IDLE`: a `start` while `busy` is ignored (the running GEMM is
/// not disturbed and no second run is queued). `rst` (synchronous) aborts a run at any point.
///
/// Datapath strobes it drives: `w_load`/`w_row` (write weight row), `pe_en` (an activation beat
/// enters the PEs), the stage-1 signals `s1_valid`/`s1_row`/`s1_first` (one cycle later the column
/// sums of that beat are added to buffer row `s1_row`, or written alone in tile 0), and the buffer
/// read port `mem_raddr`/`mem_ren` (the row of the current beat while streaming; the drain
/// pointer, stalled by back-pressure, while draining).
public enum ControllerGenerator {
    /// FSM states, encoded in this order (the `state` register; `localparam`s `IDLE`…`DRAIN`).
    public enum State: Int, CaseIterable, Sendable { case idle = 0, load, stream, flush, drain }

    /// Width of the weight-row counter (`w_row`).
    public static func weightRowWidth(_ c: ArrayConfig) -> Int { max(1, PEConfig.log2Ceiling(c.rows)) }

    /// The elaborated controller.
    public static func module(_ c: ArrayConfig) throws -> Module { try component(c).module }

    /// The controller with its typed ports (`ControllerPorts`).
    public static func component(_ c: ArrayConfig) throws -> Component<ControllerPorts> {
        let aw = c.rowIndexWidth, tw = c.tileIndexWidth
        return try Module.build(c.controllerName, ports: ControllerPorts(c), generator: "ShiftwrightGenerators.ControllerGenerator", parameters: [
            ("rows", "\(c.rows)"), ("max_rows", "\(c.maxRows)"), ("max_tiles", "\(c.maxTiles)"),
            ("states", State.allCases.map { "\($0)=\($0.rawValue)" }.joined(separator: ",")),
        ]) { m, io in
            let fsm = m.stateMachine("state", State.self)
            let idle = fsm.isIn(.idle).named("st_idle")
            let loading = fsm.isIn(.load).named("st_load")
            let streaming = fsm.isIn(.stream).named("st_stream")
            let draining = fsm.isIn(.drain).named("st_drain")

            let rowsQ = m.reg("rows_q", .unsigned(aw), reset: 0)
            let tilesQ = m.reg("tiles_q", .unsigned(tw), reset: 0)
            let shiftQ = m.reg("shift_reg", .signed(c.shiftBits), reset: 0)
            let wCnt = m.reg("w_cnt", .unsigned(weightRowWidth(c)), reset: 0)
            let tile = m.reg("tile", .unsigned(tw), reset: 0)
            let aCnt = m.reg("a_cnt", .unsigned(aw), reset: 0)
            let rdPtr = m.reg("rd_ptr", .unsigned(aw + 1), reset: 0)
            let outValid = m.reg("out_valid", .bit, reset: 0)
            let doneQ = m.reg("done_q", .bit, reset: 0)
            let s1Valid = m.reg("s1_valid_q", .bit, reset: 0)
            let s1Row = m.reg("s1_row_q", .unsigned(aw), reset: 0)
            let s1First = m.reg("s1_first_q", .bit, reset: 0)

            let wFire = (loading && io.control.wValid).named("w_fire")
            let aFire = (streaming && io.control.aValid).named("a_fire")
            let wLast = (wCnt .== BigInt(c.rows - 1)).named("w_last")
            let rowLast = (aCnt .== rowsQ).named("row_last")
            let tileLast = (tile .== tilesQ).named("tile_last")
            let allRead = (rdPtr .== rowsQ + BigInt(1)).named("all_read")
            let advance = (draining && (!outValid || io.control.yReady)).named("drain_advance")
            let finish = (draining && outValid && io.control.yReady && allRead).named("finish")

            doneQ.assign(finish)
            s1Valid.assign(aFire)
            s1Row.assign(aCnt)
            s1First.assign(tile.isZero)

            fsm.switch { state in
                state.when(.idle) {
                    m.when(io.control.start) {
                        fsm.goto(.load)
                        rowsQ.assign(io.control.lastRow)
                        tilesQ.assign(io.control.lastTile)
                        shiftQ.assign(io.control.shift)
                        wCnt.assign(0)
                        tile.assign(0)
                    }
                }
                state.when(.load) {
                    m.when(io.control.wValid) {
                        wCnt.assign(increment(wCnt))
                        m.when(wLast) {
                            fsm.goto(.stream)
                            wCnt.assign(0)
                            aCnt.assign(0)
                        }
                    }
                }
                state.when(.stream) {
                    m.when(io.control.aValid) {
                        aCnt.assign(increment(aCnt))
                        m.when(rowLast) {
                            aCnt.assign(0)
                            m.when(tileLast) { fsm.goto(.flush) }.otherwise {
                                fsm.goto(.load)
                                tile.assign(increment(tile))
                            }
                        }
                    }
                }
                state.when(.flush) {
                    fsm.goto(.drain)
                    rdPtr.assign(0)
                    outValid.assign(0)
                }
                state.when(.drain) {
                    m.when(advance) {
                        outValid.assign(~allRead)
                        m.when(~allRead) { rdPtr.assign(increment(rdPtr)) }
                    }
                    m.when(finish) { fsm.goto(.idle) }
                }
            }

            io.control.busy.assign(~idle)
            io.control.done.assign(doneQ)
            io.control.wReady.assign(loading)
            io.control.aReady.assign(streaming)
            io.control.yValid.assign(outValid)
            io.wLoad.assign(wFire)
            io.wRow.assign(wCnt)
            io.peEn.assign(aFire)
            io.s1Valid.assign(s1Valid)
            io.s1Row.assign(s1Row)
            io.s1First.assign(s1First)
            io.memRaddr.assign(m.mux(draining, rdPtr.truncated(to: aw), aCnt))
            io.memRen.assign(~draining | advance)
            io.shiftQ.assign(shiftQ)
        }
    }

    /// `value + 1` wrapped to the register's width.
    static func increment(_ value: Signal) -> Signal { (value + BigInt(1)).truncated(to: value.width) }
}
