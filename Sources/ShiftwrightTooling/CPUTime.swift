import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// CPU seconds (user + system) spent so far, for figures that a loaded machine distorts less
/// than wall time.
public enum CPUTime {
    /// This process's own threads.
    public static var process: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return total(usage)
    }

    /// Every child process that has ended and been waited for (with their own waited-for
    /// children): a tool run's compilers, say. Exact while one tool runs at a time.
    public static var children: Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return total(usage)
    }

    private static func total(_ usage: rusage) -> Double {
        let seconds = { (t: timeval) in Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
