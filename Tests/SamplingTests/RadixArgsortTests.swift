import Sampling
import XCTest

final class RadixArgsortTests: XCTestCase {
    /// The radix argsort equals sorting (value, index) pairs, and the radix sort equals `sorted()`,
    /// on values with negatives, duplicates, ±0, ±∞, subnormals and large magnitudes.
    func testAgreesWithComparisonSort() {
        let stream = RandomStream(seed: 17)
        var values: [Double] = [0, -0.0, .infinity, -.infinity, 5e-324, -5e-324, 1e308, -1e308, 3, 3, 3, -2, -2]
        for _ in 0..<5000 {
            let u = stream.uniform()
            values.append(u < 0.1 ? Double(Int(u * 100)) : (u - 0.5) * pow(10, Double(Int(stream.uniform() * 40) - 20)))
        }
        // Numeric order, −0 just before +0 (the keys order by sign too), ties by index.
        func before(_ i: Int, _ j: Int) -> Bool {
            let a = values[i], b = values[j]
            if a != b { return a < b }
            if a.sign != b.sign { return a.sign == .minus }
            return i < j
        }
        let expected = values.indices.sorted(by: before)
        XCTAssertTrue(RadixArgsort.argsort(values).map(Int.init) == expected, "argsort differs from a comparison sort")
        XCTAssertTrue(
            RadixArgsort.sorted(values).map(\.bitPattern) == expected.map { values[$0].bitPattern },
            "sorted differs from a comparison sort")
        XCTAssertEqual(RadixArgsort.sorted([]), [])
        XCTAssertEqual(RadixArgsort.argsort([7]), [0])
    }
}
