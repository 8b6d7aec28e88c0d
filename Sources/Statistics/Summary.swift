import Sampling

/// Summary statistics of one result column (a PV, a go-live month, a year's cash flow, ...).
///
/// NaN values are not part of the sample: they are counted in `missing` and left out of every
/// other figure, so a report can show that something went wrong without losing the rest.
/// ±∞ are kept (they make the mean and sd infinite or NaN, as they should).
///
/// Formulas (n = number of non-NaN values):
/// - mean x̄ = (1/n) Σ x_i, with compensated (Neumaier) summation;
/// - sd s = √( Σ (x_i - x̄)² / (n - 1) ), by the corrected two-pass algorithm;
/// - standard error of the mean se = s / √n;
/// - quantiles by Hyndman–Fan type 7 (see `Quantiles`).
///
/// Undefined values are NaN: with n = 0 everything but `count` and `missing`; with n = 1 the sd
/// and se (the mean, min, max and all quantiles are the single value).
public struct Summary: Sendable, Equatable {
    /// Number of values used (non-NaN).
    public var count: Int
    /// Number of NaN values left out.
    public var missing: Int
    public var mean: Double
    /// Sample standard deviation (divisor n - 1).
    public var sd: Double
    /// Standard error of the mean, sd / √n.
    public var se: Double
    public var min: Double
    public var max: Double
    public var p5: Double
    public var p10: Double
    public var p50: Double
    public var p80: Double
    public var p90: Double
    public var p95: Double

    /// Summarises a column in any order, without sorting it (`init(selecting:)`).
    public init(_ values: [Double]) {
        self = values.withUnsafeBufferPointer { Summary(selecting: $0) }
    }

    /// Summarises a column that is already sorted ascending and free of NaN (not checked),
    /// saving the sort when the caller needs the sorted column anyway.
    ///
    /// - Complexity: O(n), two passes (the mean, then the variance's second pass with it).
    public init(sortedValues x: [Double], missing: Int = 0) {
        let mean = Moments.mean(x)
        self.init(count: x.count, missing: missing, mean: mean, sd: Moments.variance(x, mean: mean).squareRoot()) {
            x[$0]
        }
    }

    /// The reported quantiles in the order of `Quantiles.reported` (P5, P10, P50, P80, P90, P95).
    public var reportedQuantiles: [Double] { [p5, p10, p50, p80, p90, p95] }

    /// Equality that treats NaN as equal to NaN (for tests and caches).
    public static func == (a: Summary, b: Summary) -> Bool {
        func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
        return a.count == b.count && a.missing == b.missing
            && same(a.mean, b.mean) && same(a.sd, b.sd) && same(a.se, b.se)
            && same(a.min, b.min) && same(a.max, b.max)
            && zip(a.reportedQuantiles, b.reportedQuantiles).allSatisfy { same($0, $1) }
    }
}

extension Summary {
    /// Summarises a single-precision column as its values widened to double precision would be
    /// (`Summary(values.map(Double.init))`), reading the floats in place.
    public init(_ values: UnsafeBufferPointer<Float>) {
        self.init(selecting: values)
    }

    /// The summary of n zeros, `Summary(sortedValues: [Double](repeating: 0, count: n))`,
    /// without the column.
    public static func zeros(count n: Int) -> Summary {
        Summary(count: n, missing: 0, mean: n > 0 ? 0 : .nan, sd: n >= 2 ? 0 : .nan) { _ in 0 }
    }

    /// Summarises a column read in place (`init(selecting:)`).
    public init(_ values: UnsafeBufferPointer<Double>) {
        self.init(selecting: values)
    }

    /// Below this many values a column is summarised by sorting a copy (`sortedValues:`): the
    /// selection's fixed costs (2^16 bucket counters) exceed a small sort's.
    static let selectionThreshold = 4096

    /// Summarises a column in any order without sorting it: the mean and the sd by compensated
    /// sums in column order, the minimum, maximum and the quantiles' order statistics by
    /// `RadixSelect` (the values a sort would put at those positions), through
    /// `ColumnStatistics`.
    ///
    /// The same figures as `init(sortedValues:)` of the sorted column: the quantiles exactly
    /// (the same order statistics, the same type-7 interpolation); the mean and the sd are the
    /// same compensated sums of the same terms in another order, which leaves a result off the
    /// correctly rounded one only when the exact sum lies within about n·2^-106 of its magnitude
    /// of a rounding boundary, so in practice they are the same bits too.
    ///
    /// - Complexity: O(n): five passes (two sums, three of the selection), no copy of the column.
    init<T: SummaryElement>(selecting values: UnsafeBufferPointer<T>) {
        self = ColumnStatistics(selecting: values).summary
    }

    /// The order statistics (0-based positions) a summary of n values reads: the minimum, the
    /// maximum and those of `Quantiles.reported`.
    static func positions(count n: Int) -> [Int] {
        guard n > 0 else { return [] }
        var positions = [0, n - 1]
        for p in Quantiles.reported { positions += Quantiles.positions(count: n, p) }
        return positions
    }

    /// A summary from the mean and sd of its n values and their order statistics, read on
    /// demand at `positions(count:)`.
    ///
    /// Edge cases: with n = 0 every figure but `count` and `missing` is NaN (as the mean and sd
    /// given should be); with n = 1 the se is NaN.
    init(count n: Int, missing: Int, mean: Double, sd: Double, orderStatistic x: (Int) -> Double) {
        count = n
        self.missing = missing
        self.mean = mean
        self.sd = sd
        se = n >= 2 ? sd / Double(n).squareRoot() : .nan
        min = n > 0 ? x(0) : .nan
        max = n > 0 ? x(n - 1) : .nan
        let q = Quantiles.reported.map { Quantiles.quantile(count: n, $0, orderStatistic: x) }
        p5 = q[0]
        p10 = q[1]
        p50 = q[2]
        p80 = q[3]
        p90 = q[4]
        p95 = q[5]
    }

    /// The mean and sd of a column's values other than its `missing` NaN, in column order.
    static func moments<T: SummaryElement>(_ values: UnsafeBufferPointer<T>, missing: Int) -> (mean: Double, sd: Double)
    {
        if missing == 0 {
            let (m, v) = Moments.meanAndVariance(values)
            return (m, v.squareRoot())
        }
        let n = values.count - missing
        let column = values.lazy.filter { !$0.isNaN }.map(\.widened)
        let mean = Moments.mean(column, count: n)
        return (mean, Moments.variance(column, count: n, mean: mean).squareRoot())
    }
}

/// A column element `Summary(selecting:)` reads: a double, or a float widened to one.
protocol SummaryElement: WidensToDouble {
    var isNaN: Bool { get }
    static func orderStatistics(_ values: UnsafeBufferPointer<Self>, count: Int, positions: [Int]) -> [Double]
}

extension Double: SummaryElement {
    static func orderStatistics(_ values: UnsafeBufferPointer<Double>, count: Int, positions: [Int]) -> [Double] {
        RadixSelect.orderStatistics(values, count: count, positions: positions)
    }
}

extension Float: SummaryElement {
    static func orderStatistics(_ values: UnsafeBufferPointer<Float>, count: Int, positions: [Int]) -> [Double] {
        RadixSelect.orderStatistics(values, count: count, positions: positions)
    }
}
