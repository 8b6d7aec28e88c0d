/// A probability distribution of one uncertain input, given by numbers only.
///
/// The scenario model evaluates a distribution's parameter expressions and hands the numbers
/// to `make`, which applies the family's rules (`DistributionFamily`, the catalogue); this
/// module knows nothing of names, files or lines. A spec built directly can be checked with
/// `validate()`: every sampling and quantile function (in `Sampling`) also checks the
/// parameters and, rather than trap, yields `NaN` for an invalid distribution.
///
/// Parameterisations (z95 = Φ⁻¹(0.95) = 1.6448536269514722):
/// - `normal(mean, sd)`: N(mean, sd²); sd = 0 is the constant `mean`.
/// - `lognormal(median, p95)`: exp N(μ, σ²) with μ = ln median, σ = (ln p95 − μ) / z95.
/// - `interval(p5, p95)`: the lognormal with those 5th and 95th percentiles:
///   μ = (ln p5 + ln p95) / 2, σ = (ln p95 − ln p5) / (2 z95).
/// - `triangular(min, mode, max)`; `uniform(min, max)`; `loguniform(min, max)`: exp U(ln min, ln max).
/// - `pert(min, mode, max, lambda)`: min + (max − min) · Beta(α, β) with
///   α = 1 + λ (mode − min)/(max − min), β = 1 + λ (max − mode)/(max − min); min = max is the
///   constant.
/// - `beta(a, b)`; `gamma(shape k, scale θ)`; `weibull(scale λ, shape k)`;
///   `exponential(mean)`; `poisson(mean)`; `binomial(n, p)`; `bernoulli(p)` (= `chance(p)`);
/// - `discrete(values, probabilities)`: P(values[i]) = probabilities[i] / Σ probabilities.
public enum DistributionSpec: Sendable, Hashable {
    case normal(mean: Double, sd: Double)
    case lognormal(median: Double, p95: Double)
    case interval(p5: Double, p95: Double)
    case triangular(min: Double, mode: Double, max: Double)
    case pert(min: Double, mode: Double, max: Double, lambda: Double = 4)
    case uniform(min: Double, max: Double)
    case loguniform(min: Double, max: Double)
    case beta(a: Double, b: Double)
    case gamma(shape: Double, scale: Double)
    case weibull(scale: Double, shape: Double)
    case exponential(mean: Double)
    case poisson(mean: Double)
    case binomial(n: Int, p: Double)
    case bernoulli(p: Double)
    case discrete(values: [Double], probabilities: [Double])

    /// Φ⁻¹(0.95), the standard normal 95th percentile.
    public static let z95 = 1.6448536269514722

    /// The family in the catalogue (`bernoulli` for a `chance`).
    public var family: DistributionFamily {
        switch self {
        case .normal: return .normal
        case .lognormal: return .lognormal
        case .interval: return .interval
        case .triangular: return .triangular
        case .pert: return .pert
        case .uniform: return .uniform
        case .loguniform: return .loguniform
        case .beta: return .beta
        case .gamma: return .gamma
        case .weibull: return .weibull
        case .exponential: return .exponential
        case .poisson: return .poisson
        case .binomial: return .binomial
        case .bernoulli: return .bernoulli
        case .discrete: return .discrete
        }
    }

    /// The parameters in the order the family writes them, optional ones included (pert's
    /// lambda); for `discrete` the pairs v1, p1, v2, p2, ... (as many as both lists have).
    public var parameters: [Double] {
        switch self {
        case .normal(let a, let b), .lognormal(let a, let b), .interval(let a, let b), .uniform(let a, let b),
            .loguniform(let a, let b), .beta(let a, let b), .gamma(let a, let b), .weibull(let a, let b):
            return [a, b]
        case .triangular(let a, let b, let c): return [a, b, c]
        case .pert(let a, let b, let c, let d): return [a, b, c, d]
        case .exponential(let a), .poisson(let a), .bernoulli(let a): return [a]
        case .binomial(let n, let p): return [Double(n), p]
        case .discrete(let values, let probabilities):
            var pairs: [Double] = []
            pairs.reserveCapacity(2 * Swift.min(values.count, probabilities.count))
            for (v, p) in zip(values, probabilities) { pairs += [v, p] }
            return pairs
        }
    }

    /// (μ, σ) of the underlying normal for `lognormal` and `interval`; nil otherwise.
    public var logNormalParameters: (mu: Double, sigma: Double)? {
        switch self {
        case .lognormal(let median, let p95): return DistributionFamily.logNormal(median: median, p95: p95)
        case .interval(let p5, let p95): return DistributionFamily.logNormal(p5: p5, p95: p95)
        default: return nil
        }
    }

    /// The Beta shape (α, β) of a `pert`, or nil (also nil when min = max: a constant).
    public var pertShape: PertShape? {
        guard case .pert(let lo, let mode, let hi, let lambda) = self, hi > lo else { return nil }
        return PertShape(min: lo, mode: mode, max: hi, lambda: lambda)
    }
}
