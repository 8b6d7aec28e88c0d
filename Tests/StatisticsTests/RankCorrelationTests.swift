import XCTest

import struct TestSupport.SplitMix64

@testable import Statistics

/// The sensitivity analysis ranks each target once and each input on its own, and takes ρ from
/// exact integer sums of doubled ranks: bit for bit the brute-force integer formula, and within
/// a few ulps of `Correlation.spearman` (compensated floating point).
final class RankCorrelationTests: XCTestCase {
    /// Doubled ranks of a column: 2 · `averageRanks`.
    func doubled(_ values: [Double]) -> [UInt32] { Ranks.averageRanks(values).map { UInt32(exactly: $0 * 2)! } }

    /// ρ by brute force: S_ab = Σ (a_i - ā)(b_i - b̄) with ā = b̄ = n + 1, in Int, exact for
    /// these sizes; ρ = S_ab / √(S_aa · S_bb) with the exact sums rounded once each.
    func bruteForce(_ a: [UInt32], _ b: [UInt32]) -> Double {
        let mean = a.count + 1
        var (ab, aa, bb) = (0, 0, 0)
        for (x, y) in zip(a, b) {
            let (dx, dy) = (Int(x) - mean, Int(y) - mean)
            ab += dx * dy
            aa += dx * dx
            bb += dy * dy
        }
        let d = (Double(aa) * Double(bb)).squareRoot()
        return d > 0 ? min(1, max(-1, Double(ab) / d)) : .nan
    }

    func rhos(_ x: [UInt32], _ ys: [[Double]]) -> [Double] {
        x.withUnsafeBufferPointer { Correlation.spearman(doubledRanks: $0, targets: ys.map(RankedTarget.init)) }
    }

    /// Columns with ties (rounded values), more than one 4096-row block, and targets that are
    /// increasing, decreasing and unrelated transforms of the input: every ρ is bit for bit the
    /// brute-force integer formula, and within 4 ulps of 1 of `Correlation.spearman`.
    func testExactSumsEqualBruteForceAndAgreeWithSpearman() throws {
        var g = SplitMix64(seed: 13)
        let n = 10_000
        let x = (0..<n).map { _ in (g.uniform() * 500).rounded() }
        let noise = (0..<n).map { _ in g.uniform() }
        let ys: [[Double]] = [
            zip(x, noise).map { $0 + 100 * $1 },
            x.map { -$0 * $0 },
            noise,
            (0..<n).map { _ in (g.uniform() * 3).rounded() }
        ]
        let rhos = rhos(doubled(x), ys)
        XCTAssertEqual(rhos.count, ys.count)
        for (rho, y) in zip(rhos, ys) {
            XCTAssertEqual(rho.bitPattern, bruteForce(doubled(x), doubled(y)).bitPattern)
            let reference = try Correlation.spearman(x, y)
            XCTAssertEqual(rho, reference, accuracy: 4 * (1.0).ulp, "\(rho) vs \(reference)")
        }
        XCTAssertEqual(rhos[1], -1)
    }

    /// With one to six targets every ρ is still the brute-force value, over 2.5 blocks.
    func testEveryNumberOfTargetsEqualsBruteForce() throws {
        var g = SplitMix64(seed: 29)
        let n = 10_240
        let x = (0..<n).map { _ in (g.uniform() * 800).rounded() }
        let ys: [[Double]] = (0..<6).map { k in x.map { $0 * Double(k - 2) + 300 * g.uniform() } }
        let expected = ys.map { bruteForce(doubled(x), doubled($0)) }
        for count in 1...6 {
            XCTAssertEqual(
                rhos(doubled(x), Array(ys.prefix(count))).map(\.bitPattern), expected.prefix(count).map(\.bitPattern),
                "\(count) targets")
        }
    }

    /// A constant input or target has ρ NaN, as `pearson` gives; an input with a NaN value has
    /// no doubled ranks (the analysis then gives NaN for every target). Ranks [1, 2, 3, 4]
    /// against [3, 1, 2, 4] (of [3, 1, 2, 5]), doubled: Σ a·b = 108, n(n + 1)² = 100, so
    /// S_ab = 8, S_aa = S_bb = 120 - 100 = 20 and ρ = 0.4.
    func testConstantInputOrTargetGivesNaN() {
        let target = [[3.0, 1, 2, 5]]
        XCTAssertTrue(rhos([5, 5, 5, 5], target)[0].isNaN)
        XCTAssertTrue(rhos([2, 4, 6, 8], [[7, 7, 7, 7]])[0].isNaN)
        XCTAssertEqual(rhos([2, 4, 6, 8], target), [0.4])
        XCTAssertEqual(rhos([2, 4, 6, 8], target + [[4, 3, 2, 1], [1, 2, 3, 4]]), [0.4, -1, 1])
        XCTAssertTrue(rhos([2], [[1]])[0].isNaN)
        let withNaN: [Float] = [1, .nan, 2, 3]
        XCTAssertNil(withNaN.withUnsafeBufferPointer { Ranks.doubledRanks($0, in: RankWorkspace()) })
    }

    /// Ranks held doubled: [10, 20, 20, 30] has ranks [1, 2.5, 2.5, 4], held as [2, 5, 5, 8],
    /// with S_bb = Σ (b - 5)² = 9 + 0 + 0 + 9 = 18 (= Σ b² - n(n + 1)² = 118 - 100).
    func testTargetKeepsDoubledRanks() {
        let t = RankedTarget([10, 20, 20, 30])
        XCTAssertEqual(t.doubledRanks, [2, 5, 5, 8])
        XCTAssertEqual(t.squares, 18)
        XCTAssertEqual(RankedTarget([7, 7, 7]).squares, 0)
        XCTAssertEqual(Ranks.doubledRanks([]), [])
        XCTAssertEqual(Ranks.doubledRanks([4.5]), [2])
    }

    /// Doubled ranks of doubles, found from the sorted keys, are 2 · `averageRanks` (which
    /// compares the values), with ties, ±∞ and −0 equal to +0.
    func testDoubledRanksOfDoublesEqualTwiceAverageRanks() {
        var g = SplitMix64(seed: 41)
        var values = (0..<9000).map { _ in (g.uniform() * 400 - 200).rounded() / 4 }
        values += [0, -0.0, .infinity, -.infinity, 5e-324, -5e-324, -0.0]
        XCTAssertEqual(Ranks.doubledRanks(values), doubled(values))
        XCTAssertEqual(Ranks.doubledRanks([0, -0.0, 1, -0.0]), [4, 4, 8, 4])
    }

    /// Blocks are summed in 64 bits: 4096 rows below n = 2^25, then fewer, never so many that
    /// rows · (2n)² exceeds 2^64 - 1, down to n = 10^8 (the most iterations a scenario allows).
    func testBlockSumsCannotOverflow() {
        XCTAssertEqual(RankSums.rowsPerBlock(2), 4096)
        XCTAssertEqual(RankSums.rowsPerBlock(1 << 24), 4096)
        XCTAssertEqual(RankSums.rowsPerBlock(1 << 25 - 1), 4096)
        XCTAssertEqual(RankSums.rowsPerBlock(1 << 25), 4095)
        XCTAssertEqual(RankSums.rowsPerBlock(1 << 26), 1023)
        for n in [1 << 24 + 1, 50_000_000, 100_000_000, Int(UInt32.max / 2)] {
            let rows = RankSums.rowsPerBlock(n)
            XCTAssertGreaterThan(rows, 0)
            XCTAssertLessThanOrEqual(rows, 4096)
            let (product, overflow) = UInt64(rows).multipliedReportingOverflow(by: UInt64(2 * n) * UInt64(2 * n))
            XCTAssertFalse(overflow, "\(n)")
            if rows < 4096 {
                XCTAssertLessThan(UInt64.max - product, UInt64(2 * n) * UInt64(2 * n), "\(n): a larger block would fit")
            }
        }
        XCTAssertEqual(RankSums.offset(100_000_000), UInt128(100_000_000) * 100_000_001 * 100_000_001)
    }

    /// At n = 2^21 rows of ranks in reverse order, the exact S_ab = -(n³ - n)/3 (doubled ranks)
    /// exceeds 2^53, where a double sum would round; the integer sums still give exactly -1,
    /// and S_aa of 0, 2, 4, ... the closed form.
    func testLongColumnsStayExact() {
        let n = 1 << 21
        let up = (0..<n).map { UInt32(2 * $0 + 2) }
        let squares = up.withUnsafeBufferPointer { RankSums.centredSquares($0) }
        // Σ (2i - (n - 1))² over i < n = (n³ - n) / 3.
        XCTAssertEqual(squares, (UInt128(n) * UInt128(n) * UInt128(n) - UInt128(n)) / 3)
        XCTAssertGreaterThan(squares, 1 << 53)
        let down = (0..<n).map { Double(n - $0) }
        XCTAssertEqual(
            up.withUnsafeBufferPointer { Correlation.spearman(doubledRanks: $0, targets: [RankedTarget(down)]) }, [-1])
    }

    /// Ranking risk counts by counting equals ranking their values.
    func testCountRanksEqualAverageRanks() {
        var g = SplitMix64(seed: 7)
        let counts: [UInt8] = (0..<5000).map { _ in UInt8(min(255, Int(-log(1 - g.uniform()) * 1.5))) }
        XCTAssertEqual(
            counts.withUnsafeBufferPointer { Ranks.averageRanks(counts: $0) },
            Ranks.averageRanks(counts.map(Double.init)))
        XCTAssertEqual(
            ([0, 2, 0, 1] as [UInt8]).withUnsafeBufferPointer { Ranks.averageRanks(counts: $0) }, [1.5, 4, 1.5, 3])
        XCTAssertEqual(([] as [UInt8]).withUnsafeBufferPointer { Ranks.averageRanks(counts: $0) }, [])
        let workspace = RankWorkspace()
        withExtendedLifetime(workspace) {
            XCTAssertEqual(
                Array(
                    ([0, 2, 0, 1] as [UInt8]).withUnsafeBufferPointer { Ranks.doubledRanks(counts: $0, in: workspace) }),
                [3, 8, 3, 6])
        }
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
