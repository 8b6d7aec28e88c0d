/// Stable argsort of doubles by least-significant-digit radix sort on their order-preserving
/// 64-bit keys: eight passes of one byte each, O(n) (about 3× faster than a comparison sort of
/// indices at n = 1024 to 4096).
///
/// Key of x: its bit pattern with the sign bit flipped for x ≥ 0 and every bit flipped for x < 0,
/// so unsigned key order equals numeric order (−0 sorts just before +0; NaN, never given here,
/// would sort at the ends). Stability makes ties keep their index order, so the result equals
/// sorting the pairs (x[i], i).
public enum RadixArgsort {
    /// `order[m]` = index of the m-th smallest of `values[0 ..< n]`. `keys` and the two scratch
    /// buffers need room for n entries.
    public static func argsort(
        _ values: UnsafePointer<Double>, count n: Int, into order: UnsafeMutablePointer<Int32>,
        keys: UnsafeMutablePointer<UInt64>, scratchKeys: UnsafeMutablePointer<UInt64>,
        scratchOrder: UnsafeMutablePointer<Int32>
    ) {
        guard n > 0 else { return }
        for i in 0..<n {
            let bits = values[i].bitPattern
            keys[i] = bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
        }
        let inScratch = sortKeys(
            n, keys: keys, scratchKeys: scratchKeys, carrying: order, scratchOrder: scratchOrder)
        if inScratch { order.update(from: scratchOrder, count: n) }
    }
}

extension RadixArgsort {
    /// The order-preserving key of a double (see the type's note).
    @inline(__always) static func key(_ x: Double) -> UInt64 {
        let bits = x.bitPattern
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }

    @inline(__always) static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }

    /// `order[m]` = index of the m-th smallest value (stable: ties in index order). NaN values
    /// must have been removed by the caller.
    public static func argsort(_ values: [Double]) -> [Int32] {
        let n = values.count
        var order = [Int32](repeating: 0, count: n)
        guard n > 0 else { return order }
        var keys = [UInt64](repeating: 0, count: 2 * n)
        var scratch = [Int32](repeating: 0, count: n)
        values.withUnsafeBufferPointer { v in
            order.withUnsafeMutableBufferPointer { o in
                keys.withUnsafeMutableBufferPointer { k in
                    scratch.withUnsafeMutableBufferPointer { sc in
                        argsort(
                            v.baseAddress!, count: n, into: o.baseAddress!, keys: k.baseAddress!,
                            scratchKeys: k.baseAddress! + n, scratchOrder: sc.baseAddress!)
                    }
                }
            }
        }
        return order
    }

    /// The values in ascending order (numeric order; −0 before +0), by radix sort of their keys.
    public static func sorted(_ values: [Double]) -> [Double] {
        let n = values.count
        guard n > 1 else { return values }
        var a = values.map(key)
        sortKeys(&a)
        return a.map(value)
    }
}

extension RadixArgsort {
    /// The order-preserving 32-bit key of a float (as `key` of a double: sign bit flipped for
    /// x ≥ 0, every bit for x < 0).
    @inline(__always) static func key(_ x: Float) -> UInt32 {
        let bits = x.bitPattern
        return bits & (1 << 31) == 0 ? bits | (1 << 31) : ~bits
    }

    @inline(__always) static func float(_ key: UInt32) -> Float {
        Float(bitPattern: key & (1 << 31) != 0 ? key & ~(1 << 31) : ~key)
    }

    /// The NaN-free floats in ascending order, widened to double precision: the same values as
    /// `sorted(values.map(Double.init))` (widening keeps the order), with four one-byte passes
    /// over 32-bit keys instead of eight over 64-bit ones. NaN values are left out.
    ///
    /// - Complexity: O(n), two n-element key buffers and the result.
    public static func sortedWidening(_ values: UnsafeBufferPointer<Float>) -> [Double] {
        var a = [UInt32]()
        a.reserveCapacity(values.count)
        for x in values where !x.isNaN { a.append(key(x)) }
        let n = a.count
        guard n > 1 else { return a.map { Double(float($0)) } }
        sortKeys(&a)
        return a.map { Double(float($0)) }
    }
}

extension RadixArgsort {
    /// Stable argsort of NaN-free floats on their 32-bit keys (four one-byte passes): the same
    /// order as `argsort(values.map(Double.init))`, since widening keeps the order and both
    /// sorts are stable.
    ///
    /// - Complexity: O(n), two n-element key buffers and one order buffer besides the result.
    public static func argsort(_ values: UnsafeBufferPointer<Float>) -> [Int32] {
        argsortWithKeys(values, mergingZeros: false).order
    }

    /// `argsort` of floats with the sorted keys beside the order (`keys[m]` is the key of the
    /// m-th smallest value; only the first n entries are meaningful), so that a caller can find
    /// runs of equal values without reading the values again in sorted order. With
    /// `mergingZeros`, −0 gets the key of +0, so that equal values always have equal keys (−0
    /// and +0 then keep their index order among themselves).
    public static func argsortWithKeys(
        _ values: UnsafeBufferPointer<Float>, mergingZeros: Bool
    ) -> (order: [Int32], keys: [UInt32]) {
        let n = values.count
        guard n > 0 else { return ([], []) }
        var order = [Int32](repeating: 0, count: n)
        var keys = [UInt32](repeating: 0, count: 2 * n)
        var scratch = [Int32](repeating: 0, count: n)
        order.withUnsafeMutableBufferPointer { o in
            keys.withUnsafeMutableBufferPointer { k in
                scratch.withUnsafeMutableBufferPointer { sc in
                    let sorted = argsortWithKeys(
                        values, mergingZeros: mergingZeros, order: o.baseAddress!, keys: k.baseAddress!,
                        scratchOrder: sc.baseAddress!)
                    if sorted.order != UnsafePointer(o.baseAddress!) {
                        o.baseAddress!.update(from: sorted.order, count: n)
                        k.baseAddress!.update(from: sorted.keys, count: n)
                    }
                }
            }
        }
        return (order, keys)
    }

    /// The same in the caller's buffers (reused from one column to the next): `order` and
    /// `scratchOrder` need room for n entries and `keys` for 2n. Returns where the sorted order
    /// and keys ended: `order` and `keys`, or `scratchOrder` and `keys + n`.
    ///
    /// - Complexity: O(n), four one-byte passes (fewer when a byte is common to every key).
    public static func argsortWithKeys(
        _ values: UnsafeBufferPointer<Float>, mergingZeros: Bool, order: UnsafeMutablePointer<Int32>,
        keys: UnsafeMutablePointer<UInt32>, scratchOrder: UnsafeMutablePointer<Int32>
    ) -> (order: UnsafePointer<Int32>, keys: UnsafePointer<UInt32>) {
        argsortInPlace(values, mergingZeros: mergingZeros, order: order, keys: keys, scratchOrder: scratchOrder)
    }

    /// The same for doubles, on their 64-bit keys (eight one-byte passes, fewer when a byte is
    /// common to every key): `keys` needs room for 2n entries, `order` and `scratchOrder` for n.
    /// Values must be NaN-free.
    ///
    /// - Complexity: O(n).
    public static func argsortWithKeys(
        _ values: UnsafeBufferPointer<Double>, mergingZeros: Bool, order: UnsafeMutablePointer<Int32>,
        keys: UnsafeMutablePointer<UInt64>, scratchOrder: UnsafeMutablePointer<Int32>
    ) -> (order: UnsafePointer<Int32>, keys: UnsafePointer<UInt64>) {
        argsortInPlace(values, mergingZeros: mergingZeros, order: order, keys: keys, scratchOrder: scratchOrder)
    }

    /// The two `argsortWithKeys` in the caller's buffers, on the element's key width.
    @inline(__always)
    private static func argsortInPlace<T: RadixKeyed>(
        _ values: UnsafeBufferPointer<T>, mergingZeros: Bool, order: UnsafeMutablePointer<Int32>,
        keys: UnsafeMutablePointer<T.Key>, scratchOrder: UnsafeMutablePointer<Int32>
    ) -> (order: UnsafePointer<Int32>, keys: UnsafePointer<T.Key>) {
        let n = values.count
        if mergingZeros {
            for i in 0..<n { keys[i] = (values[i] == 0 ? 0 : values[i]).radixKey }
        } else {
            for i in 0..<n { keys[i] = values[i].radixKey }
        }
        let inScratch = sortKeys(n, keys: keys, scratchKeys: keys + n, carrying: order, scratchOrder: scratchOrder)
        return inScratch
            ? (UnsafePointer(scratchOrder), UnsafePointer(keys + n)) : (UnsafePointer(order), UnsafePointer(keys))
    }
}

extension RadixArgsort {
    /// Sorts unsigned keys in place, ascending: a least-significant-digit radix sort, one pass per
    /// byte of the key (8 for 64-bit keys, 4 for 32-bit ones), each a stable counting sort into a
    /// second buffer; a pass whose byte is the same in every key is skipped. The digit counts sit
    /// in raw memory (an array there costs a uniqueness check per element).
    ///
    /// - Complexity: O(n · bytes), one n-element scratch buffer.
    @inline(__always)
    static func sortKeys<Key: FixedWidthInteger & UnsignedInteger>(_ a: inout [Key]) {
        let n = a.count
        guard n > 1 else { return }
        var b = [Key](repeating: 0, count: n)
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 256)
        defer { counts.deallocate() }
        a.withUnsafeMutableBufferPointer { pa in
            b.withUnsafeMutableBufferPointer { pb in
                var src = pa.baseAddress!, dst = pb.baseAddress!
                for pass in 0..<(Key.bitWidth / 8) {
                    let shift = Key(pass * 8)
                    for d in 0..<256 { counts[d] = 0 }
                    for i in 0..<n { counts[Int(truncatingIfNeeded: (src[i] >> shift) & 0xFF)] += 1 }
                    if (0..<256).contains(where: { counts[$0] == n }) { continue }
                    var total = 0
                    for d in 0..<256 {
                        let c = counts[d]
                        counts[d] = total
                        total += c
                    }
                    for i in 0..<n {
                        let d = Int(truncatingIfNeeded: (src[i] >> shift) & 0xFF)
                        dst[counts[d]] = src[i]
                        counts[d] += 1
                    }
                    swap(&src, &dst)
                }
                if src != pa.baseAddress! { pa.baseAddress!.update(from: src, count: n) }
            }
        }
    }
}

extension RadixArgsort {
    /// The same sort as `sortKeys(_:)` on `keys[0 ..< n]`, with the argsort beside it: the
    /// original index of each key moves with it (stable, so ties keep their order), and the
    /// first pass writes the indices 0, 1, …, n − 1 itself, so `order` need not be initialised
    /// (when every pass is skipped, all keys being equal, it is filled with them at the end).
    /// The passes alternate between the buffers and their scratch twins; returns whether the
    /// sorted keys and order ended in the scratch buffers (an odd number of passes ran) rather
    /// than in `keys` and `order`.
    ///
    /// One pass per byte, least significant first. The counts of every byte are taken in one
    /// read of the keys before the first pass (not one read per pass), and a pass whose byte is
    /// the same in every key (the high bits of values in a narrow range) is skipped. (Three
    /// passes of 11 bits were measured slower at n = 10^6: 2048 counters scatter a key and an
    /// order entry each to 4096 places at once, more than the first-level cache holds.)
    ///
    /// - Complexity: O(n · bytes), bytes · 256 counters.
    @inline(__always)
    static func sortKeys<Key: FixedWidthInteger & UnsignedInteger>(
        _ n: Int, keys: UnsafeMutablePointer<Key>, scratchKeys: UnsafeMutablePointer<Key>,
        carrying order: UnsafeMutablePointer<Int32>, scratchOrder: UnsafeMutablePointer<Int32>
    ) -> Bool {
        guard n > 1 else {
            if n == 1 { order[0] = 0 }
            return false
        }
        let bits = 8
        let radix = 1 << bits
        let mask = Key(radix - 1)
        let passes = (Key.bitWidth + bits - 1) / bits
        var srcKeys = keys, dstKeys = scratchKeys
        var srcOrder = order, dstOrder = scratchOrder
        // Digit counts in raw memory (an array here costs a uniqueness check per element), 32
        // bits each (n < 2^31), pass p's at p · radix.
        let counts = UnsafeMutablePointer<UInt32>.allocate(capacity: passes * radix)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0, count: passes * radix)
        for i in 0..<n {
            let k = srcKeys[i]
            for p in 0..<passes {
                counts[p &* radix &+ Int(truncatingIfNeeded: (k >> Key(p &* bits)) & mask)] &+= 1
            }
        }
        var first = true
        for p in 0..<passes {
            let shift = Key(p * bits)
            let c = counts + p * radix
            // Skip a pass where every key has the same digit.
            if c[Int(truncatingIfNeeded: (srcKeys[0] >> shift) & mask)] == UInt32(n) { continue }
            var total: UInt32 = 0
            for d in 0..<radix {
                let m = c[d]
                c[d] = total
                total &+= m
            }
            if first {
                // The order is still the identity: write the index rather than read it.
                for i in 0..<n {
                    let d = Int(truncatingIfNeeded: (srcKeys[i] >> shift) & mask)
                    let at = Int(c[d])
                    c[d] = UInt32(truncatingIfNeeded: at &+ 1)
                    dstKeys[at] = srcKeys[i]
                    dstOrder[at] = Int32(truncatingIfNeeded: i)
                }
                first = false
            } else {
                for i in 0..<n {
                    let d = Int(truncatingIfNeeded: (srcKeys[i] >> shift) & mask)
                    let at = Int(c[d])
                    c[d] = UInt32(truncatingIfNeeded: at &+ 1)
                    dstKeys[at] = srcKeys[i]
                    dstOrder[at] = srcOrder[i]
                }
            }
            swap(&srcKeys, &dstKeys)
            swap(&srcOrder, &dstOrder)
        }
        if first { for i in 0..<n { order[i] = Int32(truncatingIfNeeded: i) } }
        return srcOrder != order
    }
}

/// A floating-point element with `RadixArgsort`'s order-preserving unsigned key.
protocol RadixKeyed: BinaryFloatingPoint & BitwiseCopyable {
    associatedtype Key: FixedWidthInteger & UnsignedInteger
    var radixKey: Key { get }
}

extension Double: RadixKeyed {
    var radixKey: UInt64 { RadixArgsort.key(self) }
}

extension Float: RadixKeyed {
    var radixKey: UInt32 { RadixArgsort.key(self) }
}
