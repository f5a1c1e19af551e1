import Foundation

/// Where reportlint writes a report or a baseline, and how:
/// - `-`, `/dev/stdout`, `/dev/stderr`: to the open stream, directly;
/// - a FIFO or character device (a pipe, `/dev/null`, a terminal): written to as it is, never
///   replaced by a regular file;
/// - a link: what it leads to, by these rules, so the link stays a link;
/// - a regular file, or nothing yet: a temporary file in the same folder, renamed over the
///   path once whole, so a reader never sees half a report and a failed write leaves the old.
/// Anything else (a folder, a block device, a socket) is refused.
public enum OutputFile {
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        switch path {
        case "-", "/dev/stdout": return try writeAll(bytes, to: 1, path)
        case "/dev/stderr": return try writeAll(bytes, to: 2, path)
        default: break
        }
        var target = path
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else { throw Failure(path: path, reason: "a link that leads nowhere") }
            target = String(cString: resolved)
            free(resolved)
        }
        guard stat(target, &status) == 0 else {
            guard errno == ENOENT else { throw Failure(path: path, reason: SourceFile.reason(errno)) }
            return try replace(target, with: bytes, shownAs: path)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return try replace(target, with: bytes, shownAs: path)
        case S_IFIFO, S_IFCHR:
            let fd = open(target, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw Failure(path: path, reason: SourceFile.reason(errno)) }
            defer { close(fd) }
            return try writeAll(bytes, to: fd, path)
        case S_IFDIR: throw Failure(path: path, reason: "is a folder")
        default: throw Failure(path: path, reason: "not a regular file, pipe or character device")
        }
    }

    /// Writes a temporary file beside `target` and renames it over `target`.
    private static func replace(_ target: String, with bytes: [UInt8], shownAs path: String) throws(Failure) {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.\(name).reportlint-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(path: path, reason: errno == ENOENT ? "its folder does not exist" : SourceFile.reason(errno)) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(Failure) {
            defer { close(fd) }
            try writeAll(bytes, to: fd, path)
            // mkstemp makes the file private; a report is as readable as a file written the usual way.
            fchmod(fd, 0o644)
            guard fsync(fd) == 0 || errno == EINVAL else { throw Failure(path: path, reason: SourceFile.reason(errno)) }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, target) == 0 else {
            let reason = SourceFile.reason(errno)
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, _ path: String) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: SourceFile.reason(errno))
            }
            written += n
        }
    }
}
