import Foundation
import Testing
@testable import ShiftwrightTooling

/// Outputs are replaced atomically: writing into a directory that already holds the files works,
/// and a second `generate` run over an existing output directory succeeds with the same bytes.
@Suite struct AtomicOutputTests {
    @Test func writeAllReplacesExistingFiles() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.writeAll([("a.txt", Data("one".utf8)), ("b.txt", Data("two".utf8))], into: dir)
        try AtomicFile.writeAll([("a.txt", Data("three".utf8))], into: dir)
        #expect(try String(contentsOfFile: "\(dir)/a.txt", encoding: .utf8) == "three")
        #expect(try String(contentsOfFile: "\(dir)/b.txt", encoding: .utf8) == "two")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: dir).deletingLastPathComponent().path)
            .filter { $0.contains(".staging-") && $0.contains(URL(fileURLWithPath: dir).lastPathComponent) }
        #expect(leftovers.isEmpty)
    }

    @Test func generatingTwiceIntoOneDirectoryGivesIdenticalBytes() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let args = ["generate", "pe", "--act", "int8", "--weight", "ausn-b3s2", "--out", dir]
        #expect(try CLI.run(args).status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/pe_int8_ausn_b3s2_acc27.v"))
        let second = try CLI.run(args)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(dir)/pe_int8_ausn_b3s2_acc27.v")) == first)
    }
}

/// A command's outputs appear together or not at all, and what is not a regular file is never
/// replaced by one.
@Suite struct TransactionalOutputTests {
    func scratch() throws -> String { try CLI.scratchDirectory() }

    @Test func aFolderInTheWayOfTheSecondFileLeavesTheFirstUntouched() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.write("old", to: "\(dir)/a.v")
        try FileManager.default.createDirectory(atPath: "\(dir)/a.json", withIntermediateDirectories: false)
        #expect(throws: ToolError.self) {
            try AtomicFile.writeAll([("a.v", Data("new".utf8)), ("a.json", Data("{}".utf8))], into: dir)
        }
        #expect(try String(contentsOfFile: "\(dir)/a.v", encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.json", "a.v"])
    }

    @Test func aReadOnlySecondOutputWritesNeitherThroughTheCommandLine() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var npy = Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
        let header = Array("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }".utf8)
        npy.append(contentsOf: [UInt8(header.count), 0] + header)
        npy.append(contentsOf: withUnsafeBytes(of: 0.5.bitPattern.littleEndian, Array.init))
        try npy.write(to: URL(fileURLWithPath: "\(dir)/x.npy"))
        // /proc/sys refuses new files even to root.
        let result = try CLI.run(["quantize", "--format", "afp-e3m2", "--input", "x.npy", "--output", "A.npy", "--codes-output", "/proc/sys/B.npy"], in: dir)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("shiftwright: error: cannot write /proc/sys/B.npy"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["x.npy"])
    }

    @Test func aTargetNamedTwiceIsRefusedBeforeAnythingIsWritten() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.write("old", to: "\(dir)/a")
        #expect(throws: ToolError.self) { try AtomicFile.writeFiles([("\(dir)/a", Data("1".utf8)), ("\(dir)/./a", Data("2".utf8))]) }
        #expect(try String(contentsOfFile: "\(dir)/a", encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a"])
    }

    @Test func aFailedRenameRestoresTheFilesAlreadyReplaced() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.write("old a", to: "\(dir)/one/a")
        try AtomicFile.write("old b", to: "\(dir)/two/b")
        // After staging, the second target's folder moves away: its rename fails, and the first
        // file, already renamed into place, must get its old content back.
        #expect(throws: ToolError.self) {
            try AtomicFile.writeFiles([("\(dir)/one/a", Data("new a".utf8)), ("\(dir)/two/b", Data("new b".utf8))]) {
                _ = rename("\(dir)/two", "\(dir)/moved")
            }
        }
        #expect(try String(contentsOfFile: "\(dir)/one/a", encoding: .utf8) == "old a")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(dir)/one") == ["a"])
    }

    @Test func aCharacterDeviceIsWrittenIntoNotReplaced() throws {
        try AtomicFile.write("discarded", to: "/dev/null")
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aFIFOIsWrittenIntoWhenReadAndRefusedWithoutAReader() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = "\(dir)/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect {
            try AtomicFile.write("nobody reads", to: fifo)
        } throws: { error in (error as? ToolError)?.message.contains("no process is reading") == true }
        let reader = try ProcessRunner.start("cat", [fifo])
        // `cat` opens the FIFO when the scheduler lets it: retry (up to 10 s on a loaded machine)
        // while the write still finds no reader.
        for attempt in 0... {
            usleep(100_000)
            do { try AtomicFile.write("through the pipe", to: fifo); break } catch let error as ToolError
                where error.message.contains("no process is reading") && attempt < 100 { continue }
        }
        let result = reader.wait()
        #expect(result.stdout == "through the pipe")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func stagingLeavesNothingBesideTheOutputs() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.writeAll([("a", Data("1".utf8)), ("b", Data("2".utf8))], into: "\(dir)/out")
        try AtomicFile.writeAll([("a", Data("3".utf8)), ("b", Data("4".utf8))], into: "\(dir)/out")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(dir)/out").sorted() == ["a", "b"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out"])
    }
}

/// Temporaries a SIGKILLed run left behind are removed by the next run; a live owner's are kept.
@Suite struct StaleScratchTests {
    @Test func deadOwnersTemporariesGoLiveOnesStay() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Above the kernel's pid_max, so no such process can exist.
        let dead = "\(dir)/shiftwright-run-p\(5_000_000 + Int(getpid()))-\(UUID().uuidString)"
        let live = "\(dir)/shiftwright-run-p1-\(UUID().uuidString)"
        let unrelated = "\(dir)/shiftwright-run-notes"
        for path in [dead, live, unrelated] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) }
        ScratchSpace.removeStale(in: dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [live, unrelated].map { URL(fileURLWithPath: $0).lastPathComponent }.sorted())
    }
}
