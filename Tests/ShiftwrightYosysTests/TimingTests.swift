import Testing
import ShiftwrightGenerators
import ShiftwrightYosys
import ShiftwrightFlows
import ShiftwrightTooling

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
