/// How often each of m options is the best over the same n iterations.
public enum ProbabilityBest {
    /// The probability that each option is the best, from columns paired by iteration.
    ///
    /// In iteration i the best value is the minimum (or, with `higherIsBetter`, the maximum) of
    /// the options' values; the t options that attain it exactly each receive 1/t of that
    /// iteration. So
    ///
    ///     P(j is best) = (1/N) Σ_i [j attains the best value in i] / t_i,
    ///
    /// and the probabilities sum to 1 (each share is accumulated with `NeumaierSum`).
    ///
    /// Edge cases: NaN values never win; an iteration where every value is NaN is left out of
    /// N. With N = 0 every probability is NaN. Throws `noColumns` when there are no columns and
    /// `lengthMismatch` when they differ in length.
    ///
    /// - Complexity: O(m·n).
    public static func of(_ columns: [[Double]], higherIsBetter: Bool) throws(StatisticsError) -> [Double] {
        let n = try StatisticsError.commonLength(columns)
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

    /// P(each option is cheapest): `of(costs, higherIsBetter: false)`, ties shared.
    ///
    /// - Complexity: O(m·n).
    public static func cheapest(_ costs: [[Double]]) throws(StatisticsError) -> [Double] {
        try of(costs, higherIsBetter: false)
    }
}
