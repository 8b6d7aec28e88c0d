/// The catalogue's counting and finite families (see `DistributionFamily+Catalogue.swift`).
extension DistributionFamily {
    /// The largest Poisson mean accepted: draws must fit GSL's 32-bit counts.
    public static let maximumPoissonMean = 1e9
    /// The largest binomial trial count accepted. Latin hypercube sampling inverts GSL's
    /// binomial CDF, an incomplete beta function, which (GSL 2.7.1) returns NaN or P + Q ≠ 1
    /// from about 2 million trials on; it is consistent to 1e-12 up to this count.
    public static let maximumBinomialTrials = 1_000_000.0
    /// How far from 1 the probabilities of a `discrete` may sum.
    public static let probabilitySumTolerance = 1e-9

    /// `poisson(mean)`: 0 ≤ mean ≤ 10⁹. Base value, mean and variance: `mean`. Support the
    /// whole numbers from 0 (the point 0 when mean = 0).
    public static let poisson = DistributionFamily(
        "poisson", ["mean"],
        rules: {
            $0.notNegative(0)
            $0.atMost(0, maximumPoissonMean)
        },
        spec: { .poisson(mean: $0[0]) },
        support: { b in (0, b[0].upper > 0 ? .infinity : 0) },
        baseValue: { $0[0] }, mean: { $0[0] }, variance: { $0[0] })

    /// `binomial(n, p)`: n a whole number, 0 ≤ n ≤ 10⁶; 0 ≤ p ≤ 1. Base value and mean n·p;
    /// variance n·p(1 − p). Support 0 ... n (the point 0 when n = 0 or p = 0, n when p = 1).
    public static let binomial = DistributionFamily(
        "binomial", ["n", "p"],
        rules: {
            $0.trials(0, atMost: maximumBinomialTrials)
            $0.probability(1)
        },
        spec: { .binomial(n: Int($0[0]), p: $0[1]) },
        support: { b in
            (b[1].lower >= 1 ? Swift.max(0, b[0].lower) : 0, b[1].upper <= 0 ? 0 : Swift.max(0, b[0].upper))
        },
        baseValue: { $0[0] * $0[1] }, mean: { $0[0] * $0[1] }, variance: { $0[0] * $0[1] * (1 - $0[1]) })

    /// `bernoulli(p)`: 1 with probability p, else 0; 0 ≤ p ≤ 1. Base value: the most probable
    /// value, 1 if p > 0.5, else 0 (so 0 at p = 0.5). Mean p, variance p(1 − p). Support {0, 1}.
    public static let bernoulli = zeroOrOne("bernoulli")

    /// `chance(p)`: the same as `bernoulli(p)`, as a risk's register writes it.
    public static let chance = zeroOrOne("chance")

    private static func zeroOrOne(_ name: String) -> DistributionFamily {
        DistributionFamily(
            name, ["p"],
            rules: { $0.probability(0) },
            spec: { .bernoulli(p: $0[0]) },
            support: { b in (b[0].lower >= 1 ? 1 : 0, b[0].upper <= 0 ? 0 : 1) },
            baseValue: { $0[0] > 0.5 ? 1 : 0 }, mean: { $0[0] }, variance: { $0[0] * (1 - $0[0]) })
    }

    /// `discrete(v1, p1, v2, p2, ...)`: value vᵢ with probability pᵢ. At least one pair; each pᵢ
    /// in 0 ... 1 (at its column) and, when all are known, Σ pᵢ = 1 within 10⁻⁹ (at the
    /// distribution). Base value: the most probable value, repeated values counting together
    /// (`discrete(3, .4, 1, .2, 2, .2, 1, .2)`: 3 and 1 both have 0.4); on a tie the value
    /// written first (3). Mean Σ vᵢpᵢ/Σ pᵢ, variance Σ pᵢ(vᵢ − mean)²/Σ pᵢ. Support: from the
    /// least to the greatest value with a probability above 0.
    public static let discrete = DistributionFamily(
        "discrete", ["value", "probability"], pairs: true,
        form: "discrete takes value-probability pairs (v1, p1, v2, p2, ...)",
        rules: { r in
            var sum = 0.0, allKnown = true
            for i in stride(from: 1, to: r.count, by: 2) {
                guard let p = r[i] else {
                    allKnown = false
                    continue
                }
                if !(0...1).contains(p) {
                    r.fail(i, "discrete probability must be between 0 and 1, i.e. 0% to 100% (it is \(format(p)))")
                    allKnown = false
                }
                sum += p
            }
            if allKnown, Swift.abs(sum - 1) > probabilitySumTolerance {
                r.fail(nil, "discrete probabilities must sum to 1 (100%); they sum to \(format(sum))")
            }
        },
        spec: { p in
            .discrete(
                values: stride(from: 0, to: p.count, by: 2).map { p[$0] },
                probabilities: stride(from: 1, to: p.count, by: 2).map { p[$0] })
        },
        support: { b in
            var lower = Double.nan, upper = Double.nan
            for i in stride(from: 0, to: b.count - 1, by: 2) where b[i + 1].upper > 0 {
                lower = lower.isNaN ? b[i].lower : Swift.min(lower, b[i].lower)
                upper = upper.isNaN ? b[i].upper : Swift.max(upper, b[i].upper)
            }
            return (lower, upper)
        },
        baseValue: { p in
            var total: [Double: Double] = [:], written: [Double] = []
            for i in stride(from: 0, to: p.count, by: 2) {
                if total[p[i]] == nil { written.append(p[i]) }
                total[p[i], default: 0] += p[i + 1]
            }
            var best = written[0]
            for v in written.dropFirst() where total[v]! > total[best]! { best = v }
            return best
        },
        mean: { p in
            let pairs = stride(from: 0, to: p.count, by: 2).map { (p[$0], p[$0 + 1]) }
            return pairs.reduce(0) { $0 + $1.0 * $1.1 } / pairs.reduce(0) { $0 + $1.1 }
        },
        variance: { p in
            let pairs = stride(from: 0, to: p.count, by: 2).map { (p[$0], p[$0 + 1]) }
            let total = pairs.reduce(0) { $0 + $1.1 }
            let m = pairs.reduce(0) { $0 + $1.0 * $1.1 } / total
            return pairs.reduce(0) { $0 + $1.1 * ($1.0 - m) * ($1.0 - m) } / total
        })
}
