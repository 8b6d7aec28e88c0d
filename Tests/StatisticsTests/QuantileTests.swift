import Sampling
import XCTest

@testable import Statistics

final class QuantileTests: XCTestCase {
    /// Type 7 on 1 ... 10: h = 9p, Q = 1 + h. P5 → 1.45, P10 → 1.9, P50 → 5.5, P80 → 8.2,
    /// P90 → 9.1, P95 → 9.55 (numpy.quantile gives the same).
    func testOneToTen() {
        let x = (1...10).map(Double.init)
        let q = Quantiles.quantiles(sorted: x, ps: Quantiles.reported)
        let expected = [1.45, 1.9, 5.5, 8.2, 9.1, 9.55]
        for (a, e) in zip(q, expected) { XCTAssertEqual(a, e, accuracy: 1e-12) }
        XCTAssertEqual(Quantiles.quantile(sorted: x, 0), 1)
        XCTAssertEqual(Quantiles.quantile(sorted: x, 1), 10)
    }

    /// 1 ... 101: h = 100p is an integer for every reported p, so each quantile is exactly an
    /// order statistic 1 + 100p (this exercises the snapping of h = 100 · 0.8 etc.).
    func testOrderStatisticsAreExact() {
        let x = (1...101).map(Double.init)
        XCTAssertEqual(Quantiles.quantiles(sorted: x, ps: Quantiles.reported), [6, 11, 51, 81, 91, 96])
    }

    /// Sorted [1, 1, 2, 3, 3, 4, 5, 5, 5, 6, 9], n = 11, h = 10p:
    /// P5 h=0.5 → 1, P10 h=1 → 1, P50 h=5 → 4, P80 h=8 → 5, P90 h=9 → 6, P95 h=9.5 → 7.5.
    func testWithTiesAgainstHandValues() {
        let s = Summary([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
        XCTAssertEqual(s.reportedQuantiles, [1, 1, 4, 5, 6, 7.5])
        XCTAssertEqual(s.mean, 4, accuracy: 1e-15)
        XCTAssertEqual(s.sd, 2.3664319132398464, accuracy: 1e-14)  // √(56/10)
        XCTAssertEqual(s.se, s.sd / 11.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(s.min, 1)
        XCTAssertEqual(s.max, 9)
    }

    func testInvalidProbabilityAndEmptySample() {
        XCTAssertTrue(Quantiles.quantile(sorted: [1, 2], -0.1).isNaN)
        XCTAssertTrue(Quantiles.quantile(sorted: [1, 2], 1.5).isNaN)
        XCTAssertTrue(Quantiles.quantile(sorted: [1, 2], .nan).isNaN)
        XCTAssertTrue(Quantiles.quantile(sorted: [], 0.5).isNaN)
        XCTAssertEqual(Quantiles.quantile(sorted: [7], 0.8), 7)
    }

    func testInfiniteEndsDoNotPoisonInteriorQuantiles() {
        let x: [Double] = [-.infinity, 1, 2, 3, .infinity]
        XCTAssertEqual(Quantiles.quantile(sorted: x, 0.5), 2)
        XCTAssertEqual(Quantiles.quantile(sorted: x, 1), .infinity)
    }

    func testSummaryOfEmptyAndSingleColumns() {
        let empty = Summary([])
        XCTAssertEqual(empty.count, 0)
        XCTAssertTrue(empty.mean.isNaN && empty.sd.isNaN && empty.se.isNaN)
        XCTAssertTrue(empty.min.isNaN && empty.max.isNaN && empty.p80.isNaN)
        let one = Summary([42])
        XCTAssertEqual(one.count, 1)
        XCTAssertEqual(one.mean, 42)
        XCTAssertTrue(one.sd.isNaN && one.se.isNaN)
        XCTAssertEqual(one.reportedQuantiles, [42, 42, 42, 42, 42, 42])
    }

    /// The summary's sd reuses its mean: `variance(x, mean: mean(x))` is `variance(x)` bit for bit,
    /// and a summary's sd is that variance's root, for a column whose mean is not exact in binary.
    func testSummaryVarianceReusesTheMeanBitForBit() {
        let x: [Double] = (0..<5_000).map { (i: Int) -> Double in
            let step = 0.1 * Double(i % 97)
            return step + 1e6 + Double(i) / 3
        }.sorted()
        let mean = Moments.mean(x)
        XCTAssertEqual(Moments.variance(x, mean: mean).bitPattern, Moments.variance(x).bitPattern)
        let summary = Summary(sortedValues: x)
        XCTAssertEqual(summary.mean.bitPattern, mean.bitPattern)
        XCTAssertEqual(summary.sd.bitPattern, Moments.standardDeviation(x).bitPattern)
        XCTAssertTrue(Moments.variance([4], mean: 4).isNaN)
        XCTAssertTrue(Moments.variance([], mean: .nan).isNaN)
    }

    /// A column long enough to be summarised by selection (`Summary(_:)` on doubles and floats)
    /// gives the summary of its sorted copy bit for bit: the same order statistics and
    /// quantiles, and the same compensated mean and sd although the terms come in another order;
    /// also with NaN values, ties, a column of mostly zeros and one of equal values.
    func testSummaryBySelectionEqualsTheSortedSummary() {
        let stream = RandomStream(seed: 41)
        let n = 50_000
        let pert = (0..<n).map { _ in 2e6 + 3e6 * pow(stream.uniform(), 1.7) }
        let mixed = (0..<n).map { _ in (stream.uniform() - 0.3) * 1e7 }
        let rare = (0..<n).map { _ in stream.uniform() < 0.97 ? 0 : 2.5e5 * (1 + stream.uniform()) }
        var gaps = mixed
        for k in stride(from: 0, to: n, by: 101) { gaps[k] = .nan }
        let ties = (0..<n).map { Double($0 % 7) }
        let equal = [Double](repeating: 1234.5, count: n)
        for (c, column) in [pert, mixed, rare, gaps, ties, equal].enumerated() {
            let kept = column.filter { !$0.isNaN }
            let sorted = Summary(sortedValues: RadixArgsort.sorted(kept), missing: column.count - kept.count)
            let selected = Summary(column)
            XCTAssertEqual(selected, sorted, "column \(c)")
            XCTAssertEqual(selected.mean.bitPattern, sorted.mean.bitPattern, "column \(c) mean")
            XCTAssertEqual(selected.sd.bitPattern, sorted.sd.bitPattern, "column \(c) sd")
            XCTAssertEqual(selected.reportedQuantiles.map(\.bitPattern), sorted.reportedQuantiles.map(\.bitPattern))

            let floats = column.map(Float.init)
            let widened = floats.filter { !$0.isNaN }.map(Double.init)
            let sortedFloats = Summary(
                sortedValues: RadixArgsort.sorted(widened), missing: floats.count - widened.count)
            XCTAssertEqual(floats.withUnsafeBufferPointer { Summary($0) }, sortedFloats, "floats \(c)")
        }
    }

    /// `Summary.zeros` is the summary of a column of zeros, for no, one and many values.
    func testSummaryOfZerosWithoutTheColumn() {
        for n in [0, 1, 2, 10_000] {
            XCTAssertEqual(Summary.zeros(count: n), Summary(sortedValues: [Double](repeating: 0, count: n)), "\(n)")
        }
    }

    func testNaNValuesAreCountedAsMissing() {
        let s = Summary([1, .nan, 3, .nan, 2])
        XCTAssertEqual(s.count, 3)
        XCTAssertEqual(s.missing, 2)
        XCTAssertEqual(s.mean, 2)
        XCTAssertEqual(s.p50, 2)
        XCTAssertEqual(s, Summary([3, 2, 1, .nan, .nan]))
    }

    /// The grid x_i = (i + ½)/n, i = 0 ... n-1, is a deterministic stand-in for U(0, 1):
    /// - mean exactly ½ (the grid is symmetric about ½);
    /// - sample variance: the population variance of the grid is (n² - 1)/(12n²), so
    ///   s² = n/(n - 1) · (n² - 1)/(12n²) = (n + 1)/(12n);
    /// - type 7: Q(p) = x[j] + g/n with j + g = (n - 1)p, i.e. Q(p) = ((n - 1)p + ½)/n.
    /// The column is given in a scrambled order (i ↦ 7919·i mod n, a bijection since
    /// gcd(7919, 10^5) = 1) so the sort is exercised too.
    func testUniformGrid() {
        let n = 100_000
        let column = (0..<n).map { Double((7919 * $0) % n) + 0.5 }.map { $0 / Double(n) }
        let s = Summary(column)
        XCTAssertEqual(s.count, n)
        XCTAssertEqual(s.mean, 0.5, accuracy: 1e-15)
        XCTAssertEqual(s.sd, (Double(n + 1) / (12 * Double(n))).squareRoot(), accuracy: 1e-14)
        XCTAssertEqual(s.min, 0.5 / Double(n))
        XCTAssertEqual(s.max, 1 - 0.5 / Double(n))
        for (p, q) in zip(Quantiles.reported, s.reportedQuantiles) {
            XCTAssertEqual(q, (Double(n - 1) * p + 0.5) / Double(n), accuracy: 1e-13, "p = \(p)")
        }
    }

    /// Compensated sums: 1e16 + 1 - 1e16 is 0 in naive floating point, 1 here; and the variance of
    /// 1e9 + {4, 7, 13, 16} is that of {4, 7, 13, 16}: deviations ±6, ±3, s² = 90/3 = 30.
    func testNumericalCare() {
        XCTAssertEqual(NeumaierSum.sum([1e16, 1, -1e16]), 1)
        XCTAssertEqual(Moments.variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]), 30)
        let tenths = [Double](repeating: 0.1, count: 1_000_000)
        XCTAssertEqual(NeumaierSum.sum(tenths), 100_000, accuracy: 1e-9)
        XCTAssertEqual(Moments.mean(tenths), 0.1, accuracy: 1e-16)
    }
}
