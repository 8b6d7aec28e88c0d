/// The quantiles of a column at p = 0.01, 0.02, …, 0.99 (`quantiles.csv`, the report's
/// S-curves and densities), by the one quantile definition of the tool (`Quantiles`, type 7),
/// so the grid's 0.10, 0.50 and 0.90 are exactly a `Summary`'s P10, P50 and P90.
///
/// p_k = k / 100 (k = 1 … 99) is computed by one correctly rounded division, which gives the
/// same double as the literal `0.10` that `Quantiles.reported` holds.
public struct QuantileGrid: Sendable, Equatable {
    /// The probabilities of the grid, p_k = k / 100 for k = 1 … 99.
    public static let probabilities: [Double] = (1...99).map { Double($0) / 100 }

    /// Q(p_k), in the order of `probabilities`; all NaN for an empty column.
    public var values: [Double]

    /// The grid of a column that is sorted ascending and free of NaN (not checked).
    ///
    /// - Complexity: O(99).
    public init(sorted x: [Double]) {
        values = Quantiles.quantiles(sorted: x, ps: Self.probabilities)
    }

    /// The grid of a sample of n values whose order statistics are read on demand, at
    /// `positions(count:)`.
    public init(count n: Int, orderStatistic x: (Int) -> Double) {
        values = Self.probabilities.map { Quantiles.quantile(count: n, $0, orderStatistic: x) }
    }

    /// The order statistics (0-based positions) the grid of n values reads.
    public static func positions(count n: Int) -> [Int] {
        probabilities.flatMap { Quantiles.positions(count: n, $0) }
    }

    /// The grid of a column in any order (NaN left out), from its selected order statistics
    /// (`ColumnStatistics`), or for a short column a sorted copy's.
    ///
    /// - Complexity: O(n): the selection's three passes and the summary's two.
    public init(_ column: [Double]) {
        self = column.withUnsafeBufferPointer { ColumnStatistics($0, grid: true).grid! }
    }

    /// The (p, Q(p)) points of the grid.
    public var points: [(p: Double, value: Double)] {
        zip(Self.probabilities, values).map { ($0, $1) }
    }

    /// Equality that treats NaN as equal to NaN.
    public static func == (a: QuantileGrid, b: QuantileGrid) -> Bool {
        zip(a.values, b.values).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) } && a.values.count == b.values.count
    }
}
