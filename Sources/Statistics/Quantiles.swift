import Sampling

/// Sample quantiles: one definition for the whole tool.
///
/// **Definition (Hyndman & Fan 1996, type 7).** For a sorted sample x_(1) <= ... <= x_(n) and a
/// probability p in [0, 1], let h = (n - 1)·p, j = ⌊h⌋ and g = h - j. Then (0-based indices)
///
///     Q(p) = x[j] + g · (x[j+1] - x[j])     (and Q(1) = x[n-1]),
///
/// linear interpolation between the order statistics at plotting positions (k - 1)/(n - 1).
/// This is R's default `quantile(type = 7)`, numpy's default `numpy.quantile` ("linear") and
/// Excel's `PERCENTILE.INC`. Q(0) is the minimum, Q(1) the maximum, Q(0.5) the usual median.
///
/// When h lies within a few ulps of an integer (for example (n - 1)·0.8 evaluated in floating
/// point) it is snapped to that integer, so that the quantile is exactly an order statistic
/// rather than x[j] + 0.999999999999·(x[j+1] - x[j]).
public enum Quantiles {
    /// The probabilities a run reports: P5, P10, P50, P80, P90, P95.
    public static let reported: [Double] = [0.05, 0.10, 0.50, 0.80, 0.90, 0.95]

    /// The type-7 quantile of an ascending sample (see the type's documentation).
    ///
    /// Edge cases: NaN when the sample is empty or p is not in [0, 1]; with n = 1 every quantile
    /// is the single value. The sample must be sorted ascending and free of NaN (as
    /// `sortedWithoutNaN` or `sorted()` of a NaN-free column gives); this is not checked.
    ///
    /// - Complexity: O(1).
    public static func quantile(sorted x: [Double], _ p: Double) -> Double {
        quantile(count: x.count, p) { x[$0] }
    }

    /// The type-7 quantile of a sample of `n` values whose order statistics `x(k)` (0-based,
    /// ascending) are read on demand: only those at `positions(count:p)` are read.
    public static func quantile(count n: Int, _ p: Double, orderStatistic x: (Int) -> Double) -> Double {
        guard let (j, g) = position(count: n, p) else { return .nan }
        if g == 0 { return x(j) }
        let a = x(j), b = x(j + 1)
        if a == b { return a }
        return a + g * (b - a)
    }

    /// The 0-based order statistics the type-7 quantile at p reads: j, and j + 1 when it
    /// interpolates; empty when the quantile is NaN (n = 0 or p outside [0, 1]).
    public static func positions(count n: Int, _ p: Double) -> [Int] {
        guard let (j, g) = position(count: n, p) else { return [] }
        return g == 0 ? [j] : [j, j + 1]
    }

    /// j = ⌊h⌋ and g = h − j for h = (n − 1)·p, snapped to an integer within a few ulps; g = 0 at
    /// j = n − 1 and for n = 1. Nil for n = 0 or p outside [0, 1].
    private static func position(count n: Int, _ p: Double) -> (j: Int, g: Double)? {
        guard n > 0, p >= 0, p <= 1 else { return nil }
        if n == 1 { return (0, 0) }
        var h = Double(n - 1) * p
        let nearest = h.rounded()
        if abs(h - nearest) <= 4 * nearest.ulp { h = nearest }
        let j = min(Int(h.rounded(.down)), n - 1)
        let g = h - Double(j)
        return j == n - 1 ? (j, 0) : (j, g)
    }

    /// Type-7 quantiles of an ascending sample for each probability in `ps` (NaN for a p outside
    /// [0, 1] or an empty sample).
    ///
    /// - Complexity: O(k) for k probabilities.
    public static func quantiles(sorted x: [Double], ps: [Double]) -> [Double] {
        ps.map { quantile(sorted: x, $0) }
    }

    /// The column without its NaN values, sorted ascending (±∞ are kept and sort to the ends;
    /// -0 sorts just before +0). Equal values keep their order, so the result is deterministic.
    ///
    /// - Complexity: O(n): a least-significant-digit radix sort (`RadixArgsort`), eight passes.
    public static func sortedWithoutNaN(_ values: [Double]) -> [Double] {
        RadixArgsort.sorted(values.contains(where: \.isNaN) ? values.filter { !$0.isNaN } : values)
    }
}
