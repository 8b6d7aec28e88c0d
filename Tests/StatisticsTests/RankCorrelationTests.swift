import XCTest

import struct TestSupport.SplitMix64

@testable import Statistics

/// The sensitivity analysis ranks each target once and each input on its own; its ρ must be
/// bit for bit the Pearson correlation of the two rank columns.
final class RankCorrelationTests: XCTestCase {
    /// Columns with ties (rounded values), more than one 4096-row block, and targets that are
    /// increasing, decreasing and unrelated transforms of the input.
    func testOnePassEqualsPearsonOfRanksBitForBit() throws {
        var g = SplitMix64(seed: 13)
        let n = 10_000
        let x = (0..<n).map { _ in (g.uniform() * 500).rounded() }
        let noise = (0..<n).map { _ in g.uniform() }
        let ys: [[Double]] = [
            zip(x, noise).map { $0 + 100 * $1 },
            x.map { -$0 * $0 },
            noise,
            (0..<n).map { _ in (g.uniform() * 3).rounded() },
        ]
        let xRanks = Ranks.averageRanks(x)
        let rhos = Correlation.spearman(inputRanks: xRanks, targets: ys.map(RankedTarget.init))
        XCTAssertEqual(rhos.count, ys.count)
        for (rho, y) in zip(rhos, ys) {
            let expected = try Correlation.pearson(xRanks, Ranks.averageRanks(y))
            XCTAssertEqual(rho.bitPattern, expected.bitPattern, "\(rho) vs \(expected)")
        }
        XCTAssertEqual(rhos[1], -1)
    }

    /// With one to six targets (the first summed beside Σ (x - x̄)², the others in pairs and
    /// one left over) every ρ is still bit for bit `pearson` of the ranks, over 2.5 blocks.
    func testEveryNumberOfTargetsEqualsPearsonBitForBit() throws {
        var g = SplitMix64(seed: 29)
        let n = 10_240
        let x = (0..<n).map { _ in (g.uniform() * 800).rounded() }
        let ys: [[Double]] = (0..<6).map { k in x.map { $0 * Double(k - 2) + 300 * g.uniform() } }
        let xRanks = Ranks.averageRanks(x)
        let expected = try ys.map { try Correlation.pearson(xRanks, Ranks.averageRanks($0)) }
        for count in 1...6 {
            let rhos = Correlation.spearman(inputRanks: xRanks, targets: ys.prefix(count).map(RankedTarget.init))
            XCTAssertEqual(rhos.map(\.bitPattern), expected.prefix(count).map(\.bitPattern), "\(count) targets")
        }
    }

    /// A constant input, or one with a NaN rank, has ρ NaN for every target, as `pearson` gives.
    /// Ranks [1, 2, 3, 4] against [3, 1, 2, 4] (of [3, 1, 2, 5]): dx = [-1.5, -0.5, 0.5, 1.5],
    /// dy = [0.5, -1.5, -0.5, 1.5], Σ dx·dy = 2, Σ dx² = Σ dy² = 5, ρ = 0.4.
    func testConstantOrNaNInputGivesNaN() {
        let targets = [RankedTarget([3, 1, 2, 5])]
        XCTAssertTrue(Correlation.spearman(inputRanks: [2.5, 2.5, 2.5, 2.5], targets: targets)[0].isNaN)
        XCTAssertTrue(Correlation.spearman(inputRanks: [1, .nan, 2, 3], targets: targets)[0].isNaN)
        XCTAssertTrue(Correlation.spearman(inputRanks: [1, 2, 3, 4], targets: [RankedTarget([7, 7, 7, 7])])[0].isNaN)
        XCTAssertEqual(Correlation.spearman(inputRanks: [1, 2, 3, 4], targets: targets)[0], 0.4)
    }

    /// Ranks held doubled: [10, 20, 20, 30] has ranks [1, 2.5, 2.5, 4], held as [2, 5, 5, 8].
    func testTargetKeepsDoubledRanks() {
        let t = RankedTarget([10, 20, 20, 30])
        XCTAssertEqual(t.doubledRanks, [2, 5, 5, 8])
        XCTAssertEqual(t.mean, 2.5)
        XCTAssertEqual(t.squares, 2.25 + 0 + 0 + 2.25)
    }

    /// Ranking risk counts by counting equals ranking their values.
    func testCountRanksEqualAverageRanks() {
        var g = SplitMix64(seed: 7)
        let counts: [UInt8] = (0..<5000).map { _ in UInt8(min(255, Int(-log(1 - g.uniform()) * 1.5))) }
        XCTAssertEqual(counts.withUnsafeBufferPointer { Ranks.averageRanks(counts: $0) }, Ranks.averageRanks(counts.map(Double.init)))
        XCTAssertEqual(([0, 2, 0, 1] as [UInt8]).withUnsafeBufferPointer { Ranks.averageRanks(counts: $0) }, [1.5, 4, 1.5, 3])
        XCTAssertEqual(([] as [UInt8]).withUnsafeBufferPointer { Ranks.averageRanks(counts: $0) }, [])
    }

    /// Ranking stored floats on 32-bit keys equals ranking their widened values, with ties,
    /// ±0, ±∞ and NaN.
    func testFloatRanksEqualWidenedRanks() {
        var g = SplitMix64(seed: 3)
        var values: [Float] = (0..<20_000).map { _ in Float((g.uniform() * 2000 - 1000).rounded() / 8) }
        values += [-0.0, 0, .infinity, -.infinity, 1e-40, -1e-40]
        let ranks = values.withUnsafeBufferPointer { Ranks.averageRanks($0) }
        XCTAssertEqual(ranks, Ranks.averageRanks(values.map(Double.init)))
        values[17] = .nan
        values[4000] = .nan
        let withNaN = values.withUnsafeBufferPointer { Ranks.averageRanks($0) }
        let expected = Ranks.averageRanks(values.map(Double.init))
        XCTAssertEqual(withNaN.count, expected.count)
        XCTAssertTrue(zip(withNaN, expected).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
        XCTAssertTrue(withNaN[17].isNaN)
        // −0 and +0 are equal values, so they share their ranks.
        let zeros: [Float] = [0, -0.0, 1, -0.0]
        XCTAssertEqual(zeros.withUnsafeBufferPointer { Ranks.averageRanks($0) }, [2, 2, 4, 2])
    }

    /// Contributions from ρ directly: NaN counts as 0.
    func testContributionsFromCorrelations() {
        let c = ContributionToVariance(rankCorrelations: [0.6, .nan, -0.8])
        XCTAssertEqual(c.rankCorrelations, [0.6, 0, -0.8])
        XCTAssertEqual(c.contributions[0], 0.36, accuracy: 1e-15)
        XCTAssertEqual(c.contributions[1], 0)
        XCTAssertEqual(c.contributions[2], 0.64, accuracy: 1e-15)
    }
}
