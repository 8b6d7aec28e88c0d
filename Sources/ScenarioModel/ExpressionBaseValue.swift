import Foundation
import ScenarioSyntax

/// Deterministic evaluation with every distribution at its base value (docs/scenario-language.md §3), as
/// its family in the catalogue gives it (`DistributionFamily.baseValue`; NaN for invalid
/// parameters).
///
/// Arithmetic semantics (shared with `ExpressionChecks.constantValue`):
/// - `+ - * / ^` are IEEE double operations (`^` is `pow`). Division by zero yields ±infinity
///   or NaN and is *not* reported here: the caller checks `isFinite` on the result.
/// - Comparisons `< <= > >= == !=` give 1 or 0 (any comparison with NaN gives 0, except `!=`: 1).
/// - `if(c, a, b)` is `a` when `c != 0`, else `b` (a NaN condition counts as true); all three
///   arguments are evaluated, so an unknown name in either branch gives nil.
/// - `round(x)` rounds half away from zero (`round(2.5)` = 3, `round(-2.5)` = -3).
/// - `min`, `max` return NaN if any argument is NaN; `clamp(x, lo, hi)` = `min(max(x, lo), hi)`
///   (so `hi` wins when `lo > hi`).
/// - `x months` is x, `x weeks` is x·12/52, `x years` is 12x (months).
public enum BaseValue {
    /// `lookup` returns a name's value (nil = unknown). Returns nil if a name is unknown.
    public static func evaluate(_ e: Expr, lookup: (String) -> Double?) -> Double? {
        withoutActuallyEscaping(lookup) { ExpressionEvaluator(lookup: $0, distributions: true).value(e, depth: 0) }
    }
}

/// Walks an expression computing its value; distributions are either at their base value or
/// make the expression non-constant (nil).
struct ExpressionEvaluator {
    let lookup: (String) -> Double?
    let distributions: Bool

    func value(_ e: Expr, depth: Int) -> Double? {
        guard depth < ExpressionChecks.maxDepth else { return nil }
        let d = depth + 1
        switch e.kind {
        case .number(let x):
            return x
        case .name(let n):
            return lookup(n)
        case .negate(let x):
            return value(x, depth: d).map { -$0 }
        case .duration(let x, let unit):
            return value(x, depth: d).map { $0 * unit.months }
        case .binary(let op, let a, let b):
            guard let x = value(a, depth: d), let y = value(b, depth: d) else { return nil }
            return Self.apply(op, x, y)
        case .function(let f, let args):
            var xs: [Double] = []
            for a in args {
                guard let x = value(a, depth: d) else { return nil }
                xs.append(x)
            }
            return Self.apply(f, xs)
        case .distribution(let dist):
            guard distributions else { return nil }
            var xs: [Double] = []
            for a in dist.parameters {
                guard let x = value(a, depth: d) else { return nil }
                xs.append(x)
            }
            return dist.family.baseValue(xs)
        }
    }

    static func apply(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Double {
        switch op {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .divide: return x / y
        case .power: return pow(x, y)
        case .less: return x < y ? 1 : 0
        case .lessEqual: return x <= y ? 1 : 0
        case .greater: return x > y ? 1 : 0
        case .greaterEqual: return x >= y ? 1 : 0
        case .equal: return x == y ? 1 : 0
        case .notEqual: return x != y ? 1 : 0
        }
    }

    /// Functions; wrong argument counts (only possible in hand-built trees) give NaN.
    static func apply(_ f: Function, _ xs: [Double]) -> Double {
        guard ExpressionCallee.function(f).accepts(xs.count) else { return .nan }
        switch f {
        case .min, .max:
            if xs.contains(where: \.isNaN) { return .nan }
            return (f == .min ? xs.min() : xs.max()) ?? .nan
        case .if:
            return xs[0] != 0 ? xs[1] : xs[2]
        case .round:
            return xs[0].rounded(.toNearestOrAwayFromZero)
        case .clamp:
            if xs.contains(where: \.isNaN) { return .nan }
            return Swift.min(Swift.max(xs[0], xs[1]), xs[2])
        }
    }
}
