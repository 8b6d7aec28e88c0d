/// Exact order statistics of a column without sorting it: the values a full radix sort
/// (`RadixArgsort.sorted`, numeric order with −0 just before +0, NaN left out) would put at a
/// few chosen positions.
///
/// Method (a one-level radix select on the order-preserving keys of `RadixArgsort`): with lo and
/// hi the smallest and largest key of the non-NaN values, a value with lo < k < hi falls in
/// bucket `(k − lo) >> s`, where s is the smallest shift that leaves at most 2^16 buckets (the
/// values equal to lo or hi are only counted). The bucket is
/// a non-decreasing function of the key, so every value of a bucket sorts before every value of
/// a later one: the bucket counts place each wanted position in one bucket, and only the keys of
/// those buckets (at most one per position) are gathered and sorted. Ties, ±∞ and signed zeros
/// are ordered as the sort orders them, because only keys are compared.
///
/// - Complexity: three passes over the column (extremes, bucket counts, gathering) and a sort
///   of the gathered keys, O(n + m) for m gathered keys; 2^16 counters (256 KB). Only values
///   strictly between the extremes are counted and gathered, so a column of mostly its minimum
///   (a rare risk's PV) gathers little; one whose wanted buckets hold most of its other values
///   (few distinct values in the middle) gathers about n.
public enum RadixSelect {
    /// The values at the 0-based ascending positions `positions` (each in `0 ..< count`, any
    /// order, repeats allowed) among the non-NaN values of `values`, `count` their number (the
    /// caller has counted them). Widened to double precision.
    public static func orderStatistics(_ values: UnsafeBufferPointer<Double>, count: Int, positions: [Int]) -> [Double]
    {
        select(values, count: count, positions: positions).map(RadixArgsort.value)
    }

    /// As the double-precision version, for a single-precision column (each value widened).
    public static func orderStatistics(_ values: UnsafeBufferPointer<Float>, count: Int, positions: [Int]) -> [Double] {
        select(values, count: count, positions: positions).map { Double(RadixArgsort.float($0)) }
    }

    /// The keys at the wanted positions (see `orderStatistics`).
    private static func select<T: RadixKeyed>(
        _ values: UnsafeBufferPointer<T>, count n: Int, positions: [Int]
    ) -> [T.Key] {
        precondition(positions.allSatisfy { $0 >= 0 && $0 < n }, "RadixSelect: position outside the column")
        guard !positions.isEmpty else { return [] }
        let hasNaN = n != values.count
        /// Calls `body` with the key of every non-NaN value, in column order.
        @inline(__always) func forEachKey(_ body: (T.Key) -> Void) {
            if hasNaN {
                for x in values where !x.isNaN { body(x.radixKey) }
            } else {
                for x in values { body(x.radixKey) }
            }
        }
        // The extremes and how many values equal each. The values strictly between them (the
        // middle, m of them) are the only ones counted and gathered, so a column of mostly one
        // value (a rare risk's PV: mostly zeros) costs no more than any other; position p is
        // lo below atLo, hi from n - atHi, and otherwise position p - atLo of the middle.
        var lo = T.Key.max, hi = T.Key.min
        forEachKey { k in
            lo = min(lo, k)
            hi = max(hi, k)
        }
        if lo == hi { return positions.map { _ in lo } }

        let span = hi - lo
        let shift = max(0, (T.Key.bitWidth - span.leadingZeroBitCount) - 16)
        let buckets = Int(truncatingIfNeeded: span >> shift) + 1
        @inline(__always) func bucket(_ k: T.Key) -> Int { Int(truncatingIfNeeded: (k &- lo) >> shift) }

        let counts = UnsafeMutablePointer<Int32>.allocate(capacity: buckets)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0, count: buckets)
        var atLo = 0, atHi = 0
        forEachKey { k in
            if k == lo {
                atLo &+= 1
            } else if k == hi {
                atHi &+= 1
            } else {
                counts[bucket(k)] &+= 1
            }
        }
        func isEnd(_ p: Int) -> Bool { p < atLo || p >= n - atHi }
        if positions.allSatisfy(isEnd) { return positions.map { $0 < atLo ? lo : hi } }

        // Each wanted middle position's slot (the wanted buckets in ascending order, numbered
        // from 0; marked in a bitmap, 8 KB for 2^16 buckets, read first) and offset there. The
        // positions are visited in ascending order, so their buckets never decrease.
        let order = positions.indices.sorted { positions[$0] < positions[$1] }
        var wanted = [(slot: Int, offset: Int)](repeating: (0, 0), count: positions.count)
        var slotBuckets: [Int] = []
        var b = 0, before = 0
        for j in order where !isEnd(positions[j]) {
            let p = positions[j] - atLo
            while before + Int(counts[b]) <= p {
                before += Int(counts[b])
                b += 1
            }
            if slotBuckets.last != b { slotBuckets.append(b) }
            wanted[j] = (slotBuckets.count - 1, p - before)
        }
        precondition(slotBuckets.count < 1 << 16, "RadixSelect: too many wanted buckets")
        let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: (buckets + 63) / 64)
        defer { bits.deallocate() }
        bits.initialize(repeating: 0, count: (buckets + 63) / 64)
        let slot = UnsafeMutablePointer<UInt16>.allocate(capacity: buckets)
        defer { slot.deallocate() }
        // Each wanted bucket's keys go to its own range of one buffer.
        var start = [Int](repeating: 0, count: slotBuckets.count + 1)
        for (s, bucket) in slotBuckets.enumerated() {
            bits[bucket >> 6] |= 1 << UInt64(bucket & 63)
            slot[bucket] = UInt16(s)
            start[s + 1] = start[s] + Int(counts[bucket])
        }
        let gathered = UnsafeMutablePointer<T.Key>.allocate(capacity: max(start[slotBuckets.count], 1))
        defer { gathered.deallocate() }
        var cursor = start
        cursor.withUnsafeMutableBufferPointer { cursor in
            forEachKey { k in
                let b = bucket(k)
                if bits[b >> 6] & (1 << UInt64(b & 63)) != 0 && k != lo && k != hi {
                    let s = Int(slot[b])
                    gathered[cursor[s]] = k
                    cursor[s] += 1
                }
            }
        }
        let sorted: [[T.Key]] = slotBuckets.indices.map { s in
            var keys = Array(UnsafeBufferPointer(start: gathered + start[s], count: start[s + 1] - start[s]))
            RadixArgsort.sortKeys(&keys)
            return keys
        }
        return positions.indices.map { j in
            let p = positions[j]
            if p < atLo { return lo }
            if p >= n - atHi { return hi }
            return sorted[wanted[j].slot][wanted[j].offset]
        }
    }
}
