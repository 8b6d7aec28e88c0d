/// Expected value of perfect information for a choice that minimises expected cost.
///
/// Without further information the decision maker picks the option with the lowest expected
/// cost, min_j E[C_j]. With perfect information they would pick the cheapest option in every
/// iteration, at expected cost E[min_j C_j]. The difference
///
///     EVPI = min_j E[C_j] - E[min_j C_j]  (>= 0, since min_j C_j <= C_k for every k)
///
/// is the most it is worth paying to resolve all the uncertainty before choosing. Means use
/// compensated sums (`NeumaierSum`).
///
/// Edge cases: a tiny negative value from rounding is returned as 0. If any value is NaN, or
/// there are no iterations, the figures are NaN (`bestOption` is then the first option).
public struct EVPI: Sendable, Equatable {
    /// E[C_j] for each option.
    public var expectedCosts: [Double]
    /// The index of the option with the lowest expected cost (the first, on a tie).
    public var bestOption: Int
    /// min_j E[C_j].
    public var expectedCostOfBest: Double
    /// E[min_j C_j].
    public var expectedCostWithPerfectInformation: Double
    /// min_j E[C_j] - E[min_j C_j].
    public var value: Double

    /// Computes the EVPI of m cost columns paired by iteration; throws `noColumns` when there
    /// are none and `lengthMismatch` when they differ in length.
    ///
    /// - Complexity: O(m·n).
    public init(costs: [[Double]]) throws(StatisticsError) {
        let n = try StatisticsError.commonLength(costs)
        expectedCosts = costs.map { Moments.mean($0) }
        var best = 0
        for j in expectedCosts.indices where expectedCosts[j] < expectedCosts[best] { best = j }
        bestOption = best
        expectedCostOfBest = expectedCosts[best]
        var minimum = NeumaierSum()
        var sawNaN = false
        for i in 0..<n {
            var m = Double.infinity
            for column in costs {
                let v = column[i]
                if v.isNaN { sawNaN = true }
                m = Swift.min(m, v)
            }
            minimum.add(m)
        }
        if n == 0 || sawNaN || expectedCosts.contains(where: \.isNaN) {
            expectedCostWithPerfectInformation = .nan
            expectedCostOfBest = .nan
            value = .nan
        } else {
            expectedCostWithPerfectInformation = minimum.value / Double(n)
            value = Swift.max(0, expectedCostOfBest - expectedCostWithPerfectInformation)
        }
    }
}
