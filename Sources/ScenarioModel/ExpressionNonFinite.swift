import Foundation
import ScenarioSyntax

/// Constant sub-expressions that are not finite numbers: `1m / 0`, `0/0`, `start + 0/0`,
/// `10 ^ 400`, `(-8) ^ 0.5`. Such a value would be infinite or NaN in every iteration, so it
/// is an error when the file is read rather than a cost silently dropped during the run.
///
/// Each error points at the *origin*: the smallest constant sub-expression that is not finite
/// while all of its operands are (so `2 * (1 / 0) + x` is reported once, at `1`, the mark of
/// `1 / 0`). A division by a constant zero is an error even when the dividend is not constant
/// (`x / 0` is infinite or NaN whatever `x` is). Arithmetic follows `BaseValue`.
enum NonFiniteConstants {
    static func check(_ e: Expr) -> [Diagnostic] {
        var out: [Diagnostic] = []
        visit(e, depth: 0, into: &out)
        return out
    }

    /// Reports the origins inside `e`; returns whether `e` holds one (so that its parents are
    /// not reported again).
    @discardableResult
    private static func visit(_ e: Expr, depth: Int, into out: inout [Diagnostic]) -> Bool {
        guard depth < ExpressionChecks.maxDepth else { return false }
        var children: [Expr] = []
        switch e.kind {
        case .number(let v):
            if !v.isFinite { out.append(.error("this number is not finite", at: e.mark)) }
            return !v.isFinite
        case .name: return false
        case .negate(let x), .duration(let x, _): children = [x]
        case .binary(_, let a, let b): children = [a, b]
        case .function(_, let args): children = args
        case .distribution(let d): children = d.parameters
        }
        var inside = false
        for child in children where visit(child, depth: depth + 1, into: &out) { inside = true }
        if inside { return true }
        if case .binary(.divide, let a, let b) = e.kind, ExpressionChecks.constantValue(b) == 0 {
            let dividend = ExpressionChecks.constantValue(a)
            out.append(
                .error(
                    dividend == 0 ? "0 / 0 is not a number" : "division by zero: the value is not a finite number",
                    at: e.mark))
            return true
        }
        guard let v = ExpressionChecks.constantValue(e), !v.isFinite else { return false }
        out.append(.error(reason(e, v), at: e.mark))
        return true
    }

    /// Why an expression whose operands are finite is not: it overflows, it raises zero to a
    /// negative power, or (NaN) it raises a negative number to a fractional power.
    private static func reason(_ e: Expr, _ v: Double) -> String {
        if case .binary(.power, let a, _) = e.kind {
            if v.isNaN { return "a negative number to a fractional power is not a number" }
            if ExpressionChecks.constantValue(a) == 0 { return "zero to a negative power is not a finite number" }
        }
        return v.isNaN ? "the value is not a number" : "the value is too large to be a finite number (it overflows)"
    }
}
