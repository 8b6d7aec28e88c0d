import CGSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A column of quantiles: out[i] = Q(u[i]), one switch then a tight loop per family.
extension DistributionSpec {
    /// Below this many values a PERT column without a cached table is inverted exactly
    /// (a table costs about as much to build as this many exact inversions).
    public static let pertTableThreshold = 8_192

    /// out[i] = quantile(u[i]) for min(u.count, out.count) values; `out` may alias `u`.
    ///
    /// For `pert`, pass the caller's cached `PertQuantileTable` of `pertShape` (results then
    /// agree with `quantile` to 1e-9 of max − min); without one, a table is built for long
    /// columns and exact inversion is used for short ones. The same holds for `beta(a, b)`
    /// with a, b ≥ 1 (a table of `PertShape(alpha: a, beta: b)`); other beta shapes are
    /// inverted exactly. `discrete`, `poisson` and
    /// `binomial` columns build a cumulative table once per call. Results equal `quantile`
    /// exactly for every other family.
    public func fillQuantiles(
        _ u: UnsafeBufferPointer<Double>, into buffer: UnsafeMutableBufferPointer<Double>,
        pertTable: PertQuantileTable? = nil
    ) {
        let n = Swift.min(u.count, buffer.count)
        guard n > 0, let src = u.baseAddress, let out = buffer.baseAddress else { return }
        guard isValid else {
            out.update(repeating: .nan, count: n)
            return
        }
        GSLRuntime.configure()
        let (lower, upper) = support
        if lower == upper {
            for i in 0..<n { out[i] = src[i].isNaN ? .nan : lower }
            return
        }
        /// Applies `body` to u in (0, 1) and maps u ≤ 0, u ≥ 1 and NaN to the support's ends.
        @inline(__always)
        func each(_ body: (Double) -> Double) {
            for i in 0..<n {
                let x = src[i]
                out[i] = (x > 0 && x < 1) ? body(x) : (x <= 0 ? lower : (x >= 1 ? upper : .nan))
            }
        }
        switch self {
        case .normal(let mean, let sd):
            each { mean + sd * gsl_cdf_ugaussian_Pinv($0) }
        case .lognormal, .interval:
            let (mu, sigma) = logNormalParameters ?? (.nan, .nan)
            let center = logNormalCenter
            each { Self.logNormalQuantile(gsl_cdf_ugaussian_Pinv($0), center: center, mu: mu, sigma: sigma) }
        case .triangular(let lo, let mode, let hi):
            each { Self.triangularQuantile($0, lo, mode, hi) }
        case .pert(let lo, _, let hi, _):
            guard let shape = pertShape else { return }
            var table = pertTable?.shape == shape ? pertTable : nil
            if table == nil && n >= Self.pertTableThreshold { table = PertQuantileTable(shape: shape) }
            if let table {
                table.fillQuantiles(UnsafeBufferPointer(start: src, count: n), into: buffer, min: lo, max: hi)
            } else {
                let range = hi - lo, a = shape.alpha, b = shape.beta
                each { Swift.min(Swift.max(lo + range * BetaInverse.quantile($0, a: a, b: b), lo), hi) }
            }
        case .uniform(let lo, let hi):
            let range = hi - lo
            each { lo + range * $0 }
        case .loguniform(let lo, let hi):
            each { Self.logUniformQuantile($0, lo, hi) }
        case .beta(let a, let b):
            let shape = PertShape(alpha: a, beta: b)
            var table = pertTable?.shape == shape ? pertTable : nil
            if table == nil && n >= Self.pertTableThreshold { table = PertQuantileTable(shape: shape) }
            if let table {
                table.fillQuantiles(UnsafeBufferPointer(start: src, count: n), into: buffer, min: 0, max: 1)
            } else {
                each { BetaInverse.quantile($0, a: a, b: b) }
            }
        case .gamma(let k, let theta):
            each { Self.gammaQuantile($0, k, theta) }
        case .weibull(let scale, let k):
            let power = 1 / k
            each { scale * pow(-log1p(-$0), power) }
        case .exponential(let mean):
            each { -mean * log1p(-$0) }
        case .bernoulli(let p):
            let q = 1 - p
            each { $0 <= q ? 0 : 1 }
        case .discrete(let values, let probabilities):
            DiscreteTable(values: values, probabilities: probabilities)
                .fillQuantiles(UnsafeBufferPointer(start: src, count: n), into: buffer)
        case .poisson, .binomial:
            fillIntegerQuantiles(src, out, n)
        }
    }

    /// Poisson and binomial columns: when the support between the quantiles of the smallest
    /// and largest u is no longer than the column (or 4,096), tabulate the CDF there once
    /// (the same GSL values `quantile` compares against, so the results agree exactly) and
    /// search it; otherwise search each value.
    private func fillIntegerQuantiles(_ src: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>, _ n: Int) {
        var uMin = Double.infinity, uMax = -Double.infinity
        for i in 0..<n where src[i] > 0 && src[i] < 1 {
            uMin = Swift.min(uMin, src[i])
            uMax = Swift.max(uMax, src[i])
        }
        let (lower, upper) = support
        var table: DiscreteTable? = nil
        if uMin <= uMax {
            let kLo = quantile(uMin), kHi = quantile(uMax)
            if kHi - kLo < Double(Swift.max(n, 4_096)) {
                let first = Int(kLo), last = Int(kHi)
                var values: [Double] = [], cumulative: [Double] = []
                values.reserveCapacity(last - first + 1)
                cumulative.reserveCapacity(last - first + 1)
                for k in first...last {
                    values.append(Double(k))
                    cumulative.append(k == last ? 1 : cdf(atInteger: k))
                }
                table = DiscreteTable(sortedValues: values, cumulative: cumulative)
            }
        }
        for i in 0..<n {
            let x = src[i]
            if x > 0 && x < 1 {
                out[i] = table?.quantile(x) ?? quantile(x)
            } else {
                out[i] = x <= 0 ? lower : (x >= 1 ? upper : .nan)
            }
        }
    }

    /// P(X ≤ k) for the poisson and binomial families (as `quantile` uses it), NaN otherwise.
    func cdf(atInteger k: Int) -> Double {
        switch self {
        case .poisson(let mean): return Self.poissonCDF(k, mean: mean)
        case .binomial(let n, let p): return gsl_cdf_binomial_P(UInt32(k), p, UInt32(n))
        default: return .nan
        }
    }
}
