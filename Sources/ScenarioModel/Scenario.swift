import ScenarioSyntax

/// A checked scenario (docs/scenario-language.md §6): every name resolved, every parameter checked.
/// Nothing random happens here; times are months from `start`, money in currency units.
public struct Scenario: Sendable {
    public var name: String
    public var description: String?
    public var currency: String
    /// The file it was read from (as given on the command line) and its text.
    public var file: String
    public var source: String
    public var start: CalendarMonth
    public var horizonMonths: Double
    public var discount: Discount
    public var discounting: Discounting
    /// The deadline in months from start (a calendar month `2017-11` is its first instant).
    public var deadline: Double?
    public var deadlineMark: SourceMark?
    public var iterations: Int
    public var seed: UInt64
    public var sampling: SamplingMethod
    public var optimismBias: OptimismBias?
    public var inputs: [Input]
    public var correlations: [Correlation]
    public var options: [Option]
    public var criteria: [Criterion]

    public init(
        name: String, description: String? = nil, currency: String = "GBP", file: String, source: String,
        start: CalendarMonth, horizonMonths: Double, discount: Discount = .greenBook,
        discounting: Discounting = .annual, deadline: Double? = nil, deadlineMark: SourceMark? = nil,
        iterations: Int = 100_000, seed: UInt64 = 1, sampling: SamplingMethod = .latinHypercube,
        optimismBias: OptimismBias? = nil, inputs: [Input] = [], correlations: [Correlation] = [],
        options: [Option] = [], criteria: [Criterion] = []
    ) {
        self.name = name; self.description = description; self.currency = currency
        self.file = file; self.source = source; self.start = start; self.horizonMonths = horizonMonths
        self.discount = discount; self.discounting = discounting; self.deadline = deadline
        self.deadlineMark = deadlineMark; self.iterations = iterations; self.seed = seed
        self.sampling = sampling; self.optimismBias = optimismBias; self.inputs = inputs
        self.correlations = correlations; self.options = options; self.criteria = criteria
    }
}

extension Scenario {
    /// The appraisal years the horizon covers: `⌈horizon / 12⌉`, at least 1. Year `y` holds
    /// months `12y ..< 12y + 12`; a horizon that is not a whole number of years ends with a part
    /// year (69 months: 6 years, the last of 9 months).
    public var appraisalYears: Int { Self.appraisalYears(horizonMonths: horizonMonths) }

    /// `⌈horizonMonths / 12⌉`, at least 1: the one definition of the appraisal years.
    public static func appraisalYears(horizonMonths: Double) -> Int {
        max(1, Int((horizonMonths / 12).rounded(.up)))
    }
}

public struct CalendarMonth: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int  // 1...12
    public init(year: Int, month: Int) { self.year = year; self.month = month }
    /// Months from `self` to `other` (negative when `other` is earlier).
    public func months(until other: CalendarMonth) -> Int {
        (other.year - year) * 12 + (other.month - month)
    }
    public func adding(months n: Int) -> CalendarMonth {
        let total = year * 12 + (month - 1) + n
        let m = ((total % 12) + 12) % 12
        return CalendarMonth(year: (total - m) / 12, month: m + 1)
    }
    public var description: String {
        "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
    }
}

public enum Discount: Sendable, Hashable {
    /// 3.5% real for years 0-30, then the Green Book's long-term declining schedule.
    case greenBook
    /// A fixed annual rate (0.035 for 3.5%).
    case rate(Double)
}

public enum Discounting: String, Sendable, Hashable {
    /// Year `y` factor applies to every cash flow in months 12y ..< 12y+12 (Green Book convention).
    case annual
    /// Month `m` factor `D(m / 12)` with the annual schedule interpolated geometrically.
    case monthly
}

public enum SamplingMethod: String, Sendable, Hashable, CaseIterable {
    case monteCarlo = "monte-carlo"
    case latinHypercube = "latin-hypercube"
}

/// Green Book optimism bias: uplifts on one-off amounts, recurring amounts and task durations.
public struct OptimismBias: Sendable, Hashable {
    public var oneOff: Double
    public var recurring: Double
    public var duration: Double
    public var mark: SourceMark
    public init(oneOff: Double = 0, recurring: Double = 0, duration: Double = 0, mark: SourceMark) {
        self.oneOff = oneOff; self.recurring = recurring; self.duration = duration; self.mark = mark
    }
}

/// A named input: shared (scenario `inputs:`) or an option's own.
public struct Input: Sendable, Hashable {
    public var name: String
    public var value: Expr
    public var mark: SourceMark
    public init(name: String, value: Expr, mark: SourceMark) {
        self.name = name; self.value = value; self.mark = mark
    }
}

/// A rank correlation between two named inputs, each of which must be a single distribution.
public struct Correlation: Sendable, Hashable {
    public var a: String
    public var b: String
    public var coefficient: Double
    public var mark: SourceMark
    public init(a: String, b: String, coefficient: Double, mark: SourceMark) {
        self.a = a; self.b = b; self.coefficient = coefficient; self.mark = mark
    }
}

public struct Option: Sendable, Hashable {
    public var name: String
    public var label: String
    public var inputs: [Input]
    /// Tasks in topological order (every task after the tasks it follows).
    public var tasks: [Task]
    /// The task whose finish is go-live (default: the one that finishes last, decided per iteration).
    public var goLive: String?
    public var optimismBias: OptimismBias?
    public var costs: [CostLine]
    public var benefits: [CostLine]
    public var risks: [Risk]
    public var mark: SourceMark
    public init(
        name: String, label: String, inputs: [Input] = [], tasks: [Task] = [], goLive: String? = nil,
        optimismBias: OptimismBias? = nil, costs: [CostLine] = [], benefits: [CostLine] = [],
        risks: [Risk] = [], mark: SourceMark
    ) {
        self.name = name; self.label = label; self.inputs = inputs; self.tasks = tasks
        self.goLive = goLive; self.optimismBias = optimismBias; self.costs = costs
        self.benefits = benefits; self.risks = risks; self.mark = mark
    }
}

public struct Task: Sendable, Hashable {
    public var name: String
    public var after: [String]
    /// Duration in months.
    public var duration: Expr
    public var notBefore: TimeRef?
    public var mark: SourceMark
    public init(name: String, after: [String] = [], duration: Expr, notBefore: TimeRef? = nil, mark: SourceMark) {
        self.name = name; self.after = after; self.duration = duration; self.notBefore = notBefore; self.mark = mark
    }
}

/// When a cost line pays.
public enum Timing: Sendable, Hashable {
    /// A one-off at a time.
    case at(TimeRef)
    /// A one-off spread evenly over a task's span.
    case during(String)
    /// A rate per month paid over `[from, until)`; nothing when `until <= from`.
    case recurring(from: TimeRef, until: TimeRef)
}

public struct CostLine: Sendable, Hashable {
    public var name: String
    /// For a one-off, the amount; for a recurring line, the amount per month (an `annual:` value
    /// divided by 12 is represented as `.binary(.divide, annual, 12)`).
    public var amount: Expr
    public var timing: Timing
    /// Compounds once per appraisal year from start: amount × (1 + escalate)^year.
    public var escalate: Expr?
    /// This organisation's share of the cost.
    public var share: Expr?
    public var isBenefit: Bool
    public var isRecurring: Bool {
        if case .recurring = timing { return true }
        return false
    }
    public var mark: SourceMark
    public init(name: String, amount: Expr, timing: Timing, escalate: Expr? = nil, share: Expr? = nil,
                isBenefit: Bool = false, mark: SourceMark) {
        self.name = name; self.amount = amount; self.timing = timing; self.escalate = escalate
        self.share = share; self.isBenefit = isBenefit; self.mark = mark
    }
}

public struct Risk: Sendable, Hashable {
    public var name: String
    /// Probability of occurring once in the window, or per appraisal year when `perYear`.
    public var chance: Expr
    public var perYear: Bool
    /// The window; nil bounds are the horizon's start and end (or, for a schedule risk without
    /// a window, the delayed task's span).
    public var from: TimeRef?
    public var until: TimeRef?
    public var oneOff: Expr?
    /// A cost per month running from the occurrence until the window's end, or for `duration`.
    public var monthly: Expr?
    public var recurringFor: Expr?
    /// Schedule impact: the task lengthened and by how many months.
    public var delays: String?
    public var delay: Expr?
    public var mark: SourceMark
    public init(name: String, chance: Expr, perYear: Bool = false, from: TimeRef? = nil, until: TimeRef? = nil,
                oneOff: Expr? = nil, monthly: Expr? = nil, recurringFor: Expr? = nil,
                delays: String? = nil, delay: Expr? = nil, mark: SourceMark) {
        self.name = name; self.chance = chance; self.perYear = perYear; self.from = from; self.until = until
        self.oneOff = oneOff; self.monthly = monthly; self.recurringFor = recurringFor
        self.delays = delays; self.delay = delay; self.mark = mark
    }
}

public struct Criterion: Sendable, Hashable {
    public var name: String
    public var weight: Expr
    /// Score per option name, in the order of the scenario's options.
    public var scores: [(option: String, score: Expr)]
    public var mark: SourceMark
    public init(name: String, weight: Expr, scores: [(option: String, score: Expr)], mark: SourceMark) {
        self.name = name; self.weight = weight; self.scores = scores; self.mark = mark
    }
    public static func == (a: Criterion, b: Criterion) -> Bool {
        a.name == b.name && a.weight == b.weight && a.mark == b.mark
            && a.scores.map(\.option) == b.scores.map(\.option) && a.scores.map(\.score) == b.scores.map(\.score)
    }
    public func hash(into h: inout Hasher) { h.combine(name); h.combine(mark) }
}
