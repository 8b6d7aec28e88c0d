import XCTest

import struct TestSupport.SplitMix64

@testable import Statistics

final class CorrelationTests: XCTestCase {
    func testAverageRanks() {
        XCTAssertEqual(Ranks.averageRanks([10, 20, 20, 30]), [1, 2.5, 2.5, 4])
        // 3 1 4 1 5 9 2 6 5 3 5 (scipy.stats.rankdata agrees):
        XCTAssertEqual(
            Ranks.averageRanks([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]),
            [4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8])
        XCTAssertEqual(Ranks.averageRanks([]), [])
        let withNaN = Ranks.averageRanks([2, .nan, 1])
        XCTAssertEqual(withNaN[0], 2)
        XCTAssertTrue(withNaN[1].isNaN)
        XCTAssertEqual(withNaN[2], 1)
    }

    /// x = [1, 2, 3, 4], y = [2, 4, 5, 9]: x̄ = 2.5, ȳ = 5, Σ dx·dy = 4.5 + 0.5 + 0 + 6 = 11,
    /// Σ dx² = 5, Σ dy² = 9 + 1 + 0 + 16 = 26, r = 11/√130 = 0.964763821.
    func testPearsonByHand() throws {
        XCTAssertEqual(try Correlation.pearson([1, 2, 3, 4], [2, 4, 5, 9]), 11 / 130.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(try Correlation.pearson([1, 2, 3], [3, 2, 1]), -1)
        XCTAssertTrue(try Correlation.pearson([1, 1, 1], [1, 2, 3]).isNaN)
        XCTAssertTrue(try Correlation.pearson([1], [2]).isNaN)
        XCTAssertThrowsError(try Correlation.pearson([1, 2], [1, 2, 3])) { error in
            XCTAssertEqual(error as? StatisticsError, .lengthMismatch(expected: 2, found: 3))
        }
    }

    /// x = [1 ... 5], y = [5, 6, 7, 8, 7]: ranks of y = [1, 2, 3.5, 5, 3.5] (the two 7s share
    /// ranks 3 and 4). Deviations from 3: dx = [-2, -1, 0, 1, 2], dy = [-2, -1, 0.5, 2, 0.5];
    /// Σ dx·dy = 8, Σ dx² = 10, Σ dy² = 9.5, ρ = 8/√95 = 0.820782682 (scipy.stats.spearmanr).
    func testSpearmanWithTiesByHand() throws {
        XCTAssertEqual(
            try Correlation.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 8 / 95.0.squareRoot(),
            accuracy: 1e-15)
    }

    func testSpearmanOfMonotoneTransforms() throws {
        var rng = SplitMix64(seed: 7)
        let x = (0..<1000).map { _ in rng.uniform() * 10 - 5 }
        XCTAssertEqual(try Correlation.spearman(x, x.map { $0 * $0 * $0 + 2 * $0 }), 1, accuracy: 1e-15)
        XCTAssertEqual(try Correlation.spearman(x, x.map { -($0 + 5).squareRoot() }), -1, accuracy: 1e-15)
        XCTAssertTrue(try Correlation.spearman(x, x.map { _ in 3 }).isNaN)
        XCTAssertTrue(try Correlation.spearman([1, .nan, 3], [1, 2, 3]).isNaN)
    }

    /// Input 0 is the target itself (ρ = 1), input 1 its mirror (ρ = -1), input 2 constant
    /// (ρ = 0 by convention): contributions 1/2, 1/2, 0 and the signs kept in ρ.
    func testContributionHandCase() throws {
        let target: [Double] = [3, 1, 4, 1, 5, 9, 2, 6]
        let c = try ContributionToVariance(
            target: target, inputs: [target, target.map { -$0 }, [Double](repeating: 2, count: 8)])
        XCTAssertEqual(c.rankCorrelations[0], 1, accuracy: 1e-15)
        XCTAssertEqual(c.rankCorrelations[1], -1, accuracy: 1e-15)
        XCTAssertEqual(c.rankCorrelations[2], 0)
        XCTAssertEqual(c.contributions[0], 0.5, accuracy: 1e-15)
        XCTAssertEqual(c.contributions[1], 0.5, accuracy: 1e-15)
        XCTAssertEqual(c.contributions[2], 0)
    }

    /// T = 3·A + B + 0.2·C with A, B, C independent uniforms: the contributions sum to 1, A ranks
    /// first, B second, C last, and each sign is positive. (Var shares of the linear model are
    /// 9 : 1 : 0.04; the rank-based shares need not equal them, so only the order is asserted.)
    func testContributionsSumToOneAndRankTheDrivers() throws {
        var rng = SplitMix64(seed: 11)
        let n = 5000
        let a = (0..<n).map { _ in rng.uniform() }
        let b = (0..<n).map { _ in rng.uniform() }
        let c = (0..<n).map { _ in rng.uniform() }
        let t = (0..<n).map { 3 * a[$0] + b[$0] + 0.2 * c[$0] }
        let result = try ContributionToVariance(target: t, inputs: [c, a, b])
        XCTAssertEqual(result.contributions.reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertEqual(result.order, [1, 2, 0])
        XCTAssertTrue(result.rankCorrelations.allSatisfy { $0 > 0 })
    }

    func testContributionEdgeCases() throws {
        let none = try ContributionToVariance(target: [1, 2, 3], inputs: [[5, 5, 5]])
        XCTAssertEqual(none.contributions, [0])
        XCTAssertEqual(none.rankCorrelations, [0])
        let flatTarget = try ContributionToVariance(target: [1, 1, 1], inputs: [[1, 2, 3]])
        XCTAssertEqual(flatTarget.contributions, [0])
        XCTAssertThrowsError(try ContributionToVariance(target: [1, 2, 3], inputs: [[1, 2]]))
        let empty = try ContributionToVariance(target: [1, 2, 3], inputs: [])
        XCTAssertEqual(empty.contributions, [])
    }
}
