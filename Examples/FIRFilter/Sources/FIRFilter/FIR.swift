import ShiftwrightHDL

/// Ports of the sample counter: counts accepted samples, saturating at `limit`.
struct SampleCounterPorts: PortSignature {
    let enable = In("enable", .bit)
    let count: Out
    let full = Out("full", .bit)

    init(width: Int) { count = Out("count", .unsigned(width)) }
}

/// Ports of the filter: one signed sample per cycle while `valid`; `y` is the filtered value of
/// the current sample (combinational), `warm` says the delay line holds real samples only, and
/// `peak` flags outputs above a threshold.
struct FIRPorts: PortSignature {
    let sample: In
    let valid = In("valid", .bit)
    let y: Out
    let warm = Out("warm", .bit)
    let peak = Out("peak", .bit)

    init(sampleWidth: Int, outputWidth: Int) {
        sample = In("sample", .signed(sampleWidth))
        y = Out("y", .signed(outputWidth))
    }
}

/// A direct-form FIR filter y[n] = Σ c[k]·x[n−k] with constant taps, written in the DSL.
enum FIRDesign {
    static let sampleWidth = 8
    static let outputWidth = 16

    static func counter(limit: Int) throws -> Component<SampleCounterPorts> {
        let width = HWType.minimal(for: BigInt(limit), signed: false).width
        return try Module.build("sample_counter", ports: SampleCounterPorts(width: width)) { m, io in
            let count = m.reg("count_q", .unsigned(width), reset: 0)
            let full = count .>= BigInt(limit)
            m.when(io.enable && !full) { count.assign((count + 1).truncated(to: width)) }
            io.count.assign(count)
            io.full.assign(full)
        }
    }

    static func filter(taps: [Int], threshold: Int) throws -> Component<FIRPorts> {
        let counter = try counter(limit: taps.count - 1)
        let ports = FIRPorts(sampleWidth: sampleWidth, outputWidth: outputWidth)
        return try Module.build("fir\(taps.count)", ports: ports, parameters: [("taps", taps.map(String.init).joined(separator: ","))]) { m, io in
            // The delay line: x[n−1] … x[n−K+1], shifted on every valid sample.
            var line = [io.sample]
            for k in 1..<taps.count {
                let stage = m.reg("x_d\(k)", .signed(sampleWidth), reset: 0, enable: io.valid)
                stage.assign(line[k - 1])
                line.append(stage)
            }
            let products = zip(taps, line).map { tap, x in x * BigInt(tap) }
            let sum = m.adderTree(products)
            let y = (sum.width > outputWidth ? sum.truncated(to: outputWidth) : sum.extended(to: outputWidth)).named("y_sum")
            io.y.assign(y)

            let filled = m.instance(counter, name: "u_count") { $0.enable = io.valid }
            io.warm.assign(filled.full)
            io.peak.assign(y .> BigInt(threshold))
        }
    }
}
