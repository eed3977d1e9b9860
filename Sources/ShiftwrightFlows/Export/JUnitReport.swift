import ShiftwrightHDL
import Foundation
import ShiftwrightTooling
import ShiftwrightVerilator

/// Verification outcomes as a JUnit XML file (`verify … --junit FILE`), the format CI systems
/// (GitLab, Jenkins, GitHub test reporters) read: one `<testsuite>` per command, one
/// `<testcase>` per design or plan, a `<failure>` carrying the first mismatch. No timings, so the
/// same run writes the same bytes.
public enum JUnitReport {
    /// The XML text for `outcomes` of the command named `suite` (e.g. "verify pe").
    public static func xml(_ outcomes: [VerificationOutcome], suite: String) -> String {
        let failures = outcomes.filter { !$0.passed }.count
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="shiftwright" tests="\#(outcomes.count)" failures="\#(failures)">"#,
            #"  <testsuite name="\#(escape(suite))" tests="\#(outcomes.count)" failures="\#(failures)" errors="0" skipped="0">"#,
            #"    <properties><property name="shiftwright.version" value="\#(ShiftwrightVersion.current)"/></properties>"#,
        ]
        let className = "shiftwright." + suite.split(separator: " ").joined(separator: ".")
        for o in outcomes {
            lines.append(#"    <testcase classname="\#(escape(className))" name="\#(escape(o.design))">"#)
            if let mismatch = o.mismatch {
                lines.append(#"      <failure type="mismatch" message="\#(escape(mismatch))">\#(escape(mismatch))</failure>"#)
            }
            var out = "\(o.cycles) cycles: \(o.coverage)"
            if let wave = o.waveform { out += "; waveform: \(wave)" }
            lines.append("      <system-out>\(escape(out))</system-out>")
            lines.append("    </testcase>")
        }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the XML to `path` atomically.
    public static func write(_ outcomes: [VerificationOutcome], suite: String, to path: String) throws {
        try AtomicFile.write(xml(outcomes, suite: suite), to: path)
    }

    /// Writes the JUnit file to `junit` (when given, pass or fail), prints the report through
    /// `output`, and fails when any design mismatched.
    public static func finish(_ outcomes: [VerificationOutcome], suite: String, junit: String?,
                              output: (String) -> Void) throws {
        if let junit { try write(outcomes, suite: suite, to: junit) }
        try VerificationReport.finish(outcomes, output: output)
    }

    /// Text safe inside an XML attribute or element: markup characters escaped, control
    /// characters (not allowed in XML 1.0) dropped.
    package static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
