#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A probability distribution of one uncertain input, given by numbers only.
///
/// The scenario model evaluates a distribution's parameter expressions and hands the numbers
/// here; this module knows nothing of names, files or lines. Call `validate()` before a run:
/// every sampling and quantile function also checks the parameters and, rather than trap,
/// yields `NaN` for an invalid distribution.
///
/// Parameterisations (z95 = Φ⁻¹(0.95) = 1.6448536269514722):
/// - `normal(mean, sd)`: N(mean, sd²); sd = 0 is the constant `mean`.
/// - `lognormal(median, p95)`: exp N(μ, σ²) with μ = ln median, σ = (ln p95 − μ) / z95.
/// - `interval(p5, p95)`: the lognormal with those 5th and 95th percentiles:
///   μ = (ln p5 + ln p95) / 2, σ = (ln p95 − ln p5) / (2 z95).
/// - `triangular(min, mode, max)`; `uniform(min, max)`.
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

    /// The largest Poisson mean accepted: draws must fit GSL's 32-bit counts.
    public static let maximumPoissonMean = 1e9
    /// The largest binomial trial count accepted. Latin hypercube sampling inverts GSL's
    /// binomial CDF, an incomplete beta function, which (GSL 2.7.1) returns NaN or P + Q ≠ 1
    /// from about 2 million trials on; it is consistent to 1e-12 up to this count.
    public static let maximumBinomialTrials = 1_000_000
    /// The largest beta shape accepted: GSL's beta CDF (inverted for Latin hypercube sampling)
    /// fails once both shapes pass about 2e5, and is consistent to 1e-12 up to this one (a beta
    /// with both shapes this large has a standard deviation near 0.001).
    public static let maximumBetaShape = 100_000.0
    /// The tolerance on Σ probabilities = 1 for `discrete`.
    public static let probabilitySumTolerance = 1e-6

    /// The family's name as written in a scenario.
    public var family: String {
        switch self {
        case .normal: return "normal"
        case .lognormal: return "lognormal"
        case .interval: return "interval"
        case .triangular: return "triangular"
        case .pert: return "pert"
        case .uniform: return "uniform"
        case .beta: return "beta"
        case .gamma: return "gamma"
        case .weibull: return "weibull"
        case .exponential: return "exponential"
        case .poisson: return "poisson"
        case .binomial: return "binomial"
        case .bernoulli: return "bernoulli"
        case .discrete: return "discrete"
        }
    }

    /// (μ, σ) of the underlying normal for `lognormal` and `interval`; nil otherwise.
    public var logNormalParameters: (mu: Double, sigma: Double)? {
        switch self {
        case .lognormal(let median, let p95):
            let mu = log(median)
            return (mu, (log(p95) - mu) / Self.z95)
        case .interval(let p5, let p95):
            let a = log(p5), b = log(p95)
            return ((a + b) / 2, (b - a) / (2 * Self.z95))
        default:
            return nil
        }
    }

    /// The Beta shape (α, β) of a `pert`, or nil (also nil when min = max: a constant).
    public var pertShape: PertShape? {
        guard case .pert(let lo, let mode, let hi, let lambda) = self, hi > lo else { return nil }
        return PertShape(min: lo, mode: mode, max: hi, lambda: lambda)
    }

    /// Whether `validate()` succeeds; cheap for every family but `discrete` (linear).
    public var isValid: Bool { problem == nil }

    /// Throws the first problem with the parameters, if any.
    public func validate() throws(DistributionError) {
        if let problem { throw problem }
    }

    /// The first problem with the parameters, or nil when they define a distribution.
    public var problem: DistributionError? {
        func err(_ text: String) -> DistributionError { DistributionError(family: family, message: text) }
        func finite(_ pairs: KeyValuePairs<String, Double>) -> DistributionError? {
            for (name, value) in pairs where !value.isFinite {
                return err("\(name) must be a finite number, not \(value)")
            }
            return nil
        }
        func probability(_ name: String, _ p: Double) -> DistributionError? {
            (p >= 0 && p <= 1) ? nil : err("\(name) must be a probability between 0 and 1, not \(p)")
        }
        func ordered(_ lo: Double, _ mid: Double, _ hi: Double) -> DistributionError? {
            if lo > hi { return err("min (\(lo)) must not exceed max (\(hi))") }
            if mid < lo { return err("mode (\(mid)) must not be below min (\(lo))") }
            if mid > hi { return err("mode (\(mid)) must not exceed max (\(hi))") }
            return nil
        }
        switch self {
        case .normal(let mean, let sd):
            if let e = finite(["mean": mean, "sd": sd]) { return e }
            return sd >= 0 ? nil : err("sd must not be negative, not \(sd)")
        case .lognormal(let median, let p95):
            if let e = finite(["median": median, "p95": p95]) { return e }
            if median <= 0 { return err("median must be positive, not \(median)") }
            return p95 >= median ? nil : err("p95 (\(p95)) must not be below the median (\(median))")
        case .interval(let p5, let p95):
            if let e = finite(["low": p5, "high": p95]) { return e }
            if p5 <= 0 || p95 <= 0 {
                return err("both ends of '\(p5) to \(p95)' must be positive (write normal(mean, sd) for a range through zero)")
            }
            return p95 >= p5 ? nil : err("the low end (\(p5)) must not exceed the high end (\(p95))")
        case .triangular(let lo, let mode, let hi):
            if let e = finite(["min": lo, "mode": mode, "max": hi]) ?? ordered(lo, mode, hi) { return e }
            return (hi - lo).isFinite ? nil : err("max - min must be a finite number")
        case .pert(let lo, let mode, let hi, let lambda):
            if let e = finite(["min": lo, "mode": mode, "max": hi, "lambda": lambda]) ?? ordered(lo, mode, hi) {
                return e
            }
            if !(hi - lo).isFinite { return err("max - min must be a finite number") }
            if lambda < 0 || lambda > PertShape.maximumLambda {
                return err("lambda must be between 0 and \(PertShape.maximumLambda), not \(lambda)")
            }
            return nil
        case .uniform(let lo, let hi):
            if let e = finite(["min": lo, "max": hi]) { return e }
            if !(hi - lo).isFinite { return err("max - min must be a finite number") }
            return lo <= hi ? nil : err("min (\(lo)) must not exceed max (\(hi))")
        case .beta(let a, let b):
            if let e = finite(["a": a, "b": b]) { return e }
            if !(a > 0 && b > 0) { return err("a and b must be positive, not \(a) and \(b)") }
            return (a <= Self.maximumBetaShape && b <= Self.maximumBetaShape)
                ? nil : err("a and b must be at most \(Int(Self.maximumBetaShape)), not \(a) and \(b)")
        case .gamma(let shape, let scale):
            if let e = finite(["shape": shape, "scale": scale]) { return e }
            return (shape > 0 && scale > 0) ? nil : err("shape and scale must be positive, not \(shape) and \(scale)")
        case .weibull(let scale, let shape):
            if let e = finite(["scale": scale, "shape": shape]) { return e }
            return (shape > 0 && scale > 0) ? nil : err("scale and shape must be positive, not \(scale) and \(shape)")
        case .exponential(let mean):
            if let e = finite(["mean": mean]) { return e }
            return mean > 0 ? nil : err("mean must be positive, not \(mean)")
        case .poisson(let mean):
            if let e = finite(["mean": mean]) { return e }
            return (mean >= 0 && mean <= Self.maximumPoissonMean)
                ? nil : err("mean must be between 0 and \(Self.maximumPoissonMean), not \(mean)")
        case .binomial(let n, let p):
            if n < 0 || n > Self.maximumBinomialTrials {
                return err("n must be a whole number between 0 and \(Self.maximumBinomialTrials), not \(n)")
            }
            return finite(["p": p]) ?? probability("p", p)
        case .bernoulli(let p):
            return finite(["p": p]) ?? probability("p", p)
        case .discrete(let values, let probabilities):
            if values.isEmpty { return err("needs at least one value") }
            if values.count != probabilities.count {
                return err("needs as many probabilities (\(probabilities.count)) as values (\(values.count))")
            }
            var sum = 0.0
            for (v, p) in zip(values, probabilities) {
                if !v.isFinite { return err("value \(v) must be a finite number") }
                if let e = finite(["probability": p]) ?? probability("probability of \(v)", p) { return e }
                sum += p
            }
            return abs(sum - 1) <= Self.probabilitySumTolerance
                ? nil : err("probabilities must add up to 1, not \(sum)")
        }
    }
}

/// A problem with a distribution's parameters, phrased for the person who wrote them.
public struct DistributionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The family, e.g. "pert".
    public let family: String
    /// What is wrong, e.g. "mode (3.0) must not be below min (5.0)".
    public let message: String

    public init(family: String, message: String) {
        self.family = family
        self.message = message
    }

    public var description: String { "\(family): \(message)" }
}
