import CGSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Gamma(k, 1) quantile to full double accuracy, for every shape k > 0.
///
/// GSL 2.7.1's `gsl_cdf_gamma_Pinv` returns NaN for many u below 1/2 at shapes under about
/// 0.2 and for scattered u at shapes in the thousands, and `gsl_cdf_gamma_Qinv` silently
/// returns wrong values (F off by half) at shape 0.01 for u in 0.55 ... 0.8; both stop at
/// about 1e-8 relative. So this solves on the CDFs directly (`GammaCDF`: GSL's below shape
/// 10⁴, Temme's expansion above, where GSL's are wrong).
///
/// With s = u and F = P for u ≤ 1/2, s = 1 − u (exact there) and F = Q = 1 − P above
/// (computed directly, not as 1 − P), it solves ln F(x) = ln s by Newton's method in
/// t = ln x, where d ln P / d ln x = x f(x) / P, d ln Q / d ln x = −x f(x) / Q and
/// x f(x) = exp(k ln x − x − ln Γ(k)). In the lower tail ln P is nearly linear in ln x
/// (P ≈ x^k / Γ(k + 1)), so few steps are needed. Every evaluation narrows a bracket
/// [lo, hi] around the root; a step that leaves it is replaced by bisection, geometric when
/// lo > 0, hi² (a jump down in exponent) when lo = 0 and hi < 1, doubling when hi = ∞. The
/// loop stops when a step moves x by at most 4 ulps, and is bounded.
///
/// First guess: the largest of the lower bound x_T = (u Γ(k + 1))^(1/k) (P(x) ≤ x^k/Γ(k + 1)
/// for every x, so x_T never exceeds the quantile), Wilson–Hilferty
/// k (1 − 1/(9k) + z / (3√k))³ with z = Φ⁻¹(u) when that is positive, and in the upper tail
/// the asymptote x ≈ −ln(s Γ(k)) + (k − 1) ln x of Q(x) ≈ x^(k−1) e^(−x) / Γ(k).
/// A quantile below the least positive double (shapes near 0.01 far in the lower tail:
/// P(5e-324) ≈ 6e-4 at k = 0.01) comes out as 0 or 5e-324, the nearest doubles.
public enum GammaInverse {
    /// The u-quantile of Gamma(shape k, scale 1): 0 for u ≤ 0, +∞ for u ≥ 1, NaN for NaN or
    /// an invalid shape.
    public static func quantile(_ u: Double, shape k: Double) -> Double {
        guard k > 0, k.isFinite, !u.isNaN else { return .nan }
        if u <= 0 { return 0 }
        if u >= 1 { return .infinity }
        GSLRuntime.configure()
        let upper = u > 0.5
        let s = upper ? 1 - u : u
        let lnS = log(s)
        let lnGamma = gsl_sf_lngamma(k)
        var x = firstGuess(u, s: s, k: k, lnGamma: lnGamma, upper: upper)
        var lo = 0.0, hi = Double.infinity
        for _ in 0..<300 {
            let f = upper ? GammaCDF.upper(x, shape: k) : GammaCDF.lower(x, shape: k)
            var next = Double.nan
            if f > 0 && f.isFinite {
                let g = log(f) - lnS
                if g == 0 { return x }
                // P rises with x and Q falls: which side of the root x lies on.
                if (g < 0) != upper { lo = x } else { hi = x }
                let slope = exp(k * log(x) - x - lnGamma) / f * (upper ? -1 : 1)
                let step = -g / slope
                if step.isFinite { next = x * exp(step) }
            } else if upper {
                hi = x  // Q(x) underflowed: x is beyond the root
            } else {
                lo = x  // P(x) underflowed
            }
            if !(next > lo && next < hi) {
                if hi == .infinity {
                    next = 2 * lo + 1
                } else if lo > 0 {
                    next = lo.squareRoot() * hi.squareRoot()
                } else {
                    next = hi < 1 ? Swift.max(hi * hi, Double.leastNonzeroMagnitude) : hi / 2
                }
            }
            if abs(next - x) <= 4 * Double.ulpOfOne * x || next <= lo || next >= hi {
                return next
            }
            x = next
        }
        return x
    }

    /// The starting point described in the type's comment (always positive and finite).
    static func firstGuess(_ u: Double, s: Double, k: Double, lnGamma: Double, upper: Bool) -> Double {
        // ln Γ(k + 1) = ln Γ(k) + ln k; ln u is log1p(−s) above the median (s exact).
        let lnU = upper ? log1p(-s) : log(u)
        let lowerBound = exp((lnU + lnGamma + log(k)) / k)
        let z = upper ? -gsl_cdf_ugaussian_Pinv(s) : gsl_cdf_ugaussian_Pinv(u)
        let cube = 1 - 1 / (9 * k) + z / (3 * k.squareRoot())
        var guess = cube > 0 ? k * cube * cube * cube : 0
        if upper && !(guess > 0) {
            let base = -log(s) - lnGamma
            if base > 1 { guess = base + (k - 1) * log(base) }
        }
        guess = Swift.max(guess, lowerBound)
        if !(guess > 0 && guess.isFinite) { guess = Swift.max(k, Double.leastNormalMagnitude) }
        return guess
    }
}
