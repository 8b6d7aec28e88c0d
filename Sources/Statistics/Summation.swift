/// Compensated summation and the moments built on it.
///
/// Every statistic in this module that adds up many terms goes through `NeumaierSum`, so the
/// result does not depend on the accumulated rounding error of 10^5 or 10^6 additions.

/// Kahan–Babuška–Neumaier compensated sum.
///
/// For each term x the running sum s and compensation c are updated as
///
///     t = s + x;  c += (|s| >= |x|) ? (s - t) + x : (x - t) + s;  s = t,
///
/// and the value is s + c. The error bound is about 2u·Σ|x_i| (u = 2^-53) independent of n,
/// where a naive loop gives about n·u·Σ|x_i|.
///
/// Edge cases: an empty sum is 0; a NaN or ±∞ term makes the value NaN or ±∞, as in a plain sum.
public struct NeumaierSum: Sendable, Equatable {
    @usableFromInline var sum = 0.0
    @usableFromInline var compensation = 0.0

    public init() {}

    /// Adds one term.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func add(_ x: Double) {
        let t = sum + x
        if abs(sum) >= abs(x) {
            compensation += (sum - t) + x
        } else {
            compensation += (x - t) + sum
        }
        sum = t
    }

    /// The compensated total s + c.
    @inlinable
    public var value: Double { sum + compensation }

    /// Σ x_i with Neumaier compensation (0 for an empty column).
    ///
    /// - Complexity: O(n).
    public static func sum(_ values: [Double]) -> Double {
        var s = NeumaierSum()
        for x in values { s.add(x) }
        return s.value
    }
}

/// The sample moments of a column: mean, variance and standard deviation, on compensated sums.
public enum Moments {
    /// Arithmetic mean x̄ = (1/n) Σ x_i, compensated (`NeumaierSum`).
    ///
    /// Edge cases: NaN when n = 0; NaN or ±∞ when a value is.
    ///
    /// - Complexity: O(n).
    public static func mean(_ values: [Double]) -> Double {
        mean(values, count: values.count)
    }

    /// `mean` of the `n` values a sequence gives, added in its order (a lazily widened or
    /// filtered column, without a copy).
    @inlinable
    public static func mean<S: Sequence>(_ values: S, count n: Int) -> Double where S.Element == Double {
        guard n > 0 else { return .nan }
        var s = NeumaierSum()
        for x in values { s.add(x) }
        return s.value / Double(n)
    }

    /// Sample variance s² = Σ (x_i - x̄)² / (n - 1) by the corrected two-pass algorithm
    /// (Chan, Golub & LeVeque 1983):
    ///
    ///     s² = [Σ (x_i - x̄)² - (Σ (x_i - x̄))² / n] / (n - 1),
    ///
    /// where the second term removes the rounding error left in x̄.
    ///
    /// Edge cases: NaN when n < 2; never negative.
    ///
    /// - Complexity: O(n), two passes.
    public static func variance(_ values: [Double]) -> Double {
        values.count >= 2 ? variance(values, mean: mean(values)) : .nan
    }

    /// `variance(values)` given x̄ = `mean(values)` (computed once by a caller that needs both):
    /// the second pass only, the same value bit for bit.
    public static func variance(_ values: [Double], mean m: Double) -> Double {
        variance(values, count: values.count, mean: m)
    }

    /// `variance(values, mean:)` of the `n` values a sequence gives, in its order.
    @inlinable
    public static func variance<S: Sequence>(_ values: S, count n: Int, mean m: Double) -> Double
    where S.Element == Double {
        guard n >= 2 else { return .nan }
        var squares = NeumaierSum()
        var deviations = NeumaierSum()
        for x in values {
            let d = x - m
            squares.add(d * d)
            deviations.add(d)
        }
        return variance(squares: squares.value, deviations: deviations.value, count: n)
    }

    /// The corrected two-pass variance from its two sums, Σ (x_i - x̄)² and Σ (x_i - x̄).
    @inlinable
    static func variance(squares: Double, deviations: Double, count n: Int) -> Double {
        let correction = deviations * deviations / Double(n)
        return max(0, squares - correction) / Double(n - 1)
    }

    /// `mean` and `variance` of a NaN-free column read in place (doubles, or floats widened),
    /// each sum kept as four compensated sums over the elements i ≡ 0, 1, 2, 3 (mod 4), merged by
    /// one more compensated sum: four independent chains of additions instead of one, so the
    /// processor overlaps them. Each lane's s + c is its exact sum to about n·u²·Σ|x_i|, so the
    /// merged value is the correctly rounded total, as the single sequential sum's is, unless
    /// the exact total lies that close to a rounding boundary: in practice the same bits.
    ///
    /// Edge cases: as `mean` (NaN for n = 0) and `variance` (NaN for n < 2).
    ///
    /// - Complexity: O(n), two passes.
    static func meanAndVariance<T: WidensToDouble>(_ x: UnsafeBufferPointer<T>) -> (mean: Double, variance: Double) {
        let n = x.count
        guard n > 0 else { return (.nan, .nan) }
        var sum = CompensatedLanes()
        var i = 0
        while i + 4 <= n {
            sum.add(x[i].widened, x[i + 1].widened, x[i + 2].widened, x[i + 3].widened)
            i += 4
        }
        var total = sum.merged
        while i < n {
            total.add(x[i].widened)
            i += 1
        }
        let mean = total.value / Double(n)
        guard n >= 2 else { return (mean, .nan) }
        var squares = CompensatedLanes(), deviations = CompensatedLanes()
        i = 0
        while i + 4 <= n {
            let d0 = x[i].widened - mean, d1 = x[i + 1].widened - mean
            let d2 = x[i + 2].widened - mean, d3 = x[i + 3].widened - mean
            squares.add(d0 * d0, d1 * d1, d2 * d2, d3 * d3)
            deviations.add(d0, d1, d2, d3)
            i += 4
        }
        var sq = squares.merged, dev = deviations.merged
        while i < n {
            let d = x[i].widened - mean
            sq.add(d * d)
            dev.add(d)
            i += 1
        }
        return (mean, variance(squares: sq.value, deviations: dev.value, count: n))
    }

    /// Sample standard deviation s = √s² (divisor n - 1).
    ///
    /// Edge cases: NaN when n < 2.
    ///
    /// - Complexity: O(n).
    public static func standardDeviation(_ values: [Double]) -> Double {
        variance(values).squareRoot()
    }
}

/// Four `NeumaierSum`s side by side (lanes 0 ... 3), merged into one.
struct CompensatedLanes {
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var c0 = 0.0, c1 = 0.0, c2 = 0.0, c3 = 0.0

    @inline(__always)
    mutating func add(_ x0: Double, _ x1: Double, _ x2: Double, _ x3: Double) {
        Self.add(x0, &s0, &c0)
        Self.add(x1, &s1, &c1)
        Self.add(x2, &s2, &c2)
        Self.add(x3, &s3, &c3)
    }

    /// `NeumaierSum.add`, branch-free.
    @inline(__always)
    static func add(_ x: Double, _ s: inout Double, _ c: inout Double) {
        let t = s + x
        c += abs(s) >= abs(x) ? (s - t) + x : (x - t) + s
        s = t
    }

    /// The lanes' sums, then their compensations, added into one compensated sum.
    var merged: NeumaierSum {
        var total = NeumaierSum()
        for v in [s0, s1, s2, s3, c0, c1, c2, c3] { total.add(v) }
        return total
    }
}
