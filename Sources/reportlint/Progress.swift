import Dispatch
import Foundation
import ReportOutput

/// Files done and throughput on standard error, when it is a terminal; silent otherwise
/// (CI logs, pipes), so that output stays byte-for-byte reproducible. A single file shows the
/// megabytes linted of its size instead, once the run has taken longer than a moment.
final class ProgressMeter: RunProgress, @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var done = 0
    private var bytes = 0
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var drawn = false
    private let enabled: Bool

    init(total: Int) {
        self.total = total
        enabled = isatty(2) != 0 && total > 0 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    /// One more file done, of `n` bytes.
    func advance(bytes n: Int) {
        guard enabled, total > 1 else { return }
        lock.lock()
        defer { lock.unlock() }
        done += 1
        bytes += n
        draw(force: done == total) { rate in String(format: "%d/%d files, %.1f MB/s", self.done, self.total, rate) }
    }

    /// `n` more bytes of the only file, of `size`.
    func advance(within size: Int, bytes n: Int) {
        guard enabled, total == 1 else { return }
        lock.lock()
        defer { lock.unlock() }
        bytes += n
        guard pastAMoment else { return }
        draw(force: false) { rate in
            String(format: "%.1f/%.1f MB, %.1f MB/s", Double(self.bytes) / 1_048_576, Double(size) / 1_048_576, rate)
        }
    }

    /// A small file is done before anyone waits: its line never flashes on the screen.
    private var pastAMoment: Bool { DispatchTime.now().uptimeNanoseconds - start > 300_000_000 }

    private func draw(force: Bool, _ text: (Double) -> String) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw > 100_000_000 || force else { return }
        lastDraw = now
        drawn = true
        let seconds = Double(now - start) / 1e9
        let rate = seconds > 0 ? Double(bytes) / 1_048_576 / seconds : 0
        FileHandle.standardError.write(Data(("\rreportlint: " + text(rate) + " ").utf8))
    }

    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// `--jobs`: files (or the blocks and checks of a single file) are spread over this many threads.
let defaultJobs = ProcessInfo.processInfo.activeProcessorCount
