import Foundation
import Synchronization

/// Memory for one result column: one value per iteration, allocated once, written by the chunks
/// of a run (each its own rows, every row written), then read-only.
///
/// Large columns (2 MiB and more) are aligned to 2 MiB and marked for transparent huge pages,
/// which cuts the page faults of filling a million-row column by a factor of about 500, and are
/// recycled through `ColumnPool` when released: the first run in a process pays for the kernel
/// to clear fresh pages (about 0.15 s per 441 MB here), a later run of the same size (the
/// `--precision` loop, a benchmark's repeats, a program that runs the engine several times)
/// reuses them. Reused memory is not cleared: every row is written before it is read.
public final class ColumnStorage<Element: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int
    private let bytes: Int
    private let pooled: Bool

    init(count: Int) {
        self.count = count
        bytes = max(count, 1) * MemoryLayout<Element>.stride
        var raw: UnsafeMutableRawPointer?
        if bytes >= ColumnPool.hugePage {
            raw = ColumnPool.take(bytes: bytes)
            if raw == nil, posix_memalign(&raw, ColumnPool.hugePage, bytes) == 0, let fresh = raw {
                _ = madvise(fresh, bytes, MADV_HUGEPAGE)
            }
        }
        pooled = raw != nil
        if raw == nil { raw = malloc(bytes) }
        guard let raw else { fatalError("out of memory for a result column of \(bytes) bytes") }
        base = raw.bindMemory(to: Element.self, capacity: max(count, 1))
    }

    deinit {
        if pooled {
            ColumnPool.give(UnsafeMutableRawPointer(base), bytes: bytes)
        } else {
            free(base)
        }
    }
}

/// Released large result columns kept for reuse by size, up to `limit` bytes in all; beyond it
/// they are returned to the system.
enum ColumnPool {
    static let hugePage = 2 << 20
    static let limit = 1 << 30
    /// Addresses of free blocks by size, and their total size.
    private static let free = Mutex<(blocks: [Int: [UInt]], total: Int)>(([:], 0))

    static func take(bytes: Int) -> UnsafeMutableRawPointer? {
        let address = free.withLock { pool -> UInt? in
            guard let block = pool.blocks[bytes]?.popLast() else { return nil }
            pool.total -= bytes
            return block
        }
        return address.flatMap { UnsafeMutableRawPointer(bitPattern: $0) }
    }

    static func give(_ block: UnsafeMutableRawPointer, bytes: Int) {
        let address = UInt(bitPattern: block)
        let kept = free.withLock { pool -> Bool in
            guard pool.total + bytes <= limit else { return false }
            pool.blocks[bytes, default: []].append(address)
            pool.total += bytes
            return true
        }
        if !kept { Foundation.free(block) }
    }
}

/// A read-only column of per-iteration results, indexed by iteration.
public struct Column<Element: BitwiseCopyable & Equatable>: RandomAccessCollection, Sendable, Equatable {
    let storage: ColumnStorage<Element>

    init(storage: ColumnStorage<Element>) { self.storage = storage }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }
    public subscript(position: Int) -> Element { storage.base[position] }

    /// The values as an array (a copy).
    public var array: [Element] { Array(UnsafeBufferPointer(start: storage.base, count: storage.count)) }

    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.base, count: storage.count))
    }

    /// The column is contiguous, so generic code over any sequence (a histogram, a sum) reads it
    /// in place.
    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R? {
        try withUnsafeBufferPointer(body)
    }

    public static func == (a: Column, b: Column) -> Bool {
        a.count == b.count && (a.storage === b.storage || a.elementsEqual(b))
    }
}

extension Column where Element == Float {
    /// The values widened to double precision.
    public var doubles: [Double] { map(Double.init) }
}
