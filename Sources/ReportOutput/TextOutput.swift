import Foundation

/// Where a reporter writes. Reporters stream: a 100 MB draft must not become a 1 GB string.
public protocol TextOutput {
    mutating func write(_ bytes: [UInt8])
}

extension TextOutput {
    public mutating func write(_ text: String) { write(Array(text.utf8)) }
}

/// Collects output in memory (tests, small results).
public struct StringOutput: TextOutput {
    public var text = ""
    public init() {}
    public mutating func write(_ bytes: [UInt8]) { text += String(decoding: bytes, as: UTF8.self) }
}

/// Buffered writes to a file handle; `flush()` before the handle is closed.
public final class FileOutput: TextOutput {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let limit = 1 << 16

    public init(_ handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(limit)
    }

    public static var standardOutput: FileOutput { FileOutput(.standardOutput) }

    public func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= limit { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
