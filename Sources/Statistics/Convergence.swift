/// Monte Carlo precision: how well the run has pinned a mean, and how many iterations would
/// pin it to a target.
public enum Convergence {
    /// Relative standard error of a mean, se / |mean| (se = sd / √n).
    /// +∞ when the mean is 0 and se > 0; NaN when either is NaN or both are 0.
    public static func relativeStandardError(se: Double, mean: Double) -> Double {
        if se.isNaN || mean.isNaN { return .nan }
        if mean == 0 { return se == 0 ? .nan : .infinity }
        return se / abs(mean)
    }

    /// Relative standard error of a summarised column's mean.
    public static func relativeStandardError(_ summary: Summary) -> Double {
        relativeStandardError(se: summary.se, mean: summary.mean)
    }

    /// Iterations needed to reach a target relative standard error, from a pilot run.
    ///
    /// The standard error falls as 1/√n, so from a pilot of n iterations with relative standard
    /// error r the requirement r·√(n / N) <= target gives
    ///
    ///     N = ⌈n · (r / target)²⌉.
    ///
    /// A pilot already precise enough gives a number <= n. A value within 1e-9 (relative) of an
    /// integer is taken as that integer before rounding up. Returns nil when n < 1, r is not a
    /// finite non-negative number, the target is not positive and finite, or N would exceed
    /// 2^53 (no run is that long).
    public static func iterationsNeeded(
        pilotIterations n: Int, relativeStandardError r: Double,
        target: Double
    ) -> Int? {
        guard n >= 1, r.isFinite, r >= 0, target.isFinite, target > 0 else { return nil }
        let ratio = r / target
        let exact = Double(n) * ratio * ratio
        // A product within 1e-9 (relative) of an integer is that integer, so rounding noise
        // such as 90.00000000000001 does not add an iteration.
        let nearest = exact.rounded()
        let needed = abs(exact - nearest) <= 1e-9 * nearest ? nearest : exact.rounded(.up)
        guard needed.isFinite, needed <= 9_007_199_254_740_992 else { return nil }
        return Int(needed)
    }
}
