/// Decisions between m options over the same n iterations: which is best how often, and what
/// perfect information would be worth.

/// The probability that each option is the best, from columns paired by iteration.
///
/// In iteration i the best value is the minimum (or, with `higherIsBetter`, the maximum) of
/// the options' values; the t options that attain it exactly each receive 1/t of that
/// iteration. So
///
///     P(j is best) = (1/N) Σ_i [j attains the best value in i] / t_i,
///
/// and the probabilities sum to 1. NaN values never win; an iteration where every value is NaN
/// is left out of N. With N = 0 every probability is NaN. Throws when the columns differ in
/// length or there are none.
public func probabilityBest(_ columns: [[Double]], higherIsBetter: Bool) throws(AnalysisError)
    -> [Double]
{
    let n = try commonLength(columns)
    let m = columns.count
    var shares = [NeumaierSum](repeating: NeumaierSum(), count: m)
    var winners: [Int] = []
    winners.reserveCapacity(m)
    var counted = 0
    for i in 0..<n {
        var best = Double.nan
        winners.removeAll(keepingCapacity: true)
        for j in 0..<m {
            let v = columns[j][i]
            if v.isNaN { continue }
            if best.isNaN || (higherIsBetter ? v > best : v < best) {
                best = v
                winners.removeAll(keepingCapacity: true)
                winners.append(j)
            } else if v == best {
                winners.append(j)
            }
        }
        guard !winners.isEmpty else { continue }
        counted += 1
        let share = 1 / Double(winners.count)
        for j in winners { shares[j].add(share) }
    }
    guard counted > 0 else { return [Double](repeating: .nan, count: m) }
    return shares.map { $0.value / Double(counted) }
}

/// P(each option is cheapest): `probabilityBest(costs, higherIsBetter: false)`, ties shared.
public func probabilityCheapest(_ costs: [[Double]]) throws(AnalysisError) -> [Double] {
    try probabilityBest(costs, higherIsBetter: false)
}

/// Expected value of perfect information for a choice that minimises expected cost.
///
/// Without further information the decision maker picks the option with the lowest expected
/// cost, min_j E[C_j]. With perfect information they would pick the cheapest option in every
/// iteration, at expected cost E[min_j C_j]. The difference
///
///     EVPI = min_j E[C_j] - E[min_j C_j]  (>= 0, since min_j C_j <= C_k for every k)
///
/// is the most it is worth paying to resolve all the uncertainty before choosing. Means use
/// compensated sums; a tiny negative value from rounding is returned as 0. If any value is
/// NaN the figures are NaN.
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

    /// Computes the EVPI of cost columns paired by iteration; throws when the columns differ in
    /// length or there are none. With zero iterations the figures are NaN.
    public init(costs: [[Double]]) throws(AnalysisError) {
        let n = try commonLength(costs)
        expectedCosts = costs.map { mean($0) }
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
