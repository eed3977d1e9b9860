import Foundation
import Testing
import ShiftwrightVerilator
import ShiftwrightYosys
import ShiftwrightFlows

/// The pieces of the switching-energy proxy (docs/energy.md) against numbers worked out by hand:
/// the VCD toggle counter, fan-out from a Yosys JSON netlist, the weighting, the SAIF writer and
/// reader. Each check is shown to catch a planted bug.
@Suite struct EnergyProxyTests {
    /// Two nets: `a` (one bit, also traced as `a_alias` under the same code) and `b[1:0]`, over 0…40.
    static let vcd = """
    $timescale 1ns $end
    $scope module TOP $end
    $scope module t $end
    $var wire 1 ! a $end
    $var wire 2 " b [1:0] $end
    $var wire 1 ! a_alias $end
    $upscope $end
    $upscope $end
    $enddefinitions $end
    #0
    $dumpvars
    0!
    b00 "
    $end
    #10
    1!
    b1 "
    #15
    0!
    b10 "
    #20
    1!
    bx "
    #30
    b11 "
    """

    /// By hand, end time 40:
    /// a:    0 [0,10) 1 [10,15) 0 [15,20) 1 [20,40)      rises 2, falls 1, T0 15, T1 25
    /// b[0]: 0 [0,10) 1 [10,15) 0 [15,20) x [20,30) 1 [30,40)   (`b1` is left-extended with 0)
    ///       rises 1, falls 1 (x→1 is no toggle), T0 15, T1 15, TX 10
    /// b[1]: 0 [0,15) 1 [15,20) x [20,30) 1 [30,40)     rises 1, falls 0, T0 15, T1 15, TX 10
    static let expected: [String: ValueChangeDump.BitActivity] = [
        "a": .init(rises: 2, falls: 1, timeLow: 15, timeHigh: 25, timeUnknown: 0),
        "a_alias": .init(rises: 2, falls: 1, timeLow: 15, timeHigh: 25, timeUnknown: 0),
        "b[0]": .init(rises: 1, falls: 1, timeLow: 15, timeHigh: 15, timeUnknown: 10),
        "b[1]": .init(rises: 1, falls: 0, timeLow: 15, timeHigh: 15, timeUnknown: 10),
    ]

    static func matchesHandCounts(_ dump: ValueChangeDump) -> Bool {
        dump.bits(inScope: "TOP.t") == expected && dump.startTime == 0 && dump.endTime == 40
    }

    @Test func togglesAndTimesMatchTheHandCount() throws {
        let dump = try ValueChangeDump.parse(Data(Self.vcd.utf8), endTime: 40)
        #expect(dump.timescale == "1ns")
        #expect(dump.bits(inScope: "TOP.t") == Self.expected)
        #expect(Self.matchesHandCounts(dump))
    }

    /// Planted bug: a counter that drops the last change (here: the dump without it, which is what
    /// such a counter reports) no longer matches the hand count; nor does one that counts x→1.
    @Test func theHandCountCatchesADroppedLastChange() throws {
        let withoutLast = Self.vcd.split(separator: "\n").dropLast().joined(separator: "\n")
        #expect(!Self.matchesHandCounts(try ValueChangeDump.parse(Data(withoutLast.utf8), endTime: 40)))
        let xToOneIsAToggle = Self.vcd.replacingOccurrences(of: "bx \"", with: "b00 \"")
        #expect(!Self.matchesHandCounts(try ValueChangeDump.parse(Data(xToOneIsAToggle.utf8), endTime: 40)))
    }

    @Test func badDumpsAreOneLineErrors() {
        #expect(throws: ToolError.self) { try ValueChangeDump.parse(Data("$enddefinitions $end\n1!".utf8)) }
        #expect(throws: ToolError.self) { try ValueChangeDump.parse(Data("$var wire 1 ! a $end\n$enddefinitions $end\n#5\n1!\n#3\n0!".utf8)) }
        #expect(throws: ToolError.self) { try ValueChangeDump.parse(Data("$var wire 1 ! a $end\n$enddefinitions $end\n#5\n1!".utf8), endTime: 2) }
    }

    /// A hand-made Yosys JSON netlist: clk → BUFG → n_clk → two FDRE C pins; a → LUT2 I0 and I1
    /// of c1 and I0 of c2 (3 pins); n1 (c1.O) → c2.I1 and FDRE f1.D (2 pins); y[0] = f1.Q drives
    /// nothing but the output port (0 pins); y[1] is the constant 0 (not a net); CE and R pins
    /// are tied to constants. `a` is also named `a_copy` (an alias: one net).
    static let netlist = #"""
    {"modules": {"t": {
      "ports": {"clk": {"direction": "input", "bits": [2]}, "a": {"direction": "input", "bits": [3]},
                "y": {"direction": "output", "bits": [5, "0"]}},
      "cells": {
        "b": {"type": "BUFG", "port_directions": {"I": "input", "O": "output"}, "connections": {"I": [2], "O": [6]}},
        "c1": {"type": "LUT2", "port_directions": {"I0": "input", "I1": "input", "O": "output"}, "connections": {"I0": [3], "I1": [3], "O": [4]}},
        "c2": {"type": "LUT2", "port_directions": {"I0": "input", "I1": "input", "O": "output"}, "connections": {"I0": [3], "I1": [4], "O": [7]}},
        "f1": {"type": "FDRE", "port_directions": {"C": "input", "CE": "input", "R": "input", "D": "input", "Q": "output"},
               "connections": {"C": [6], "CE": ["1"], "R": ["0"], "D": [4], "Q": [5]}},
        "f2": {"type": "FDRE", "port_directions": {"C": "input", "CE": "input", "R": "input", "D": "input", "Q": "output"},
               "connections": {"C": [6], "CE": ["1"], "R": ["0"], "D": [7], "Q": [8]}},
        "s": {"type": "$scopeinfo", "port_directions": {}, "connections": {}}
      },
      "netnames": {"clk": {"bits": [2]}, "a": {"bits": [3]}, "a_copy": {"bits": [3]}, "n1": {"bits": [4]},
                   "y": {"bits": [5, "0"]}, "n_clk": {"bits": [6]}, "n2": {"bits": [7]}, "q2": {"bits": [8]}}
    }}}
    """#

    @Test func fanoutCountsCellInputPins() throws {
        let fanout = try NetlistFanout.read(json: Data(Self.netlist.utf8), module: "t")
        let byName = Dictionary(uniqueKeysWithValues: fanout.nets.map { ($0.names.joined(separator: ","), $0) })
        #expect(fanout.nets.count == 7)  // bits 2…8; the constant is no net
        #expect(byName["clk"]?.loads == 1 && byName["clk"]?.isClock == true)
        #expect(byName["n_clk"]?.loads == 2 && byName["n_clk"]?.isClock == true)
        #expect(byName["a,a_copy"]?.loads == 3 && byName["a,a_copy"]?.isClock == false)
        #expect(byName["n1"]?.loads == 2)
        #expect(byName["y[0]"]?.loads == 0 && byName["y[0]"]?.isDriven == true)
        #expect(byName["n2"]?.loads == 1)
        #expect(byName["q2"]?.loads == 0)
        #expect(fanout.cellsByType == ["BUFG": 1, "LUT2": 2, "FDRE": 2])
    }

    /// proxy = Σ toggles × (1 + loads), clock excluded: with toggles a 4, n1 3, y[0] 2, n2 5, clk 10, n_clk 10:
    /// 4·4 + 3·3 + 2·1 + 5·2 = 37. A proxy that ignores fan-out (Σ toggles = 14) or counts the clock fails.
    @Test func weightingIsTogglesTimesOnePlusFanout() throws {
        let fanout = try NetlistFanout.read(json: Data(Self.netlist.utf8), module: "t")
        let toggles = ["a": 4, "n1": 3, "y[0]": 2, "n2": 5, "clk": 10, "n_clk": 10, "q2": 0]
        let nets = fanout.nets.map { net in
            SwitchingMeasurement.NetActivity(name: net.names[0], loads: net.loads,
                                             activity: .init(rises: toggles[net.names[0]]!, falls: 0), isClock: net.isClock)
        }
        let proxy = nets.reduce(0) { $0 + $1.weighted }
        #expect(proxy == 37)
        let ignoringFanout = nets.reduce(0) { $0 + ($1.isClock ? 0 : $1.activity.toggles) }
        let countingClock = nets.reduce(0) { $0 + $1.activity.toggles * (1 + $1.loads) }
        #expect(ignoringFanout != 37 && countingClock != 37)
    }

    /// The SAIF of the hand VCD reads back with the VCD's numbers, T0 + T1 + TX = DURATION for
    /// every net, bus bits escaped; a file whose T1 lost a unit breaks the duration check.
    @Test func saifRoundTripsTheVCDCounts() throws {
        let dump = try ValueChangeDump.parse(Data(Self.vcd.utf8), endTime: 40)
        let bits = dump.bits(inScope: "TOP.t")!
        let names = ["a", "b[0]", "b[1]"]
        let file = SwitchingActivityFile(design: "t", instance: "t", timescale: "1 ns", duration: dump.endTime - dump.startTime,
                                         nets: names.map { .init(name: $0, activity: bits[$0]!) })
        let text = file.text
        #expect(text.hasPrefix("(SAIFILE\n(SAIFVERSION \"2.0\")\n(DIRECTION \"backward\")\n(DESIGN \"t\")"))
        #expect(text.contains("(DIVIDER / )") && text.contains("(TIMESCALE 1 ns)") && text.contains("(DURATION 40)"))
        #expect(text.contains("(b\\[0\\]"))
        let back = try SwitchingActivityFile.parse(text)
        #expect(back.duration == 40 && back.instance == "t" && back.timescale == "1 ns")
        #expect(back.nets.map(\.name) == names)
        for net in back.nets {
            let vcd = bits[net.name]!
            #expect(net.activity.timeLow == vcd.timeLow && net.activity.timeHigh == vcd.timeHigh && net.activity.timeUnknown == vcd.timeUnknown)
            #expect(net.activity.toggles == vcd.toggles)
            #expect(net.activity.timeLow + net.activity.timeHigh + net.activity.timeUnknown == back.duration)
        }
        let broken = try SwitchingActivityFile.parse(text.replacingOccurrences(of: "(T1 25)", with: "(T1 24)"))
        #expect(broken.nets.contains { $0.activity.timeLow + $0.activity.timeHigh + $0.activity.timeUnknown != broken.duration })
    }
}

/// The whole measurement on a real synthesized PE (generic gates: fast to synthesize, no cell
/// models): its gate-level simulation agrees with the golden PE, every net's SAIF times add up
/// to the duration, the SAIF's TC are the VCD's toggle counts, and a second run gives the same bytes.
@Suite struct GateLevelEnergyTests {
    static let macs = 192

    static func config() throws -> PEConfig {
        try PEConfig(activation: NumberFormat(parsing: "int8"), weight: NumberFormat(parsing: "pot-b3"), accumulationDepth: 64)
    }

    @Test func measuresARealNetlistDeterministically() throws {
        let config = try Self.config()
        let target = try SynthTarget("generic")
        let workload = try EnergyWorkload(activation: config.activation, weight: config.weight, macs: Self.macs)
        let netlist = try Yosys().activityNetlist(SynthDesign.pe(config), target: target)
        let m = try SwitchingMeasurement.measure(netlist, config: config, workload: workload)
        #expect(m.macs == Self.macs && m.duration == 10 * Self.macs)
        #expect(m.nets.count > 20 && m.switchingPerMAC > m.togglesPerMAC && m.togglesPerMAC > 1)
        #expect(m.nets.contains { $0.isClock && $0.activity.toggles == 2 * Self.macs - 1 })  // clk: up and down each cycle but the first
        let saif = try SwitchingActivityFile.parse(m.saif.text)
        #expect(saif.duration == m.duration && saif.nets.count == m.nets.count)
        for (read, net) in zip(saif.nets, m.nets) {
            #expect(read.name == net.name)
            #expect(read.activity.toggles == net.activity.toggles)
            #expect(read.activity.timeLow + read.activity.timeHigh + read.activity.timeUnknown == saif.duration, "\(read.name)")
        }
        let again = try SwitchingMeasurement.measure(Yosys().activityNetlist(SynthDesign.pe(config), target: target), config: config,
                                                     workload: workload)
        #expect(again.saif.text == m.saif.text && again.weightedToggles == m.weightedToggles)
    }

    /// Planted bug: a netlist whose activation bit 2 is tied to 0 (the pixel codes are multiples
    /// of 4, so bit 2 is their lowest live bit) fails the golden check instead of yielding a proxy.
    @Test func theGoldenCheckCatchesABrokenNetlist() throws {
        let config = try Self.config()
        let workload = try EnergyWorkload(activation: config.activation, weight: config.weight, macs: Self.macs)
        let good = try Yosys().activityNetlist(SynthDesign.pe(config), target: SynthTarget("generic"))
        // Yosys's generic netlist copies the port into a net (`assign nN = act;`): break bit 2 there.
        try #require(good.verilog.contains(" = act;"))
        let broken = ActivityNetlist(top: good.top, target: good.target, area: good.area,
                                     verilog: good.verilog.replacingOccurrences(of: " = act;", with: " = { act[7:3], 1'b0, act[1:0] };"),
                                     json: good.json, edif: good.edif)
        #expect(throws: ToolError.self) { try SwitchingMeasurement.measure(broken, config: config, workload: workload) }
    }
}
