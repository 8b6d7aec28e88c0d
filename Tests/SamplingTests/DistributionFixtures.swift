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
        .discrete(values: [5, 1, 2], probabilities: [0.3, 0.2, 0.5]),
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

    /// Spearman rank correlation (average ranks for ties).
    static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        pearson(ranks(x), ranks(y))
    }

    static func ranks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var r = [Double](repeating: 0, count: x.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
            let average = Double(i + j) / 2
            for m in i...j { r[order[m]] = average }
            i = j + 1
        }
        return r
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }
}
