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
public enum SwitchingValues {
    public struct Row: Sendable {
        public var input: InputID
        public var baseValue: Double
        /// nil: none in range.
        public var switchingValue: Double?
        public var preferredBefore: OptionID
        /// nil: none in range.
        public var preferredAfter: OptionID?
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
            for end in [lower, upper] where end != b {
                guard let x = search(from: b, to: end, before: before, choice: choice) else { continue }
                if best == nil || abs(x - b) < abs(best! - b) { best = x }
            }
            let after = best.map { OptionID(choice($0 + ($0 > b ? 1 : -1) * 1e-9 * max(1, abs($0)))) }
            rows.append(
                Row(
                    input: k, baseValue: b, switchingValue: best,
                    preferredBefore: OptionID(before), preferredAfter: after))
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
