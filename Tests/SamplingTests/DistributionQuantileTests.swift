import CGSL
import Sampling
import XCTest

/// Quantile functions: round trips through GSL's CDFs, known values, and agreement of the
/// column functions with the scalar ones.
final class DistributionQuantileTests: XCTestCase {
    static let probabilities: [Double] = [
        1e-12, 1e-6, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1 - 1e-6, 1 - 1e-12
    ]

    /// F(Q(u)) = u for continuous families, with F from GSL (`gsl_cdf_*_P`, or `_Q` above
    /// the median where 1 − u is the accurate quantity), to 1e-9 relative, plus what rounding
    /// x itself to a double may move F by (|F(x⁺) − F(x⁻)| for the neighbouring doubles,
    /// which matters for location families far in the tail: min + 1e-12 · range).
    func testContinuousRoundTrips() {
        GSLRuntime.configure()
        let sigma = log(2) / DistributionSpec.z95
        let cases: [(DistributionSpec, (Double) -> (p: Double, q: Double))] = [
            (.normal(mean: 10, sd: 2), { (gsl_cdf_gaussian_P($0 - 10, 2), gsl_cdf_gaussian_Q($0 - 10, 2)) }),
            (
                .lognormal(median: 100, p95: 200),
                { (gsl_cdf_lognormal_P($0, log(100), sigma), gsl_cdf_lognormal_Q($0, log(100), sigma)) }
            ),
            (
                .pert(min: 2, mode: 5, max: 12, lambda: 2),
                { (gsl_cdf_beta_P(($0 - 2) / 10, 1.6, 2.4), gsl_cdf_beta_Q(($0 - 2) / 10, 1.6, 2.4)) }
            ),
            (.beta(a: 0.5, b: 3), { (gsl_cdf_beta_P($0, 0.5, 3), gsl_cdf_beta_Q($0, 0.5, 3)) }),
            (.beta(a: 2, b: 5), { (gsl_cdf_beta_P($0, 2, 5), gsl_cdf_beta_Q($0, 2, 5)) }),
            (.gamma(shape: 3, scale: 2), { (gsl_cdf_gamma_P($0, 3, 2), gsl_cdf_gamma_Q($0, 3, 2)) }),
            (.weibull(scale: 2, shape: 1.5), { (gsl_cdf_weibull_P($0, 2, 1.5), gsl_cdf_weibull_Q($0, 2, 1.5)) }),
            (.exponential(mean: 4), { (gsl_cdf_exponential_P($0, 4), gsl_cdf_exponential_Q($0, 4)) }),
            (.uniform(min: -1, max: 3), { (gsl_cdf_flat_P($0, -1, 3), gsl_cdf_flat_Q($0, -1, 3)) }),
            (
                .triangular(min: 1, mode: 3, max: 10),
                { x in
                    let p = x <= 3 ? (x - 1) * (x - 1) / (9 * 2) : 1 - (10 - x) * (10 - x) / (9 * 7)
                    let q = x <= 3 ? 1 - (x - 1) * (x - 1) / (9 * 2) : (10 - x) * (10 - x) / (9 * 7)
                    return (p, q)
                }
            )
        ]
        for (spec, cdf) in cases {
            for u in Self.probabilities {
                let x = spec.quantile(u)
                let (p, q) = cdf(x)
                let rounding = abs(cdf(x.nextUp).p - cdf(x.nextDown).p)
                if u <= 0.5 {
                    XCTAssertEqual(p, u, accuracy: 1e-9 * u + rounding, "\(spec) at \(u)")
                } else {
                    XCTAssertEqual(q, 1 - u, accuracy: 1e-9 * (1 - u) + rounding, "\(spec) at \(u)")
                }
            }
        }
    }

    /// Discrete families: Q(u) is the smallest support point k with F(k) ≥ u.
    func testDiscreteQuantilesAreSmallestSupportPoints() {
        GSLRuntime.configure()
        for u in Self.probabilities + [0.3, 0.7, 0.8] {
            let k = DistributionSpec.poisson(mean: 3.5).quantile(u)
            XCTAssertGreaterThanOrEqual(gsl_cdf_poisson_P(UInt32(k), 3.5), u)
            if k > 0 { XCTAssertLessThan(gsl_cdf_poisson_P(UInt32(k - 1), 3.5), u) }
            let big = DistributionSpec.poisson(mean: 2.5e6).quantile(u)
            XCTAssertGreaterThanOrEqual(gsl_cdf_poisson_P(UInt32(big), 2.5e6), u)
            XCTAssertLessThan(gsl_cdf_poisson_P(UInt32(big - 1), 2.5e6), u)
            let b = DistributionSpec.binomial(n: 20, p: 0.3).quantile(u)
            XCTAssertGreaterThanOrEqual(gsl_cdf_binomial_P(UInt32(b), 0.3, 20), u)
            if b > 0 { XCTAssertLessThan(gsl_cdf_binomial_P(UInt32(b - 1), 0.3, 20), u) }
        }
        let d = DistributionSpec.discrete(values: [5, 1, 2, 1], probabilities: [0.3, 0.1, 0.5, 0.1])
        XCTAssertEqual(d.quantile(0.2), 1)
        XCTAssertEqual(d.quantile(0.2000001), 2)
        XCTAssertEqual(d.quantile(0.7), 2)
        XCTAssertEqual(d.quantile(0.71), 5)
        XCTAssertEqual(DistributionSpec.bernoulli(p: 0.3).quantile(0.7), 0)
        XCTAssertEqual(DistributionSpec.bernoulli(p: 0.3).quantile(0.70001), 1)
    }

    func testKnownQuantiles() {
        XCTAssertEqual(DistributionSpec.normal(mean: 0, sd: 1).quantile(0.975), 1.959963984540054, accuracy: 1e-13)
        let lognormal = DistributionSpec.lognormal(median: 4.8e6, p95: 6e6)
        XCTAssertEqual(lognormal.quantile(0.95), 6e6, accuracy: 1e-6)
        let interval = DistributionSpec.interval(p5: 3, p95: 12)
        XCTAssertEqual(interval.quantile(0.05), 3, accuracy: 1e-12)
        XCTAssertEqual(interval.quantile(0.95), 12, accuracy: 1e-12)
        // Triangular(0, 0, 1): Q(u) = 1 − √(1 − u).
        XCTAssertEqual(DistributionSpec.triangular(min: 0, mode: 0, max: 1).quantile(0.75), 0.5, accuracy: 1e-15)
        // PERT(0, 1, 1) is Beta(5, 1): Q(u) = u^(1/5); PERT(0, 0, 1) is Beta(1, 5).
        for u in [1e-12, 0.01, 0.3, 0.5, 0.9, 1 - 1e-9] {
            XCTAssertEqual(DistributionSpec.pert(min: 0, mode: 1, max: 1).quantile(u), pow(u, 0.2), accuracy: 1e-14)
            XCTAssertEqual(
                DistributionSpec.pert(min: 0, mode: 0, max: 1).quantile(u), 1 - pow(1 - u, 0.2), accuracy: 1e-14)
            XCTAssertEqual(DistributionSpec.pert(min: 0, mode: 0.5, max: 1, lambda: 0).quantile(u), u, accuracy: 1e-15)
        }
        // Ends of the support.
        XCTAssertEqual(DistributionSpec.normal(mean: 0, sd: 1).quantile(0), -.infinity)
        XCTAssertEqual(DistributionSpec.normal(mean: 0, sd: 1).quantile(1), .infinity)
        XCTAssertEqual(DistributionSpec.pert(min: 2, mode: 3, max: 5).quantile(-1), 2)
        XCTAssertEqual(DistributionSpec.pert(min: 2, mode: 3, max: 5).quantile(2), 5)
        XCTAssertEqual(DistributionSpec.normal(mean: 4, sd: 0).quantile(0.3), 4)
        XCTAssertTrue(DistributionSpec.gamma(shape: 1, scale: 1).quantile(.nan).isNaN)
    }

    /// `fillQuantiles` equals `quantile` exactly, except PERT through a table (1e-9 of the range).
    func testColumnQuantilesMatchScalarOnes() {
        var u = (0..<5_000).map { (Double($0) + 0.5) / 5_000 }
        u += [1e-300, 1e-15, 1 - 1e-15, 0, 1, -0.5, 1.5, .nan]
        for spec in Fixtures.all + [
            .poisson(mean: 2e7), .binomial(n: 1_000_000, p: 0.4), .pert(min: 3, mode: 3, max: 3)
        ] {
            var out = [Double](repeating: 0, count: u.count)
            let table = spec.pertShape.flatMap { PertQuantileTable(shape: $0) }
            u.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { spec.fillQuantiles(src, into: $0, pertTable: table) }
            }
            let (lo, hi) = spec.support
            let tolerance = table == nil ? 0 : 1e-9 * (hi - lo)
            for (x, y) in zip(u, out) {
                let expected = spec.quantile(x)
                if expected.isNaN {
                    XCTAssertTrue(y.isNaN, "\(spec) at \(x)")
                } else if tolerance == 0 {
                    XCTAssertEqual(y, expected, "\(spec) at \(x)")
                } else {
                    XCTAssertEqual(y, expected, accuracy: tolerance, "\(spec) at \(x)")
                }
            }
        }
    }

    /// A PERT column without a cached table is right both ways (exact for short columns,
    /// a table built on the fly for long ones), and in place (out aliasing u).
    func testPertColumnsWithoutCachedTable() {
        let spec = DistributionSpec.pert(min: 0.36e6, mode: 0.40e6, max: 0.50e6)
        for n in [100, DistributionSpec.pertTableThreshold] {
            var column = (0..<n).map { (Double($0) + 0.5) / Double(n) }
            let expected = column.map { spec.quantile($0) }
            column.withUnsafeMutableBufferPointer { buffer in
                spec.fillQuantiles(UnsafeBufferPointer(buffer), into: buffer)
            }
            for (x, y) in zip(column, expected) { XCTAssertEqual(x, y, accuracy: 1e-9 * 0.14e6) }
        }
    }
}
