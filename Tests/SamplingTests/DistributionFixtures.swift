import Sampling

/// One valid distribution of every family, with moderate tails so that sample moments
/// converge quickly.
enum Fixtures {
    static let all: [DistributionSpec] = [
        .normal(mean: 10, sd: 2),
        .lognormal(median: 100, p95: 200),
        .interval(p5: 50, p95: 150),
        .triangular(min: 1, mode: 3, max: 10),
        .pert(min: 0, mode: 0.2, max: 1),
        .pert(min: 2, mode: 5, max: 12, lambda: 2),
        .pert(min: 4.3e6, mode: 4.8e6, max: 5.6e6),
        .uniform(min: -1, max: 3),
        .loguniform(min: 2, max: 50),
        .beta(a: 2, b: 5),
        .gamma(shape: 3, scale: 2),
        .weibull(scale: 2, shape: 1.5),
        .exponential(mean: 4),
        .poisson(mean: 3.5),
        .binomial(n: 20, p: 0.3),
        .bernoulli(p: 0.3),
        .discrete(values: [5, 1, 2], probabilities: [0.3, 0.2, 0.5])
    ]

    /// Sample moments: mean, variance (divisor n) and fourth central moment.
    static func moments(_ x: UnsafeBufferPointer<Double>) -> (mean: Double, variance: Double, m4: Double) {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        var m2 = 0.0, m4 = 0.0
        for v in x {
            let d = (v - mean) * (v - mean)
            m2 += d
            m4 += d * d
        }
        return (mean, m2 / n, m4 / n)
    }
}
