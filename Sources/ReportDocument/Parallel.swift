import Foundation

/// Runs `work` for 0..<count on up to `jobs` threads and returns the results in index order,
/// so output never depends on which thread finished first.
public func parallelMap<T: Sendable>(_ count: Int, jobs: Int, _ work: @escaping @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let workers = max(1, min(jobs, count))
    // One worker: no dispatch (lint of many files calls this once per window of each file).
    guard workers > 1 else { return (0..<count).map(work) }
    let slots = Slots<T>(count)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let i = slots.claim() { slots.store(work(i), at: i) }
    }
    return slots.results()
}

/// Result slots shared by the workers; guarded by a lock.
private final class Slots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var values: [T?]

    init(_ count: Int) { values = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < values.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ value: T, at i: Int) {
        lock.lock()
        values[i] = value
        lock.unlock()
    }

    func results() -> [T] { values.map { $0! } }
}
