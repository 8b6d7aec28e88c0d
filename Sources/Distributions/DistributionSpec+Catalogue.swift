/// What a `DistributionSpec` is, asked of its family's entry in the catalogue: the rules that
/// make it valid, its support, moments and base value. `NaN` for invalid parameters.
extension DistributionSpec {
    /// The distribution of `family` at parameters in the order written (pert's lambda may be
    /// left out); `.failure` carries the first problem (`RuleContext.drawn`: a degenerate form
    /// is the constant it describes).
    public static func make(_ family: DistributionFamily, parameters: [Double]) -> Result<
        DistributionSpec, DistributionError
    > {
        if let problem = family.problem(parameters) { return .failure(problem) }
        return .success(family.build(family.completed(parameters, { $0 }) ?? parameters))
    }

    /// The first problem with the parameters, or nil when they define a distribution.
    public var problem: DistributionError? {
        if case .discrete(let values, let probabilities) = self, values.count != probabilities.count {
            return DistributionError(
                family: .discrete, parameter: nil,
                message: "discrete needs as many probabilities (\(probabilities.count)) as values (\(values.count))")
        }
        return family.problem(parameters)
    }

    /// Whether `validate()` succeeds; cheap for every family but `discrete` (linear).
    public var isValid: Bool { problem == nil }

    /// Throws the first problem with the parameters, if any.
    public func validate() throws(DistributionError) {
        if let problem { throw problem }
    }

    /// The support [lower, upper] (a single point for degenerate parameters).
    public var support: (lower: Double, upper: Double) {
        family.support(of: parameters.map { ($0, $0) })
    }

    /// E[X] (the formulas are in the catalogue).
    public var mean: Double { isValid ? family.meanOf(parameters) : .nan }

    /// Var[X] (the formulas are in the catalogue).
    public var variance: Double { isValid ? family.varianceOf(parameters) : .nan }

    /// The standard deviation, √Var[X].
    public var standardDeviation: Double { variance.squareRoot() }

    /// The value a deterministic base case uses for this input (docs/scenario-language.md §3; the rule
    /// of each family is in the catalogue).
    public var baseValue: Double { isValid ? family.baseOf(parameters) : .nan }
}
