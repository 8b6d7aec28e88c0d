import ScenarioSyntax

/// An expression as the plan compiler reads it: the parsed `Expr` once it has passed its checks,
/// with every name resolved to the input it refers to (`InputReference`) and every distribution
/// numbered as an uncertain input (`InputID`; its family, mark and label are
/// `Scenario.uncertainInputs[id]`).
///
/// `constant` is the value of the expression when it is a constant (no names, no
/// distributions), folded once when the node is made, by the rules of
/// `ExpressionChecks.constantValue` (`BaseValue`'s arithmetic): `2 * 3 months` is 6, `x + 1` and
/// `pert(1, 2, 3)` have none.
public struct ResolvedExpr: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case number(Double)
        /// A named input: a shared one or one of the option's own.
        case input(InputReference)
        case negate(ResolvedExpr)
        case binary(BinaryOperator, ResolvedExpr, ResolvedExpr)
        /// `min`, `max`, `if`, `round`, `clamp`.
        case function(Function, [ResolvedExpr])
        /// One uncertain input, with its parameters in the order written.
        case draw(InputID, parameters: [ResolvedExpr])
        /// `x months`, `x weeks`, `x years`: the value converted to months.
        case duration(ResolvedExpr, TimeUnit)
    }

    public let kind: Kind
    public let mark: SourceMark
    public let constant: Double?

    public init(_ kind: Kind, at mark: SourceMark) {
        self.kind = kind
        self.mark = mark
        self.constant = Self.fold(kind)
    }

    /// The constant value of a node from its children's: a name or a distribution has none,
    /// and neither has any node above one.
    private static func fold(_ kind: Kind) -> Double? {
        switch kind {
        case .number(let x): return x
        case .input, .draw: return nil
        case .negate(let a): return a.constant.map { -$0 }
        case .duration(let a, let unit): return a.constant.map { $0 * unit.months }
        case .binary(let op, let a, let b):
            guard let x = a.constant, let y = b.constant else { return nil }
            return ExpressionEvaluator.apply(op, x, y)
        case .function(let f, let args):
            let xs = args.compactMap(\.constant)
            return xs.count == args.count ? ExpressionEvaluator.apply(f, xs) : nil
        }
    }

    /// `e / 12`: an `annual:` amount stored per month, at the amount's mark.
    static func perMonth(_ e: ResolvedExpr) -> ResolvedExpr {
        ResolvedExpr(.binary(.divide, e, ResolvedExpr(.number(12), at: e.mark)), at: e.mark)
    }
}

/// What a time may be based on, with the month it stands for when that is known before any draw.
public protocol TimeBase: Sendable, Hashable {
    /// Months from start when known before any draw; nil for a task or go-live.
    var fixedMonth: Double? { get }
}

/// A point of an option's schedule.
public enum SchedulePoint: TimeBase {
    /// Known before any draw: `start` (0), `end` (the horizon), `deadline` (the scenario has one),
    /// a calendar month (months after `start`), `month N`.
    case month(Double)
    /// A task's start or finish (`procurement.start`, `procurement`).
    case taskStart(TaskID)
    case taskFinish(TaskID)

    public var fixedMonth: Double? {
        if case .month(let m) = self { return m }
        return nil
    }
}

/// The base of a time in a cost line or a risk: a point of the schedule, or the option's
/// go-live, which is known once the whole schedule is.
public enum TimePoint: TimeBase {
    case scheduled(SchedulePoint)
    case goLive

    public var fixedMonth: Double? {
        if case .scheduled(let p) = self { return p.fixedMonth }
        return nil
    }
}

/// A time reference as the plan compiler reads it (docs/scenario-language.md §5): its base resolved, plus
/// an optional offset in months. `Base` says what the time may refer to: `SchedulePoint` in a
/// task's `not-before` (a task it waits for, so one scheduled before it; never go-live),
/// `TimePoint` in cost lines and risks (any task of the option, or its go-live).
public struct ResolvedTime<Base: TimeBase>: Sendable, Hashable {
    public var base: Base
    /// `+ 3 months` / `- 2 months` as a duration expression (months); nil when absent.
    public var offset: ResolvedExpr?
    public var mark: SourceMark

    public init(base: Base, offset: ResolvedExpr? = nil, mark: SourceMark) {
        self.base = base
        self.offset = offset
        self.mark = mark
    }

    /// The time in months from start when it is known before any draw (a fixed base plus a
    /// constant offset); nil otherwise.
    public var constantMonths: Double? {
        guard let b = base.fixedMonth else { return nil }
        guard let offset else { return b }
        return offset.constant.map { b + $0 }
    }
}
