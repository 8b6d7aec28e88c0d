import CGSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plain Monte Carlo draws.
///
/// GSL samplers: normal `mean + gsl_ran_gaussian_ziggurat(sd)`; lognormal and interval
/// `exp(μ + σ · gsl_ran_gaussian_ziggurat(1))` (exactly lognormal, and about three times as
/// fast as `gsl_ran_lognormal`, which uses the polar Box–Muller method); pert
/// `min + (max − min) · gsl_ran_beta(α, β)`; `gsl_ran_beta`, `gsl_ran_gamma`,
/// `gsl_ran_weibull`, `gsl_ran_exponential`, `gsl_ran_poisson`, `gsl_ran_binomial`;
/// uniform `min + (max − min) · U[0,1)`; loguniform its closed-form inverse CDF of U[0,1);
/// bernoulli `U[0,1) < p`; triangular by its closed-form inverse CDF of U(0,1); discrete by a
/// cumulative search of U[0,1) · Σp in the order the values were given.
///
/// `fill` consumes the stream exactly as repeated `sample` calls do, so the two give the same
/// numbers for the same seed. An invalid distribution yields NaN and consumes nothing.
extension DistributionSpec {
    /// One draw.
    public func sample(_ stream: RandomStream) -> Double {
        guard isValid else { return .nan }
        let r = stream.pointer
        switch self {
        case .normal(let mean, let sd):
            return mean + gsl_ran_gaussian_ziggurat(r, sd)
        case .lognormal, .interval:
            let (mu, sigma) = logNormalParameters ?? (.nan, .nan)
            return exp(mu + sigma * gsl_ran_gaussian_ziggurat(r, 1))
        case .triangular(let lo, let mode, let hi):
            return Self.triangularQuantile(cgsl_uniform_pos(r), lo, mode, hi)
        case .pert(let lo, _, let hi, _):
            guard let shape = pertShape else { return lo }
            return Swift.min(lo + (hi - lo) * gsl_ran_beta(r, shape.alpha, shape.beta), hi)
        case .uniform(let lo, let hi):
            return lo + (hi - lo) * cgsl_uniform(r)
        case .loguniform(let lo, let hi):
            return Self.logUniformQuantile(cgsl_uniform(r), lo, hi)
        case .beta(let a, let b):
            return gsl_ran_beta(r, a, b)
        case .gamma(let k, let theta):
            return gsl_ran_gamma(r, k, theta)
        case .weibull(let scale, let k):
            return gsl_ran_weibull(r, scale, k)
        case .exponential(let mean):
            return gsl_ran_exponential(r, mean)
        case .poisson(let mean):
            return Double(gsl_ran_poisson(r, mean))
        case .binomial(let n, let p):
            return Double(gsl_ran_binomial(r, p, UInt32(n)))
        case .bernoulli(let p):
            return cgsl_uniform(r) < p ? 1 : 0
        case .discrete(let values, let probabilities):
            let total = probabilities.reduce(0, +)
            let target = cgsl_uniform(r) * total
            var running = 0.0
            for (v, p) in zip(values, probabilities) {
                running += p
                if target < running { return v }
            }
            return Self.lastPossible(values, probabilities)
        }
    }

    /// Fills `buffer` with independent draws: one switch, then a tight loop per family.
    public func fill(_ buffer: UnsafeMutableBufferPointer<Double>, stream: RandomStream) {
        guard let out = buffer.baseAddress, buffer.count > 0 else { return }
        let n = buffer.count
        guard isValid else {
            out.update(repeating: .nan, count: n)
            return
        }
        let r = stream.pointer
        switch self {
        case .normal(let mean, let sd):
            for i in 0..<n { out[i] = mean + gsl_ran_gaussian_ziggurat(r, sd) }
        case .lognormal, .interval:
            let (mu, sigma) = logNormalParameters ?? (.nan, .nan)
            for i in 0..<n { out[i] = exp(mu + sigma * gsl_ran_gaussian_ziggurat(r, 1)) }
        case .triangular(let lo, let mode, let hi):
            for i in 0..<n { out[i] = Self.triangularQuantile(cgsl_uniform_pos(r), lo, mode, hi) }
        case .pert(let lo, _, let hi, _):
            guard let shape = pertShape else {
                out.update(repeating: lo, count: n)
                return
            }
            let range = hi - lo, a = shape.alpha, b = shape.beta
            for i in 0..<n { out[i] = Swift.min(lo + range * gsl_ran_beta(r, a, b), hi) }
        case .uniform(let lo, let hi):
            let range = hi - lo
            for i in 0..<n { out[i] = lo + range * cgsl_uniform(r) }
        case .loguniform(let lo, let hi):
            for i in 0..<n { out[i] = Self.logUniformQuantile(cgsl_uniform(r), lo, hi) }
        case .beta(let a, let b):
            for i in 0..<n { out[i] = gsl_ran_beta(r, a, b) }
        case .gamma(let k, let theta):
            for i in 0..<n { out[i] = gsl_ran_gamma(r, k, theta) }
        case .weibull(let scale, let k):
            for i in 0..<n { out[i] = gsl_ran_weibull(r, scale, k) }
        case .exponential(let mean):
            for i in 0..<n { out[i] = gsl_ran_exponential(r, mean) }
        case .poisson(let mean):
            for i in 0..<n { out[i] = Double(gsl_ran_poisson(r, mean)) }
        case .binomial(let trials, let p):
            let count = UInt32(trials)
            for i in 0..<n { out[i] = Double(gsl_ran_binomial(r, p, count)) }
        case .bernoulli(let p):
            for i in 0..<n { out[i] = cgsl_uniform(r) < p ? 1 : 0 }
        case .discrete(let values, let probabilities):
            // The same running sums as `sample`, searched by bisection: first i with t < cum[i].
            var cumulative = [Double](repeating: 0, count: probabilities.count)
            var running = 0.0
            for (i, p) in probabilities.enumerated() {
                running += p
                cumulative[i] = running
            }
            let total = probabilities.reduce(0, +)
            let fallback = Self.lastPossible(values, probabilities)
            cumulative.withUnsafeBufferPointer { cum in
                values.withUnsafeBufferPointer { v in
                    let last = cum.count - 1
                    for i in 0..<n {
                        let target = cgsl_uniform(r) * total
                        if !(target < cum[last]) {
                            out[i] = fallback
                            continue
                        }
                        var lo = 0, hi = last
                        while lo < hi {
                            let mid = (lo + hi) >> 1
                            if target < cum[mid] { hi = mid } else { lo = mid + 1 }
                        }
                        out[i] = v[lo]
                    }
                }
            }
        }
    }

    /// The last value with positive probability (reached only through rounding).
    static func lastPossible(_ values: [Double], _ probabilities: [Double]) -> Double {
        for (v, p) in zip(values, probabilities).reversed() where p > 0 { return v }
        return values.last ?? .nan
    }

    /// The triangular inverse CDF. With r = b − a and the mode's distances from the ends as
    /// fractions p = (c − a)/r = F(c) and q = (b − c)/r (so nothing overflows for ends near
    /// ±1e308): Q(u) = a + r√(u p) for u < p, else b − r√((1 − u) q). The end nearer the
    /// quantile is the base, so a tail quantile keeps its relative distance from that end:
    /// for u ≤ 1/2 right of the mode x − a = r (p + u q)/(1 + √((1 − u) q)), and for u > 1/2
    /// left of it b − x = r (q + (1 − u) p)/(1 + √(u p)) (the same values, rearranged so
    /// that no 1 − √(1 − ε) cancels when the mode sits at an end).
    @inline(__always)
    static func triangularQuantile(_ u: Double, _ a: Double, _ c: Double, _ b: Double) -> Double {
        let range = b - a
        guard range > 0 else { return a }
        let p = (c - a) / range, q = (b - c) / range
        let x: Double
        if u < p {
            let root = (u * p).squareRoot()
            x = u <= 0.5 ? a + range * root : b - range * ((q + (1 - u) * p) / (1 + root))
        } else {
            let root = ((1 - u) * q).squareRoot()
            x = u > 0.5 ? b - range * root : a + range * ((p + u * q) / (1 + root))
        }
        return Swift.min(Swift.max(x, a), b)
    }

    /// The loguniform inverse CDF, exp(ln a + u (ln b − ln a)), kept inside [a, b].
    @inline(__always)
    static func logUniformQuantile(_ u: Double, _ a: Double, _ b: Double) -> Double {
        let (la, lb) = (log(a), log(b))
        return Swift.min(Swift.max(exp(la + u * (lb - la)), a), b)
    }
}
