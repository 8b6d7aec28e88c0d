import ScenarioSyntax

/// Static checks and queries over expressions. Every walker stops below `maxDepth` levels (the
/// parser never builds trees deeper than `ExpressionGrammar.maxTreeDepth`).
public enum ExpressionChecks {
    static let maxDepth = 1_000

    /// Parameter checks of every distribution inside `e` (nested ones included). A rule is applied
    /// when the parameters it involves are constants (no names, no distributions); each error
    /// points at the offending parameter:
    /// - `triangular`, `pert`: min < max (at min), min <= mode <= max (at mode); pert lambda > 0;
    /// - `uniform`: min <= max (at min; min == max is a constant);
    /// - `normal`: sd >= 0; `lognormal`: median > 0, p95 > median (at p95);
    /// - `a to b`: a > 0 and b > 0 (suggesting `normal(...)` for intervals through zero), a < b (at a);
    /// - `beta` a, b > 0; `gamma` shape, scale > 0; `weibull` scale, shape > 0; `exponential`
    ///   mean > 0; `poisson` mean >= 0;
    /// - `binomial`: n a whole number >= 0, p in 0...1; `bernoulli`, `chance`: p in 0...1;
    /// - `discrete`: at least one (value, probability) pair, each probability in 0...1, and the
    ///   probabilities summing to 1 within 1e-9 (at the distribution).
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
    /// A short decimal form for messages: `5`, `0.05`, `-1.5`, `4800000`.
    static func format(_ v: Double) -> String {
        if v.isFinite, v == v.rounded(), Swift.abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    static func check(_ d: Distribution) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let exprs = d.parameters
        var values: [Double?] = exprs.map(ExpressionChecks.constantValue)
        // A parameter that is not finite is reported by `NonFiniteConstants`.
        for (i, v) in values.enumerated() where v.map({ !$0.isFinite }) == true { values[i] = nil }
        func v(_ i: Int) -> Double? { i < values.count ? values[i] : nil }
        func fail(_ i: Int, _ message: String) {
            out.append(.error(message, at: i < exprs.count ? exprs[i].mark : d.mark))
        }
        let name = d.family.rawValue
        func positive(_ i: Int, _ what: String) {
            if let x = v(i), x <= 0 { fail(i, "\(name) \(what) must be positive (it is \(format(x)))") }
        }
        func probability(_ i: Int) {
            if let x = v(i), !(0...1).contains(x) {
                fail(i, "\(name) p must be a probability between 0 and 1, i.e. 0% to 100% (it is \(format(x)))")
            }
        }
        guard ExpressionCallee.distribution(d.family).accepts(exprs.count) else {
            return [.error("\(ExpressionCallee.distribution(d.family).expectedForm), found \(exprs.count) parameters",
                           at: d.mark)]
        }
        switch d.family {
        case .triangular, .pert:
            if let lo = v(0), let hi = v(2), lo >= hi {
                fail(0, "\(name) min (\(format(lo))) must be less than max (\(format(hi)))")
            } else if let mode = v(1), (v(0).map { mode < $0 } ?? false) || (v(2).map { mode > $0 } ?? false) {
                let range = "min (\(v(0).map(format) ?? "?")) and max (\(v(2).map(format) ?? "?"))"
                fail(1, "\(name) mode (\(format(mode))) must lie between \(range)")
            }
            if d.family == .pert { positive(3, "lambda") }
        case .uniform:
            if let lo = v(0), let hi = v(1), lo > hi {
                fail(0, "uniform min (\(format(lo))) must not exceed max (\(format(hi)))")
            }
        case .normal:
            if let sd = v(1), sd < 0 { fail(1, "normal sd must not be negative (it is \(format(sd)))") }
        case .lognormal:
            positive(0, "median")
            if let m = v(0), let p = v(1), m > 0, p <= m {
                fail(1, "lognormal p95 (\(format(p))) must be greater than the median (\(format(m)))")
            }
        case .interval:
            var ends = true
            for i in 0..<2 {
                if let x = v(i), x <= 0 {
                    ends = false
                    fail(i, "'a to b' is a lognormal 90% interval and needs both ends positive (\(i == 0 ? "a" : "b") is "
                         + "\(format(x))); write normal(mean, sd) for a range through zero")
                }
            }
            if ends, let a = v(0), let b = v(1), a >= b {
                fail(0, "in 'a to b', a (\(format(a))) must be less than b (\(format(b)))")
            }
        case .beta:
            positive(0, "a"); positive(1, "b")
        case .gamma:
            positive(0, "shape"); positive(1, "scale")
        case .weibull:
            positive(0, "scale"); positive(1, "shape")
        case .exponential:
            positive(0, "mean")
        case .poisson:
            if let m = v(0), m < 0 { fail(0, "poisson mean must not be negative (it is \(format(m)))") }
        case .binomial:
            if let n = v(0), n < 0 || n != n.rounded() || n > 1e12 {
                fail(0, "binomial n must be a whole number of trials, 0 or more (it is \(format(n)))")
            }
            probability(1)
        case .bernoulli, .chance:
            probability(0)
        case .discrete:
            var sum = 0.0, allConstant = true
            for i in stride(from: 1, to: exprs.count, by: 2) {
                guard let p = v(i) else { allConstant = false; continue }
                if !(0...1).contains(p) {
                    fail(i, "discrete probability must be between 0 and 1, i.e. 0% to 100% (it is \(format(p)))")
                    allConstant = false
                }
                sum += p
            }
            if allConstant, Swift.abs(sum - 1) > 1e-9 {
                out.append(.error("discrete probabilities must sum to 1 (100%); they sum to \(format(sum))", at: d.mark))
            }
        }
        return out
    }
}
