@_exported import BigInt
@_exported import ShiftwrightBits

/// Arbitrary-precision integers for constants and simulation values (widths go up to 1024 bits).
public typealias BigIntValue = BigInt
