import BigInt
import ShiftwrightHDL

/// Generates the array controller of spec §5.3: a five-state FSM written in the DSL.
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
    /// FSM state encoding (the `state` register).
    public enum State: Int, CaseIterable, Sendable { case idle = 0, load, stream, flush, drain }

    public static func module(_ c: ArrayConfig) throws -> Module {
        let aw = c.rowIndexWidth, tw = c.tileIndexWidth, rw = max(1, PEConfig.log2Ceiling(c.rows))
        return try Module.build(c.controllerName, generator: "ShiftwrightGenerators.ControllerGenerator", parameters: [
            ("rows", "\(c.rows)"), ("max_rows", "\(c.maxRows)"), ("max_tiles", "\(c.maxTiles)"),
            ("states", State.allCases.map { "\($0)=\($0.rawValue)" }.joined(separator: ",")),
        ]) { m in
            let start = m.input("start", .bit)
            let lastRow = m.input("last_row", .unsigned(aw))
            let lastTile = m.input("last_tile", .unsigned(tw))
            let shiftIn = m.input("shift", .signed(c.shiftBits))
            let wValid = m.input("w_valid", .bit)
            let aValid = m.input("a_valid", .bit)
            let yReady = m.input("y_ready", .bit)

            let state = m.reg("state", .unsigned(3), reset: 0)
            func code(_ s: State) -> BigInt { BigInt(s.rawValue) }
            let idle = state.eq(code(.idle)).named("st_idle")
            let loading = state.eq(code(.load)).named("st_load")
            let streaming = state.eq(code(.stream)).named("st_stream")
            let flushing = state.eq(code(.flush)).named("st_flush")
            let draining = state.eq(code(.drain)).named("st_drain")

            let rowsQ = m.reg("rows_q", .unsigned(aw), reset: 0)
            let tilesQ = m.reg("tiles_q", .unsigned(tw), reset: 0)
            let shiftQ = m.reg("shift_reg", .signed(c.shiftBits), reset: 0)
            let wCnt = m.reg("w_cnt", .unsigned(rw), reset: 0)
            let tile = m.reg("tile", .unsigned(tw), reset: 0)
            let aCnt = m.reg("a_cnt", .unsigned(aw), reset: 0)
            let rdPtr = m.reg("rd_ptr", .unsigned(aw + 1), reset: 0)
            let outValid = m.reg("out_valid", .bit, reset: 0)
            let doneQ = m.reg("done_q", .bit, reset: 0)
            let s1Valid = m.reg("s1_valid_q", .bit, reset: 0)
            let s1Row = m.reg("s1_row_q", .unsigned(aw), reset: 0)
            let s1First = m.reg("s1_first_q", .bit, reset: 0)

            let wFire = (loading & wValid).named("w_fire")
            let aFire = (streaming & aValid).named("a_fire")
            let wLast = wCnt.eq(BigInt(c.rows - 1)).named("w_last")
            let rowLast = aCnt.eq(rowsQ).named("row_last")
            let tileLast = tile.eq(tilesQ).named("tile_last")
            let allRead = rdPtr.eq(rowsQ + BigInt(1)).named("all_read")
            let advance = (draining & (~outValid | yReady)).named("drain_advance")
            let finish = (draining & outValid & yReady & allRead).named("finish")

            doneQ.assign(finish)
            s1Valid.assign(aFire)
            s1Row.assign(aCnt)
            s1First.assign(tile.isZero)

            m.when(idle & start) {
                state.assign(code(.load))
                rowsQ.assign(lastRow)
                tilesQ.assign(lastTile)
                shiftQ.assign(shiftIn)
                wCnt.assign(0)
                tile.assign(0)
            }
            m.when(wFire) {
                wCnt.assign(increment(wCnt))
                m.when(wLast) {
                    state.assign(code(.stream))
                    wCnt.assign(0)
                    aCnt.assign(0)
                }
            }
            m.when(aFire) {
                aCnt.assign(increment(aCnt))
                m.when(rowLast) {
                    aCnt.assign(0)
                    m.when(tileLast) { state.assign(code(.flush)) }.otherwise {
                        state.assign(code(.load))
                        tile.assign(increment(tile))
                    }
                }
            }
            m.when(flushing) {
                state.assign(code(.drain))
                rdPtr.assign(0)
                outValid.assign(0)
            }
            m.when(advance) {
                outValid.assign(~allRead)
                m.when(~allRead) { rdPtr.assign(increment(rdPtr)) }
            }
            m.when(finish) { state.assign(code(.idle)) }

            m.output("busy", ~idle)
            m.output("done", doneQ)
            m.output("w_ready", loading)
            m.output("a_ready", streaming)
            m.output("y_valid", outValid)
            m.output("w_load", wFire)
            m.output("w_row", wCnt)
            m.output("pe_en", aFire)
            m.output("s1_valid", s1Valid)
            m.output("s1_row", s1Row)
            m.output("s1_first", s1First)
            m.output("mem_raddr", m.mux(draining, rdPtr.truncated(to: aw), aCnt))
            m.output("mem_ren", ~draining | advance)
            m.output("shift_q", shiftQ)
        }
    }

    /// `value + 1` wrapped to the register's width.
    static func increment(_ value: Signal) -> Signal { (value + BigInt(1)).truncated(to: value.width) }
}
