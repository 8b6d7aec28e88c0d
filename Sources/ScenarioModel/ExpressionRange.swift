import Distributions
import Foundation
import ScenarioSyntax

/// The range an expression can take over every draw, by interval arithmetic over the supports of
/// its distributions: a closed interval `[lower, upper]` that contains every value the
/// expression can have (it may be wider: `x - x` gives `[-1, 1]` for `x` in `[0, 1]`, because
/// each occurrence of a name is treated independently). An infinite end means no bound can be
/// established statically on that side: an unbounded distribution (`normal`, `gamma`, ...), a
/// division by a range through zero, a power of a range that may be negative.
///
/// Rules (`[a, b]` and `[c, d]` the operands' ranges):
/// - a number is `[v, v]`; a name is the range of its input's expression (`lookup`), unknown
///   names and chains deeper than 32 inputs are `(-∞, ∞)`;
/// - `-[a, b] = [-b, -a]`; `+`, `-` add and subtract the ends; `*` takes the least and greatest
///   of the four products of ends (with `0 × ∞ = 0`); `/` multiplies by `[1/d, 1/c]` when `[c, d]`
///   excludes 0, else `(-∞, ∞)`; `^` is monotone for a base range `≥ 0` and a constant exponent,
///   else `(-∞, ∞)`; comparisons are `[0, 1]`;
/// - `min`, `max` of ranges end-wise; `if` the hull of its branches (the branch, for a constant
///   condition); `round` rounds the ends; `clamp(x, lo, hi) = min(max(x, lo), hi)` end-wise;
///   a duration multiplies by its months;
/// - a distribution: its family's support over its parameters' ranges, as the catalogue gives it
///   (`DistributionFamily.support(of:)`): `triangular`, `pert`, `uniform`: `[min.lower, max.upper]`;
///   `beta`, `chance`, `bernoulli`: `[0, 1]`; `binomial(n, p)`: `[0, n.upper]`; `lognormal`,
///   `a to b`, `gamma`, `weibull`, `exponential`, `poisson`: `[0, ∞)`; `normal(mean, sd)`:
///   `(-∞, ∞)`, or the mean's range when `sd` is 0; `discrete`: the hull of the ranges of its
///   values whose probability can be above 0.
public struct ValueRange: Sendable, Hashable {
    public var lower: Double
    public var upper: Double

    public init(_ lower: Double, _ upper: Double) {
        self.lower = lower.isNaN ? -.infinity : lower
        self.upper = upper.isNaN ? .infinity : upper
    }

    public static let unbounded = ValueRange(-.infinity, .infinity)
    static func point(_ v: Double) -> ValueRange { ValueRange(v, v) }

    /// Whether every value lies in `0...1`.
    public var isProbability: Bool { lower >= 0 && upper <= 1 }

    /// Whether the range shows values outside `0...1` that the analysis can vouch for: a finite
    /// end outside `0...1`, or the whole range on one side of it. A range left open by an
    /// unbounded distribution (`(-∞, 0.4]`) is not: only some draws may leave `0...1`, which the
    /// run checks draw by draw.
    public var provablyLeavesProbability: Bool {
        (lower.isFinite && lower < 0) || (upper.isFinite && upper > 1) || lower > 1 || upper < 0
    }

    /// The range of `e`; `lookup` gives the expression of a named input (nil: unknown).
    public static func of(_ e: Expr, lookup: (String) -> Expr?) -> ValueRange {
        withoutActuallyEscaping(lookup) { RangeEvaluator(lookup: $0).range(e, depth: 0, names: 0) }
    }

    func hull(_ o: ValueRange) -> ValueRange { ValueRange(Swift.min(lower, o.lower), Swift.max(upper, o.upper)) }
}

/// Walks an expression computing its `ValueRange`; each named input's range is computed once.
final class RangeEvaluator {
    let lookup: (String) -> Expr?
    var named: [String: ValueRange] = [:]
    static let maxNames = 32

    init(lookup: @escaping (String) -> Expr?) { self.lookup = lookup }

    func range(_ e: Expr, depth: Int, names: Int) -> ValueRange {
        guard depth < ExpressionChecks.maxDepth else { return .unbounded }
        func r(_ x: Expr) -> ValueRange { range(x, depth: depth + 1, names: names) }
        if let v = ExpressionChecks.constantValue(e) { return .point(v) }
        switch e.kind {
        case .number(let v):
            return .point(v)
        case .name(let name):
            if let known = named[name] { return known }
            guard names < Self.maxNames, let value = lookup(name) else { return .unbounded }
            let result = range(value, depth: depth + 1, names: names + 1)
            named[name] = result
            return result
        case .negate(let x):
            let a = r(x)
            return ValueRange(-a.upper, -a.lower)
        case .duration(let x, let unit):
            return Self.multiply(r(x), .point(unit.months))
        case .binary(let op, let x, let y):
            return Self.binary(op, r(x), r(y))
        case .function(let f, let args):
            let xs = args.map(r)
            guard ExpressionCallee.function(f).accepts(xs.count) else { return .unbounded }
            switch f {
            case .min:
                return xs.dropFirst().reduce(xs[0]) {
                    ValueRange(Swift.min($0.lower, $1.lower), Swift.min($0.upper, $1.upper))
                }
            case .max:
                return xs.dropFirst().reduce(xs[0]) {
                    ValueRange(Swift.max($0.lower, $1.lower), Swift.max($0.upper, $1.upper))
                }
            case .if:
                if let c = ExpressionChecks.constantValue(args[0]) { return c != 0 ? xs[1] : xs[2] }
                return xs[1].hull(xs[2])
            case .round:
                return ValueRange(
                    xs[0].lower.rounded(.toNearestOrAwayFromZero), xs[0].upper.rounded(.toNearestOrAwayFromZero))
            case .clamp:
                let (x, lo, hi) = (xs[0], xs[1], xs[2])
                return ValueRange(
                    Swift.min(Swift.max(x.lower, lo.lower), hi.lower), Swift.min(Swift.max(x.upper, lo.upper), hi.upper)
                )
            }
        case .distribution(let d):
            let ps = d.parameters.map(r)
            guard d.family.accepts(ps.count) else { return .unbounded }
            let support = d.family.support(of: ps.map { ($0.lower, $0.upper) })
            return ValueRange(support.lower, support.upper)
        }
    }

    static func binary(_ op: BinaryOperator, _ a: ValueRange, _ b: ValueRange) -> ValueRange {
        switch op {
        case .add: return ValueRange(a.lower + b.lower, a.upper + b.upper)
        case .subtract: return ValueRange(a.lower - b.upper, a.upper - b.lower)
        case .multiply: return multiply(a, b)
        case .divide:
            guard b.lower > 0 || b.upper < 0 else { return .unbounded }
            return multiply(a, ValueRange(1 / b.upper, 1 / b.lower))
        case .power:
            guard a.lower >= 0, b.lower == b.upper, b.lower.isFinite else { return .unbounded }
            let x = pow(a.lower, b.lower), y = pow(a.upper, b.lower)
            return ValueRange(Swift.min(x, y), Swift.max(x, y))
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            return ValueRange(0, 1)
        }
    }

    /// End-wise products, with `0 × ±∞ = 0` (a range end is a bound, never a value of ∞).
    static func multiply(_ a: ValueRange, _ b: ValueRange) -> ValueRange {
        func times(_ x: Double, _ y: Double) -> Double { x == 0 || y == 0 ? 0 : x * y }
        let products = [
            times(a.lower, b.lower), times(a.lower, b.upper), times(a.upper, b.lower), times(a.upper, b.upper)
        ]
        return ValueRange(products.min() ?? -.infinity, products.max() ?? .infinity)
    }
}
