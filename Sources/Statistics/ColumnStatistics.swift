import Sampling

/// The statistics of one result column that read its order statistics: its `Summary` and, where
/// asked, its `QuantileGrid` and the confidence interval of one quantile (`OrderStatisticCI`),
/// all from one selection of the order statistics they read together (`RadixSelect`), so the
/// column is never sorted. Each figure is the one its sorted-column initialiser gives (the same
/// order statistics; the mean and sd as `Summary(selecting:)` explains).
///
/// NaN values are left out, as `Quantiles.sortedWithoutNaN` leaves them out.
///
/// - Complexity: O(n): the summary's two passes and the selection's three; below
///   `Summary.selectionThreshold` values, one sort of a copy instead.
public struct ColumnStatistics: Sendable {
    public var summary: Summary
    public var grid: QuantileGrid?
    public var interval: OrderStatisticCI?
    /// The non-NaN values, n.
    public var count: Int { summary.count }
    /// The order statistics read, by 0-based position: every one `Summary.positions(count:)`
    /// names is here, for figures derived from a monotone map of the column.
    public let orderStatistics: [Int: Double]

    /// The statistics of `values`: the summary, the grid when `grid`, and the interval of the
    /// `intervalP`-quantile when given.
    public init(_ values: UnsafeBufferPointer<Double>, grid: Bool = false, intervalP: Double? = nil) {
        self.init(selecting: values, grid: grid, intervalP: intervalP)
    }

    /// The same for doubles or floats (each widened): the one path of every selected summary
    /// (`Summary(selecting:)`) and grid (`QuantileGrid(_:)`).
    init<T: SummaryElement>(selecting values: UnsafeBufferPointer<T>, grid: Bool = false, intervalP: Double? = nil) {
        var nans = 0
        for x in values where x.isNaN { nans += 1 }
        let n = values.count - nans
        var positions = Summary.positions(count: n)
        if grid { positions += QuantileGrid.positions(count: n) }
        if let p = intervalP { positions += OrderStatisticCI.positions(count: n, p: p) }
        let mean: Double, sd: Double
        var at: [Int: Double] = [:]
        if n < Summary.selectionThreshold {
            // A small column: sort a copy (the selection's fixed costs exceed a small sort's).
            let sorted = Quantiles.sortedWithoutNaN(values.compactMap { $0.isNaN ? nil : $0.widened })
            mean = Moments.mean(sorted)
            sd = Moments.variance(sorted, mean: mean).squareRoot()
            for k in positions { at[k] = sorted[k] }
        } else {
            (mean, sd) = Summary.moments(values, missing: nans)
            let selected = T.orderStatistics(values, count: n, positions: positions)
            for (k, x) in zip(positions, selected) { at[k] = x }
        }
        let lookup = at
        summary = Summary(count: n, missing: nans, mean: mean, sd: sd) { lookup[$0]! }
        self.grid = grid ? QuantileGrid(count: n) { lookup[$0]! } : nil
        interval = intervalP.map { p in OrderStatisticCI(count: n, p: p) { lookup[$0]! } }
        orderStatistics = lookup
    }

    /// The summary of `f(x_i)` for a non-decreasing `f`, where `values` is the column these
    /// statistics are of (no NaN in it): the order statistics of the mapped column are
    /// `f(x_(k))`, so only the mean and sd read the column again, mapped in column order.
    public func summary(
        ofNonDecreasing f: (Double) -> Double, values: UnsafeBufferPointer<Double>
    ) -> Summary {
        let n = count
        precondition(n == values.count, "ColumnStatistics: a column with NaN values")
        let mapped = values.lazy.map(f)
        let mean = Moments.mean(mapped, count: n)
        let sd = Moments.variance(mapped, count: n, mean: mean).squareRoot()
        return Summary(count: n, missing: 0, mean: mean, sd: sd) { f(orderStatistics[$0]!) }
    }
}
