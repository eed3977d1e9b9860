import Foundation
import Testing
@testable import ShiftwrightFlows
@testable import ShiftwrightYosys

/// Parsing Yosys's `stat -json` and classifying cells, without running Yosys.
@Suite struct AreaFiguresTests {
    @Test func classifiesXilinxCellsAndIgnoresUnknownKeys() throws {
        let json = """
        {"creator": "Yosys 0.70", "future_key": {"x": 1},
         "design": {"num_cells": 99, "estimated_area": 3,
                    "num_cells_by_type": {"$scopeinfo": 3, "BUFG": 1, "CARRY4": 6, "FDRE": 22, "LUT2": 22,
                                          "LUT6": 50, "MUXF7": 4, "MUXF8": 1, "DSP48E1": 1}}}
        """
        let area = try AreaFigures(statJSON: Data(json.utf8))
        #expect(area.luts == 72)
        #expect(area.lutsBySize == [2: 22, 6: 50])
        #expect(area.flipFlops == 22)
        #expect(area.carries == 6)
        #expect(area.muxes == 5)
        #expect(area.dsps == 1)
        #expect(area.totalCells == 107) // $scopeinfo is bookkeeping, not hardware
    }

    @Test func classifiesLatticeAndGenericCells() {
        let ice = AreaFigures(cellsByType: ["SB_LUT4": 10, "SB_CARRY": 4, "SB_DFFR": 3, "SB_DFFE": 2])
        #expect(ice.luts == 10 && ice.carries == 4 && ice.flipFlops == 5)
        let ecp5 = AreaFigures(cellsByType: ["LUT4": 7, "CCU2C": 3, "TRELLIS_FF": 9, "PFUMX": 2, "L6MUX21": 1])
        #expect(ecp5.luts == 7 && ecp5.carries == 3 && ecp5.flipFlops == 9 && ecp5.muxes == 3)
        let generic = AreaFigures(cellsByType: ["$_AND_": 5, "$_SDFFE_PP0P_": 4, "$_DFF_P_": 1, "$_XOR_": 2])
        #expect(generic.luts == 0 && generic.flipFlops == 5 && generic.totalCells == 12)
    }

    @Test func rejectsStatisticsWithoutCellCounts() {
        #expect(throws: (any Error).self) { try AreaFigures(statJSON: Data(#"{"design": {}}"#.utf8)) }
    }
}
