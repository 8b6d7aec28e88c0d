#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The standard normal distribution, as much of it as the analysis needs.
public enum StandardNormal {
    /// Φ(z) = ½ · erfc(-z / √2), accurate in both tails because erfc is.
    public static func cdf(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// Φ⁻¹(q) for q in (0, 1) by bisection on Φ over [-40, 40] until the bracket stops
    /// shrinking (at most 200 halvings): slow but exact to the last ulp or two and free of
    /// tabulated coefficients.
    ///
    /// Edge cases: NaN outside (0, 1).
    ///
    /// - Complexity: at most 200 evaluations of `cdf`.
    public static func quantile(_ q: Double) -> Double {
        guard q > 0, q < 1 else { return .nan }
        var lo = -40.0, hi = 40.0
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if mid == lo || mid == hi { break }
            if cdf(mid) < q { lo = mid } else { hi = mid }
        }
        return 0.5 * (lo + hi)
    }
}
