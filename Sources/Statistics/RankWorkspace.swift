import Synchronization

/// The buffers for ranking one column of n values (`Ranks.doubledRanks(_:in:)`): sort keys and
/// their scratch half (2n), the order and its scratch twin (n each) and the doubled ranks (n).
/// Reused from one column to the next, so that ranking many columns of the same length
/// allocates (and the system zeroes) these 20 bytes an iteration once, not once per column.
///
/// A workspace is used by one job at a time (`RankWorkspaces` hands them out); its buffers
/// are valid until its next use.
public final class RankWorkspace: @unchecked Sendable {
    private(set) var capacity = 0
    private(set) var keys = UnsafeMutablePointer<UInt32>.allocate(capacity: 0)
    private(set) var order = UnsafeMutablePointer<Int32>.allocate(capacity: 0)
    private(set) var scratchOrder = UnsafeMutablePointer<Int32>.allocate(capacity: 0)
    private(set) var ranks = UnsafeMutablePointer<UInt32>.allocate(capacity: 0)

    public init() {}

    /// Grows the buffers to hold n values (their contents are then undefined).
    func reserve(_ n: Int) {
        guard n > capacity else { return }
        release()
        keys = .allocate(capacity: 2 * n)
        order = .allocate(capacity: n)
        scratchOrder = .allocate(capacity: n)
        ranks = .allocate(capacity: n)
        capacity = n
    }

    private func release() {
        keys.deallocate()
        order.deallocate()
        scratchOrder.deallocate()
        ranks.deallocate()
    }

    deinit { release() }
}

/// Workspaces shared by the jobs of a `Parallel.map`: a job takes a free one (or a new one
/// when all are in use) and gives it back when done, so there are never more than jobs run
/// at once, one per thread.
public final class RankWorkspaces: Sendable {
    private let free = Mutex<[RankWorkspace]>([])

    public init() {}

    /// `body` with a workspace no other job is using.
    public func with<T>(_ body: (RankWorkspace) throws -> T) rethrows -> T {
        let workspace = free.withLock { $0.popLast() } ?? RankWorkspace()
        defer { free.withLock { $0.append(workspace) } }
        return try body(workspace)
    }
}
