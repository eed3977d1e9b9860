/// The version of Shiftwright, printed by `shiftwright --version` and stamped into every file it
/// generates (Verilog headers, JSON sidecars, FuseSoC cores, testbenches, weight images, plans), so
/// an output can always be traced to the release that wrote it. It lives in the DSL core because
/// that is the lowest layer every emitter shares.
public enum ShiftwrightVersion {
    /// Semantic version of this release.
    public static let current = "0.3.0"

    /// `Shiftwright <version>`, the producer named in generated files' headers.
    public static var producer: String { "Shiftwright \(current)" }
}
