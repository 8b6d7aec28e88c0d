import Foundation
import Sampling
import XCTest

final class RadixSelectTests: XCTestCase {
    /// Columns that exercise the selection: negatives, duplicates, ±0, ±∞, subnormals, huge and
    /// tiny magnitudes, a narrow range, mostly zeros, all equal.
    private func columns(_ stream: RandomStream) -> [[Double]] {
        var wide: [Double] = [0, -0.0, .infinity, -.infinity, 5e-324, -5e-324, 1e308, -1e308, 3, 3, 3, -2, -2]
        for _ in 0..<20_000 {
            let u = stream.uniform()
            wide.append(u < 0.1 ? Double(Int(u * 100)) : (u - 0.5) * pow(10, Double(Int(stream.uniform() * 40) - 20)))
        }
        let narrow = (0..<30_000).map { _ in 1e6 + stream.uniform() }
        let mostlyZero = (0..<30_000).map { _ in stream.uniform() < 0.95 ? 0 : 1e5 * stream.uniform() }
        let signedZeros = (0..<10_000).map { i in i % 3 == 0 ? -0.0 : (i % 3 == 1 ? 0 : 1) }
        let equal = [Double](repeating: 42, count: 9_000)
        return [wide, narrow, mostlyZero, signedZeros, equal, [7], [2, 1]]
    }

    /// Every order statistic asked for is the value the radix sort puts there, bit for bit
    /// (so −0 before +0), for doubles and for floats widened, NaN values left out.
    func testOrderStatisticsAreTheSortedValues() {
        let stream = RandomStream(seed: 29)
        for (c, column) in columns(stream).enumerated() {
            var withNaN = column
            for k in stride(from: 0, to: withNaN.count, by: 97) { withNaN[k] = .nan }
            for values in [column, withNaN] {
                let sorted = RadixArgsort.sorted(values.filter { !$0.isNaN })
                let n = sorted.count
                guard n > 0 else { continue }
                let positions = [0, n - 1, n / 2, n / 2, (n - 1) / 10, n * 9 / 10, n / 20, max(0, n - 2)]
                let got = values.withUnsafeBufferPointer {
                    RadixSelect.orderStatistics($0, count: n, positions: positions)
                }
                XCTAssertEqual(got.map(\.bitPattern), positions.map { sorted[$0].bitPattern }, "column \(c)")

                let floats = values.map(Float.init)
                let sortedFloats = RadixArgsort.sorted(floats.filter { !$0.isNaN }.map(Double.init))
                let gotFloats = floats.withUnsafeBufferPointer {
                    RadixSelect.orderStatistics($0, count: n, positions: positions)
                }
                XCTAssertEqual(
                    gotFloats.map(\.bitPattern), positions.map { sortedFloats[$0].bitPattern }, "floats \(c)")
            }
        }
    }

    /// Every position of a small column, and no position at all.
    func testEveryPositionAndNone() {
        let values: [Double] = [5, -1, 5, 0, -0.0, 3, .infinity, 2, 2, -7]
        let sorted = RadixArgsort.sorted(values)
        let all = Array(values.indices)
        let got = values.withUnsafeBufferPointer {
            RadixSelect.orderStatistics($0, count: values.count, positions: all)
        }
        XCTAssertEqual(got.map(\.bitPattern), sorted.map(\.bitPattern))
        XCTAssertEqual(values.withUnsafeBufferPointer { RadixSelect.orderStatistics($0, count: 10, positions: []) }, [])
    }
}
