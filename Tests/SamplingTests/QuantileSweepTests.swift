import CGSL
import Sampling
import XCTest

/// Every quantile function the sampler uses, swept over wide parameter grids and the
/// probabilities of `QuantileSweep` (1e-12 to 1 − 1e-12), round-tripped through GSL's CDFs.
final class QuantileSweepTests: XCTestCase {
    override func setUp() { GSLRuntime.configure() }

    /// Shapes 0.01 to 1e6 (4 a decade, 33 shapes). GSL 2.7.1's `gsl_cdf_gamma_Pinv` returns
    /// NaN for many of these (shapes below about 0.2, and scattered u at shapes in the
    /// thousands) and `gsl_cdf_gamma_Qinv` wrong values (shape 0.01, u from 0.55 to 0.8).
    /// The CDF is `GammaCDF`: GSL's own below shape 1e4, Temme's expansion above (GSL's is
    /// wrong there; `GammaInverseTests` checks both against 30-digit values).
    /// The scale only multiplies: checked exactly at 1e-3 and 2.5e6 (a round trip there
    /// would test GSL's x / θ, which underflows where the unit quantile is near 1e-308).
    func testGammaOverShapesFromOneHundredthToOneMillion() {
        var failures: [String] = []
        for k in QuantileSweep.logGrid(0.01, 1e6, perDecade: 4) {
            failures += QuantileSweep.continuousFailures(
                .gamma(shape: k, scale: 1),
                lower: { GammaCDF.lower($0, shape: k) }, upper: { GammaCDF.upper($0, shape: k) })
            failures += QuantileSweep.scalingFailures { .gamma(shape: k, scale: $0) }
        }
        QuantileSweep.assertNone(failures, "gamma")
    }

    /// The gamma column function agrees with the scalar one where GSL fails.
    func testGammaColumnMatchesScalar() {
        let u = QuantileSweep.probabilities
        for k in [0.01, 0.1, 0.15, 2000, 1e6] {
            let spec = DistributionSpec.gamma(shape: k, scale: 3)
            var out = [Double](repeating: 0, count: u.count)
            u.withUnsafeBufferPointer { src in out.withUnsafeMutableBufferPointer { spec.fillQuantiles(src, into: $0) }
            }
            for (x, y) in zip(u, out) { XCTAssertEqual(y, spec.quantile(x), "\(spec) at \(x)") }
        }
    }

    /// a and b each over 0.01 ... 1e5, the largest shape accepted (13 values, 169 shapes).
    func testBetaOverShapes() {
        let shapes = [0.01, 0.03, 0.1, 0.3, 0.7, 1, 2, 5, 20, 100, 1e3, 1e4, DistributionFamily.maximumBetaShape]
        var failures: [String] = []
        for a in shapes {
            for b in shapes {
                failures += QuantileSweep.continuousFailures(
                    .beta(a: a, b: b), lower: { gsl_cdf_beta_P($0, a, b) }, upper: { gsl_cdf_beta_Q($0, a, b) })
            }
        }
        QuantileSweep.assertNone(failures, "beta")
    }

    /// PERT over λ from 0 to 1000, modes from min to max, and ranges far from the origin;
    /// the scalar inverse and the column (through its quantile table) both.
    func testPertOverLambdasModesAndRanges() {
        var failures: [String] = []
        let ranges: [(Double, Double)] = [(0, 1), (4.3e6, 5.6e6), (-2e9, 3e9), (1e-9, 2e-9)]
        for (lo, hi) in ranges {
            for lambda in [0.0, 0.5, 4, 10, 100, 1000] {
                for position in [0, 1e-9, 0.01, 0.25, 0.5, 0.9, 1 - 1e-9, 1] {
                    let mode = position == 1 ? hi : lo + position * (hi - lo)
                    let spec = DistributionSpec.pert(min: lo, mode: mode, max: hi, lambda: lambda)
                    guard let shape = spec.pertShape else { continue }
                    let (a, b) = (shape.alpha, shape.beta)
                    // Each tail measured from its own end, so that x near max keeps its precision.
                    let lower: (Double) -> Double = { gsl_cdf_beta_P(($0 - lo) / (hi - lo), a, b) }
                    let upper: (Double) -> Double = { gsl_cdf_beta_P((hi - $0) / (hi - lo), b, a) }
                    failures += QuantileSweep.continuousFailures(spec, lower: lower, upper: upper)
                    // The table's column: 1e-9 of the range, so compare with that tolerance.
                    let u = QuantileSweep.probabilities
                    var out = [Double](repeating: 0, count: u.count)
                    let table = PertQuantileTable(shape: shape)
                    u.withUnsafeBufferPointer { src in
                        out.withUnsafeMutableBufferPointer { spec.fillQuantiles(src, into: $0, pertTable: table) }
                    }
                    for (p, x) in zip(u, out) where !(abs(x - spec.quantile(p)) <= 1e-9 * (hi - lo)) {
                        failures.append("\(spec) column at u=\(p): \(x) vs \(spec.quantile(p))")
                    }
                }
            }
        }
        QuantileSweep.assertNone(failures, "pert")
    }

    func testNormalLognormalAndInterval() {
        var failures: [String] = []
        for mean in [-1e9, -1, 0, 3.5, 1e12] {
            for sd in [1e-9, 1e-3, 1, 1e3, 1e9] {
                failures += QuantileSweep.continuousFailures(
                    .normal(mean: mean, sd: sd),
                    lower: { gsl_cdf_gaussian_P($0 - mean, sd) }, upper: { gsl_cdf_gaussian_Q($0 - mean, sd) })
            }
        }
        // F(x) = Φ(ln(x / e^μ) / σ), with e^μ the median (or √p5·√p95) as given: GSL's
        // lognormal CDF takes μ and loses ulp(μ)/σ to ln x − μ, 1e-6 in z for σ ≈ 1e-9.
        func logNormal(_ spec: DistributionSpec, center: Double) -> [String] {
            guard let (_, sigma) = spec.logNormalParameters else { return ["\(spec): no parameters"] }
            return QuantileSweep.continuousFailures(
                spec, lower: { $0 <= 0 ? 0 : gsl_cdf_ugaussian_P(log($0 / center) / sigma) },
                upper: { $0 <= 0 ? 1 : gsl_cdf_ugaussian_Q(log($0 / center) / sigma) })
        }
        for median in [1e-6, 1, 4.8e6, 1e12] {
            for ratio in [1 + 1e-9, 1.01, 1.25, 2, 10, 1e3, 1e6] {
                failures += logNormal(.lognormal(median: median, p95: median * ratio), center: median)
            }
        }
        for p5 in [1e-3, 1, 3e6] {
            for ratio in [1 + 1e-9, 1.5, 4, 100, 1e6] {
                let p95 = p5 * ratio
                failures += logNormal(.interval(p5: p5, p95: p95), center: p5.squareRoot() * p95.squareRoot())
            }
        }
        QuantileSweep.assertNone(failures, "normal, lognormal, interval")
    }

    /// Triangular and uniform over small, large and far-off ranges (up to ±1e300), every mode
    /// position. With r = b − a the reference CDF is F(x) = ((x − a)/r)·((x − a)/(c − a)) left
    /// of the mode and ((x − c)/r + ((x − a)/r)((b − x)/r)) / ((b − c)/r) right of it (that is
    /// 1 − (b − x)²/(r (b − c)) without the cancellation near x = a when the mode is at a),
    /// and the mirror image for 1 − F; nothing overflows.
    func testTriangularAndUniform() {
        var failures: [String] = []
        let ranges: [(Double, Double)] = [
            (0, 1), (1, 10), (4.3e6, 5.6e6), (-1e300, 1e300), (1e9, 1e9 + 1e-3), (-5e307, 5e307)
        ]
        for (a, b) in ranges {
            failures += QuantileSweep.continuousFailures(
                .uniform(min: a, max: b),
                lower: { x in x <= a ? 0 : (x >= b ? 1 : (x - a) / (b - a)) },
                upper: { x in x <= a ? 1 : (x >= b ? 0 : (b - x) / (b - a)) })
            for position in [0, 1e-12, 0.3, 0.5, 0.999, 1] {
                let c = position == 1 ? b : a + position * (b - a)
                let r = b - a
                func left(_ x: Double) -> Double {
                    if x <= a { return 0 }
                    if x >= b { return 1 }
                    if x < c { return ((x - a) / r) * ((x - a) / (c - a)) }
                    return ((x - c) / r + ((x - a) / r) * ((b - x) / r)) / ((b - c) / r)
                }
                func right(_ x: Double) -> Double {
                    if x >= b { return 0 }
                    if x <= a { return 1 }
                    if x > c { return ((b - x) / r) * ((b - x) / (b - c)) }
                    return ((c - x) / r + ((b - x) / r) * ((x - a) / r)) / ((c - a) / r)
                }
                failures += QuantileSweep.continuousFailures(
                    .triangular(min: a, mode: c, max: b), lower: left, upper: right)
            }
        }
        QuantileSweep.assertNone(failures, "triangular, uniform")
    }

    /// Weibull shapes 0.02 to 200 (scale 1, and the scaling checked as for gamma);
    /// exponential means 1e-9 to 1e9.
    func testWeibullAndExponential() {
        var failures: [String] = []
        for k in QuantileSweep.logGrid(0.02, 200, perDecade: 3) {
            failures += QuantileSweep.continuousFailures(
                .weibull(scale: 1, shape: k), lower: { gsl_cdf_weibull_P($0, 1, k) },
                upper: { gsl_cdf_weibull_Q($0, 1, k) })
            failures += QuantileSweep.scalingFailures { .weibull(scale: $0, shape: k) }
        }
        for mean in [1e-9, 1e-3, 1, 4, 1e9] {
            failures += QuantileSweep.continuousFailures(
                .exponential(mean: mean),
                lower: { gsl_cdf_exponential_P($0, mean) }, upper: { gsl_cdf_exponential_Q($0, mean) })
        }
        QuantileSweep.assertNone(failures, "weibull, exponential")
    }

    /// Poisson means 1e-6 to 1e9 (2 a decade); binomial n 1 to 10⁶ with p 1e-9 to 1 − 1e-9;
    /// bernoulli; discrete tables with tiny and repeated probabilities.
    func testDiscreteFamilies() {
        var failures: [String] = []
        for mean in QuantileSweep.logGrid(1e-6, 1e9, perDecade: 2) + [DistributionFamily.maximumPoissonMean] {
            // P(X ≤ n) = Q(n + 1, mean), GSL's below 1e4 (`GammaInverseTests` pins large means).
            failures += QuantileSweep.discreteFailures(.poisson(mean: mean)) {
                GammaCDF.upper(mean, shape: Double($0 + 1))
            }
        }
        for n in [1, 2, 10, 1000, Int(DistributionFamily.maximumBinomialTrials)] {
            for p in [1e-9, 1e-6, 0.01, 0.3, 0.5, 0.99, 1 - 1e-6, 1 - 1e-9] {
                failures += QuantileSweep.discreteFailures(.binomial(n: n, p: p)) {
                    gsl_cdf_binomial_P(UInt32($0), p, UInt32(n))
                }
            }
        }
        for p in [0, 1e-12, 0.3, 0.5, 1 - 1e-12, 1] {
            failures += QuantileSweep.discreteFailures(.bernoulli(p: p)) { k in k < 0 ? 0 : (k == 0 ? 1 - p : 1) }
        }
        let values: [Double] = [0, 1, 2, 3, 4]
        for probabilities in [
            [1e-12, 0.5 - 1e-12, 0, 0.25, 0.25], [0.2, 0.2, 0.2, 0.2, 0.2], [1 - 4e-12, 1e-12, 1e-12, 1e-12, 1e-12]
        ] {
            let total = probabilities.reduce(0, +)
            let cumulative = probabilities.indices.map { i in probabilities[...i].reduce(0, +) / total }
            failures += QuantileSweep.discreteFailures(.discrete(values: values, probabilities: probabilities)) { k in
                k < 0 ? 0 : (k >= 4 ? 1 : cumulative[k])
            }
        }
        QuantileSweep.assertNone(failures, "discrete families")
    }
}
