/// What the expression language calls: its functions and distributions, how many arguments each
/// takes, and how to say so in an error. Names are matched in any letter case (`PERT(...)`,
/// `MIN(...)` as in a spreadsheet).
enum ExpressionCallee: Sendable, Equatable {
    case function(Function)
    case distribution(Distribution.Family)

    /// Every name that can be called, for "did you mean" suggestions.
    static let allNames: [String] =
        Function.allCases.map(\.rawValue) + Distribution.Family.allCases.filter { $0 != .interval }.map(\.rawValue)

    static func named(_ name: String) -> ExpressionCallee? {
        let lower = name.lowercased()
        if let f = Function(rawValue: lower) { return .function(f) }
        if lower != Distribution.Family.interval.rawValue, let d = Distribution.Family(rawValue: lower) {
            return .distribution(d)
        }
        return nil
    }

    var name: String {
        switch self {
        case .function(let f): return f.rawValue
        case .distribution(let d): return d.rawValue
        }
    }

    /// Whether `n` arguments are acceptable.
    func accepts(_ n: Int) -> Bool {
        switch self {
        case .function(let f):
            switch f {
            case .min, .max: return n >= 1
            case .if, .clamp: return n == 3
            case .round: return n == 1
            }
        case .distribution(let d):
            switch d {
            case .normal, .lognormal, .uniform, .beta, .gamma, .weibull, .binomial: return n == 2
            case .triangular: return n == 3
            case .pert: return n == 3 || n == 4
            case .exponential, .poisson, .bernoulli, .chance: return n == 1
            case .discrete: return n >= 2 && n % 2 == 0
            case .interval: return n == 2
            }
        }
    }

    /// The expected form, e.g. `pert takes (min, mode, max) or (min, mode, max, lambda)`.
    var expectedForm: String {
        switch self {
        case .function(let f):
            switch f {
            case .min: return "min takes one or more values: min(a, b, ...)"
            case .max: return "max takes one or more values: max(a, b, ...)"
            case .if: return "if takes (condition, value if true, value if false)"
            case .round: return "round takes one value: round(x)"
            case .clamp: return "clamp takes (x, lo, hi)"
            }
        case .distribution(let d):
            switch d {
            case .normal: return "normal takes (mean, sd)"
            case .lognormal: return "lognormal takes (median, p95)"
            case .triangular: return "triangular takes (min, mode, max)"
            case .pert: return "pert takes (min, mode, max) or (min, mode, max, lambda)"
            case .uniform: return "uniform takes (min, max)"
            case .beta: return "beta takes (a, b)"
            case .gamma: return "gamma takes (shape, scale)"
            case .weibull: return "weibull takes (scale, shape)"
            case .exponential: return "exponential takes (mean)"
            case .poisson: return "poisson takes (mean)"
            case .binomial: return "binomial takes (n, p)"
            case .bernoulli: return "bernoulli takes (p)"
            case .chance: return "chance takes (p)"
            case .discrete: return "discrete takes value-probability pairs (v1, p1, v2, p2, ...)"
            case .interval: return "an interval is written 'a to b'"
            }
        }
    }
}
