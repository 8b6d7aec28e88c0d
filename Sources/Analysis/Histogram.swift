/// Equal-width histograms and quantile fans, for charts of a column or of a series of columns.

/// An equal-width histogram of the finite values of a column.
///
/// With lo = min and hi = max of the finite values and k bins of width w = (hi - lo)/k, value x
/// falls in bin i = min(⌊(x - lo)/w⌋, k - 1): bins are [e_i, e_{i+1}) except the last, which
/// is closed, so the maximum is counted. Edges are e_i = lo + i·w (e_k = hi exactly).
/// NaN and ±∞ are not counted (`excluded` says how many). When all finite values are equal,
/// there is one bin [x, x] holding them all; with no finite value there are no bins.
public struct Histogram: Sendable, Equatable {
    /// k + 1 edges, ascending.
    public var edges: [Double]
    /// k counts; they sum to the number of finite values.
    public var counts: [Int]
    /// Values left out: NaN and ±∞.
    public var excluded: Int

    /// Builds a histogram with `binCount` bins (at least 1; values below 1 are taken as 1).
    public init(_ values: [Double], binCount: Int) {
        let finite = values.filter(\.isFinite)
        excluded = values.count - finite.count
        guard let lo = finite.min(), let hi = finite.max() else {
            edges = []
            counts = []
            return
        }
        guard hi > lo else {
            edges = [lo, hi]
            counts = [finite.count]
            return
        }
        let k = max(1, binCount)
        let width = (hi - lo) / Double(k)
        edges = (0...k).map { $0 == k ? hi : lo + Double($0) * width }
        counts = [Int](repeating: 0, count: k)
        for x in finite {
            let position = (x - lo) / width
            let i = position.isFinite ? min(max(Int(position.rounded(.down)), 0), k - 1) : k - 1
            counts[i] += 1
        }
    }
}

extension Quantiles {
    /// A fan: for each column (an appraisal year's cash flow, say) its type-7 quantiles at `ps`,
    /// NaN values left out. `fan(columns, ps)[t][j]` is the ps[j]-quantile of column t.
    public static func fan(_ columns: [[Double]], ps: [Double] = reported) -> [[Double]] {
        columns.map { quantiles(sorted: sortedWithoutNaN($0), ps: ps) }
    }
}
