/// Paired comparison of two options over the same iterations (common random numbers).
///
/// Because both columns come from the same draws of the shared inputs, the difference
/// d_i = a_i - b_i removes the common noise, and its distribution says more than two separate
/// distributions can.
///
/// - `difference` is the `Summary` of d (mean, sd, se, P5, P10, P50, P80, P90, P95, ...).
/// - `probabilityALess` = [#{a_i < b_i} + ½ #{a_i = b_i}] / n: the probability that A is
///   strictly lower (cheaper, for costs) with exact ties counted as half, so that
///   P(a < b) + P(b < a) = 1 always. Pairs where either value is NaN are left out (their count
///   is `difference.missing`); NaN when no pair is left.
/// - `probabilityDifferencePositive` = #{a_i > b_i} / n: P(a − b > 0) strictly, ties counting
///   as neither (the economic case's P(NPV > 0) with a the baseline); same pairs, NaN likewise.
public struct PairedComparison: Sendable, Equatable {
    /// Summary of the differences a_i - b_i.
    public var difference: Summary
    /// P(a < b) with ties counted as half.
    public var probabilityALess: Double
    /// P(a > b), ties not counted: the share of pairs whose difference is strictly positive.
    public var probabilityDifferencePositive: Double

    /// P(b < a) with ties counted as half: 1 - `probabilityALess`.
    public var probabilityBLess: Double { 1 - probabilityALess }

    /// Compares two columns of equal length; throws when the lengths differ.
    ///
    /// - Complexity: O(n): one pass and the summary of the differences (`Summary(_:)`, which
    ///   selects its order statistics).
    public init(_ a: [Double], _ b: [Double]) throws(StatisticsError) {
        guard a.count == b.count else { throw .lengthMismatch(expected: a.count, found: b.count) }
        var differences: [Double] = []
        differences.reserveCapacity(a.count)
        var less = 0, ties = 0, used = 0
        for i in a.indices {
            let d = a[i] - b[i]
            differences.append(d)
            guard !a[i].isNaN, !b[i].isNaN else { continue }
            used += 1
            if a[i] < b[i] { less += 1 } else if a[i] == b[i] { ties += 1 }
        }
        difference = Summary(differences)
        probabilityALess = used > 0 ? (Double(less) + 0.5 * Double(ties)) / Double(used) : .nan
        probabilityDifferencePositive = used > 0 ? Double(used - less - ties) / Double(used) : .nan
    }
}
