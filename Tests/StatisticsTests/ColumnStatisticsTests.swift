import Sampling
import XCTest

@testable import Statistics

final class ColumnStatisticsTests: XCTestCase {
    /// The summary, the quantile grid and the P80's interval from one selection equal those of
    /// the sorted column, bit for bit, above and below the selection threshold, with ties, NaN
    /// and a column of mostly zeros.
    func testSelectedStatisticsEqualThoseOfTheSortedColumn() {
        let stream = RandomStream(seed: 53)
        let skewed = (0..<40_000).map { _ in 1.8e7 + 6e6 * pow(stream.uniform(), 2.3) }
        let months = (0..<30_000).map { _ in (9 + 6 * stream.uniform()).rounded() / 2 }
        var gaps = skewed
        for k in stride(from: 3, to: gaps.count, by: 211) { gaps[k] = .nan }
        let rare = (0..<20_000).map { _ in stream.uniform() < 0.9 ? 0 : 1e6 * stream.uniform() }
        let small = (0..<700).map { _ in stream.uniform() * 100 }
        for (c, column) in [skewed, months, gaps, rare, small, [], [5]].enumerated() {
            let sorted = Quantiles.sortedWithoutNaN(column)
            let selected = column.withUnsafeBufferPointer { ColumnStatistics($0, grid: true, intervalP: 0.8) }
            XCTAssertEqual(
                selected.summary, Summary(sortedValues: sorted, missing: column.count - sorted.count), "\(c)")
            XCTAssertEqual(selected.summary.mean.bitPattern, Moments.mean(sorted).bitPattern, "\(c) mean")
            XCTAssertEqual(selected.grid, QuantileGrid(sorted: sorted), "\(c) grid")
            XCTAssertEqual(QuantileGrid(column), QuantileGrid(sorted: sorted), "\(c) grid of the column")
            let interval = OrderStatisticCI(sorted: sorted, p: 0.8)
            XCTAssertEqual(selected.interval?.lowerRank, interval.lowerRank, "\(c) interval")
            XCTAssertEqual(selected.interval?.upperRank, interval.upperRank, "\(c) interval")
            XCTAssertEqual(selected.interval?.lower.bitPattern, interval.lower.bitPattern, "\(c) interval")
            XCTAssertEqual(selected.interval?.upper.bitPattern, interval.upper.bitPattern, "\(c) interval")
        }
    }

    /// A non-decreasing map's summary (months past a deadline) equals the summary of the mapped
    /// column.
    func testSummaryOfANonDecreasingMap() {
        let stream = RandomStream(seed: 59)
        let goLive = (0..<25_000).map { _ in 6 + 8 * stream.uniform() }
        let f = { (g: Double) in max(0, g - 9) }
        let s = goLive.withUnsafeBufferPointer { ColumnStatistics($0) }
        let months = goLive.withUnsafeBufferPointer { s.summary(ofNonDecreasing: f, values: $0) }
        XCTAssertEqual(months, Summary(goLive.map(f)))
        XCTAssertEqual(months, Summary(sortedValues: Quantiles.sortedWithoutNaN(goLive.map(f))))
    }
}
