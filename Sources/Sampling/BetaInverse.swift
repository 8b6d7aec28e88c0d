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
/// bracket are replaced by bisection (geometric when both ends are positive; hi² while the
/// lower end is 0, so that a quantile below 1e-300, as shapes near 0.01 give, is reached in a
/// few steps and one below the least double comes out as 0), and the loop is bounded.
/// For u > 1/2 it uses Q_{a,b}(u) = 1 − Q_{b,a}(1 − u), which keeps the small tail
/// probability exact; when that x is below 1/2 (a median near 0, e.g. a = 0.1, b = 1e6) the
/// subtraction has cost x its relative accuracy, and x is solved again from
/// ln(1 − I_x(a, b)) = ln(1 − u), whose slope is −x f(x) / (1 − I_x). I_x and 1 − I_x are
/// GSL's `gsl_cdf_beta_P` and `gsl_cdf_beta_Q`, consistent (P + Q = 1 to 1e-12) for shapes up
/// to `DistributionFamily.maximumBetaShape`.
public enum BetaInverse {
    /// The u-quantile of Beta(a, b): 0 for u ≤ 0, 1 for u ≥ 1, NaN for NaN or invalid shapes.
    public static func quantile(_ u: Double, a: Double, b: Double) -> Double {
        guard a > 0, b > 0, a.isFinite, b.isFinite, !u.isNaN else { return .nan }
        if u <= 0 { return 0 }
        if u >= 1 { return 1 }
        GSLRuntime.configure()
        let lnBeta = gsl_sf_lnbeta(a, b)
        if u <= 0.5 {
            return lowerTail(u, a: a, b: b, lnBeta: lnBeta)
        }
        let x = 1 - lowerTail(1 - u, a: b, b: a, lnBeta: lnBeta)
        if x >= 0.5 { return x }
        return solve(1 - u, a: a, b: b, lnBeta: lnBeta, upper: true, guess: x > 0 ? x : nil, quadraticStop: 0)
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
        solve(s, a: a, b: b, lnBeta: lnBeta, upper: false, guess: guess, quadraticStop: quadraticStop)
    }

    /// x in (0, 1) with F(x) = s, F = I_x(a, b) or, when `upper`, 1 − I_x(a, b); see `lowerTail`.
    static func solve(
        _ s: Double, a: Double, b: Double, lnBeta: Double, upper: Bool, guess: Double?, quadraticStop: Double
    ) -> Double {
        let lnS = log(s)
        var x: Double
        if let guess, guess > 0, guess < 1 {
            x = guess
        } else {
            x = tailGuess(upper ? 1 - s : s, a: a, lnBeta: lnBeta)
            if !(x > 0 && x < 0.999) { x = a / (a + b) }
        }
        var lo = 0.0, hi = 1.0
        for _ in 0..<200 {
            let p = upper ? gsl_cdf_beta_Q(x, a, b) : gsl_cdf_beta_P(x, a, b)
            var next: Double
            if p > 0 && p.isFinite {
                let g = log(p) - lnS
                if g == 0 { return x }
                // I_x rises with x and 1 − I_x falls: which side of the root x lies on.
                if (g < 0) != upper { lo = x } else { hi = x }
                let slope = x * density(x, a: a, b: b, lnBeta: lnBeta) / p * (upper ? -1 : 1)
                let step = -g / slope
                next = x * exp(step)
                if abs(step) < quadraticStop && next > lo && next < hi { return next }
            } else {
                if upper { hi = x } else { lo = x }
                next = .nan
            }
            if !(next > lo && next < hi) {
                if lo > 0 {
                    next = hi > 2 * lo ? lo.squareRoot() * hi.squareRoot() : 0.5 * (lo + hi)
                } else {
                    next = Swift.max(hi * hi, Double.leastNonzeroMagnitude)
                }
            }
            if abs(next - x) <= 4 * Double.ulpOfOne * x || next <= lo || next >= hi {
                return upper ? next : lastUlps(next, s: s, a: a, b: b)
            }
            x = next
        }
        return upper ? x : lastUlps(x, s: s, a: a, b: b)
    }

    /// Within 32 doubles of 1 a step in ln x is finer than the grid of doubles, and Newton can
    /// settle a few doubles short of a root that lies above them (b ≪ 1 puts the median of
    /// Beta(0.1, 0.01) at 1 − 1e-18, which rounds to 1). There the answer is the first double
    /// x' ≥ x with I_x'(a, b) ≥ s, found by walking up.
    static func lastUlps(_ x: Double, s: Double, a: Double, b: Double) -> Double {
        guard x > 1 - 16 * Double.ulpOfOne else { return x }
        var y = x
        while y < 1 && gsl_cdf_beta_P(y, a, b) < s { y = y.nextUp }
        return y
    }
}
