import ScenarioSyntax

/// A risk's `chance` and a line's `share` are probabilities: every value they take must lie in
/// 0...1 (docs/scenario-language.md §3). Nothing clamps them.
///
/// - A constant outside 0...1 is an error at the expression.
/// - An expression whose `ValueRange` (interval arithmetic over the supports of its
///   distributions, through the named inputs it uses) provably leaves 0...1 is an error at the
///   expression: `pert(90%, 120%, 150%)`, `-pert(3%, 5%, 8%)`, `pert(0.5, 1, 1.5)`.
/// - An expression whose range cannot be bounded statically on the offending side (an unbounded
///   `normal`, a division by a range through zero) is left to the run, which fails if any
///   draw leaves 0...1 (`ValueCheck.Kind.probability` in the engine).
extension ScenarioBuilder {
    /// Returns false after reporting an error.
    @discardableResult
    func checkProbability(_ e: Expr, _ what: String, scope: Scope) -> Bool {
        if let v = ExpressionChecks.constantValue(e) {
            // A constant that is not finite is reported by the expression checks.
            guard v.isFinite, !(0...1).contains(v) else { return true }
            error("\(what) must be between 0% and 100%, not \(format(v * 100))%", at: e.mark)
            return false
        }
        // Nor is a range that holds one.
        guard NonFiniteConstants.check(e).isEmpty else { return true }
        let range = ValueRange.of(e) { inputExpression($0, scope: scope) }
        guard range.provablyLeavesProbability else { return true }
        error(
            "\(what) must be between 0% and 100%, but over the ranges of its distributions \(describe(range))",
            at: e.mark)
        return false
    }

    /// The expression of a named input visible in `scope` (the option's own first), as read
    /// (after any `--set` override).
    func inputExpression(_ name: String, scope: Scope) -> Expr? {
        if let option = scope.option, let e = inputValues[InputKey(option: option, name: name)] { return e }
        return inputValues[InputKey(option: nil, name: name)]
    }

    /// How a range leaves 0...1, in percent: "it can reach 150%", "it can fall to -8%", "it can
    /// be anywhere from -8% to 150%", "it is always between -8% and -3%", "it is always 120% or
    /// more", "it is always -3% or less".
    private func describe(_ r: ValueRange) -> String {
        func p(_ x: Double) -> String { format(x * 100) + "%" }
        if r.upper < 0 || r.lower > 1 {
            if r.lower.isFinite && r.upper.isFinite { return "it is always between \(p(r.lower)) and \(p(r.upper))" }
            return r.lower.isFinite ? "it is always \(p(r.lower)) or more" : "it is always \(p(r.upper)) or less"
        }
        let low = r.lower.isFinite && r.lower < 0, high = r.upper.isFinite && r.upper > 1
        if low && high { return "it can be anywhere from \(p(r.lower)) to \(p(r.upper))" }
        return high ? "it can reach \(p(r.upper))" : "it can fall to \(p(r.lower))"
    }
}
