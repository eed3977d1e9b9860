import Foundation

/// Plain-text reasons for Foundation and POSIX errors, so no error line ever shows a raw
/// `Error Domain=NSCocoaErrorDomain …` dump: "no such file or directory", "permission denied", ….
public enum SystemErrorText {
    /// The reason `error` happened, as a short lowercase phrase.
    public static func reason(_ error: any Error) -> String {
        if let tool = error as? ToolError { return tool.message }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return posix(Int32(underlying.code))
        }
        if ns.domain == NSPOSIXErrorDomain { return posix(Int32(ns.code)) }
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or directory"
            case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "no space left on the device"
            case .fileWriteVolumeReadOnly: return "the file system is read-only"
            case .fileWriteFileExists: return "a file is in the way"
            case .fileReadCorruptFile: return "the file is corrupt"
            case .fileReadInapplicableStringEncoding, .fileWriteInapplicableStringEncoding: return "the text is not in the expected encoding"
            case .fileReadTooLarge: return "the file is too large"
            case .fileLocking: return "the file is locked"
            case .fileWriteInvalidFileName: return "the file name is invalid"
            default: break
            }
        }
        let text = ns.localizedDescription
        if text.contains("Error Domain=") || text.isEmpty { return "\(ns.domain) error \(ns.code)" }
        return oneLine(text)
    }

    /// The `strerror` text of an errno value, e.g. "Permission denied" → "permission denied".
    public static func posix(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        guard let first = text.first else { return "error \(code)" }
        return first.lowercased() + text.dropFirst()
    }

    /// The current errno as text.
    public static func errnoText() -> String { posix(errno) }

    /// `text` with line breaks folded into "; ", so it fits one error line.
    public static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: "; ")
    }
}
