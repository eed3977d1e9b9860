import Foundation
import Testing
import ShiftwrightTooling

/// Sharded, resumable sweeps through the real binary, Debian's Yosys and GNU Parallel: four
/// shards merged are byte-identical to the unsharded run, an interrupted run resumes from the
/// cache, and bad shards or merges are refused with one line and nothing written. Every trial
/// has its own cache folder (`SHIFTWRIGHT_CACHE`), so nothing depends on other tests.
@Suite(.serialized) struct SweepShardTests {
    /// 7 configurations (int8 × every AFP and AUSN split of 4 bits) on Yosys's generic library.
    static let plan = ["--act", "int8", "--family", "afp,ausn", "--bits", "4", "--target", "generic", "--yosys-program", "yosys"]

    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Runs the binary in the cache's folder (so a misplaced default output lands in the scratch folder).
    static func sweep(_ arguments: [String], cache: String) throws -> ProcessResult {
        try ProcessRunner.run(CLI.executable, arguments, workingDirectory: URL(fileURLWithPath: cache).deletingLastPathComponent().path,
                              environment: ["SHIFTWRIGHT_CACHE": cache])
    }

    /// Every regular file below `directory` (relative path → bytes), leaving out `except`.
    static func files(in directory: String, except: Set<String> = []) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where !except.contains(name) {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)"))
        }
        return out
    }

    static func cacheEntries(_ cache: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: "\(cache)/pe-area")) ?? []).filter { $0.hasSuffix(".json") }.count
    }

    @Test func fourShardsUnderGNUParallelMergeByteIdenticalToTheUnshardedRun() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A weight tensor, so the quantization errors (Doubles through the shard files) and the
        // Pareto scatter are compared too.
        var npy = BadInputFiles.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (64,), }")
        for k in 0..<64 { npy.append(contentsOf: withUnsafeBytes(of: Float(sin(Double(k) * 0.7) * 0.9).bitPattern.littleEndian, Array.init)) }
        try npy.write(to: URL(fileURLWithPath: "\(dir)/w.npy"))
        let plan = Self.plan + ["--input", "\(dir)/w.npy"]
        let start = Date()
        let whole = try Self.sweep(["sweep"] + plan + ["--jobs", "2", "--out", "\(dir)/whole"], cache: "\(dir)/cache-whole")
        #expect(whole.succeeded, "\(whole.stderr)")
        let unshardedSeconds = Date().timeIntervalSince(start)
        // A cold cache of its own: the shards really synthesize (each its own baselines too).
        let script = "\(Self.repository)/scripts/sweep-parallel.sh"
        let sharded = try ProcessRunner.run(script, ["4", "\(dir)/sharded"] + plan,
                                            environment: ["SHIFTWRIGHT": CLI.executable, "SHIFTWRIGHT_CACHE": "\(dir)/cache-sharded"])
        #expect(sharded.succeeded, "\(sharded.stderr)")
        print(String(format: "sweep: unsharded %.1f s, 4 shards under GNU Parallel %.1f s", unshardedSeconds, Date().timeIntervalSince(start) - unshardedSeconds))
        let expected = try Self.files(in: "\(dir)/whole")
        let merged = try Self.files(in: "\(dir)/sharded", except: ["shards"])
        #expect(Set(expected.keys) == ["sweep.generic.csv", "sweep.generic.svg", "sweep.generic.pareto.svg", "sweep.summary.txt"])
        #expect(Set(merged.keys) == Set(expected.keys))
        for (name, data) in expected { #expect(merged[name] == data, "\(name) differs") }
        #expect(try Self.files(in: "\(dir)/sharded/shards").count == 4)
        let csv = String(decoding: expected["sweep.generic.csv"] ?? Data(), as: UTF8.self).split(separator: "\n")
        #expect(csv.count == 8 && csv[0].hasSuffix(",target,yosys,act,config"))

        // Planted bug: a shard whose figures were changed merges without complaint (it is a
        // well-formed shard), and the comparison above must see the difference.
        let shardPath = "\(dir)/sharded/shards/sweep.shard-1-of-4.json"
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: shardPath))) as? [String: Any])
        var records = try #require(json["records"] as? [[String: Any]])
        var area = try #require(records[0]["area"] as? [String: Any])
        var cells = try #require(area["cellsByType"] as? [String: Int])
        let someCell = try #require(cells.keys.sorted().first)
        cells[someCell, default: 0] += 1
        area["cellsByType"] = cells
        records[0]["area"] = area
        json["records"] = records
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: shardPath))
        let tampered = try Self.sweep(["sweep", "merge", "--from", "\(dir)/sharded/shards", "--out", "\(dir)/tampered"], cache: "\(dir)/cache-sharded")
        #expect(tampered.succeeded, "\(tampered.stderr)")
        let broken = try Self.files(in: "\(dir)/tampered")
        #expect(broken["sweep.generic.csv"] != expected["sweep.generic.csv"], "the byte comparison must catch a changed figure")
    }

    @Test func anInterruptedSweepResumesWithoutRedoingFinishedDesigns() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = "\(dir)/cache", out = "\(dir)/out"
        let arguments = ["sweep"] + Self.plan + ["--jobs", "1", "--out", out]
        let run = try ProcessRunner.start(CLI.executable, arguments, environment: ["SHIFTWRIGHT_CACHE": cache])
        let deadline = Date().addingTimeInterval(180)
        while Self.cacheEntries(cache) < 3, Date() < deadline { usleep(20_000) }
        kill(run.processIdentifier, SIGINT)
        let interrupted = run.wait()
        let done = Self.cacheEntries(cache)
        print("interrupted sweep: status \(interrupted.status), \(done) designs cached")
        #expect(interrupted.status == 130, "\(interrupted.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "an interrupted sweep writes no output")
        #expect(done >= 3)

        let resumed = try Self.sweep(arguments, cache: cache)
        #expect(resumed.succeeded, "\(resumed.stderr)")
        let total = Self.cacheEntries(cache)
        print("resumed sweep: \(resumed.stdout.split(separator: "\n").first { $0.contains("designs:") } ?? "")")
        #expect(total > done, "the interruption landed before the last design")
        #expect(resumed.stdout.contains("sweep: 7 configurations; designs: \(done) cached, \(total - done) synthesized"), "\(resumed.stdout)")
        #expect(resumed.stderr.contains("\(total) distinct designs: \(done) cached, \(total - done) to synthesize"), "\(resumed.stderr)")
        let again = try Self.sweep(arguments, cache: cache)
        #expect(again.stdout.contains("designs: \(total) cached, 0 synthesized"), "\(again.stdout)")
    }

    /// Shard files of a tiny plan (int3 and int4 rows: four designs) for the merge checks.
    static func makeShards(in dir: String, cache: String) throws -> (zero: String, one: String, otherPlan: String) {
        let tiny = ["sweep", "--act", "int8", "--family", "int", "--target", "generic", "--yosys-program", "yosys", "--jobs", "2"]
        for (bits, shard, out) in [("3..4", "0/2", "p"), ("3..4", "1/2", "p"), ("3", "1/2", "q")] {
            let r = try sweep(tiny + ["--bits", bits, "--shard", shard, "--out", "\(dir)/\(out)"], cache: cache)
            #expect(r.succeeded, "\(r.stderr)")
        }
        return ("\(dir)/p/sweep.shard-0-of-2.json", "\(dir)/p/sweep.shard-1-of-2.json", "\(dir)/q/sweep.shard-1-of-2.json")
    }

    @Test func badShardsAndBadMergesAreRefusedWithOneLineAndNothingWritten() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = "\(dir)/cache"
        func refused(_ arguments: [String], _ message: String, out: String = "\(dir)/out") throws {
            let r = try Self.sweep(arguments + ["--out", out], cache: cache)
            #expect(r.status == 2, "\(arguments): status \(r.status), \(r.stderr)")
            #expect(r.stderr.hasPrefix("shiftwright: error: ") && r.stderr.split(separator: "\n").count == 1, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "\(arguments) wrote \(out)")
        }
        for (shard, message) in [("5/4", "I must lie in 0...3"), ("4/4", "I must lie in 0...3"), ("0/0", "bad shard count 0"),
                                 ("x/y", "bad --shard 'x/y'"), ("-1/4", "bad --shard"), ("1/4/4", "bad --shard"), ("", "--shard")] {
            try refused(["sweep"] + Self.plan + ["--shard=\(shard)"], message)
        }
        let shards = try Self.makeShards(in: dir, cache: cache)
        let merge = ["sweep", "merge"]
        try refused(merge + [shards.zero], "shard 1/2 missing")
        try refused(merge + [shards.zero, shards.zero, shards.one], "shard 0/2 is given twice")
        try refused(merge + [shards.zero, shards.otherPlan], "is from a different sweep plan")
        try refused(merge + ["\(dir)/nonexistent.json"], "no such file")
        try refused(merge, "no shard files to merge")
        try refused(merge + ["--from", "\(dir)/q", shards.zero], "is from a different sweep plan")
        try FileManager.default.createDirectory(atPath: "\(dir)/empty", withIntermediateDirectories: true)
        try refused(merge + ["--from", "\(dir)/empty"], "holds no shard files")
        try Data("{\"format\": \"something else\"}".utf8).write(to: URL(fileURLWithPath: "\(dir)/junk.json"))
        try refused(merge + [shards.zero, "\(dir)/junk.json"], "is not a sweep shard file")
        // A shard cut short (a record removed): refused, not merged into a sweep with a hole.
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: shards.one))) as? [String: Any])
        json["records"] = Array((json["records"] as? [Any] ?? []).dropLast())
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: "\(dir)/short.json"))
        try refused(merge + [shards.zero, "\(dir)/short.json"], "does not hold exactly the configurations of shard 1/2")
        // The same shards, complete: merged.
        let good = try Self.sweep(merge + [shards.one, shards.zero, "--out", "\(dir)/merged"], cache: cache)
        #expect(good.succeeded, "\(good.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(dir)/merged/sweep.generic.csv"))
    }
}
