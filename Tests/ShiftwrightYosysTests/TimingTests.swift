import Testing
import ShiftwrightGenerators
import ShiftwrightYosys
import ShiftwrightFlows
import ShiftwrightTooling

/// Place and route on iCE40 with Debian's nextpnr-ice40 (`apt-get install nextpnr-ice40`).
@Suite struct TimingTests {
    @Test(.enabled(if: ProcessRunner.which("nextpnr-ice40") != nil, "nextpnr-ice40 is not installed"))
    func registeredPEAndBaselineHaveAnFmax() throws {
        let config = try SynthTestSupport.ausn84()
        let results = try NextpnrIce40().compare(try .pe(config), baseline: try .pe(try config.integerBaseline()), yosys: Yosys())
        #expect(results.count == 2)
        for r in results { #expect(r.fmaxMHz > 20 && r.fmaxMHz < 1000, "\(r.design.top): \(r.fmaxMHz) MHz") }
        #expect(TimingTable.text(results).contains("nextpnr-ice40"))
    }
}
