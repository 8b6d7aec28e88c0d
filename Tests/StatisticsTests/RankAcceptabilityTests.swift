import XCTest

@testable import Statistics

final class RankAcceptabilityTests: XCTestCase {
    /// Four iterations of three options, by hand: a first in 1 and 2, b first in 3, a three-way
    /// tie in 4 (⅓ of each rank to each). Rows and columns sum to 1; central weights average
    /// the weight columns over each option's first places, a tie counting ⅓.
    func testRanksTiesAndCentralWeights() throws {
        let scores: [[Double]] = [[3, 3, 1, 2], [2, 1, 3, 2], [1, 2, 2, 2]]
        let weights: [[Double]] = [[0.9, 0.7, 0.2, 0.5], [0.1, 0.3, 0.8, 0.5]]
        let r = try RankAcceptability(scores: scores, weightColumns: weights, constantWeights: [])
        let third = 1.0 / 3
        let expected: [[Double]] = [
            [(2 + third) / 4, third / 4, (1 + third) / 4],
            [(1 + third) / 4, (1 + third) / 4, (1 + third) / 4],
            [third / 4, (2 + third) / 4, (1 + third) / 4]
        ]
        for (row, want) in zip(r.probabilities, expected) {
            for (p, q) in zip(row, want) { XCTAssertEqual(p, q, accuracy: 1e-15) }
        }
        for k in 0..<3 { XCTAssertEqual(r.probabilities.map { $0[k] }.reduce(0, +), 1, accuracy: 1e-15) }
        // a: first in iterations 1, 2 (share 1) and 4 (share ⅓).
        let a = try XCTUnwrap(r.centralWeights[0])
        XCTAssertEqual(a[0], (0.9 + 0.7 + 0.5 / 3) / (2 + third), accuracy: 1e-15)
        XCTAssertEqual(a[0] + a[1], 1, accuracy: 1e-15)
        let c = try XCTUnwrap(r.centralWeights[2])
        XCTAssertEqual(c, [0.5, 0.5])
        XCTAssertEqual(r.iterations, 4)
    }

    /// NaN ranks last; constant weights are the central weights of any option that ranks first.
    func testNaNRanksLastAndConstantWeights() throws {
        let r = try RankAcceptability(scores: [[.nan, 1], [0, .nan]], weightColumns: [], constantWeights: [0.25, 0.75])
        XCTAssertEqual(r.probabilities, [[0.5, 0.5], [0.5, 0.5]])
        XCTAssertEqual(r.centralWeights[0], [0.25, 0.75])
        let never = try RankAcceptability(scores: [[2, 2], [1, 1]], weightColumns: [], constantWeights: [1])
        XCTAssertNil(never.centralWeights[1])
    }

    func testLengthsMustMatch() {
        XCTAssertThrowsError(try RankAcceptability(scores: [[1, 2], [1]], weightColumns: [], constantWeights: []))
        XCTAssertThrowsError(try RankAcceptability(scores: [[1, 2]], weightColumns: [[1]], constantWeights: []))
        XCTAssertThrowsError(try RankAcceptability(scores: [], weightColumns: [], constantWeights: []))
    }
}
