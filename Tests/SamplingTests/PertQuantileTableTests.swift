import CGSL
import Foundation
import Sampling
import XCTest

/// The PERT quantile table against an independent reference: GSL's `gsl_cdf_beta_Pinv`,
/// refined by Newton's method on `gsl_cdf_beta_P` (lower half) or `gsl_cdf_beta_Q` (upper
/// half, where 1 − u is exact), in linear space, unlike the table's builder (log space).
final class PertQuantileTableTests: XCTestCase {
    static func reference(_ u: Double, _ a: Double, _ b: Double) -> Double {
        GSLRuntime.configure()
        var x = gsl_cdf_beta_Pinv(u, a, b)
        if !(x > 0 && x < 1) { x = BetaInverse.quantile(u, a: a, b: b) }
        let lnB = gsl_sf_lnbeta(a, b)
        for _ in 0..<8 {
            let f = exp((a - 1) * log(x) + (b - 1) * log1p(-x) - lnB)
            let residual = u <= 0.5 ? gsl_cdf_beta_P(x, a, b) - u : (1 - u) - gsl_cdf_beta_Q(x, a, b)
            let next = x - residual / f
            if !(next > 0 && next < 1) { break }
            if abs(next - x) < 1e-17 {
                x = next
                break
            }
            x = next
        }
        return x
    }

    /// A dense grid of u: an even grid, log-spaced tails down to 1e-12 and up to 1 − 1e-12.
    static func grid(even: Int, tail: Int) -> [Double] {
        var u = (1...even).map { Double($0) / Double(even + 1) }
        for i in 0..<tail {
            let s = pow(10, -12 + 11.7 * Double(i) / Double(tail - 1))  // 1e-12 ... 0.5
            u.append(s)
            u.append(1 - s)
        }
        u += [1e-12, 1 - 1e-12, 0.5, 0.25, 0.75, 0.125, 2e-9]
        return u
    }

    func check(alpha: Double, beta: Double, points: [Double], file: StaticString = #filePath, line: UInt = #line) {
        guard let table = PertQuantileTable(shape: PertShape(alpha: alpha, beta: beta)) else {
            return XCTFail("no table for (\(alpha), \(beta))", file: file, line: line)
        }
        var worst = 0.0, worstU = 0.0
        for u in points {
            let error = abs(table.unitQuantile(u) - Self.reference(u, alpha, beta))
            if error > worst {
                worst = error
                worstU = u
            }
        }
        XCTAssertLessThan(
            worst, 1e-9, "Beta(\(alpha), \(beta)): worst error \(worst) at u = \(worstU)", file: file, line: line)
    }

    func testAccuracyOnDenseGridForPertShapes() {
        let dense = Self.grid(even: 60_000, tail: 20_000)  // 100,007 points
        check(alpha: 3, beta: 3, points: dense)  // PERT(0, 0.5, 1), λ = 4
        check(alpha: 1, beta: 5, points: dense)  // mode = min
    }

    func testAccuracyForMoreShapes() {
        let grid = Self.grid(even: 6_000, tail: 2_000)
        for (a, b) in [
            (5.0, 1.0), (1.8, 4.2), (1.2, 4.8), (1.5, 2.5), (3.5, 8.5), (1, 1), (1, 2), (21, 11), (101, 1), (501, 501),
            (1001, 1), (1.001, 1000)
        ] {
            check(alpha: a, beta: b, points: grid)
        }
    }
}
