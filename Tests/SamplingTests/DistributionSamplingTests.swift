import Sampling
import XCTest

final class DistributionSamplingTests: XCTestCase {
    /// `fill` consumes the stream exactly as repeated `sample` calls do: same seed, same numbers
    /// (so a column agrees with single draws not only in distribution but draw for draw).
    func testFillEqualsRepeatedSample() {
        for (index, spec) in Fixtures.all.enumerated() {
            let seed = UInt32(1_000 + index)
            let single = RandomStream(seed: seed), column = RandomStream(seed: seed)
            let expected = (0..<2_000).map { _ in spec.sample(single) }
            var buffer = [Double](repeating: 0, count: 2_000)
            buffer.withUnsafeMutableBufferPointer { spec.fill($0, stream: column) }
            XCTAssertEqual(buffer, expected, "\(spec)")
            // Both streams are left in the same state.
            XCTAssertEqual(single.rawNext(), column.rawNext(), "\(spec)")
        }
    }

    /// Draws stay inside the support, and integer families give whole numbers.
    func testDrawsStayInTheSupport() {
        let stream = RandomStream(seed: 5)
        var buffer = [Double](repeating: 0, count: 20_000)
        for spec in Fixtures.all {
            buffer.withUnsafeMutableBufferPointer { spec.fill($0, stream: stream) }
            let (lo, hi) = spec.support
            for x in buffer {
                XCTAssertTrue(x >= lo && x <= hi, "\(spec): \(x)")
            }
            switch spec {
            case .poisson, .binomial, .bernoulli:
                XCTAssertTrue(buffer.allSatisfy { $0 == $0.rounded() }, "\(spec)")
            case .discrete(let values, _):
                XCTAssertTrue(buffer.allSatisfy { values.contains($0) }, "\(spec)")
            default:
                break
            }
        }
    }

    /// Plain draws and stratified quantiles agree in distribution: a two-sample
    /// Kolmogorov–Smirnov distance between 30,000 draws and a 30,000-point Latin hypercube
    /// column. Under H0, P(D > c·√(2/n)) ≈ 2 exp(−2c²); c = 2.7 gives 9e-7, so the bound is
    /// 2.7·√(2/30,000) ≈ 0.022 (the stratified column is closer to F than a random one, so
    /// this is conservative). Discrete families compare CDFs at each support point.
    func testPlainAndStratifiedDrawsAgreeInDistribution() {
        let n = 30_000
        let bound = 2.7 * (2.0 / Double(n)).squareRoot()
        let stream = RandomStream(seed: 31)
        for spec in Fixtures.all {
            var plain = [Double](repeating: 0, count: n), strat = [Double](repeating: 0, count: n)
            plain.withUnsafeMutableBufferPointer { spec.fill($0, stream: stream) }
            let u = LatinHypercube.column(count: n, stream: stream)
            u.withUnsafeBufferPointer { src in
                strat.withUnsafeMutableBufferPointer { spec.fillQuantiles(src, into: $0) }
            }
            plain.sort()
            strat.sort()
            // D = sup |F₁ − F₂| evaluated just after every distinct value.
            var i = 0, j = 0, d = 0.0
            while i < n || j < n {
                let x = Swift.min(i < n ? plain[i] : .infinity, j < n ? strat[j] : .infinity)
                while i < n && plain[i] <= x { i += 1 }
                while j < n && strat[j] <= x { j += 1 }
                d = Swift.max(d, abs(Double(i - j)) / Double(n))
            }
            XCTAssertLessThan(d, bound, "\(spec)")
        }
    }

    /// Degenerate parameters give constants.
    func testDegenerateDistributions() {
        let stream = RandomStream(seed: 1)
        XCTAssertEqual(DistributionSpec.pert(min: 3, mode: 3, max: 3).sample(stream), 3)
        XCTAssertEqual(DistributionSpec.triangular(min: 2, mode: 2, max: 2).sample(stream), 2)
        XCTAssertEqual(DistributionSpec.normal(mean: 5, sd: 0).sample(stream), 5)
        XCTAssertEqual(DistributionSpec.lognormal(median: 5, p95: 5).sample(stream), 5, accuracy: 1e-14)
        XCTAssertEqual(DistributionSpec.uniform(min: 4, max: 4).sample(stream), 4)
        XCTAssertEqual(DistributionSpec.bernoulli(p: 0).sample(stream), 0)
        XCTAssertEqual(DistributionSpec.bernoulli(p: 1).sample(stream), 1)
        XCTAssertEqual(DistributionSpec.poisson(mean: 0).sample(stream), 0)
        XCTAssertEqual(DistributionSpec.binomial(n: 0, p: 0.5).sample(stream), 0)
        XCTAssertEqual(DistributionSpec.binomial(n: 9, p: 1).sample(stream), 9)
        XCTAssertEqual(DistributionSpec.discrete(values: [1, 2], probabilities: [0, 1]).sample(stream), 2)
    }
}
