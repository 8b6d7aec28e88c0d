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
        let correction = deviations.value * deviations.value / Double(n)
        return max(0, squares.value - correction) / Double(n - 1)
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
