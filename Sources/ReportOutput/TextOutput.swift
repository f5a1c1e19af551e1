import Foundation

/// Where a reporter writes. Reporters stream: a 100 MB draft must not become a 1 GB string.
///
/// A class: reporters hold it as `any TextOutput` and stay non-generic. A reporter generic
/// over its output and used from the CLI's module runs unspecialized, with every iteration
/// inside it through witness tables.
public protocol TextOutput: AnyObject {
    func write(_ bytes: [UInt8])
    /// Bytes that stay the caller's: an output that writes them out at once need not copy them.
    func write(contentsOf bytes: UnsafeRawBufferPointer)
}

extension TextOutput {
    public func write(_ text: String) { write(Array(text.utf8)) }
    public func write(contentsOf bytes: UnsafeRawBufferPointer) { write(Array(bytes)) }
}

/// Collects output in memory, as the bytes it will be written as (a draft or a chunk rendered
/// apart, to be written in order).
public final class BytesOutput: TextOutput {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public func write(_ more: [UInt8]) { bytes += more }
    public func write(contentsOf more: UnsafeRawBufferPointer) { bytes += more }
}

/// Buffered writes to a file handle; `flush()` before the handle is closed.
public final class FileOutput: TextOutput {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let limit = 1 << 16
    /// The error of the first write that failed (`errno`); later output is dropped.
    public private(set) var writeError: Int32?

    public init(_ handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(limit)
    }

    public static var standardOutput: FileOutput { FileOutput(.standardOutput) }

    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write(contentsOf: $0) }
    }

    public func write(contentsOf bytes: UnsafeRawBufferPointer) {
        // A large piece goes out as it is, not copied into the buffer first.
        if bytes.count >= limit {
            flush()
            writeAll(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= limit { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes every byte (the system may take a large write in parts), without a copy.
    private func writeAll(_ raw: UnsafeRawBufferPointer) {
        guard writeError == nil else { return }
        let fd = handle.fileDescriptor
        var offset = 0
        while offset < raw.count {
            let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                writeError = errno // a full disk, a closed pipe: nothing more can be written
                return
            }
            offset += n
        }
    }

    deinit { flush() }
}
