import Foundation

/// A linear map from data to pixels: the domain [d₀, d₁] onto the range [r₀, r₁],
///
///     x ↦ r₀ + (x − d₀) / (d₁ − d₀) · (r₁ − r₀),
///
/// so d₀ lands on r₀ and d₁ on r₁ (a y axis passes r₀ = bottom, r₁ = top). A domain of zero
/// width (every value equal) maps everything to the middle of the range.
struct LinearScale {
    var d0: Double, d1: Double
    var r0: Double, r1: Double

    func callAsFunction(_ x: Double) -> Double {
        guard d1 != d0 else { return (r0 + r1) / 2 }
        return r0 + (x - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The pixel length of a data length (always ≥ 0): |w / (d₁ − d₀) · (r₁ − r₀)|.
    func length(_ w: Double) -> Double {
        guard d1 != d0 else { return 0 }
        return abs(w / (d1 - d0) * (r1 - r0))
    }
}

/// Axis ticks at round numbers.
enum Ticks {
    /// The "nice" step for about `count` intervals over [lo, hi]: the raw step (hi − lo) / count
    /// rounded up to 1, 2, 2.5 or 5 × 10ᵏ. 1 for an empty or non-finite interval.
    static func step(_ lo: Double, _ hi: Double, count: Int = 5) -> Double {
        let raw = (hi - lo) / Double(max(count, 1))
        guard raw.isFinite, raw > 0 else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 2.5, 5, 10] where m * power >= raw * (1 - 1e-9) { return m * power }
        return 10 * power
    }

    /// The domain widened outwards to whole steps: [⌊lo / s⌋·s, ⌈hi / s⌉·s]; a single value v
    /// becomes [v − 1, v + 1] (or [0, 1] for 0) so that it has a width.
    static func niceDomain(_ lo: Double, _ hi: Double, count: Int = 5) -> (Double, Double) {
        var (lo, hi) = (lo, hi)
        if !(lo.isFinite && hi.isFinite) { return (0, 1) }
        if lo == hi { (lo, hi) = lo == 0 ? (0, 1) : (lo - abs(lo) * 0.1, hi + abs(hi) * 0.1) }
        let s = step(lo, hi, count: count)
        return ((lo / s).rounded(.down) * s, (hi / s).rounded(.up) * s)
    }

    /// The multiples of the nice step within [lo, hi] (to a millionth of a step), in order;
    /// values within 10⁻⁹ steps of 0 are exactly 0.
    static func values(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        let s = step(lo, hi, count: count)
        guard lo.isFinite, hi.isFinite, hi > lo else { return lo.isFinite ? [lo] : [] }
        var out: [Double] = []
        var k = (lo / s - 1e-6).rounded(.up)
        while k * s <= hi + s * 1e-6 {
            let v = k * s
            out.append(abs(v) < s * 1e-9 ? 0 : v)
            k += 1
        }
        return out
    }
}

/// A histogram of a column: `bins` equal bins over [lo, hi] (values outside are left out).
struct Histogram {
    var lo: Double
    var hi: Double
    var counts: [Int]
    /// Values counted (within [lo, hi], not NaN).
    var total: Int

    var width: Double { (hi - lo) / Double(counts.count) }

    /// Bin k is [lo + k·w, lo + (k + 1)·w) with w = (hi − lo) / bins; hi itself goes into the
    /// last bin.
    init(_ values: some Sequence<Double>, lo: Double, hi: Double, bins: Int) {
        self.lo = lo
        self.hi = hi
        var counts = [Int](repeating: 0, count: max(bins, 1))
        var total = 0
        let scale = hi > lo ? Double(counts.count) / (hi - lo) : 0
        counts.withUnsafeMutableBufferPointer { counts in
            let last = counts.count - 1
            func count(_ v: Double) {
                guard v >= lo && v <= hi else { return }
                counts[min(Int((v - lo) * scale), last)] += 1
                total += 1
            }
            // A result column or an array is read in place (the common case: a million values).
            let read: Void? = values.withContiguousStorageIfAvailable { for v in $0 { count(v) } }
            if read == nil { for v in values { count(v) } }
        }
        self.counts = counts
        self.total = total
    }

    /// The share of the `of` values (all the column's, by default those counted) in bin k.
    func share(_ k: Int, of n: Int? = nil) -> Double {
        let n = n ?? total
        return n > 0 ? Double(counts[k]) / Double(n) : 0
    }
}
