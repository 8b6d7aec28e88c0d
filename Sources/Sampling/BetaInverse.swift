import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Beta(a, b) quantile to full double accuracy (slow: microseconds).
///
/// For u ≤ 1/2 it solves ln I_x(a, b) = ln u by Newton's method in ln x, where
/// d ln I / d ln x = x f(x) / I_x(a, b) and f is the density; ln I is nearly linear in ln x in
/// the lower tail (I ≈ x^a / (a B(a, b))), so few steps are needed. Steps leaving the current
/// bracket are replaced by bisection (geometric when both ends are positive), and the loop is
/// bounded. For u > 1/2 it uses Q_{a,b}(u) = 1 − Q_{b,a}(1 − u), which keeps the small tail
/// probability exact. I_x is GSL's `gsl_cdf_beta_P`.
public enum BetaInverse {
    /// The u-quantile of Beta(a, b): 0 for u ≤ 0, 1 for u ≥ 1, NaN for NaN or invalid shapes.
    public static func quantile(_ u: Double, a: Double, b: Double) -> Double {
        guard a > 0, b > 0, a.isFinite, b.isFinite, !u.isNaN else { return .nan }
        if u <= 0 { return 0 }
        if u >= 1 { return 1 }
        GSLRuntime.configure()
        if u <= 0.5 {
            return lowerTail(u, a: a, b: b, lnBeta: gsl_sf_lnbeta(a, b))
        }
        return 1 - lowerTail(1 - u, a: b, b: a, lnBeta: gsl_sf_lnbeta(a, b))
    }

    /// The density of Beta(a, b) at x in (0, 1), given ln B(a, b).
    @inline(__always)
    static func density(_ x: Double, a: Double, b: Double, lnBeta: Double) -> Double {
        exp((a - 1) * log(x) + (b - 1) * log1p(-x) - lnBeta)
    }

    /// The leading-order lower-tail quantile: I_x ≈ x^a / (a B), so x ≈ (s a B)^(1/a).
    @inline(__always)
    static func tailGuess(_ s: Double, a: Double, lnBeta: Double) -> Double {
        exp((log(s) + log(a) + lnBeta) / a)
    }

    /// x in (0, 1) with I_x(a, b) = s, for s in (0, 1/2]; `guess` (if in (0, 1)) starts Newton.
    /// Newton converges quadratically (error after a step ≈ C·step², C = O(1) in ln x), so
    /// once a Newton step is below `quadraticStop` (relative) it is taken and returned without
    /// another evaluation: 1e-7 leaves an error near 1e-14·x. 0 iterates to the last bit.
    static func lowerTail(
        _ s: Double, a: Double, b: Double, lnBeta: Double, guess: Double? = nil, quadraticStop: Double = 0
    ) -> Double {
        let lnS = log(s)
        var x: Double
        if let guess, guess > 0, guess < 1 {
            x = guess
        } else {
            x = tailGuess(s, a: a, lnBeta: lnBeta)
            if !(x > 0 && x < 0.999) { x = a / (a + b) }
        }
        var lo = 0.0, hi = 1.0
        for _ in 0..<200 {
            let p = gsl_cdf_beta_P(x, a, b)
            var next: Double
            if p > 0 && p.isFinite {
                let g = log(p) - lnS
                if g == 0 { return x }
                if g < 0 { lo = x } else { hi = x }
                let slope = x * density(x, a: a, b: b, lnBeta: lnBeta) / p
                let step = -g / slope
                next = x * exp(step)
                if abs(step) < quadraticStop && next > lo && next < hi { return next }
            } else {
                lo = x
                next = .nan
            }
            if !(next > lo && next < hi) {
                next = (lo > 0 && hi > 2 * lo) ? (lo * hi).squareRoot() : 0.5 * (lo + hi)
            }
            if abs(next - x) <= 4 * Double.ulpOfOne * x || next == lo || next == hi {
                return next
            }
            x = next
        }
        return x
    }
}
