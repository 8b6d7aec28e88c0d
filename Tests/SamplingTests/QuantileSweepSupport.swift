import CGSL
import Foundation
import Sampling
import XCTest

/// Round-trip checks of quantile functions over grids of parameters and probabilities.
///
/// Continuous families: for u ≤ 1/2 the check is |F(x) − u| ≤ 1e-9·u + |F(x⁺) − F(x⁻)| with
/// x = Q(u) and F the lower-tail CDF from GSL; for u > 1/2 the same with the upper-tail
/// function G = 1 − F (GSL's `_Q`) against 1 − u, which is exact there. 1e-9 relative is
/// the accuracy the sampler promises (the PERT table's contract); it is loose next to the
/// 1e-13 or so a double-precision inverse reaches, but tight enough that any wrong branch,
/// any NaN and any stalled iteration fails it. The second term, the change of F between
/// x⁻ and x⁺, the doubles 4 ulps either side of x (kept inside the support), is what
/// computing x in floating point may cost: the inverses stop within 4 ulps, and a location
/// family rounds min + range·X once more. It is what lets quantiles that underflow pass
/// (gamma, beta and weibull shapes near 0.01 put the lower tail below 1e-308, where the
/// nearest double is 0) and is far below 1e-9·u wherever the density is moderate.
/// Discrete families: Q(u) is the smallest support point k with F(k) ≥ u.
enum QuantileSweep {
    /// Probabilities from 1e-12 to 1 − 1e-12: 4 points a decade in each tail and a body grid.
    static let probabilities: [Double] = {
        var u: [Double] = []
        for i in 0...44 {
            let s = pow(10, -12 + Double(i) / 4)  // 1e-12 ... 1e-1
            u.append(s)
            u.append(1 - s)
        }
        u += stride(from: 0.15, through: 0.85, by: 0.05).map { $0 }
        u += [0.5, 1e-12, 1 - 1e-12, 0.3141592653589793, 0.7182818284590452]
        return u.sorted()
    }()

    /// Log-spaced values from `from` to `to`, `perDecade` a decade (both ends included).
    static func logGrid(_ from: Double, _ to: Double, perDecade: Int) -> [Double] {
        let decades = log10(to / from)
        let steps = max(1, Int((decades * Double(perDecade)).rounded()))
        return (0...steps).map { from * pow(10, decades * Double($0) / Double(steps)) }
    }

    /// Failures of the continuous round trip for one distribution, as readable lines.
    static func continuousFailures(
        _ spec: DistributionSpec, lower: @escaping (Double) -> Double, upper: @escaping (Double) -> Double,
        probabilities: [Double] = probabilities
    ) -> [String] {
        var failures: [String] = []
        for u in probabilities {
            let x = spec.quantile(u)
            guard !x.isNaN else {
                failures.append("\(spec) u=\(u): NaN")
                continue
            }
            let (lo, hi) = spec.support
            guard x >= lo && x <= hi else {
                failures.append("\(spec) u=\(u): x=\(x) outside [\(lo), \(hi)]")
                continue
            }
            let tail = u <= 0.5
            let f: (Double) -> Double = tail ? lower : upper
            let target = tail ? u : 1 - u
            let rounding = abs(f(Self.ulps(4, from: x, toward: hi)) - f(Self.ulps(4, from: x, toward: lo)))
            let error = abs(f(x) - target)
            if !(error <= 1e-9 * target + rounding) {
                failures.append("\(spec) u=\(u): x=\(x), F=\(f(x)) vs \(target) (error \(error / target) relative)")
            }
        }
        return failures
    }

    /// The double `n` ulps from `x` toward `limit`, not past it.
    static func ulps(_ n: Int, from x: Double, toward limit: Double) -> Double {
        var y = x
        for _ in 0..<n where y != limit { y = limit > y ? y.nextUp : y.nextDown }
        return limit > x ? Swift.min(y, limit) : Swift.max(y, limit)
    }

    /// A scale family: Q(u; θ) must be exactly θ · Q(u; 1), at θ = 1e-3 and 2.5e6.
    static func scalingFailures(
        _ spec: (Double) -> DistributionSpec, probabilities: [Double] = probabilities
    ) -> [String] {
        var failures: [String] = []
        for theta in [1e-3, 2.5e6] {
            for u in probabilities where spec(theta).quantile(u) != theta * spec(1).quantile(u) {
                failures.append(
                    "\(spec(theta)) u=\(u): \(spec(theta).quantile(u)) is not \(theta) × \(spec(1).quantile(u))")
            }
        }
        return failures
    }

    /// Failures of the discrete property (smallest support point with F(k) ≥ u).
    static func discreteFailures(
        _ spec: DistributionSpec, cdf: (Int) -> Double, probabilities: [Double] = probabilities
    ) -> [String] {
        var failures: [String] = []
        let lowest = spec.support.lower
        for u in probabilities {
            let x = spec.quantile(u)
            guard x.isFinite, x == x.rounded(), x >= lowest, x <= spec.support.upper else {
                failures.append("\(spec) u=\(u): k=\(x)")
                continue
            }
            let k = Int(x)
            if !(cdf(k) >= u) { failures.append("\(spec) u=\(u): k=\(k) but F(k)=\(cdf(k)) < u") }
            if Double(k) > lowest && !(cdf(k - 1) < u) {
                failures.append("\(spec) u=\(u): k=\(k) but F(k-1)=\(cdf(k - 1)) >= u")
            }
        }
        return failures
    }

    /// Fails the test with the number of failures and the first few.
    static func assertNone(_ failures: [String], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        guard !failures.isEmpty else { return }
        XCTFail(
            "\(what): \(failures.count) failures, first: \n" + failures.prefix(12).joined(separator: "\n"),
            file: file, line: line)
    }
}
