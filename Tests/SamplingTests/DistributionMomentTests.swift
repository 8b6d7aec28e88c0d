import Sampling
import XCTest

/// Sample moments against the exact ones.
///
/// Tolerances, with n draws: the sample mean has standard error se(mean) = σ/√n; the sample
/// variance has se(var) ≈ √((μ₄ − σ⁴)/n), μ₄ the fourth central moment (estimated from the
/// same sample). Every check allows 5 standard errors (a two-sided 5σ band: a correct sampler
/// fails with probability below 6e-7 per check, and the seeds are fixed).
final class DistributionMomentTests: XCTestCase {
    static let n = 200_000

    func assertMoments(
        _ spec: DistributionSpec, _ x: UnsafeBufferPointer<Double>, label: String,
        meanFactor: Double = 1, file: StaticString = #filePath, line: UInt = #line
    ) {
        let (mean, variance, m4) = Fixtures.moments(x)
        let count = Double(x.count)
        let seMean = spec.standardDeviation / count.squareRoot()
        let seVariance = (Swift.max(m4 - variance * variance, 0) / count).squareRoot()
        XCTAssertEqual(
            mean, spec.mean, accuracy: 5 * seMean * meanFactor + 1e-12 * abs(spec.mean),
            "\(label) \(spec): mean", file: file, line: line)
        XCTAssertEqual(
            variance, spec.variance, accuracy: 5 * seVariance + 1e-12 * spec.variance,
            "\(label) \(spec): variance", file: file, line: line)
    }

    func testPlainMonteCarloMoments() {
        let stream = RandomStream(seed: 20_170_207)
        var buffer = [Double](repeating: 0, count: Self.n)
        for spec in Fixtures.all {
            buffer.withUnsafeMutableBufferPointer { spec.fill($0, stream: stream) }
            buffer.withUnsafeBufferPointer { assertMoments(spec, $0, label: "fill") }
        }
    }

    /// Latin hypercube columns through `fillQuantiles` have the same moments (the tolerance
    /// of plain sampling is an upper bound: stratification only lowers the variance of the
    /// sample mean).
    func testLatinHypercubeMoments() {
        let stream = RandomStream(seed: 77)
        let u = LatinHypercube.column(count: Self.n, stream: stream)
        var buffer = [Double](repeating: 0, count: Self.n)
        for spec in Fixtures.all {
            let table = spec.pertShape.flatMap { PertQuantileTable(shape: $0) }
            u.withUnsafeBufferPointer { src in
                buffer.withUnsafeMutableBufferPointer { spec.fillQuantiles(src, into: $0, pertTable: table) }
            }
            buffer.withUnsafeBufferPointer { assertMoments(spec, $0, label: "lhs") }
        }
    }

    /// Known closed forms, independent of the implementation's own formulas.
    func testKnownMoments() {
        // PERT(0, mode, 1) mean = (0 + 4 mode + 1)/6; PERT(2, 5, 12, λ = 2) = (2 + 10 + 12)/4.
        XCTAssertEqual(DistributionSpec.pert(min: 0, mode: 0.2, max: 1).mean, 1.8 / 6, accuracy: 1e-15)
        XCTAssertEqual(DistributionSpec.pert(min: 2, mode: 5, max: 12, lambda: 2).mean, 6, accuracy: 1e-14)
        // Symmetric PERT(0, 0.5, 1): Beta(3, 3), variance 9/(36·7) = 1/28, median 0.5.
        let symmetric = DistributionSpec.pert(min: 0, mode: 0.5, max: 1)
        XCTAssertEqual(symmetric.variance, 1.0 / 28, accuracy: 1e-15)
        XCTAssertEqual(symmetric.median, 0.5, accuracy: 1e-14)
        XCTAssertEqual(DistributionSpec.triangular(min: 1, mode: 3, max: 10).mean, 14.0 / 3, accuracy: 1e-14)
        // Triangular(0, 0, 1): variance (0 + 1 + 0 − 0 − 0 − 0)/18.
        XCTAssertEqual(DistributionSpec.triangular(min: 0, mode: 0, max: 1).variance, 1.0 / 18, accuracy: 1e-15)
        // Exponential via Weibull with shape 1: mean = scale, variance = scale².
        XCTAssertEqual(DistributionSpec.weibull(scale: 3, shape: 1).mean, 3, accuracy: 1e-12)
        XCTAssertEqual(DistributionSpec.weibull(scale: 3, shape: 1).variance, 9, accuracy: 1e-11)
        // Lognormal with median m has mean m·exp(σ²/2).
        let sigma = log(2) / DistributionSpec.z95
        XCTAssertEqual(
            DistributionSpec.lognormal(median: 100, p95: 200).mean, 100 * exp(sigma * sigma / 2), accuracy: 1e-10)
        XCTAssertEqual(
            DistributionSpec.discrete(values: [5, 1, 2], probabilities: [0.3, 0.2, 0.5]).mean, 2.7, accuracy: 1e-14)
        XCTAssertEqual(DistributionSpec.pert(min: 7, mode: 7, max: 7).mean, 7)
        XCTAssertEqual(DistributionSpec.pert(min: 7, mode: 7, max: 7).variance, 0)
    }

    func testMediansAndBaseValues() {
        XCTAssertEqual(DistributionSpec.normal(mean: 3, sd: 2).median, 3, accuracy: 1e-14)
        XCTAssertEqual(DistributionSpec.lognormal(median: 4.8e6, p95: 6e6).median, 4.8e6, accuracy: 1e-6)
        XCTAssertEqual(DistributionSpec.interval(p5: 2, p95: 8).median, 4, accuracy: 1e-13)  // √(2·8)
        XCTAssertEqual(DistributionSpec.exponential(mean: 2).median, 2 * log(2), accuracy: 1e-14)
        XCTAssertEqual(DistributionSpec.weibull(scale: 2, shape: 3).median, 2 * pow(log(2), 1.0 / 3), accuracy: 1e-14)
        XCTAssertEqual(DistributionSpec.poisson(mean: 3.5).median, 3)
        XCTAssertEqual(DistributionSpec.binomial(n: 20, p: 0.3).median, 6)
        XCTAssertEqual(DistributionSpec.bernoulli(p: 0.5).median, 0)
        XCTAssertEqual(DistributionSpec.pert(min: 1, mode: 2, max: 4).baseValue, 2)
        XCTAssertEqual(DistributionSpec.triangular(min: 1, mode: 2, max: 4).baseValue, 2)
        XCTAssertEqual(DistributionSpec.lognormal(median: 5, p95: 9).baseValue, 5, accuracy: 1e-13)
        XCTAssertEqual(DistributionSpec.bernoulli(p: 0.5).baseValue, 0)
        XCTAssertEqual(DistributionSpec.bernoulli(p: 0.7).baseValue, 1)
        XCTAssertEqual(
            DistributionSpec.discrete(values: [3, 1, 2, 1], probabilities: [0.4, 0.2, 0.2, 0.2]).baseValue, 3)
        XCTAssertEqual(DistributionSpec.gamma(shape: 2, scale: 3).baseValue, 6)
    }
}
