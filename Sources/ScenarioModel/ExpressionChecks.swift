import Distributions
import ScenarioSyntax

/// Static checks and queries over expressions. Every walker stops below `maxDepth` levels (the
/// parser never builds trees deeper than `ExpressionGrammar.maxTreeDepth`).
public enum ExpressionChecks {
    static let maxDepth = 1_000

    /// Parameter checks of every distribution inside `e` (nested ones included): the rules of
    /// its family in the catalogue (`DistributionFamily`, `RuleContext.written`), applied to the
    /// parameters that are constants (no names, no distributions). Each error points at the
    /// offending parameter, or at the distribution for a wrong count or probabilities that do
    /// not sum to 1.
    ///
    /// Then every constant sub-expression must be a finite number (`NonFiniteConstants`): a
    /// parameter such as `1/0` is reported there, once, and its rules are skipped.
    public static func check(_ e: Expr) -> [Diagnostic] {
        distributions(in: e).flatMap(DistributionRules.check) + NonFiniteConstants.check(e)
    }

    /// Folds constant sub-expressions; returns the value if `e` is constant (no names, no
    /// distributions). Durations are converted to months. Arithmetic follows `BaseValue`.
    public static func constantValue(_ e: Expr) -> Double? {
        ExpressionEvaluator(lookup: { _ in nil }, distributions: false).value(e, depth: 0)
    }

    /// All names referenced, with marks, in source order (repeats included).
    public static func names(in e: Expr) -> [(name: String, mark: SourceMark)] {
        var result: [(name: String, mark: SourceMark)] = []
        walk(e, depth: 0) { node in
            if case .name(let n) = node.kind { result.append((n, node.mark)) }
        }
        return result
    }

    /// All distributions, outermost first, in source order (pre-order).
    public static func distributions(in e: Expr) -> [Distribution] {
        var result: [Distribution] = []
        walk(e, depth: 0) { node in
            if case .distribution(let d) = node.kind { result.append(d) }
        }
        return result
    }

    /// Visits `e` and its sub-expressions in pre-order (parameters in the order written).
    static func walk(_ e: Expr, depth: Int, _ visit: (Expr) -> Void) {
        guard depth < maxDepth else { return }
        visit(e)
        switch e.kind {
        case .number, .name: break
        case .negate(let x), .duration(let x, _): walk(x, depth: depth + 1, visit)
        case .binary(_, let a, let b):
            walk(a, depth: depth + 1, visit)
            walk(b, depth: depth + 1, visit)
        case .function(_, let args): for a in args { walk(a, depth: depth + 1, visit) }
        case .distribution(let d): for a in d.parameters { walk(a, depth: depth + 1, visit) }
        }
    }
}

/// The parameter rules of `ExpressionChecks.check`, one distribution at a time.
enum DistributionRules {
    static func check(_ d: Distribution) -> [Diagnostic] {
        let exprs = d.parameters
        // A parameter that is not finite is reported by `NonFiniteConstants`.
        let values = exprs.map { ExpressionChecks.constantValue($0).flatMap { $0.isFinite ? $0 : nil } }
        return d.family.problems(values, .written).map { problem in
            let at = problem.parameter.flatMap { $0 < exprs.count ? exprs[$0].mark : nil } ?? d.mark
            return .error(problem.message, at: at)
        }
    }
}
