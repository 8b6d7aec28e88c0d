/// Exact order statistics of a column without sorting it: the values a full radix sort
/// (`RadixArgsort.sorted`, numeric order with −0 just before +0, NaN left out) would put at a
/// few chosen positions.
///
/// Method (a one-level radix select on the order-preserving keys of `RadixArgsort`): with lo and
/// hi the smallest and largest key of the non-NaN values, a value with key k falls in bucket
/// `(k − lo) >> s`, where s is the smallest shift that leaves at most 2^16 buckets. The bucket is
/// a non-decreasing function of the key, so every value of a bucket sorts before every value of
/// a later one: the bucket counts place each wanted position in one bucket, and only the keys of
/// those buckets (at most one per position) are gathered and sorted. Ties, ±∞ and signed zeros
/// are ordered as the sort orders them, because only keys are compared.
///
/// - Complexity: three passes over the column (extremes, bucket counts, gathering) and a sort
///   of the gathered keys, O(n + m) for m gathered keys; 2^16 counters (256 KB). A column whose
///   wanted buckets hold most of its values (a column of mostly equal values) gathers about n.
public enum RadixSelect {
    /// The values at the 0-based ascending positions `positions` (each in `0 ..< count`, any
    /// order, repeats allowed) among the non-NaN values of `values`, `count` their number (the
    /// caller has counted them). Widened to double precision.
    public static func orderStatistics(_ values: UnsafeBufferPointer<Double>, count: Int, positions: [Int]) -> [Double] {
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
        // The extremes and how many values equal each: positions among those need no bucket
        // (a column of mostly zeros, such as a rare risk's PV, gathers nothing for them).
        var lo = T.Key.max, hi = T.Key.min, atLo = 0, atHi = 0
        for x in values where !x.isNaN {
            let k = x.radixKey
            if k <= lo {
                atLo = k == lo ? atLo + 1 : 1
                lo = k
            }
            if k >= hi {
                atHi = k == hi ? atHi + 1 : 1
                hi = k
            }
        }
        if positions.allSatisfy({ $0 < atLo || $0 >= n - atHi }) {
            return positions.map { $0 < atLo ? lo : hi }
        }
        let span = hi - lo
        let shift = max(0, (T.Key.bitWidth - span.leadingZeroBitCount) - 16)
        let buckets = Int(truncatingIfNeeded: span >> shift) + 1
        @inline(__always) func bucket(_ k: T.Key) -> Int { Int(truncatingIfNeeded: (k &- lo) >> shift) }

        let counts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: buckets)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0)
        for x in values where !x.isNaN { counts[bucket(x.radixKey)] &+= 1 }

        // Each wanted position's bucket and its offset there; `slot[b]` numbers the wanted buckets
        // from 1 (0: not wanted).
        let order = positions.indices.sorted { positions[$0] < positions[$1] }
        var wanted: [(bucket: Int, offset: Int)] = Array(repeating: (0, 0), count: positions.count)
        var slotOf = [Int: Int]()
        var slotBuckets: [Int] = []
        var b = 0, before = 0
        for j in order {
            let p = positions[j]
            if p < atLo || p >= n - atHi { continue }
            while before + Int(counts[b]) <= p {
                before += Int(counts[b])
                b += 1
            }
            wanted[j] = (b, p - before)
            if slotOf[b] == nil {
                slotBuckets.append(b)
                slotOf[b] = slotBuckets.count
            }
        }
        let slot = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: buckets)
        defer { slot.deallocate() }
        slot.initialize(repeating: 0)
        // Slot numbers are 16 bits: fewer than 2^16 wanted buckets (one per wanted position at most).
        precondition(slotBuckets.count < 1 << 16, "RadixSelect: too many wanted buckets")
        for (s, bucket) in slotBuckets.enumerated() { slot[bucket] = UInt16(s + 1) }

        var gathered: [[T.Key]] = slotBuckets.map { b in
            var keys: [T.Key] = []
            keys.reserveCapacity(Int(counts[b]))
            return keys
        }
        for x in values where !x.isNaN {
            let k = x.radixKey
            let s = Int(slot[bucket(k)])
            if s != 0 { gathered[s - 1].append(k) }
        }
        for s in gathered.indices { RadixArgsort.sortKeys(&gathered[s]) }
        return positions.indices.map { j in
            let p = positions[j]
            if p < atLo { return lo }
            if p >= n - atHi { return hi }
            return gathered[slotOf[wanted[j].bucket]! - 1][wanted[j].offset]
        }
    }
}

/// A floating-point element with `RadixArgsort`'s order-preserving unsigned key.
protocol RadixKeyed: BitwiseCopyable {
    associatedtype Key: FixedWidthInteger & UnsignedInteger
    var radixKey: Key { get }
    var isNaN: Bool { get }
}

extension Double: RadixKeyed {
    var radixKey: UInt64 { RadixArgsort.key(self) }
}

extension Float: RadixKeyed {
    var radixKey: UInt32 { RadixArgsort.key(self) }
}
