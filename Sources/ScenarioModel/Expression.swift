import Distributions
import ScenarioSyntax

/// An expression of the scenario language (docs/scenario-language.md §3), with the mark of its
/// first character in the file. Values are plain numbers: money in currency units, fractions for
/// percentages (`3.5%` is 0.035), durations in months, times in months from `start`.
public struct Expr: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        /// A literal after suffixes: `4.8m` is 4_800_000, `3.5%` is 0.035, `£1k` is 1000.
        case number(Double)
        /// A named input: a shared input or the option's own input.
        case name(String)
        case negate(Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// `min`, `max`, `if`, `round`, `clamp`.
        case function(Function, [Expr])
        /// A distribution: one uncertain input (its identity is its mark).
        case distribution(Distribution)
        /// `x months`, `x weeks`, `x years`: the value converted to months.
        case duration(Expr, TimeUnit)
    }

    public var kind: Kind
    public var mark: SourceMark

    public init(_ kind: Kind, at mark: SourceMark) {
        self.kind = kind
        self.mark = mark
    }
}

public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case power = "^"
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case equal = "=="
    case notEqual = "!="
}

public enum Function: String, Sendable, Hashable, CaseIterable {
    case min, max, `if`, round, clamp
}

/// Duration units; a bare number in a duration field is months.
public enum TimeUnit: String, Sendable, Hashable, CaseIterable {
    case months, weeks, years

    /// Months per unit: 1, 12/52 (a week is a 52nd of a year), 12.
    public var months: Double {
        switch self {
        case .months: return 1
        case .weeks: return 12.0 / 52.0
        case .years: return 12
        }
    }
}

/// A distribution written in the file, with its parameters as expressions.
public struct Distribution: Sendable, Hashable {
    /// The family, an entry of the catalogue (`Distributions`): `.pert`, `.interval` for `a to b`.
    public typealias Family = DistributionFamily

    public var family: Family
    /// Parameters in the order written (for `discrete`: v1, p1, v2, p2, ...; for `pert` an
    /// optional fourth, lambda, defaulting to 4; for `interval`: a, b).
    public var parameters: [Expr]
    /// Where the distribution is written: its identity as an uncertain input.
    public var mark: SourceMark

    public init(family: Family, parameters: [Expr], mark: SourceMark) {
        self.family = family
        self.parameters = parameters
        self.mark = mark
    }
}

/// A time reference (docs/scenario-language.md §5): a base point plus an optional offset in months.
public struct TimeRef: Sendable, Hashable {
    public enum Base: Sendable, Hashable {
        case start, end, deadline, goLive
        /// A calendar month `2017-11`: months after the scenario start.
        case calendar(year: Int, month: Int)
        /// `month 9`.
        case month(Double)
        /// A task's finish (`procurement`) or start (`procurement.start`).
        case taskFinish(String)
        case taskStart(String)
    }

    public var base: Base
    /// `+ 3 months` / `- 2 months`, as a duration expression (months); nil when absent.
    public var offset: Expr?
    public var mark: SourceMark

    public init(base: Base, offset: Expr? = nil, mark: SourceMark) {
        self.base = base
        self.offset = offset
        self.mark = mark
    }
}
