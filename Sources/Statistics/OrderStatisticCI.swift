#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A distribution-free confidence interval for a quantile (the P80 of a PV, say) from order
/// statistics, so a report can say how precisely the Monte Carlo run has pinned the quantile.
///
/// **Derivation.** Let ξ be the true p-quantile of a continuous distribution and
/// B = #{i : X_i <= ξ} ~ Binomial(n, p). For 1-based ranks l < u,
/// X_(l) <= ξ ⇔ B >= l and X_(u) > ξ ⇔ B < u, so
///
///     P(X_(l) <= ξ < X_(u)) = P(l <= B < u) = P(l <= B <= u - 1),
///
/// whatever the distribution. With α = 1 - confidence the ranks are chosen **equal-tailed**
/// (as symmetric as possible in probability, and conservative):
/// - l = the largest rank with P(B <= l - 1) <= α/2,
/// - u = the smallest rank with P(B >= u) <= α/2,
///
/// so the achieved coverage 1 - P(B < l) - P(B >= u) is at least the confidence.
///
/// **Computation.** For n <= `exactLimit` the binomial probabilities are exact:
/// P(B = k) = exp(ln C(n, k) + k ln p + (n - k) ln(1 - p)), with ln C(n, k) built up term by term,
/// tails summed with compensation from their own ends. Beyond the limit the normal
/// approximation with continuity correction is used, with s = √(np(1 - p)) and z = Φ⁻¹(1 - α/2):
///
///     l = ⌊np + ½ - z·s⌋,  u = ⌈np + ½ + z·s⌉,
///
/// i.e. np ± z·s rounded outward (the ½ is the continuity correction that mirrors the exact
/// rule), and coverage Φ((u - ½ - np)/s) - Φ((l - ½ - np)/s).
///
/// **Small samples.** When the sample is too small for the confidence (e.g. P(B = 0) > α/2), the
/// ranks are clamped to 1 ... n and `coverage` reports the lower probability actually achieved;
/// with n = 1 both bounds are the single value and the coverage is 0. With n = 0, or p or the
/// confidence outside (0, 1), the bounds and coverage are NaN and the ranks 0.
public struct OrderStatisticCI: Sendable, Equatable {
    public enum Method: String, Sendable { case exact, normalApproximation, undefined }

    /// The probability of the quantile (0.8 for P80).
    public var p: Double
    /// The confidence asked for (0.95 by default).
    public var confidence: Double
    /// 1-based ranks of the order statistics that bound the interval.
    public var lowerRank: Int
    public var upperRank: Int
    /// The interval: X_(lowerRank) and X_(upperRank).
    public var lower: Double
    public var upper: Double
    /// The achieved coverage P(lowerRank <= B < upperRank).
    public var coverage: Double
    public var method: Method

    /// The interval for the p-quantile of an ascending, NaN-free sample (not checked).
    ///
    /// - Complexity: O(n) for n <= `exactLimit` (the binomial probabilities), O(1) beyond it
    ///   (the normal approximation, with one `StandardNormal.quantile`).
    public init(sorted x: [Double], p: Double, confidence: Double = 0.95, exactLimit: Int = 1000) {
        self.init(count: x.count, p: p, confidence: confidence, exactLimit: exactLimit) { x[$0] }
    }

    /// The interval for the p-quantile of a sample of n values whose order statistics are read
    /// on demand (0-based), at `positions(count:p:confidence:exactLimit:)`.
    public init(
        count n: Int, p: Double, confidence: Double = 0.95, exactLimit: Int = 1000, orderStatistic x: (Int) -> Double
    ) {
        let r = OrderStatisticCI.ranks(n: n, p: p, confidence: confidence, exactLimit: exactLimit)
        self.p = p
        self.confidence = confidence
        lowerRank = r.lower
        upperRank = r.upper
        coverage = r.coverage
        method = r.method
        if r.lower >= 1, r.upper <= n, r.lower <= r.upper {
            lower = x(r.lower - 1)
            upper = x(r.upper - 1)
        } else {
            lower = .nan
            upper = .nan
        }
    }

    /// The interval for the p-quantile of a column in any order (NaN values are left out).
    ///
    /// - Complexity: O(n): one radix sort (`Quantiles.sortedWithoutNaN`).
    public init(_ values: [Double], p: Double, confidence: Double = 0.95, exactLimit: Int = 1000) {
        self.init(
            sorted: Quantiles.sortedWithoutNaN(values), p: p, confidence: confidence,
            exactLimit: exactLimit)
    }

    /// The order statistics (0-based positions) the interval of n values reads.
    public static func positions(count n: Int, p: Double, confidence: Double = 0.95, exactLimit: Int = 1000) -> [Int] {
        let r = ranks(n: n, p: p, confidence: confidence, exactLimit: exactLimit)
        return r.lower >= 1 && r.upper <= n && r.lower <= r.upper ? [r.lower - 1, r.upper - 1] : []
    }

    /// The ranks and coverage alone, for a sample of size n (see the type's documentation).
    ///
    /// - Complexity: O(n) for n <= `exactLimit`, O(1) beyond it.
    public static func ranks(n: Int, p: Double, confidence: Double = 0.95, exactLimit: Int = 1000)
        -> (lower: Int, upper: Int, coverage: Double, method: Method)
    {
        guard n >= 1, p > 0, p < 1, confidence > 0, confidence < 1 else {
            return (0, 0, .nan, .undefined)
        }
        if n == 1 { return (1, 1, 0, .exact) }
        let halfAlpha = (1 - confidence) / 2
        if n <= exactLimit {
            return exactRanks(n: n, p: p, halfAlpha: halfAlpha)
        }
        let np = Double(n) * p
        let s = (np * (1 - p)).squareRoot()
        let z = StandardNormal.quantile(1 - halfAlpha)
        var l = Int((np + 0.5 - z * s).rounded(.down))
        var u = Int((np + 0.5 + z * s).rounded(.up))
        l = Swift.min(Swift.max(l, 1), n - 1)
        u = Swift.min(Swift.max(u, l + 1), n)
        let coverage =
            StandardNormal.cdf((Double(u) - 0.5 - np) / s)
            - StandardNormal.cdf((Double(l) - 0.5 - np) / s)
        return (l, u, coverage, .normalApproximation)
    }

    /// Exact binomial ranks (n >= 2, 0 < p < 1).
    static func exactRanks(n: Int, p: Double, halfAlpha: Double)
        -> (lower: Int, upper: Int, coverage: Double, method: Method)
    {
        let pmf = binomialPMF(n: n, p: p)
        // below[k] = P(B <= k - 1) = P(B < k), for k = 0 ... n + 1.
        var below = [Double](repeating: 0, count: n + 2)
        var acc = NeumaierSum()
        for k in 0...n {
            acc.add(pmf[k])
            below[k + 1] = acc.value
        }
        // atLeast[k] = P(B >= k), summed from the top so the upper tail keeps its precision.
        var atLeast = [Double](repeating: 0, count: n + 2)
        acc = NeumaierSum()
        for k in stride(from: n, through: 0, by: -1) {
            acc.add(pmf[k])
            atLeast[k] = acc.value
        }
        var l = 1
        for k in stride(from: n, through: 1, by: -1) where below[k] <= halfAlpha {
            l = k
            break
        }
        l = Swift.min(l, n - 1)
        var u = n
        for k in (l + 1)...n where atLeast[k] <= halfAlpha {
            u = k
            break
        }
        let coverage = Swift.max(0, 1 - below[l] - atLeast[u])
        return (l, u, coverage, .exact)
    }

    /// P(B = k), k = 0 ... n, for B ~ Binomial(n, p), 0 < p < 1, in log space:
    /// ln C(n, k+1) = ln C(n, k) + ln(n - k) - ln(k + 1).
    static func binomialPMF(n: Int, p: Double) -> [Double] {
        let lp = log(p), lq = log1p(-p)
        var logChoose = 0.0
        var pmf = [Double](repeating: 0, count: n + 1)
        for k in 0...n {
            pmf[k] = exp(logChoose + Double(k) * lp + Double(n - k) * lq)
            if k < n { logChoose += log(Double(n - k)) - log(Double(k + 1)) }
        }
        return pmf
    }
}
