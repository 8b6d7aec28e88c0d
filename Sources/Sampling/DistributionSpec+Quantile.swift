import CGSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Inverse CDFs, for Latin hypercube sampling, Iman–Conover and tornado swings.
///
/// Q(u) = inf { x : F(x) ≥ u }. Continuous families: normal `mean + sd Φ⁻¹(u)` and lognormal
/// `e^μ · exp(σ Φ⁻¹(u))` (`gsl_cdf_ugaussian_Pinv`; e^μ is the median as given, or √p5·√p95,
/// so a narrow lognormal keeps its precision); triangular closed form; uniform
/// `min + (max − min) u`; beta and pert by `BetaInverse` (or a `PertQuantileTable`);
/// gamma θ · `GammaInverse` (Newton on GSL's gamma CDFs: GSL's own inverses fail for small
/// and large shapes); weibull `λ (−ln(1 − u))^{1/k}`; exponential
/// `−mean · ln(1 − u)`. Discrete families by search: `discrete` in a `DiscreteTable`,
/// poisson and binomial by bracketing and bisection on `poissonCDF` /
/// `gsl_cdf_binomial_P` from a Cornish–Fisher first guess, bernoulli `u ≤ 1 − p ? 0 : 1`.
/// u ≤ 0 gives the lower end of the support, u ≥ 1 the upper end (±∞ where unbounded),
/// NaN or an invalid distribution gives NaN.
extension DistributionSpec {
    /// The u-quantile.
    public func quantile(_ u: Double) -> Double {
        guard isValid, !u.isNaN else { return .nan }
        GSLRuntime.configure()
        if case .discrete(let values, let probabilities) = self {
            return DiscreteTable(values: values, probabilities: probabilities).quantile(u)
        }
        let (lower, upper) = support
        if u <= 0 || lower == upper { return lower }
        if u >= 1 { return upper }
        switch self {
        case .normal(let mean, let sd):
            return mean + sd * gsl_cdf_ugaussian_Pinv(u)
        case .lognormal, .interval:
            let (mu, sigma) = logNormalParameters ?? (.nan, .nan)
            return Self.logNormalQuantile(gsl_cdf_ugaussian_Pinv(u), center: logNormalCenter, mu: mu, sigma: sigma)
        case .triangular(let lo, let mode, let hi):
            return Self.triangularQuantile(u, lo, mode, hi)
        case .pert(let lo, _, let hi, _):
            guard let shape = pertShape else { return lo }
            let x = BetaInverse.quantile(u, a: shape.alpha, b: shape.beta)
            return Swift.min(Swift.max(lo + (hi - lo) * x, lo), hi)
        case .uniform(let lo, let hi):
            return lo + (hi - lo) * u
        case .loguniform(let lo, let hi):
            return Self.logUniformQuantile(u, lo, hi)
        case .beta(let a, let b):
            return BetaInverse.quantile(u, a: a, b: b)
        case .gamma(let k, let theta):
            return Self.gammaQuantile(u, k, theta)
        case .weibull(let scale, let k):
            return scale * pow(-log1p(-u), 1 / k)
        case .exponential(let mean):
            return -mean * log1p(-u)
        case .poisson(let mean):
            return Double(Self.poissonQuantile(u, mean: mean))
        case .binomial(let n, let p):
            return Double(Self.binomialQuantile(u, n: n, p: p))
        case .bernoulli(let p):
            return u <= 1 - p ? 0 : 1
        case .discrete:
            return .nan  // handled above
        }
    }

    /// e^μ of a `lognormal` (its median) or an `interval` (√p5 · √p95), computed without
    /// going through ln and exp; NaN for other families.
    var logNormalCenter: Double {
        switch self {
        case .lognormal(let median, _): return median
        case .interval(let p5, let p95): return p5.squareRoot() * p95.squareRoot()
        default: return .nan
        }
    }

    /// e^μ · e^(σz), falling back to e^(μ + σz) where the product over- or underflows.
    /// exp(μ + σz) would round μ + σz to the ulp of μ, a relative error of ulp(μ)/σ in z,
    /// which for σ ≈ 1e-9 (p95 a billionth above the median) is 1e-6.
    @inline(__always)
    static func logNormalQuantile(_ z: Double, center: Double, mu: Double, sigma: Double) -> Double {
        let x = center * exp(sigma * z)
        return x > 0 && x.isFinite ? x : exp(mu + sigma * z)
    }

    /// The gamma quantile: θ times the Gamma(k, 1) quantile of `GammaInverse`.
    @inline(__always)
    static func gammaQuantile(_ u: Double, _ k: Double, _ theta: Double) -> Double {
        theta * GammaInverse.quantile(u, shape: k)
    }

    /// The smallest k in 0 ... upper with cdf(k) ≥ u (cdf(upper) is taken as 1): gallops
    /// from `guess` with doubling steps to a bracket, then bisects. At most ~130 evaluations.
    static func integerQuantile(_ u: Double, guess: Int, upper: Int, cdf: (Int) -> Double) -> Int {
        var k = Swift.min(Swift.max(guess, 0), upper)
        var lo: Int, hi: Int  // invariant: cdf(lo) < u (lo = -1: below the support), cdf(hi) ≥ u
        if k == upper || cdf(k) >= u {
            hi = k
            var step = 1
            lo = hi - step
            while lo >= 0 && cdf(lo) >= u {
                hi = lo
                step = step << 1
                lo = hi - step
            }
            lo = Swift.max(lo, -1)
        } else {
            lo = k
            var step = 1
            k = lo + step
            while k < upper && cdf(k) < u {
                lo = k
                step = step << 1
                k = Swift.min(lo + step, upper)
            }
            hi = Swift.min(k, upper)
        }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if cdf(mid) >= u { hi = mid } else { lo = mid }
        }
        return hi
    }

    /// The Poisson(mean) u-quantile for u in (0, 1); first guess mean + √mean z + (z² − 1)/6.
    static func poissonQuantile(_ u: Double, mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        let z = gsl_cdf_ugaussian_Pinv(u)
        let guess = (mean + mean.squareRoot() * z + (z * z - 1) / 6).rounded(.down)
        let upper = Int(UInt32.max) - 1
        return integerQuantile(u, guess: Int(Swift.min(Swift.max(guess, 0), Double(upper))), upper: upper) {
            poissonCDF($0, mean: mean)
        }
    }

    /// P(X ≤ n) for X ~ Poisson(mean) = Q(n + 1, mean): GSL's `gsl_cdf_poisson_P`, or
    /// `GammaCDF.upper` from n + 1 = 10⁴ on, where GSL's incomplete gamma goes wrong.
    static func poissonCDF(_ n: Int, mean: Double) -> Double {
        Double(n + 1) >= GammaCDF.expansionShape
            ? GammaCDF.upper(mean, shape: Double(n + 1)) : gsl_cdf_poisson_P(UInt32(n), mean)
    }

    /// The binomial(n, p) u-quantile for u in (0, 1); first guess
    /// np + √(np(1 − p)) z + (1 − 2p)(z² − 1)/6.
    static func binomialQuantile(_ u: Double, n: Int, p: Double) -> Int {
        guard n > 0, p > 0 else { return 0 }
        if p >= 1 { return n }
        let z = gsl_cdf_ugaussian_Pinv(u)
        let mean = Double(n) * p
        let guess = (mean + (mean * (1 - p)).squareRoot() * z + (1 - 2 * p) * (z * z - 1) / 6).rounded(.down)
        return integerQuantile(u, guess: Int(Swift.min(Swift.max(guess, 0), Double(n))), upper: n) {
            gsl_cdf_binomial_P(UInt32($0), p, UInt32(n))
        }
    }
}
