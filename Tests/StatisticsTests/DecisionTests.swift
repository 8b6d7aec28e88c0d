import XCTest

import struct TestSupport.SplitMix64

@testable import Statistics

final class DecisionTests: XCTestCase {
    /// a = [1, 2, 3, 4], b = [2, 2, 1, 5]: d = [-1, 0, 2, -1]; a < b in iterations 0 and 3, a tie
    /// in iteration 1, so P(a < b) = (2 + ½)/4 = 0.625. Sorted d = [-1, -1, 0, 2], h = 3p:
    /// P5 (h = 0.15) = -1, P50 (h = 1.5) = -0.5, P95 (h = 2.85) = 0 + 0.85·2 = 1.7; mean 0.
    func testPairedComparisonByHand() throws {
        let c = try PairedComparison([1, 2, 3, 4], [2, 2, 1, 5])
        XCTAssertEqual(c.probabilityALess, 0.625)
        XCTAssertEqual(c.probabilityBLess, 0.375)
        XCTAssertEqual(c.difference.mean, 0)
        XCTAssertEqual(c.difference.p5, -1)
        XCTAssertEqual(c.difference.p50, -0.5)
        XCTAssertEqual(c.difference.p95, 1.7, accuracy: 1e-15)
        XCTAssertThrowsError(try PairedComparison([1], [1, 2]))
        XCTAssertTrue(try PairedComparison([], []).probabilityALess.isNaN)
    }

    /// The same columns: a > b only in iteration 2, so P(a − b > 0) = 1/4 strictly, where the
    /// tie of iteration 1 counts for neither side (P(a < b) counts it as half). A NaN pair is
    /// left out: [1, 5, .nan] against [2, 2, 0] gives 1/2. NaN with no pair left.
    func testProbabilityOfAPositiveDifferenceIsStrict() throws {
        XCTAssertEqual(try PairedComparison([1, 2, 3, 4], [2, 2, 1, 5]).probabilityDifferencePositive, 0.25)
        XCTAssertEqual(try PairedComparison([1, 1], [1, 1]).probabilityDifferencePositive, 0)
        XCTAssertEqual(try PairedComparison([1, 5, .nan], [2, 2, 0]).probabilityDifferencePositive, 0.5)
        XCTAssertTrue(try PairedComparison([], []).probabilityDifferencePositive.isNaN)
    }

    func testAlwaysCheapestOptionHasProbabilityOne() throws {
        var rng = SplitMix64(seed: 3)
        let a = (0..<1000).map { _ in rng.uniform() }
        let b = a.map { $0 + 0.5 }
        let c = a.map { $0 * 2 + 0.1 }
        XCTAssertEqual(try ProbabilityBest.cheapest([b, a, c]), [0, 1, 0])
    }

    /// A = [1, 1, 1, 1], B = [1, 2, 1, 0], C = [3, 1, 1, 5]. Lowest wins:
    /// iteration 0: A, B tie (½ each); 1: A, C tie (½ each); 2: all tie (⅓ each); 3: B.
    /// P(A) = (½ + ½ + ⅓)/4 = 1/3, P(B) = (½ + ⅓ + 1)/4 = 11/24, P(C) = (½ + ⅓)/4 = 5/24.
    /// Highest wins: 0: C; 1: B; 2: all (⅓); 3: C, so 1/12, 1/3, 7/12.
    func testTiesAreShared() throws {
        let columns: [[Double]] = [[1, 1, 1, 1], [1, 2, 1, 0], [3, 1, 1, 5]]
        let low = try ProbabilityBest.of(columns, higherIsBetter: false)
        for (p, e) in zip(low, [1.0 / 3, 11.0 / 24, 5.0 / 24]) { XCTAssertEqual(p, e, accuracy: 1e-15) }
        XCTAssertEqual(low.reduce(0, +), 1, accuracy: 1e-15)
        let high = try ProbabilityBest.of(columns, higherIsBetter: true)
        for (p, e) in zip(high, [1.0 / 12, 1.0 / 3, 7.0 / 12]) { XCTAssertEqual(p, e, accuracy: 1e-15) }
    }

    func testProbabilityBestEdgeCases() throws {
        XCTAssertThrowsError(try ProbabilityBest.of([], higherIsBetter: false)) { error in
            XCTAssertEqual(error as? StatisticsError, .noColumns)
        }
        XCTAssertThrowsError(try ProbabilityBest.of([[1, 2], [1]], higherIsBetter: false))
        // NaN never wins; an all-NaN iteration is not counted.
        XCTAssertEqual(try ProbabilityBest.cheapest([[.nan, 1, .nan], [2, 3, .nan]]), [0.5, 0.5])
        XCTAssertTrue(try ProbabilityBest.cheapest([[Double]()]).allSatisfy(\.isNaN))
    }

    /// B = A + 1 everywhere: A is cheapest in every iteration, so perfect information changes
    /// nothing: EVPI = E[A] - E[A] = 0.
    func testEVPIIsZeroUnderDominance() throws {
        let a: [Double] = [1, 2, 3, 10]
        let e = try EVPI(costs: [a.map { $0 + 1 }, a])
        XCTAssertEqual(e.bestOption, 1)
        XCTAssertEqual(e.value, 0)
    }

    /// A = [4, 6, 7, 2] (E = 4.75), B = [5, 5, 5, 5] (E = 5): without information choose A,
    /// expected cost 4.75. With it pick min per iteration: 4, 5, 5, 2, mean 4.
    /// EVPI = 4.75 - 4 = 0.75.
    func testEVPIByHand() throws {
        let e = try EVPI(costs: [[4, 6, 7, 2], [5, 5, 5, 5]])
        XCTAssertEqual(e.expectedCosts, [4.75, 5])
        XCTAssertEqual(e.bestOption, 0)
        XCTAssertEqual(e.expectedCostOfBest, 4.75)
        XCTAssertEqual(e.expectedCostWithPerfectInformation, 4)
        XCTAssertEqual(e.value, 0.75)
        XCTAssertTrue(try EVPI(costs: [[1, .nan], [2, 2]]).value.isNaN)
        XCTAssertTrue(try EVPI(costs: [[], []]).value.isNaN)
        XCTAssertThrowsError(try EVPI(costs: []))
    }

    /// se = 2, mean = 100: rse = 0.02. To reach 0.01 from a pilot of 1000: 1000·(0.02/0.01)²
    /// = 4000.
    func testConvergence() {
        XCTAssertEqual(Convergence.relativeStandardError(se: 2, mean: -100), 0.02)
        XCTAssertEqual(Convergence.relativeStandardError(se: 2, mean: 0), .infinity)
        XCTAssertTrue(Convergence.relativeStandardError(se: .nan, mean: 1).isNaN)
        XCTAssertEqual(
            Convergence.iterationsNeeded(
                pilotIterations: 1000, relativeStandardError: 0.02,
                target: 0.01), 4000)
        XCTAssertEqual(
            Convergence.iterationsNeeded(
                pilotIterations: 1000, relativeStandardError: 0.003,
                target: 0.01), 90)
        XCTAssertNil(
            Convergence.iterationsNeeded(
                pilotIterations: 1000, relativeStandardError: 0.02,
                target: 0))
        XCTAssertNil(
            Convergence.iterationsNeeded(
                pilotIterations: 1000, relativeStandardError: .infinity,
                target: 0.01))
        XCTAssertNil(
            Convergence.iterationsNeeded(
                pilotIterations: 10, relativeStandardError: 1e10,
                target: 1e-10))
        let s = Summary([1, 2, 3, 4])
        XCTAssertEqual(Convergence.relativeStandardError(s), s.se / 2.5)
    }
}
