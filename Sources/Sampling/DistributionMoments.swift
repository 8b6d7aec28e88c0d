import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exact moments and central values; NaN for invalid parameters.
extension DistributionSpec {
    /// E[X].
    /// normal: mean; lognormal/interval: exp(μ + σ²/2); triangular: (min + mode + max)/3;
    /// pert: min + (max − min) α/(α + β) = (min + λ mode + max)/(λ + 2); uniform: (min + max)/2;
    /// beta: a/(a + b); gamma: kθ; weibull: λ Γ(1 + 1/k); exponential: mean; poisson: mean;
    /// binomial: np; bernoulli: p; discrete: Σ v p / Σ p.
    public var mean: Double {
        guard isValid else { return .nan }
        switch self {
        case .normal(let mean, _): return mean
        case .lognormal, .interval:
            let (mu, sigma) = logNormalParameters ?? (.nan, .nan)
            return exp(mu + sigma * sigma / 2)
        case .triangular(let lo, let mode, let hi): return (lo + mode + hi) / 3
        case .pert(let lo, let mode, let hi, let lambda):
            return hi > lo ? (lo + lambda * mode + hi) / (lambda + 2) : lo
        case .uniform(let lo, let hi): return lo + (hi - lo) / 2
        case .beta(let a, let b): return a / (a + b)
        case .gamma(let k, let theta): return k * theta
        case .weibull(let scale, let k): return scale * exp(gsl_sf_lngamma(1 + 1 / k))
        case .exponential(let mean): return mean
        case .poisson(let mean): return mean
        case .binomial(let n, let p): return Double(n) * p
        case .bernoulli(let p): return p
        case .discrete(let values, let probabilities):
            let total = probabilities.reduce(0, +)
            return zip(values, probabilities).reduce(0) { $0 + $1.0 * $1.1 } / total
        }
    }

    /// Var[X].
    /// normal: sd²; lognormal: (e^{σ²} − 1) e^{2μ + σ²}; triangular:
    /// (a² + b² + c² − ab − ac − bc)/18; pert: (max − min)² αβ / ((α + β)²(α + β + 1));
    /// uniform: (max − min)²/12; beta: ab/((a + b)²(a + b + 1)); gamma: kθ²;
    /// weibull: λ²(Γ(1 + 2/k) − Γ(1 + 1/k)²); exponential: mean²; poisson: mean;
    /// binomial: np(1 − p); bernoulli: p(1 − p); discrete: Σ p (v − mean)² / Σ p.
    public var variance: Double {
        guard isValid else { return .nan }
        switch self {
        case .normal(_, let sd): return sd * sd
        case .lognormal, .interval:
            let (mu, sigma) = logNormalParameters ?? (.nan, .nan)
            let s2 = sigma * sigma
            return expm1(s2) * exp(2 * mu + s2)
        case .triangular(let a, let c, let b):
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case .pert(let lo, _, let hi, _):
            guard let shape = pertShape else { return 0 }
            let s = shape.alpha + shape.beta
            return (hi - lo) * (hi - lo) * shape.alpha * shape.beta / (s * s * (s + 1))
        case .uniform(let lo, let hi): return (hi - lo) * (hi - lo) / 12
        case .beta(let a, let b): return a * b / ((a + b) * (a + b) * (a + b + 1))
        case .gamma(let k, let theta): return k * theta * theta
        case .weibull(let scale, let k):
            let g1 = exp(gsl_sf_lngamma(1 + 1 / k)), g2 = exp(gsl_sf_lngamma(1 + 2 / k))
            return scale * scale * (g2 - g1 * g1)
        case .exponential(let mean): return mean * mean
        case .poisson(let mean): return mean
        case .binomial(let n, let p): return Double(n) * p * (1 - p)
        case .bernoulli(let p): return p * (1 - p)
        case .discrete(let values, let probabilities):
            let m = mean
            let total = probabilities.reduce(0, +)
            return zip(values, probabilities).reduce(0) { $0 + $1.1 * ($1.0 - m) * ($1.0 - m) } / total
        }
    }

    /// The standard deviation, √Var[X].
    public var standardDeviation: Double { variance.squareRoot() }

    /// The median, `quantile(0.5)` (for discrete families the smallest x with F(x) ≥ 1/2).
    public var median: Double { quantile(0.5) }

    /// The value a deterministic base case uses for this input (docs/scenario-language.md §3):
    /// the mode for `triangular` and `pert`; the median for `normal`, `lognormal` and
    /// `interval`; the most probable value for `bernoulli` and `discrete` (the smallest such
    /// value on a tie, so 0 for chance(50%); repeated values count together); the mean otherwise.
    public var baseValue: Double {
        guard isValid else { return .nan }
        switch self {
        case .triangular(_, let mode, _), .pert(_, let mode, _, _): return mode
        case .normal, .lognormal, .interval: return median
        case .bernoulli(let p): return p > 0.5 ? 1 : 0
        case .discrete(let values, let probabilities):
            let table = DiscreteTable(values: values, probabilities: probabilities)
            var best = table.values[0], bestP = -1.0, previous = 0.0
            for (v, c) in zip(table.values, table.cumulative) {
                if c - previous > bestP { best = v; bestP = c - previous }
                previous = c
            }
            return best
        default: return mean
        }
    }
}
