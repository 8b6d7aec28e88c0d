import ScenarioModel

/// `C(t)` (`PriceColumns.cumulative`) of the time columns of one block of rows, kept from one
/// cash-flow instruction to the next: a real line's financial-year cash needs `C` at both ends
/// of each row's span, and several lines share an end (go-live starts the running costs and ends
/// the incumbent's extension), so each is one exponential a row, not one a line.
///
/// An entry, per time column and price-index block, holds for each row the last time it was
/// asked for and its `C`; a row's value is reused only when the time asked for has the same bits
/// (the column may have been written again since), so it is the same number computed from the
/// same values. `clear` forgets every entry when the price-index block is filled again. Times
/// never asked for are NaN, which no time a kernel asks for is. One cache serves one block of
/// rows on one thread (`ChunkInterpreter`).
final class CumulativeCache {
    /// Where a kernel reads and keeps `C` of one time column: the times (`t`) and their `C` (`c`).
    struct Column {
        let t: UnsafeMutablePointer<Double>
        let c: UnsafeMutablePointer<Double>

        /// `C` at row `i` of time `x`: kept, or `compute()` kept.
        @inline(__always) func value(_ x: Double, _ i: Int, _ compute: () -> Double) -> Double {
            if t[i].bitPattern == x.bitPattern { return c[i] }
            let value = compute()
            t[i] = x
            c[i] = value
            return value
        }
    }

    private struct Key: Hashable {
        let time: Slot
        let prices: Slot
    }

    private var entries: [Key: UnsafeMutablePointer<Double>] = [:]
    private var rows = 0

    deinit { clear() }

    /// The entry of time column `time` and the price-index block at `prices`, for `n` rows (the
    /// same `n` for every entry until `clear`).
    func column(time: Slot, prices: Slot, rows n: Int) -> Column {
        let key = Key(time: time, prices: prices)
        if entries.isEmpty { rows = n }
        precondition(n == rows, "one cache serves blocks of one size")
        if let storage = entries[key] { return Column(t: storage, c: storage + n) }
        let storage = UnsafeMutablePointer<Double>.allocate(capacity: 2 * max(n, 1))
        storage.update(repeating: .nan, count: n)
        entries[key] = storage
        return Column(t: storage, c: storage + n)
    }

    /// Forgets every entry.
    func clear() {
        for storage in entries.values { storage.deallocate() }
        entries.removeAll(keepingCapacity: true)
    }
}
