import Sampling
import ScenarioModel
import Simulation

/// Switching values (Green Book): for the inputs that move the decision most, the value at
/// which the option preferred on base-case PV changes, every other input at its base value
/// and no risk occurring.
///
/// The inputs examined are the `top` uncertain inputs with the widest tornado swing on the
/// difference between the two options with the lowest base-case PV. For each, the search range
/// is its P0.1 to P99.9 widened by that width on each side (and kept inside the distribution's
/// support where values outside it mean nothing: non-negative families stay >= 0,
/// probabilities in 0...1). From the base value the range is scanned outwards in 64 steps each
/// way; the first change of preferred option is refined by bisection (60 halvings), and the
/// switch nearer to the base value is reported. No change anywhere in the range: "none in range".
///
/// A discrete input (bernoulli, chance, discrete, poisson, binomial) switches at a value it can
/// take: for bernoulli, chance and discrete the values it takes with a chance above 0 are tried
/// outwards from the base value, and the nearest where the preferred option changes is
/// reported; for poisson and binomial the switch found on the real line is moved outwards to the
/// first whole number (within 0 ... n for a binomial) where the preferred option has changed.
public enum SwitchingValues {
    public struct Row: Sendable {
        public var input: InputID
        public var baseValue: Double
        /// nil: none in range.
        public var switchingValue: Double?
        public var preferredBefore: OptionID
        /// nil: none in range.
        public var preferredAfter: OptionID?
        /// The input is discrete: `switchingValue` is one of the values it can take.
        public var isDiscrete = false
    }

    public static func find(engine: Engine, base: [DeterministicResult], tornado: Tornado, top: Int = 5) -> [Row] {
        let plan = engine.plan
        guard base.count >= 2 else { return [] }
        let order = base.indices.sorted { base[$0].pv < base[$1].pv }
        let (first, second) = (order[0], order[1])
        func preferred(_ results: [DeterministicResult]) -> Int {
            results.indices.min { results[$0].pv < results[$1].pv } ?? 0
        }
        // Rank the inputs by their swing on the difference between the two best options.
        var swings: [(input: InputID, width: Double)] = []
        for (k, input) in plan.inputs.enumerated where input.spec != nil {
            let lo = tornado.low[k], hi = tornado.high[k]
            let width = abs((hi[first].pv - hi[second].pv) - (lo[first].pv - lo[second].pv))
            if width > 0 { swings.append((k, width)) }
        }
        swings.sort { ($0.width, -$0.input.index) > ($1.width, -$1.input.index) }

        var rows: [Row] = []
        for (k, _) in swings.prefix(top) {
            let input = plan.inputs[k]
            guard let spec = input.spec else { continue }
            let b = input.baseValue ?? spec.median
            let before = preferred(base)
            let (lower, upper) = range(input.family, spec: spec)
            func choice(_ x: Double) -> Int { preferred(engine.deterministic([k: .value(x)])) }
            var best: Double?
            let discrete = DiscreteValues(spec)
            if let listed = discrete?.listed {
                // The values it takes, outwards from the base value each way.
                let up = listed.filter { $0 > b }, down = listed.filter { $0 < b }.reversed()
                for side in [Array(up), Array(down)] {
                    guard let x = side.first(where: { choice($0) != before }) else { continue }
                    if best == nil || abs(x - b) < abs(best! - b) { best = x }
                }
            } else {
                for end in [lower, upper] where end != b {
                    guard var x = search(from: b, to: end, before: before, choice: choice) else { continue }
                    if let discrete {
                        guard let whole = discrete.wholeNumber(beyond: x, from: b, before: before, choice: choice)
                        else { continue }
                        x = whole
                    }
                    if best == nil || abs(x - b) < abs(best! - b) { best = x }
                }
            }
            let after = best.map { x in
                OptionID(discrete != nil ? choice(x) : choice(x + (x > b ? 1 : -1) * 1e-9 * max(1, abs(x))))
            }
            rows.append(
                Row(
                    input: k, baseValue: b, switchingValue: best,
                    preferredBefore: OptionID(before), preferredAfter: after, isDiscrete: discrete != nil))
        }
        return rows
    }

    /// The search range described above; the family's domain (`DistributionFamily.domain`, every
    /// value some member of the family can take) bounds it.
    static func range(_ family: Distribution.Family, spec: DistributionSpec) -> (Double, Double) {
        let lo = spec.quantile(0.001), hi = spec.quantile(0.999)
        let width = max(hi - lo, abs(spec.median) * 0.1, 1e-9)
        let domain = family.domain
        return (max(lo - width, domain.lower), min(hi + width, domain.upper))
    }

    /// First change of preferred option going from `start` to `end`, refined by bisection.
    static func search(from start: Double, to end: Double, before: Int, choice: (Double) -> Int) -> Double? {
        let steps = 64
        var inside = start
        for s in 1...steps {
            let x = start + (end - start) * Double(s) / Double(steps)
            if choice(x) != before {
                var a = inside, b = x
                for _ in 0..<60 {
                    let m = (a + b) / 2
                    if choice(m) == before { a = m } else { b = m }
                }
                return (a + b) / 2
            }
            inside = x
        }
        return nil
    }
}

/// The values a discrete input can take, as the switching value search needs them: listed
/// (bernoulli, chance, discrete: the values with a chance above 0, ascending) or whole numbers
/// from 0 up to `upper` (poisson: no bound; binomial: n). nil for a continuous input.
struct DiscreteValues {
    var listed: [Double]?
    var upper = Double.infinity

    init?(_ spec: DistributionSpec) {
        switch spec {
        case .bernoulli(let p):
            listed = [0, 1].filter { $0 == 1 ? p > 0 : p < 1 }
        case .discrete(let values, let probabilities):
            listed = Array(Set(zip(values, probabilities).filter { $0.1 > 0 }.map(\.0))).sorted()
        case .poisson:
            listed = nil
        case .binomial(let n, _):
            listed = nil
            upper = Double(n)
        default:
            return nil
        }
    }

    /// The first whole number at or beyond the real switch `x` (going away from the base value
    /// `b`) within 0 ... `upper` where the preferred option is no longer `before`; a few steps
    /// are tried, since a switch just below a whole number may switch back at it. nil if none.
    func wholeNumber(beyond x: Double, from b: Double, before: Int, choice: (Double) -> Int) -> Double? {
        let step: Double = x > b ? 1 : -1
        var v = step > 0 ? x.rounded(.down) : x.rounded(.up)
        for _ in 0..<4 {
            if v >= 0, v <= upper, (v - b) * step > 0, choice(v) != before { return v }
            v += step
        }
        return nil
    }
}
