import Foundation
import ShiftwrightTooling

extension PaperReport {
    /// `report paper`: synthesizes every Table 4 entry, returns the report text (or JSON) and,
    /// with `out`, writes the text to `out/paper-table4.<target>.txt`.
    public static func run(settings: SynthSettings, out: String?, json: Bool = false,
                           note: @escaping @Sendable (String) -> Void) throws -> String {
        let target = try settings.synthTarget()
        let report = try PaperReport.run(target: target, synthesis: settings.synthesis, progress: synthesisProgress(note))
        if let out { try AtomicFile.write(report.text, to: "\(out)/paper-table4.\(target.name).txt") }
        return json ? try report.json() : report.text
    }
}
