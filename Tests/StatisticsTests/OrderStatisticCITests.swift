import XCTest

import struct TestSupport.SplitMix64

@testable import Statistics

final class OrderStatisticCITests: XCTestCase {
    /// n = 20, p = 0.8, B ~ Binomial(20, 0.8). By hand (P(B = k) = C(20, k) 0.8^k 0.2^(20-k)):
    ///   P(B = 20) = 0.8^20            = 0.011529215
    ///   P(B = 19) = 20 · 0.8^19 · 0.2 = 0.057646075
    ///   P(B <= 11) = 0.009981786,  P(B <= 12) = 0.032142663.
    /// Lower rank: the largest l with P(B <= l - 1) <= 0.025 is l = 12 (P(B <= 11) = 0.00998,
    /// but P(B <= 12) = 0.0321). Upper rank: the smallest u with P(B >= u) <= 0.025 is u = 20
    /// (P(B >= 20) = 0.0115, P(B >= 19) = 0.0692). Coverage 1 - 0.009981786 - 0.011529215
    /// = 0.978488999 (scipy.stats.binom agrees).
    func testExactRanksForTwentyAtP80() {
        let r = OrderStatisticCI.ranks(n: 20, p: 0.8)
        XCTAssertEqual(r.lower, 12)
        XCTAssertEqual(r.upper, 20)
        XCTAssertEqual(r.coverage, 0.9784889986332072, accuracy: 1e-12)
        XCTAssertEqual(r.method, .exact)
        let ci = OrderStatisticCI((1...20).reversed().map(Double.init), p: 0.8)
        XCTAssertEqual(ci.lower, 12)
        XCTAssertEqual(ci.upper, 20)
    }

    /// Further exact cases checked against scipy.stats.binom with the same rule.
    func testOtherExactCases() {
        let median = OrderStatisticCI.ranks(n: 20, p: 0.5)
        XCTAssertEqual(median.lower, 6)
        XCTAssertEqual(median.upper, 15)
        XCTAssertEqual(median.coverage, 0.9586105346679688, accuracy: 1e-12)
        let thousand = OrderStatisticCI.ranks(n: 1000, p: 0.8)
        XCTAssertEqual(thousand.lower, 775)
        XCTAssertEqual(thousand.upper, 825)
        XCTAssertEqual(thousand.coverage, 0.9518995831665726, accuracy: 1e-10)
    }

    /// n = 10, p = 0.8: P(B = 10) = 0.107 > 0.025, so no upper rank within the sample reaches
    /// 95 %; the rank is clamped to 10 and the lower coverage reported:
    /// l = 5 (P(B <= 4) = 0.00637), coverage = P(5 <= B <= 9) = 0.8862564352.
    func testSmallSampleIsClampedAndSaysSo() {
        let r = OrderStatisticCI.ranks(n: 10, p: 0.8)
        XCTAssertEqual(r.lower, 5)
        XCTAssertEqual(r.upper, 10)
        XCTAssertEqual(r.coverage, 0.8862564352, accuracy: 1e-10)
        XCTAssertLessThan(r.coverage, 0.95)
    }

    func testDegenerateInputs() {
        let one = OrderStatisticCI([3], p: 0.8)
        XCTAssertEqual(one.lower, 3)
        XCTAssertEqual(one.upper, 3)
        XCTAssertEqual(one.coverage, 0)
        let none = OrderStatisticCI([], p: 0.8)
        XCTAssertTrue(none.lower.isNaN && none.upper.isNaN && none.coverage.isNaN)
        XCTAssertTrue(OrderStatisticCI([1, 2, 3], p: 1.2).lower.isNaN)
        XCTAssertTrue(OrderStatisticCI([1, 2, 3], p: 0.5, confidence: 1).coverage.isNaN)
    }

    /// Beyond the exact limit: s = √(np(1 - p)), z = 1.959964, l = ⌊np + ½ - zs⌋,
    /// u = ⌈np + ½ + zs⌉. For n = 100 000: np = 80 000, s = 126.491, zs = 247.92, so
    /// l = ⌊79 752.58⌋ = 79 752 and u = ⌈80 248.42⌉ = 80 249 — the same ranks as the exact
    /// binomial rule (scipy). For n = 1001 the exact rule gives (776, 826); the approximation
    /// gives (776, 827), one rank wider, with coverage Φ(25.7/12.655) - Φ(-25.3/12.655) = 0.95606.
    func testNormalApproximation() {
        let big = OrderStatisticCI.ranks(n: 100_000, p: 0.8)
        XCTAssertEqual(big.method, .normalApproximation)
        XCTAssertEqual(big.lower, 79_752)
        XCTAssertEqual(big.upper, 80_249)
        XCTAssertEqual(big.coverage, 0.95, accuracy: 0.002)
        let r = OrderStatisticCI.ranks(n: 1001, p: 0.8)
        XCTAssertEqual(r.lower, 776)
        XCTAssertEqual(r.upper, 827)
        XCTAssertEqual(r.coverage, 0.9560631979381679, accuracy: 1e-9)
        // The approximation agrees with the exact rule to within one rank across sizes.
        for n in [200, 500, 1000] {
            let exact = OrderStatisticCI.ranks(n: n, p: 0.8)
            let approx = OrderStatisticCI.ranks(n: n, p: 0.8, exactLimit: 0)
            XCTAssertLessThanOrEqual(abs(exact.lower - approx.lower), 1, "n = \(n)")
            XCTAssertLessThanOrEqual(abs(exact.upper - approx.upper), 1, "n = \(n)")
        }
    }

    /// The rank convention checked by simulation: 4000 samples of 20 uniforms; the true P80 is
    /// 0.8 and the interval [X_(12), X_(20)) should contain it with probability 0.97849.
    /// The observed fraction has standard error √(0.9785 · 0.0215 / 4000) = 0.00229; the
    /// tolerance is 4 standard errors, 0.0092 (a false failure has probability < 1e-4, and the
    /// seed is fixed anyway). A convention off by one rank would move the coverage by > 0.04.
    func testCoverageBySimulation() {
        var rng = SplitMix64(seed: 20_170_207)
        let trials = 4000
        var hits = 0
        for _ in 0..<trials {
            let sample = (0..<20).map { _ in rng.uniform() }
            let ci = OrderStatisticCI(sample, p: 0.8)
            if ci.lower <= 0.8, 0.8 < ci.upper { hits += 1 }
        }
        XCTAssertEqual(Double(hits) / Double(trials), 0.9784889986332072, accuracy: 0.0092)
    }

    func testStandardNormal() {
        XCTAssertEqual(StandardNormal.cdf(1.96), 0.9750021048517795, accuracy: 1e-15)
        XCTAssertEqual(StandardNormal.quantile(0.975), 1.959963984540054, accuracy: 1e-12)
        XCTAssertEqual(StandardNormal.quantile(0.5), 0, accuracy: 1e-15)
        XCTAssertTrue(StandardNormal.quantile(0).isNaN)
    }
}
