import Foundation

/// Memory for one result column: one value per iteration, allocated once, written by the chunks
/// of a run (each its own rows), then read-only. Large columns are aligned to 2 MiB and marked
/// for transparent huge pages, which cuts the page faults of filling a million-row column by a
/// factor of about 500.
public final class ColumnStorage<Element: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(count: Int) {
        self.count = count
        let bytes = max(count, 1) * MemoryLayout<Element>.stride
        let hugePage = 2 << 20
        var raw: UnsafeMutableRawPointer?
        if bytes >= hugePage, posix_memalign(&raw, hugePage, bytes) == 0, let raw {
            _ = madvise(raw, bytes, MADV_HUGEPAGE)
            base = raw.bindMemory(to: Element.self, capacity: max(count, 1))
        } else {
            base = (malloc(bytes) ?? UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 16))
                .bindMemory(to: Element.self, capacity: max(count, 1))
        }
    }

    deinit { free(base) }
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

    public static func == (a: Column, b: Column) -> Bool {
        a.count == b.count && (a.storage === b.storage || a.elementsEqual(b))
    }
}

extension Column where Element == Float {
    /// The values widened to double precision.
    public var doubles: [Double] { map(Double.init) }
}
