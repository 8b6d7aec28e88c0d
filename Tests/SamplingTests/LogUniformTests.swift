import Sampling
import XCTest

/// `loguniform(min, max)`, the family added through the catalogue: its closed-form quantile
/// exp(ln a + u (ln b − ln a)), the CDF F(x) = ln(x/a)/ln(b/a) it inverts, and draws that agree
/// with it. (Its moments against the sampler's are in `DistributionMomentTests`, through the
/// fixtures.)
final class LogUniformTests: XCTestCase {
    let spec = DistributionSpec.loguniform(min: 1, max: 100)

    func testKnownQuantiles() {
        XCTAssertEqual(spec.quantile(0.5), 10, accuracy: 1e-13)  // √(1·100)
        XCTAssertEqual(spec.quantile(0.25), 10.0.squareRoot(), accuracy: 1e-13)
        XCTAssertEqual(spec.quantile(0.75), 10 * 10.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(spec.quantile(0), 1)
        XCTAssertEqual(spec.quantile(1), 100)
        XCTAssertEqual(spec.median, 10, accuracy: 1e-13)
        XCTAssertEqual(DistributionSpec.loguniform(min: 3, max: 3).quantile(0.4), 3)
        XCTAssertTrue(DistributionSpec.loguniform(min: 0, max: 3).quantile(0.4).isNaN)
        for u in [0.001, 0.1, 0.3, 0.9, 0.999] {
            XCTAssertEqual(log(spec.quantile(u)) / log(100), u, accuracy: 1e-14, "F(Q(u)) = u at \(u)")
        }
    }

    func testColumnsMatchSingleQuantiles() {
        let u = (0..<1_000).map { (Double($0) + 0.5) / 1_000 } + [0, 1, .nan]
        var out = [Double](repeating: 0, count: u.count)
        u.withUnsafeBufferPointer { src in out.withUnsafeMutableBufferPointer { spec.fillQuantiles(src, into: $0) } }
        for (x, y) in zip(u, out) {
            if x.isNaN { XCTAssertTrue(y.isNaN) } else { XCTAssertEqual(y, spec.quantile(x)) }
        }
    }

    /// The share of draws below 10 (F = 1/2) and below √10 (F = 1/4), within 5 standard errors.
    func testDrawsFollowTheCDF() {
        let n = 100_000
        var x = [Double](repeating: 0, count: n)
        x.withUnsafeMutableBufferPointer { spec.fill($0, stream: RandomStream(seed: 42)) }
        for (point, p) in [(10.0, 0.5), (10.0.squareRoot(), 0.25)] {
            let share = Double(x.filter { $0 < point }.count) / Double(n)
            XCTAssertEqual(share, p, accuracy: 5 * (p * (1 - p) / Double(n)).squareRoot())
        }
        XCTAssertTrue(x.allSatisfy { $0 >= 1 && $0 <= 100 })
    }
}
