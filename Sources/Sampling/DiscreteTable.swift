/// A finite distribution in quantile form: distinct values in ascending order with their
/// cumulative probabilities, normalised so that the last is exactly 1.
///
/// Quantile: Q(u) = the first value whose cumulative probability is ≥ u (binary search).
/// Used for `discrete` quantiles and for Poisson and binomial quantile tables.
public struct DiscreteTable: Sendable, Hashable {
    /// Distinct values, ascending.
    public let values: [Double]
    /// cumulative[i] = P(X ≤ values[i]); the last entry is 1.
    public let cumulative: [Double]

    /// Sorts and merges `values` (repeated values add their probabilities); probabilities are
    /// divided by their sum. Requires a valid `discrete` distribution.
    public init(values: [Double], probabilities: [Double]) {
        let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        let total = probabilities.reduce(0, +)
        var merged: [Double] = []
        var cumulative: [Double] = []
        var running = 0.0
        for i in order {
            running += probabilities[i]
            if let last = merged.last, last == values[i] {
                cumulative[cumulative.count - 1] = running / total
            } else {
                merged.append(values[i])
                cumulative.append(running / total)
            }
        }
        if !cumulative.isEmpty { cumulative[cumulative.count - 1] = 1 }
        self.values = merged
        self.cumulative = cumulative
    }

    /// A table given directly (values ascending, cumulative non-decreasing ending in 1).
    init(sortedValues: [Double], cumulative: [Double]) {
        self.values = sortedValues
        self.cumulative = cumulative
    }

    /// The first index whose cumulative probability is ≥ u (the last index when none is).
    @inline(__always)
    static func firstIndex(atLeast u: Double, in cumulative: UnsafeBufferPointer<Double>) -> Int {
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if cumulative[mid] >= u { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// The u-quantile: the smallest value v with P(X ≤ v) ≥ u; NaN for NaN.
    public func quantile(_ u: Double) -> Double {
        guard !u.isNaN, !values.isEmpty else { return .nan }
        return cumulative.withUnsafeBufferPointer { values[Self.firstIndex(atLeast: u, in: $0)] }
    }

    /// out[i] = Q(u[i]) for min(u.count, out.count) values; `out` may alias `u`.
    public func fillQuantiles(_ u: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) {
        let count = Swift.min(u.count, out.count)
        guard count > 0, !values.isEmpty, let src = u.baseAddress, let dst = out.baseAddress else { return }
        values.withUnsafeBufferPointer { v in
            cumulative.withUnsafeBufferPointer { c in
                for i in 0..<count {
                    let x = src[i]
                    dst[i] = x.isNaN ? .nan : v[Self.firstIndex(atLeast: x, in: c)]
                }
            }
        }
    }
}
