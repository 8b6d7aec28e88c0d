#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The catalogue: every family of the scenario language, one entry each, in the order of the
/// table in docs/scenario-language.md. Each entry gives the name and parameters, the rules
/// (`ParameterCheck`), the `DistributionSpec` the parameters build, the support from the
/// parameters' ranges, the base value (docs/scenario-language.md §3) and the mean and variance.
///
/// Adding a family is one entry here (and its name in `all`); the compiler then asks for its
/// `DistributionSpec` case (with a line in `family` and in `parameters`) and for its lines in the
/// samplers and quantile functions of `Sampling`.
extension DistributionFamily {
    /// Every family, `interval` (`a to b`) included.
    public static let all: [DistributionFamily] = [
        normal, lognormal, interval, triangular, pert, uniform, loguniform, beta, gamma, weibull, exponential,
        poisson, binomial, bernoulli, chance, discrete
    ]

    /// `normal(mean, sd)`: N(mean, sd²). sd ≥ 0; sd = 0 is the constant `mean`. Base value and
    /// mean: `mean` (the median too); variance sd². Support ℝ, or the point `mean` when sd = 0.
    public static let normal = DistributionFamily(
        "normal", ["mean", "sd"],
        rules: { $0.notNegative(1) },
        spec: { .normal(mean: $0[0], sd: $0[1]) },
        support: { b in b[1].upper <= 0 ? b[0] : (-.infinity, .infinity) },
        baseValue: { $0[0] }, mean: { $0[0] }, variance: { $0[1] * $0[1] })

    /// `lognormal(median, p95)`: exp N(μ, σ²), μ = ln median, σ = (ln p95 − μ)/z95. median > 0,
    /// p95 > median (equal, the constant, only when drawn). Base value: the median. Mean
    /// exp(μ + σ²/2), variance (e^{σ²} − 1) e^{2μ + σ²}. Support (0, ∞).
    public static let lognormal = DistributionFamily(
        "lognormal", ["median", "p95"],
        rules: { r in
            r.positive(0)
            if let m = r[0], let p = r[1], m > 0, p < m || (r.refusesDegenerate && p == m) {
                let relation = r.refusesDegenerate ? "must be greater than" : "must not be below"
                r.fail(1, "lognormal p95 (\(format(p))) \(relation) the median (\(format(m)))")
            }
        },
        spec: { .lognormal(median: $0[0], p95: $0[1]) },
        support: { b in b[1].upper <= b[0].lower ? b[0] : (0, .infinity) },
        baseValue: { $0[0] },
        mean: { logNormalMean(logNormal(median: $0[0], p95: $0[1])) },
        variance: { logNormalVariance(logNormal(median: $0[0], p95: $0[1])) })

    /// `a to b`: the lognormal with 5th percentile a and 95th percentile b, μ = (ln a + ln b)/2,
    /// σ = (ln b − ln a)/(2 z95). a > 0, b > 0, a < b (equal, the constant, only when drawn).
    /// Base value: the median e^μ = √(a·b). Moments and support as `lognormal`.
    public static let interval = DistributionFamily(
        "interval", ["a", "b"], displayName: "'a to b'", isCall: false, form: "an interval is written 'a to b'",
        rules: { r in
            var ends = true
            for i in 0..<2 {
                guard let x = r[i], x <= 0 else { continue }
                ends = false
                r.fail(
                    i,
                    "'a to b' is a lognormal 90% interval and needs both ends positive (\(i == 0 ? "a" : "b") is "
                        + "\(format(x))); write normal(mean, sd) for a range through zero")
            }
            if ends, let a = r[0], let b = r[1], a > b || (r.refusesDegenerate && a == b) {
                r.fail(
                    0,
                    "in 'a to b', a (\(format(a))) must be "
                        + "\(r.refusesDegenerate ? "less than" : "at most") b (\(format(b)))"
                )
            }
        },
        spec: { .interval(p5: $0[0], p95: $0[1]) },
        support: { b in b[1].upper <= b[0].lower ? b[0] : (0, .infinity) },
        baseValue: { exp(logNormal(p5: $0[0], p95: $0[1]).mu) },
        mean: { logNormalMean(logNormal(p5: $0[0], p95: $0[1])) },
        variance: { logNormalVariance(logNormal(p5: $0[0], p95: $0[1])) })

    /// `triangular(min, mode, max)`: min < max (equal, the constant, only when drawn),
    /// min ≤ mode ≤ max, max − min finite. Base value: the mode. Mean (min + mode + max)/3,
    /// variance (a² + b² + c² − ab − ac − bc)/18. Support [min, max].
    public static let triangular = DistributionFamily(
        "triangular", ["min", "mode", "max"],
        rules: { $0.ordered(0, mode: 1, 2) },
        spec: { .triangular(min: $0[0], mode: $0[1], max: $0[2]) },
        support: { b in (b[0].lower, b[2].upper) },
        baseValue: { $0[1] },
        mean: { ($0[0] + $0[1] + $0[2]) / 3 },
        variance: { p in
            let (a, c, b) = (p[0], p[1], p[2])
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        })

    /// `pert(min, mode, max[, lambda = 4])`: min + (max − min)·Beta(α, β) (`PertShape`). The
    /// rules of `triangular`, and 0 < lambda ≤ 1000 (lambda = 0, the uniform, only when drawn).
    /// Base value: the mode. Mean (min + λ·mode + max)/(λ + 2), variance
    /// (max − min)² αβ/((α + β)²(α + β + 1)); min = max is the constant. Support [min, max].
    public static let pert = DistributionFamily(
        "pert", ["min", "mode", "max", "lambda"], defaults: [4],
        rules: { r in
            r.ordered(0, mode: 1, 2)
            if r.refusesDegenerate { r.positive(3) } else { r.notNegative(3) }
            r.atMost(3, PertShape.maximumLambda)
        },
        spec: { .pert(min: $0[0], mode: $0[1], max: $0[2], lambda: $0[3]) },
        support: { b in (b[0].lower, b[2].upper) },
        baseValue: { $0[1] },
        mean: { p in p[2] > p[0] ? (p[0] + p[3] * p[1] + p[2]) / (p[3] + 2) : p[0] },
        variance: { p in
            guard p[2] > p[0] else { return 0 }
            let shape = PertShape(min: p[0], mode: p[1], max: p[2], lambda: p[3])
            let s = shape.alpha + shape.beta
            return (p[2] - p[0]) * (p[2] - p[0]) * shape.alpha * shape.beta / (s * s * (s + 1))
        })

    /// `uniform(min, max)`: min ≤ max (equal: the constant), max − min finite. Base value and
    /// mean min + (max − min)/2; variance (max − min)²/12. Support [min, max].
    public static let uniform = DistributionFamily(
        "uniform", ["min", "max"],
        rules: { $0.notAbove(0, 1) },
        spec: { .uniform(min: $0[0], max: $0[1]) },
        support: { b in (b[0].lower, b[1].upper) },
        baseValue: { $0[0] + ($0[1] - $0[0]) / 2 },
        mean: { $0[0] + ($0[1] - $0[0]) / 2 },
        variance: { ($0[1] - $0[0]) * ($0[1] - $0[0]) / 12 })

    /// `loguniform(min, max)`: exp U(ln min, ln max), density 1/(x ln(max/min)) on [min, max].
    /// min > 0, max > 0, min ≤ max (equal: the constant). Base value: the mean,
    /// (max − min)/(ln max − ln min); variance (max² − min²)/(2 (ln max − ln min)) − mean².
    /// Support [min, max]; quantile exp(ln min + u (ln max − ln min)).
    public static let loguniform = DistributionFamily(
        "loguniform", ["min", "max"],
        rules: { r in
            r.positive(0)
            r.positive(1)
            if (r[0] ?? 1) > 0, (r[1] ?? 1) > 0 { r.notAbove(0, 1) }
        },
        spec: { .loguniform(min: $0[0], max: $0[1]) },
        support: { b in (Swift.max(0, b[0].lower), b[1].upper) },
        baseValue: logUniformMean, mean: logUniformMean,
        variance: { p in
            let (a, b) = (p[0], p[1])
            guard b > a else { return 0 }
            let mean = logUniformMean(p)
            return (b * b - a * a) / (2 * (log(b) - log(a))) - mean * mean
        })

    /// The largest beta shape accepted: GSL's beta CDF (inverted for Latin hypercube sampling)
    /// fails once both shapes pass about 2e5, and is consistent to 1e-12 up to this one (a beta
    /// with both shapes this large has a standard deviation near 0.001).
    public static let maximumBetaShape = 100_000.0

    /// `beta(a, b)`: 0 < a, b ≤ 100,000. Base value and mean a/(a + b); variance
    /// ab/((a + b)²(a + b + 1)). Support [0, 1].
    public static let beta = DistributionFamily(
        "beta", ["a", "b"],
        rules: { r in
            r.positive(0)
            r.positive(1)
            r.atMost(0, maximumBetaShape)
            r.atMost(1, maximumBetaShape)
        },
        spec: { .beta(a: $0[0], b: $0[1]) },
        support: { _ in (0, 1) },
        baseValue: { $0[0] / ($0[0] + $0[1]) }, mean: { $0[0] / ($0[0] + $0[1]) },
        variance: { p in
            let (a, b) = (p[0], p[1])
            return a * b / ((a + b) * (a + b) * (a + b + 1))
        })

    /// `gamma(shape k, scale θ)`: both > 0. Base value and mean kθ; variance kθ². Support [0, ∞).
    public static let gamma = DistributionFamily(
        "gamma", ["shape", "scale"],
        rules: {
            $0.positive(0)
            $0.positive(1)
        },
        spec: { .gamma(shape: $0[0], scale: $0[1]) },
        support: { _ in (0, .infinity) },
        baseValue: { $0[0] * $0[1] }, mean: { $0[0] * $0[1] }, variance: { $0[0] * $0[1] * $0[1] })

    /// `weibull(scale λ, shape k)`: both > 0. Base value and mean λ Γ(1 + 1/k) (Γ: the C
    /// library's `tgamma`); variance λ²(Γ(1 + 2/k) − Γ(1 + 1/k)²). Support [0, ∞).
    public static let weibull = DistributionFamily(
        "weibull", ["scale", "shape"],
        rules: {
            $0.positive(0)
            $0.positive(1)
        },
        spec: { .weibull(scale: $0[0], shape: $0[1]) },
        support: { _ in (0, .infinity) },
        baseValue: { $0[0] * tgamma(1 + 1 / $0[1]) }, mean: { $0[0] * tgamma(1 + 1 / $0[1]) },
        variance: { p in
            let g1 = tgamma(1 + 1 / p[1]), g2 = tgamma(1 + 2 / p[1])
            return p[0] * p[0] * (g2 - g1 * g1)
        })

    /// `exponential(mean)`: mean > 0. Base value and mean: `mean`; variance mean². Support [0, ∞).
    public static let exponential = DistributionFamily(
        "exponential", ["mean"],
        rules: { $0.positive(0) },
        spec: { .exponential(mean: $0[0]) },
        support: { _ in (0, .infinity) },
        baseValue: { $0[0] }, mean: { $0[0] }, variance: { $0[0] * $0[0] })

    /// (μ, σ) of `lognormal(median, p95)`.
    static func logNormal(median: Double, p95: Double) -> (mu: Double, sigma: Double) {
        let mu = log(median)
        return (mu, (log(p95) - mu) / DistributionSpec.z95)
    }

    /// (μ, σ) of `a to b`, the lognormal with those 5th and 95th percentiles.
    static func logNormal(p5: Double, p95: Double) -> (mu: Double, sigma: Double) {
        let a = log(p5), b = log(p95)
        return ((a + b) / 2, (b - a) / (2 * DistributionSpec.z95))
    }

    static func logNormalMean(_ s: (mu: Double, sigma: Double)) -> Double { exp(s.mu + s.sigma * s.sigma / 2) }

    static func logNormalVariance(_ s: (mu: Double, sigma: Double)) -> Double {
        let s2 = s.sigma * s.sigma
        return expm1(s2) * exp(2 * s.mu + s2)
    }

    @Sendable static func logUniformMean(_ p: [Double]) -> Double {
        let (a, b) = (p[0], p[1])
        return b > a ? (b - a) / (log(b) - log(a)) : a
    }
}

/// Numbers in messages (`ParameterCheck.format`).
func format(_ v: Double) -> String { ParameterCheck.format(v) }
