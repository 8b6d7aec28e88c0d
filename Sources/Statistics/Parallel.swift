import Dispatch
import Synchronization

/// Independent jobs on several threads, their results in a fixed order.
public enum Parallel {
    /// `(0 ..< count).map(body)` computed on up to `threads` threads.
    ///
    /// Each job writes only its own slot and the results come back in index order, so the
    /// outcome never depends on the number of threads or on which thread ran which job.
    ///
    /// - `threads == 1`, or `count <= 1`: the jobs run one after another on the calling thread.
    /// - `threads > 1`: min(threads, count) workers take job indices from a shared counter until
    ///   none is left.
    /// - `threads <= 0`: one job per `DispatchQueue.concurrentPerform` iteration, as many at a
    ///   time as the system offers cores.
    ///
    /// - Complexity: `count` calls of `body`, spread over the workers; O(count) extra memory.
    public static func map<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1, threads != 1 else { return (0..<count).map(body) }
        let slots = Slots<T>(count)
        if threads <= 0 {
            DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, body($0)) }
        } else {
            let next = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
                while true {
                    let job = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard job < count else { return }
                    slots.set(job, body(job))
                }
            }
        }
        return slots.values
    }
}

/// Write-once storage for `Parallel.map`: distinct indices are written by distinct jobs.
private final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>
    init(_ count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }
    func set(_ index: Int, _ value: T) { buffer[index] = value }
    var values: [T] { buffer.map { $0! } }
    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}
