import Dispatch

/// `(0 ..< count).map(body)` computed on all cores. Each job writes only its own slot and the
/// results come back in index order, so the outcome never depends on the number of threads.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let slots = Slots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, body($0)) }
    return slots.values
}

/// Write-once storage for `parallelMap`: distinct indices are written by distinct jobs.
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
