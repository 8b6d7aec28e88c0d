/// Which uncertain inputs drive a result: rank correlation and contribution to variance.
///
/// For a target column T (an option's PV, or a difference of PVs) and inputs X_1 ... X_k sampled
/// in the same iterations:
///
///     ρ_i = Spearman(X_i, T),   contribution_i = ρ_i² / Σ_j ρ_j².
///
/// This is the normalisation Oracle Crystal Ball uses for its "contribution to variance" chart:
/// the shares sum to 1 (100 %) over the inputs analysed. It is an approximation (exact only for
/// a linear model in independent inputs); the sign of ρ_i, kept in `rankCorrelations`, says
/// whether raising the input raises the target. The contribution itself is unsigned.
///
/// Conventions: an input (or target) with zero variance, or a NaN value, has ρ = 0 rather than NaN,
/// so a constant input shows as "no influence". When every ρ is 0 every contribution is 0.
public struct ContributionToVariance: Sendable, Equatable {
    /// ρ_i, in the order of the inputs.
    public var rankCorrelations: [Double]
    /// ρ_i² / Σ_j ρ_j², in the order of the inputs; sums to 1 unless every ρ is 0.
    public var contributions: [Double]

    /// Analyses `inputs` against `target`; throws when a column's length differs from the
    /// target's.
    ///
    /// - Complexity: O(k·n) for k inputs of n values: each column ranked once.
    public init(target: [Double], inputs: [[Double]]) throws(StatisticsError) {
        for input in inputs where input.count != target.count {
            throw .lengthMismatch(expected: target.count, found: input.count)
        }
        let targetUsable = target.count >= 2 && !target.contains(where: \.isNaN)
        try self.init(
            targetRanks: targetUsable ? Ranks.averageRanks(target) : nil,
            inputRanks: inputs.map { targetUsable && !$0.contains(where: \.isNaN) ? Ranks.averageRanks($0) : nil })
    }

    /// The same from ranks already computed (`Ranks.averageRanks`), so that a caller analysing
    /// several targets ranks each column once. A nil target or input stands for one that
    /// cannot be used (NaN values, fewer than two): its ρ is 0.
    ///
    /// - Complexity: O(k·n): one Pearson correlation per input.
    public init(targetRanks: [Double]?, inputRanks: [[Double]?]) throws(StatisticsError) {
        var rhos: [Double] = []
        rhos.reserveCapacity(inputRanks.count)
        for ranks in inputRanks {
            guard let targetRanks, let ranks else {
                rhos.append(0)
                continue
            }
            rhos.append(try Correlation.pearson(ranks, targetRanks))
        }
        self.init(rankCorrelations: rhos)
    }

    /// The same from the rank correlations themselves (a NaN ρ, of a constant or NaN column,
    /// counts as 0), for a caller that computed them input by input
    /// (`Correlation.spearman(doubledRanks:targets:)`).
    ///
    /// - Complexity: O(k).
    public init(rankCorrelations: [Double]) {
        let rhos = rankCorrelations.map { $0.isNaN ? 0 : $0 }
        var total = NeumaierSum()
        for r in rhos { total.add(r * r) }
        let sum = total.value
        self.rankCorrelations = rhos
        contributions = rhos.map { sum > 0 ? $0 * $0 / sum : 0 }
    }

    /// Input indices ordered by decreasing contribution (ties by index), for a sensitivity chart.
    ///
    /// - Complexity: O(k log k).
    public var order: [Int] {
        contributions.indices.sorted {
            contributions[$0] > contributions[$1]
                || (contributions[$0] == contributions[$1] && $0 < $1)
        }
    }
}
