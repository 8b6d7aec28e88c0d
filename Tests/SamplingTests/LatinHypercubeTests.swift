import Sampling
import TestSupport
import XCTest

final class LatinHypercubeTests: XCTestCase {
    /// Exactly one draw in each stratum [fl(j/n), fl((j+1)/n)), every draw in (0, 1).
    func testExactlyOneDrawPerStratum() {
        let stream = RandomStream(seed: 2024)
        for n in [1, 2, 3, 7, 1_000, 65_536, 100_003] {
            let u = LatinHypercube.column(count: n, stream: stream)
            XCTAssertEqual(u.count, n)
            var hits = [Int](repeating: 0, count: n)
            for x in u {
                XCTAssertTrue(x > 0 && x < 1, "n = \(n): \(x)")
                var j = Int(x * Double(n))
                // Locate the stratum with the same divisions the sampler uses.
                if j < n - 1 && x >= Double(j + 1) / Double(n) { j += 1 }
                if j > 0 && x < Double(j) / Double(n) { j -= 1 }
                XCTAssertTrue(x >= Double(j) / Double(n) && x < Double(j + 1) / Double(n))
                hits[j] += 1
            }
            XCTAssertTrue(hits.allSatisfy { $0 == 1 }, "n = \(n)")
        }
    }

    /// Within its stratum each draw is uniform: the offsets n·u − j of a long column have
    /// mean 1/2 (se = 1/√(12n); 5 se), and successive columns use different permutations.
    func testOffsetsAreUniformAndColumnsIndependent() {
        let n = 100_000
        let stream = RandomStream(seed: 8)
        var buffer = [Double](repeating: 0, count: 2 * n)
        buffer.withUnsafeMutableBufferPointer { LatinHypercube.fill($0, rows: n, columns: 2, stream: stream) }
        let first = Array(buffer[0..<n]), second = Array(buffer[n...])
        let offsets = first.map { $0 * Double(n) - ($0 * Double(n)).rounded(.down) }
        XCTAssertEqual(offsets.reduce(0, +) / Double(n), 0.5, accuracy: 5 / (12.0 * Double(n)).squareRoot())
        // Independent permutations: the rank correlation of two columns has se 1/√(n − 1).
        XCTAssertEqual(spearman(first, second), 0, accuracy: 5 / Double(n - 1).squareRoot())
        XCTAssertEqual(Set(first.map { Int($0 * Double(n)) }).count, n)
        XCTAssertEqual(Set(second.map { Int($0 * Double(n)) }).count, n)
    }

    func testDeterministicGivenTheSeed() {
        let a = LatinHypercube.column(count: 500, stream: RandomStream(seed: 4))
        let b = LatinHypercube.column(count: 500, stream: RandomStream(seed: 4))
        let c = LatinHypercube.column(count: 500, stream: RandomStream(seed: 5))
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
        XCTAssertEqual(LatinHypercube.column(count: 0, stream: RandomStream(seed: 4)), [])
    }

    /// Stratification pays: the mean of a 10,000-point normal column is far closer to the
    /// truth than plain sampling's standard error σ/√n = 0.02 (here within 0.002).
    func testStratifiedMeanIsPrecise() {
        let spec = DistributionSpec.normal(mean: 10, sd: 2)
        let u = LatinHypercube.column(count: 10_000, stream: RandomStream(seed: 6))
        var x = [Double](repeating: 0, count: u.count)
        u.withUnsafeBufferPointer { src in x.withUnsafeMutableBufferPointer { spec.fillQuantiles(src, into: $0) } }
        XCTAssertEqual(x.reduce(0, +) / Double(x.count), 10, accuracy: 0.002)
    }
}
