import Sampling
import ScenarioModel

extension DistributionSpec {
    /// The sampler for a distribution written in a scenario, from its evaluated parameters in
    /// the order written (docs/scenario-language.md §3); `.failure` carries a message when they
    /// are invalid.
    public static func make(_ family: Distribution.Family, parameters p: [Double]) -> Result<DistributionSpec, SpecError> {
        func need(_ count: Int) -> Bool { p.count == count }
        let spec: DistributionSpec?
        switch family {
        case .normal: spec = need(2) ? .normal(mean: p[0], sd: p[1]) : nil
        case .lognormal: spec = need(2) ? .lognormal(median: p[0], p95: p[1]) : nil
        case .interval: spec = need(2) ? .interval(p5: p[0], p95: p[1]) : nil
        case .triangular: spec = need(3) ? .triangular(min: p[0], mode: p[1], max: p[2]) : nil
        case .pert:
            spec = need(3) ? .pert(min: p[0], mode: p[1], max: p[2], lambda: 4)
                : need(4) ? .pert(min: p[0], mode: p[1], max: p[2], lambda: p[3]) : nil
        case .uniform: spec = need(2) ? .uniform(min: p[0], max: p[1]) : nil
        case .beta: spec = need(2) ? .beta(a: p[0], b: p[1]) : nil
        case .gamma: spec = need(2) ? .gamma(shape: p[0], scale: p[1]) : nil
        case .weibull: spec = need(2) ? .weibull(scale: p[0], shape: p[1]) : nil
        case .exponential: spec = need(1) ? .exponential(mean: p[0]) : nil
        case .poisson: spec = need(1) ? .poisson(mean: p[0]) : nil
        case .binomial:
            // Any whole n that fits an Int becomes a spec, so that one above the limit gets
            // the validation's message rather than "wrong number or kind".
            if need(2), p[0].isFinite, p[0] >= 0, p[0] == p[0].rounded(), p[0] <= 1e15 {
                spec = .binomial(n: Int(p[0]), p: p[1])
            } else {
                spec = nil
            }
        case .bernoulli, .chance: spec = need(1) ? .bernoulli(p: p[0]) : nil
        case .discrete:
            if p.count >= 2, p.count % 2 == 0 {
                spec = .discrete(values: stride(from: 0, to: p.count, by: 2).map { p[$0] },
                                 probabilities: stride(from: 1, to: p.count, by: 2).map { p[$0] })
            } else {
                spec = nil
            }
        }
        guard let spec else {
            return .failure(SpecError(message: "\(family.rawValue): wrong number or kind of parameters"))
        }
        if let problem = spec.problem { return .failure(SpecError(message: problem.description)) }
        return .success(spec)
    }

    public struct SpecError: Error, Sendable {
        public var message: String
    }
}
