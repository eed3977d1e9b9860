// Constants and simulation values are arbitrary-precision `BigInt`s (widths go up to 1024
// bits); the DSL re-exports BigInt and the shared two's-complement helpers so a generator
// needs one import.
@_exported import BigInt
@_exported import ShiftwrightBits
