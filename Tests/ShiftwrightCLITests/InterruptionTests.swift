import Foundation
import Testing
import ShiftwrightTooling

/// SIGINT and SIGTERM during long commands (a Verilator build and simulation, a Yosys synthesis)
/// end every program the run started, remove its temporary files and exit 130 / 143 with one
/// line. Each trial uses its own cache folder, so the Verilator build really runs.
@Suite(.serialized) struct InterruptionTests {
    /// One trial: start `arguments`, wait `delay` seconds (counted from the moment a program
    /// named `program` runs below it, when given: a fixed delay alone races a fast tool, which may
    /// finish first on an idle machine), send `signal`; what was left behind.
    static func interrupt(_ arguments: [String], after delay: Double, with signal: Int32,
                          once program: String? = nil) throws -> (status: Int32, stderr: String, leftovers: [String]) {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = "\(dir)/cache"
        let run = try ProcessRunner.start(CLI.executable, arguments, workingDirectory: dir, environment: ["SHIFTWRIGHT_CACHE": cache])
        let pid = run.processIdentifier
        if let program {
            let deadline = Date().addingTimeInterval(120)
            while !Self.descendants(of: pid).contains(where: { Self.command(of: $0) == program }), Date() < deadline {
                usleep(10_000)
            }
        }
        usleep(UInt32(delay * 1_000_000))
        let descendants = Self.descendants(of: pid)
        kill(pid, signal)
        let result = run.wait()
        usleep(300_000)
        var leftovers = descendants.filter { kill($0, 0) == 0 }.map { "process \($0) (\(Self.command(of: $0)))" }
        for root in ["/dev/shm", ScratchSpace.temporaryRoot, "\(cache)/verilator"] {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
            leftovers += entries.filter { $0.contains("-p\(pid)-") }.map { "\(root)/\($0)" }
        }
        leftovers += ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0 != "cache" }
        return (result.status, result.stderr, leftovers)
    }

    /// Every process below `pid`, from /proc.
    static func descendants(of pid: pid_t) -> [pid_t] {
        var parent: [pid_t: pid_t] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let p = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let pp = pid_t(fields[1]) { parent[p] = pp }
        }
        var found: [pid_t] = [], frontier = [pid]
        while let next = frontier.popLast() {
            let children = parent.filter { $0.value == next }.map(\.key)
            found += children
            frontier += children
        }
        return found
    }

    static func command(of pid: pid_t) -> String {
        ((try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "?").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static let verify = ["verify", "pe", "--act", "int8", "--weight", "afp-e2m1", "--vectors", "2000000"]
    static let synth = ["synth", "pe", "--act", "int8", "--weight", "ausn-b3s2", "--target", "generic", "--yosys-program", "yosys", "--jobs", "1"]

    @Test(arguments: [(0.3, SIGINT), (1.5, SIGTERM), (4.0, SIGINT)])
    func verifyDuringItsBuildLeavesNothing(delay: Double, signal: Int32) throws {
        let trial = try Self.interrupt(Self.verify, after: delay, with: signal)
        print("interrupt verify pe after \(delay) s with \(signal): status \(trial.status), leftovers \(trial.leftovers.count)")
        #expect(trial.status == 128 + signal, "\(trial.stderr)")
        #expect(trial.stderr.hasPrefix("shiftwright: error: interrupted by"), "\(trial.stderr)")
        #expect(trial.stderr.split(separator: "\n").count == 1, "\(trial.stderr)")
        #expect(trial.leftovers.isEmpty, "\(trial.leftovers)")
    }

    /// Yosys takes about 1.4 s per design here (two designs, one job): the signal lands while the
    /// first one runs, counted from the moment `yosys` is seen.
    @Test(arguments: [(0.0, SIGTERM), (0.5, SIGINT)])
    func synthLeavesNothing(delay: Double, signal: Int32) throws {
        let trial = try Self.interrupt(Self.synth, after: delay, with: signal, once: "yosys")
        print("interrupt synth pe \(delay) s into yosys with \(signal): status \(trial.status), leftovers \(trial.leftovers.count)")
        #expect(trial.status == 128 + signal, "\(trial.stderr)")
        #expect(trial.stderr.hasPrefix("shiftwright: error: interrupted by"), "\(trial.stderr)")
        #expect(trial.leftovers.isEmpty, "\(trial.leftovers)")
    }

    /// A planted bug: a run killed with SIGKILL cannot clean up, and the checker must see what it
    /// left (its Verilator build processes or temporaries), so the checks above are not vacuous.
    @Test func theCheckerSeesWhatASIGKILLedRunLeaves() throws {
        let trial = try Self.interrupt(Self.verify, after: 2.5, with: SIGKILL)
        print("SIGKILL verify pe after 2.5 s: leftovers \(trial.leftovers)")
        #expect(!trial.leftovers.isEmpty)
        // The orphans are ours to end.
        for line in trial.leftovers where line.hasPrefix("process ") {
            if let pid = pid_t(line.dropFirst(8).prefix { $0.isNumber }) { kill(pid, SIGKILL) }
        }
        for path in trial.leftovers where path.hasPrefix("/") { try? FileManager.default.removeItem(atPath: path) }
    }
}
