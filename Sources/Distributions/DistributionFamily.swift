/// A family of distributions as the scenario language writes it (`pert(min, mode, max)`,
/// `a to b`, ...). Each family is one entry of the catalogue (`DistributionFamily+Catalogue.swift`), and the
/// entry is the only place that knows the family: its name and parameters (so the arity and the
/// expected form in errors), its rules and limits, the `DistributionSpec` its parameters build,
/// its support, base value and moments. The scenario checks, the plan compiler, the samplers
/// and the analysis all ask the entry; nothing else switches over families. (The samplers and
/// quantile functions, which need GSL, are extensions of `DistributionSpec` in `Sampling`.)
///
/// Parameters are given in the order written. A trailing optional parameter takes its default
/// (`pert` lambda = 4) before any rule or formula sees it; `discrete` takes (value,
/// probability) pairs, at least one.
public final class DistributionFamily: Sendable, Hashable, CustomStringConvertible {
    /// A closed interval of values: [lower, upper], either end possibly infinite.
    public typealias Bounds = (lower: Double, upper: Double)

    /// The name as written (`pert`); `interval` for `a to b`, which is not written as a call.
    public let name: String
    /// How messages name the family: the name, or `'a to b'`.
    public let displayName: String
    /// Whether the family is written as a call `name(...)` (every family but `a to b`).
    public let isCall: Bool
    /// The parameters' names in the order written; for a family of pairs, one pair's names.
    public let parameterNames: [String]
    /// The defaults of the trailing optional parameters (`pert`: lambda = 4).
    public let defaults: [Double]
    /// Whether the parameters are (value, probability) pairs, one or more (`discrete`).
    public let takesPairs: Bool
    /// What an arity error says: `pert takes (min, mode, max) or (min, mode, max, lambda)`.
    public let expectedForm: String

    let rules: @Sendable (inout ParameterCheck) -> Void
    let build: @Sendable ([Double]) -> DistributionSpec
    let supportOf: @Sendable ([Bounds]) -> Bounds
    let baseOf: @Sendable ([Double]) -> Double
    let meanOf: @Sendable ([Double]) -> Double
    let varianceOf: @Sendable ([Double]) -> Double

    /// An entry of the catalogue; the closures receive the parameters with defaults filled in,
    /// and (but for `rules` and `support`) only parameters that pass the rules.
    init(
        _ name: String, _ parameterNames: [String], defaults: [Double] = [], pairs: Bool = false,
        displayName: String? = nil, isCall: Bool = true, form: String? = nil,
        rules: @escaping @Sendable (inout ParameterCheck) -> Void,
        spec: @escaping @Sendable ([Double]) -> DistributionSpec,
        support: @escaping @Sendable ([Bounds]) -> Bounds,
        baseValue: @escaping @Sendable ([Double]) -> Double,
        mean: @escaping @Sendable ([Double]) -> Double,
        variance: @escaping @Sendable ([Double]) -> Double
    ) {
        self.name = name
        self.displayName = displayName ?? name
        self.isCall = isCall
        self.parameterNames = parameterNames
        self.defaults = defaults
        self.takesPairs = pairs
        let required = parameterNames.dropLast(defaults.count).joined(separator: ", ")
        let all = parameterNames.joined(separator: ", ")
        self.expectedForm =
            form ?? (defaults.isEmpty ? "\(name) takes (\(all))" : "\(name) takes (\(required)) or (\(all))")
        self.rules = rules
        self.build = spec
        self.supportOf = support
        self.baseOf = baseValue
        self.meanOf = mean
        self.varianceOf = variance
    }

    /// The family called `name` (lower case, as in the catalogue), `interval` included.
    public static func named(_ name: String) -> DistributionFamily? { byName[name] }

    private static let byName: [String: DistributionFamily] =
        Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// Whether `count` parameters are acceptable: the required ones, optionally followed by
    /// the optional ones, or a non-zero number of pairs.
    public func accepts(_ count: Int) -> Bool {
        if takesPairs { return count >= 2 && count % 2 == 0 }
        return count >= parameterNames.count - defaults.count && count <= parameterNames.count
    }

    /// The name of parameter `index` (for pairs, `value` or `probability`).
    public func parameterName(_ index: Int) -> String {
        parameterNames[takesPairs ? index % parameterNames.count : index]
    }

    /// `parameters` with the defaults filled in; nil when the count is not acceptable.
    func completed<T>(_ parameters: [T], _ fill: (Double) -> T) -> [T]? {
        guard accepts(parameters.count) else { return nil }
        if takesPairs { return parameters }
        return parameters + defaults.suffix(parameterNames.count - parameters.count).map(fill)
    }

    /// Every problem with the parameters, in the order of the rules (nil: not known, e.g. a
    /// parameter that depends on a draw; its rules are skipped). A wrong count is the only
    /// problem then; a value that is not finite is reported and its other rules skipped.
    public func problems(_ values: [Double?], _ context: RuleContext) -> [DistributionError] {
        guard let full = completed(values, { $0 }) else {
            return [
                DistributionError(
                    family: self, parameter: nil,
                    message: "\(expectedForm), found \(values.count) parameters")
            ]
        }
        var check = ParameterCheck(family: self, values: full, context: context)
        check.requireFinite()
        rules(&check)
        return check.problems
    }

    /// The first problem with fully known parameters, or nil.
    public func problem(_ parameters: [Double], _ context: RuleContext = .drawn) -> DistributionError? {
        problems(parameters, context).first
    }

    /// The range of values of a draw, from the ranges of the parameters (points when they are
    /// known: then it is the support of that distribution). Wider ranges give the hull of the
    /// supports; `domain` is the case where nothing is known. NaN ends where no parameters in
    /// the ranges are valid (a `discrete` whose every probability is 0).
    public func support(of parameters: [Bounds]) -> Bounds {
        guard let full = completed(parameters, { ($0, $0) }) else { return (.nan, .nan) }
        return supportOf(full)
    }

    /// Every value some member of the family can take: its support when nothing is known of
    /// the parameters (`(0, ∞)` for `lognormal`, `[0, 1]` for `beta`, everything for `pert`).
    public var domain: Bounds {
        support(of: Array(repeating: (-.infinity, .infinity), count: parameterNames.count - defaults.count))
    }

    /// The base value (docs/scenario-language.md §3) at the given parameters; NaN when they are invalid.
    public func baseValue(_ parameters: [Double]) -> Double { valid(parameters).map(baseOf) ?? .nan }

    /// E[X] at the given parameters; NaN when they are invalid.
    public func mean(_ parameters: [Double]) -> Double { valid(parameters).map(meanOf) ?? .nan }

    /// Var[X] at the given parameters; NaN when they are invalid.
    public func variance(_ parameters: [Double]) -> Double { valid(parameters).map(varianceOf) ?? .nan }

    /// The parameters with defaults when they pass the rules of a draw, else nil.
    func valid(_ parameters: [Double]) -> [Double]? {
        problem(parameters) == nil ? completed(parameters, { $0 }) : nil
    }

    public var description: String { name }

    public static func == (a: DistributionFamily, b: DistributionFamily) -> Bool { a.name == b.name }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// Where parameters come from, which decides the degenerate forms.
public enum RuleContext: Sendable, Hashable {
    /// Constants written in the file (`sourcing-sim check`, before anything runs): a degenerate
    /// form that states a constant in a distribution's clothes (triangular or pert min = max,
    /// lognormal p95 = median, `a to b` with a = b, pert lambda = 0) is refused, as it is
    /// almost always a slip.
    case written
    /// Parameters computed during a run from other draws, and distributions built in code: a
    /// degenerate form is the constant (or, for lambda = 0, the uniform) it describes.
    case drawn
}

/// A problem with a distribution's parameters, phrased for the person who wrote them: the
/// message names the family and the parameter (`pert mode (3) must lie between min (5) and
/// max (9)`). `sourcing-sim check` reports it at the parameter's column, a run at the
/// distribution.
public struct DistributionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The family, e.g. `pert`.
    public let family: DistributionFamily
    /// The parameter at fault (its index in the order written), or nil for the whole
    /// distribution (a wrong count, probabilities that do not sum to 1).
    public let parameter: Int?
    /// What is wrong, as a sentence that starts with the family.
    public let message: String

    public init(family: DistributionFamily, parameter: Int?, message: String) {
        self.family = family
        self.parameter = parameter
        self.message = message
    }

    public var description: String { message }
}
