import XCTest
@testable import Analysis

final class HistogramTests: XCTestCase {
    /// Values 0 ... 10 in 5 bins of width 2: [0,2) {0,1}, [2,4) {2,3}, [4,6) {4,5}, [6,8) {6,7},
    /// [8,10] {8,9,10} (the last bin is closed).
    func testEqualWidthBins() {
        let h = Histogram((0...10).map(Double.init) + [.nan, .infinity], binCount: 5)
        XCTAssertEqual(h.edges, [0, 2, 4, 6, 8, 10])
        XCTAssertEqual(h.counts, [2, 2, 2, 2, 3])
        XCTAssertEqual(h.excluded, 2)
    }

    func testDegenerateColumns() {
        let flat = Histogram([3, 3, 3], binCount: 10)
        XCTAssertEqual(flat.edges, [3, 3])
        XCTAssertEqual(flat.counts, [3])
        let empty = Histogram([.nan], binCount: 4)
        XCTAssertEqual(empty.counts, [])
        XCTAssertEqual(empty.excluded, 1)
        XCTAssertEqual(Histogram([1, 2], binCount: 0).counts, [2])
        // A range so wide that hi - lo overflows to +∞ still counts every value.
        XCTAssertEqual(Histogram([-Double.greatestFiniteMagnitude, 0, .greatestFiniteMagnitude],
                                 binCount: 3).counts.reduce(0, +), 3)
    }

    func testFan() {
        let fan = Quantiles.fan([(1...10).map(Double.init), [5, .nan]], ps: [0.5, 0.8])
        XCTAssertEqual(fan[0][0], 5.5, accuracy: 1e-12)
        XCTAssertEqual(fan[0][1], 8.2, accuracy: 1e-12)
        XCTAssertEqual(fan[1], [5, 5])
    }
}
