import Distributions

/// What the expression language calls: its functions and distributions, how many arguments each
/// takes, and how to say so in an error (for distributions the catalogue, `DistributionFamily`,
/// knows). Names are matched in any letter case (`PERT(...)`, `MIN(...)` as in a spreadsheet).
enum ExpressionCallee: Sendable, Equatable {
    case function(Function)
    case distribution(Distribution.Family)

    /// Every name that can be called, for "did you mean" suggestions.
    static let allNames: [String] =
        Function.allCases.map(\.rawValue) + DistributionFamily.all.filter(\.isCall).map(\.name)

    static func named(_ name: String) -> ExpressionCallee? {
        let lower = name.lowercased()
        if let f = Function(rawValue: lower) { return .function(f) }
        if let d = DistributionFamily.named(lower), d.isCall { return .distribution(d) }
        return nil
    }

    var name: String {
        switch self {
        case .function(let f): return f.rawValue
        case .distribution(let d): return d.name
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
            return d.accepts(n)
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
            return d.expectedForm
        }
    }
}
