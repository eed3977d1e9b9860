import Testing
import ShiftwrightGenerators
import ShiftwrightYosys
import ShiftwrightFlows
import ShiftwrightTooling
import ShiftwrightFormats

/// Place and route with the pinned nextpnr 0.11 (YoWASP builds from PyPI, installed by setup) on
/// iCE40 and ECP5: every design bare and inside the registered-I/O wrapper, seeds printed.
@Suite struct TimingTests {
    @Test(arguments: ["ice40-hx8k", "ecp5-25k"])
    func peAndBaselineHaveAnFmaxBareAndRegistered(device: String) throws {
        let config = try SynthTestSupport.ausn84()
        let pnr = Nextpnr(device: try PlaceAndRouteDevice(parsing: device), seed: 3)
        let results = try pnr.compare(try .pe(config), baseline: try .pe(try config.integerBaseline()), yosys: Yosys())
        #expect(results.map(\.registeredIO) == [false, true, false, true])
        #expect(results.map(\.design) == [config.moduleName, config.moduleName, try config.integerBaseline().moduleName,
                                          try config.integerBaseline().moduleName])
        for r in results {
            #expect(r.fmaxMHz > 20 && r.fmaxMHz < 1000, "\(r.top): \(r.fmaxMHz) MHz")
            #expect(r.seed == 3 && r.device == device && r.nextpnrVersion.contains("0.11"))
            #expect((r.wrapperVerilog != nil) == r.registeredIO)
        }
        let text = TimingTable.text(results)
        #expect(text.contains("placer seed 3") && text.contains("registered I/O") && text.contains("bare design"))
    }
}

/// The pin-light harness (`PinLightHarness`): a block with more port bits than pins is timed
/// register to register through three pins, and the harness is checked to keep all of the design.
@Suite struct PinLightHarnessTests {
    /// A 2×2 array (int8 × AUSN 8/4, 16-row buffer, 2 tiles): small enough to place in seconds.
    static func smallArray() throws -> SynthDesign {
        let config = try ArrayConfig(rows: 2, cols: 2, activation: NumberFormat(parsing: "int8"),
                                     weight: NumberFormat(parsing: "ausn-b2s1"), maxRows: 16, maxTiles: 2)
        return SynthDesign(module: try ArrayGenerator.module(config))
    }

    @Test(arguments: ["ice40-hx8k", "ecp5-25k"])
    func smallArrayHasAnFmaxInsideTheHarness(device: String) throws {
        let design = try Self.smallArray(), yosys = Yosys()
        let pnr = Nextpnr(device: try PlaceAndRouteDevice(parsing: device), seed: 5)
        let input = try Nextpnr.netlist(design, mode: .harness, family: pnr.device.family, yosys: yosys)
        // The harness's own cells are exactly its registers and fold LUTs: the rest is the design's.
        let bare = try yosys.synthesizeOne(design, target: pnr.device.synthTarget, netlists: []).area
        let overhead = try PinLightHarness.overhead(for: design)
        let share = PinLightHarness.designShare(input.area, less: overhead)
        #expect(share["FF"]! >= bare.flipFlops && share["FF"]! <= bare.flipFlops + 1, "harness FF \(input.area.flipFlops), overhead \(overhead.flipFlops), bare \(bare.flipFlops)")
        #expect(PinLightHarness.lostLogic(harness: input.area, bare: bare, overhead: overhead, design: design.top) == nil)
        #expect(input.placed.ports?.map(\.name) == ["clk", "harness_in", "harness_out"])
        let r = try pnr.place(input)
        print("\(device) \(design.top) harness: \(r.fmaxMHz) MHz, seed \(r.seed), \(r.nextpnrVersion), \(r.yosysVersion)")
        #expect(r.fmaxMHz > 20 && r.fmaxMHz < 1000, "\(r.fmaxMHz) MHz")
        #expect(r.mode == .harness && r.seed == 5 && r.nextpnrVersion.contains("0.11") && r.yosysVersion.contains("Yosys"))
        #expect(r.luts == input.area.luts - overhead.luts && r.placedLUTs == input.area.luts)
        #expect(r.wrapperVerilog?.contains("module \(r.top) (") == true)
        let text = TimingTable.text([r])
        #expect(text.contains("placer seed 5") && text.contains("pin-light harness") && text.contains(r.nextpnrVersion))
    }

    /// Planted fault: a harness that leaves `y_data` unobserved lets Yosys remove the
    /// requantizers and buffers behind it; the check must name the lost logic.
    @Test func harnessThatDropsAnOutputIsCaught() throws {
        let design = try Self.smallArray(), yosys = Yosys(), target = try SynthTarget("ice40")
        let harness = try PinLightHarness.design(around: design)
        let connection = try #require(harness.verilog.firstRange(of: #/\.y_data\(observed\[\d+:\d+\]\)/#))
        let dropped = SynthDesign(top: harness.top, fileName: harness.fileName,
                                  verilog: harness.verilog.replacingCharacters(in: connection, with: ".y_data()"), ports: harness.ports)
        let bare = try yosys.synthesizeOne(design, target: target, netlists: []).area
        let overhead = try PinLightHarness.overhead(for: design)
        let faulty = try yosys.synthesizeOne(dropped, target: target, netlists: []).area
        let message = PinLightHarness.lostLogic(harness: faulty, bare: bare, overhead: overhead, design: design.top)
        #expect(message?.contains("lost logic") == true, "bare \(bare.cellsByType), faulty harness \(faulty.cellsByType)")
        let kept = try yosys.synthesizeOne(harness, target: target, netlists: []).area
        #expect(PinLightHarness.lostLogic(harness: kept, bare: bare, overhead: overhead, design: design.top) == nil)
    }

    @Test func outOfContextIsECP5Only() throws {
        let ice40 = try PlaceAndRouteDevice(parsing: "ice40-hx8k"), ecp5 = try PlaceAndRouteDevice(parsing: "ecp5-85k")
        #expect(!TimingMode.outOfContext.applies(to: ice40) && TimingMode.outOfContext.applies(to: ecp5))
        #expect(TimingMode.allCases.filter { $0.applies(to: ice40) } == [.bare, .registered, .harness])
    }

    @Test func deviceThatIsTooSmallIsNamedWithTheMeasuredSize() throws {
        let hx8k = try PlaceAndRouteDevice(parsing: "ice40-hx8k")
        let area = AreaFigures(cellsByType: ["SB_LUT4": 12_185, "SB_DFF": 206])
        #expect(hx8k.doesNotFit(area) == "does not fit: needs at least 12185 logic cells (12185 SB_LUT4, 206 flip-flops), the ice40-hx8k has 7680")
        #expect(hx8k.doesNotFit(AreaFigures(cellsByType: ["SB_LUT4": 7_000])) == nil)
    }
}
