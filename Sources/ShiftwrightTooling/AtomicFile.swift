import Foundation

/// Writes a command's output files all-or-nothing: every regular file is staged beside its
/// target (same folder, so the same file system and `rename(2)` is atomic), every target is
/// checked replaceable first, then all are renamed into place; when one rename fails the ones
/// already done are undone (earlier contents restored). A target that is a character device or
/// a FIFO (`/dev/null`, `>(cat)`) is written into, never replaced; a folder, block device or
/// socket in the way is refused with one clear line.
public enum AtomicFile {
    /// One output: where it goes and what it holds.
    public typealias Output = (path: String, data: Data)

    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    public static func write(_ data: Data, to path: String) throws {
        try writeFiles([(path, data)])
    }

    /// Writes a set of files (named relative to `directory`) all-or-nothing.
    public static func writeAll(_ files: [(name: String, data: Data)], into directory: String) throws {
        try writeFiles(files.map { ("\(directory)/\($0.name)", $0.data) })
    }

    /// Writes every output or none: see the type's description.
    public static func writeFiles(_ outputs: [Output]) throws {
        try writeFiles(outputs, beforeCommit: {})
    }

    /// `writeFiles`, calling `beforeCommit` between staging and the renames (tests use it to make
    /// a rename fail and check that the renames already made are undone).
    static func writeFiles(_ outputs: [Output], beforeCommit: () -> Void) throws {
        var seen = Set<String>()
        var plans: [Plan] = []
        for output in outputs {
            let plan = try Plan(output.path, data: output.data)
            guard seen.insert(plan.target).inserted else { throw ToolError("\(output.path) is given as two outputs") }
            plans.append(plan)
        }
        let directories = Array(Set(plans.filter { !$0.inPlace }.map(\.directory)))
        try createDirectories(directories)
        for directory in directories { ScratchSpace.removeStale(in: directory) }
        var staged: [String] = []
        defer { for path in staged { ScratchSpace.release(path) } }
        for plan in plans where !plan.inPlace {
            staged.append(try stage(plan))
        }
        beforeCommit()
        try Interruption.uninterrupted {
            try commit(plans.filter { !$0.inPlace }, staged: staged)
            staged.removeAll()
        }
        for plan in plans where plan.inPlace { try writeInPlace(plan) }
    }

    /// One output's checked target.
    struct Plan {
        let display: String, target: String, directory: String, data: Data
        /// A character device or FIFO: written into, not replaced.
        let inPlace: Bool
        /// Whether a regular file is there now (to restore on failure).
        let exists: Bool

        init(_ path: String, data: Data) throws {
            guard !path.isEmpty else { throw ToolError("an output path is empty") }
            display = path
            self.data = data
            // Write through a symbolic link rather than replacing the link.
            let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
            target = url.path
            directory = url.deletingLastPathComponent().path
            var info = stat()
            if lstat(target, &info) == 0 {
                switch info.st_mode & S_IFMT {
                case S_IFREG: (inPlace, exists) = (false, true)
                case S_IFCHR, S_IFIFO: (inPlace, exists) = (true, true)
                case S_IFDIR: throw ToolError("cannot write \(path): a folder is in the way")
                default: throw ToolError("cannot write \(path): it is a device or socket, not a file")
                }
            } else {
                (inPlace, exists) = (false, false)
            }
            guard !inPlace else { return }
            // The nearest existing folder must be a writable folder (missing ones are made later).
            var existing = directory
            while lstat(existing, &info) != 0 && existing != "/" {
                existing = URL(fileURLWithPath: existing).deletingLastPathComponent().path
            }
            guard info.st_mode & S_IFMT == S_IFDIR || (stat(existing, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR) else {
                throw ToolError("cannot write \(path): \(existing) is not a folder")
            }
            guard access(existing, W_OK) == 0 else {
                throw ToolError("cannot write \(path): \(SystemErrorText.errnoText()) (folder \(existing))")
            }
        }
    }

    /// Makes the missing folders of the targets; on a failure removes the ones it made.
    private static func createDirectories(_ directories: [String]) throws {
        var made: [String] = []
        for directory in directories.sorted() where !FileManager.default.fileExists(atPath: directory) {
            var missing: [String] = []
            var path = directory
            while !FileManager.default.fileExists(atPath: path) && path != "/" {
                missing.append(path)
                path = URL(fileURLWithPath: path).deletingLastPathComponent().path
            }
            for folder in missing.reversed() {
                guard mkdir(folder, 0o777) == 0 || errno == EEXIST else {
                    let reason = SystemErrorText.errnoText()
                    for m in made.reversed() { rmdir(m) }
                    throw ToolError("cannot create the folder \(folder): \(reason)")
                }
                made.append(folder)
            }
        }
    }

    /// Writes the content into a registered temporary sibling of the target.
    private static func stage(_ plan: Plan) throws -> String {
        let name = URL(fileURLWithPath: plan.target).lastPathComponent
        let temp = "\(plan.directory)/\(ScratchSpace.name(".\(name).tmp"))"
        ScratchSpace.register(temp)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            let reason = SystemErrorText.errnoText()
            ScratchSpace.release(temp)
            throw ToolError("cannot write \(plan.display): \(reason)")
        }
        defer { close(fd) }
        if let reason = writeAll(plan.data, to: fd) {
            ScratchSpace.release(temp)
            throw ToolError("cannot write \(plan.display): \(reason)")
        }
        return temp
    }

    /// Renames every staged file into place; on a failure, undoes the renames already made.
    private static func commit(_ plans: [Plan], staged: [String]) throws {
        var backups: [(plan: Plan, backup: String?)] = []
        func rollback() {
            for (plan, backup) in backups.reversed() {
                if let backup { _ = rename(backup, plan.target) } else { unlink(plan.target) }
            }
        }
        for (plan, temp) in zip(plans, staged) {
            var backup: String? = nil
            if plan.exists {
                let path = "\(plan.directory)/\(ScratchSpace.name(".\(URL(fileURLWithPath: plan.target).lastPathComponent).bak"))"
                ScratchSpace.register(path)
                guard link(plan.target, path) == 0 else {
                    let reason = SystemErrorText.errnoText()
                    ScratchSpace.release(path)
                    rollback()
                    throw ToolError("cannot replace \(plan.display): \(reason)")
                }
                backup = path
            }
            guard rename(temp, plan.target) == 0 else {
                let reason = SystemErrorText.errnoText()
                if let backup { ScratchSpace.release(backup) }
                rollback()
                throw ToolError("cannot write \(plan.display): \(reason)")
            }
            ScratchSpace.forget(temp)
            backups.append((plan, backup))
        }
        for case let (_, backup?) in backups { ScratchSpace.release(backup) }
    }

    /// Writes into a character device or FIFO (which must have a reader).
    private static func writeInPlace(_ plan: Plan) throws {
        let fd = open(plan.target, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errno == ENXIO ? "no process is reading the FIFO" : SystemErrorText.errnoText()
            throw ToolError("cannot write \(plan.display): \(reason)")
        }
        defer { close(fd) }
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK)
        if let reason = writeAll(plan.data, to: fd) { throw ToolError("cannot write \(plan.display): \(reason)") }
    }

    /// Writes every byte; the reason on failure.
    private static func writeAll(_ data: Data, to fd: Int32) -> String? {
        data.withUnsafeBytes { raw -> String? in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return SystemErrorText.errnoText()
                }
                offset += n
            }
            return nil
        }
    }
}
