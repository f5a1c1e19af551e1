import Dispatch
import Foundation

/// Files done and throughput on standard error, when it is a terminal; silent otherwise
/// (CI logs, pipes), so that output stays byte-for-byte reproducible.
final class ProgressMeter: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var done = 0
    private var bytes = 0
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private let enabled: Bool

    init(total: Int) {
        self.total = total
        enabled = isatty(2) != 0 && total > 1 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    func advance(bytes n: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        done += 1
        bytes += n
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw > 100_000_000 || done == total else { return }
        lastDraw = now
        let seconds = Double(now - start) / 1e9
        let rate = seconds > 0 ? Double(bytes) / 1_048_576 / seconds : 0
        FileHandle.standardError.write(Data(String(format: "\rreportlint: %d/%d files, %.1f MB/s ", done, total, rate).utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// `--jobs`: files (or the blocks and checks of a single file) are spread over this many threads.
let defaultJobs = ProcessInfo.processInfo.activeProcessorCount
