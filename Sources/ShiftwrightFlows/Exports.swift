// The vocabulary of a flow request and its results, re-exported so the command line (and any
// other front end) names formats, configurations and errors through this one import. The tool
// drivers and the DSL stay behind the flows: a front end never drives Verilator or Yosys itself.
@_exported import ShiftwrightBits
@_exported import ShiftwrightFormats
@_exported import ShiftwrightGenerators
@_exported import ShiftwrightTooling
@_exported import enum ShiftwrightHDL.ShiftwrightVersion
