import Sampling

/// Ranks with ties averaged, and the Pearson and Spearman correlation coefficients.
public enum Ranks {
    /// 1-based ranks with ties given the average of the ranks they span ("fractional ranking"):
    /// if values x_(i) ... x_(j) of the sorted column are equal, each gets (i + j) / 2.
    /// So [10, 20, 20, 30] → [1, 2.5, 2.5, 4]. The ranks always sum to n(n + 1)/2.
    ///
    /// NaN values get rank NaN and the other values are ranked among themselves. The sort is
    /// by value then by position, so the result is fully deterministic.
    ///
    /// - Complexity: O(n): a stable radix argsort (`RadixArgsort`) and one pass over the ties.
    public static func averageRanks(_ values: [Double]) -> [Double] {
        var ranks = [Double](repeating: .nan, count: values.count)
        // Stable radix argsort of the non-NaN values (ties stay in index order).
        let kept = values.indices.filter { !values[$0].isNaN }
        let order =
            kept.count == values.count
            ? RadixArgsort.argsort(values).map(Int.init)
            : RadixArgsort.argsort(kept.map { values[$0] }).map { kept[Int($0)] }
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] {
                end += 1
            }
            // Positions start ... end (0-based) hold ranks start+1 ... end+1; their mean:
            let rank = Double(start + end + 2) / 2
            for k in start...end { ranks[order[k]] = rank }
            start = end + 1
        }
        return ranks
    }
}

/// Correlation coefficients of two columns paired by iteration.
public enum Correlation {
    /// Pearson's product-moment correlation
    ///
    ///     r = Σ (x_i - x̄)(y_i - ȳ) / √( Σ (x_i - x̄)² · Σ (y_i - ȳ)² ),
    ///
    /// with centred, compensated sums (`NeumaierSum`), clamped to [-1, 1] against rounding.
    ///
    /// Edge cases: NaN when n < 2, when either column has zero variance, or when a value is NaN;
    /// throws `lengthMismatch` when the lengths differ.
    ///
    /// - Complexity: O(n), two passes.
    public static func pearson(_ x: [Double], _ y: [Double]) throws(StatisticsError) -> Double {
        guard x.count == y.count else { throw .lengthMismatch(expected: x.count, found: y.count) }
        guard x.count >= 2 else { return .nan }
        let mx = Moments.mean(x), my = Moments.mean(y)
        var sxy = NeumaierSum(), sxx = NeumaierSum(), syy = NeumaierSum()
        for i in x.indices {
            let dx = x[i] - mx, dy = y[i] - my
            sxy.add(dx * dy)
            sxx.add(dx * dx)
            syy.add(dy * dy)
        }
        let denominator = (sxx.value * syy.value).squareRoot()
        guard denominator > 0, denominator.isFinite else { return .nan }
        let r = sxy.value / denominator
        return r.isNaN ? .nan : min(1, max(-1, r))
    }

    /// Spearman's rank correlation: the Pearson correlation of the average ranks
    /// (`Ranks.averageRanks`), which is the tie-corrected coefficient. It is 1 for any strictly
    /// increasing transform of x and -1 for a strictly decreasing one.
    ///
    /// Edge cases: NaN when n < 2, a column is constant, or a value is NaN; throws
    /// `lengthMismatch` when the lengths differ.
    ///
    /// - Complexity: O(n): two rankings and one Pearson correlation.
    public static func spearman(_ x: [Double], _ y: [Double]) throws(StatisticsError) -> Double {
        guard x.count == y.count else { throw .lengthMismatch(expected: x.count, found: y.count) }
        if x.contains(where: \.isNaN) || y.contains(where: \.isNaN) { return .nan }
        return try pearson(Ranks.averageRanks(x), Ranks.averageRanks(y))
    }
}
