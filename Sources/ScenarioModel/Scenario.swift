import ScenarioSyntax

/// A checked scenario (docs/scenario-language.md §6): every parameter checked, every name resolved to
/// what it refers to (`InputReference`, `TaskID`, `OptionID`), every time to its base
/// (`ResolvedTime`) and every distribution numbered as an uncertain input (`uncertainInputs`).
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
    /// The deadline in months from start (a calendar month `2017-11` is its first instant). An
    /// option's own `deadline:` overrides it for that option: read `Option.deadline`.
    public var deadline: Double?
    public var deadlineMark: SourceMark?
    public var iterations: Int
    public var seed: UInt64
    public var sampling: SamplingMethod
    public var optimismBias: OptimismBias?
    /// The business-as-usual or do-minimum option every other is compared with in the economic
    /// case (`baseline:`, docs/scenario-language.md §6); default the first option.
    public var baseline = OptionID(0)
    /// The `baseline:` value's mark, when the file sets one.
    public var baselineMark: SourceMark?
    /// The named what-if cases under `variants:`, in file order.
    public var variants: [Variant] = []
    /// The variant this scenario was built as (`ScenarioLoader.load(variant:)`); nil: the base case.
    public var variant: String?
    public var inputs: IndexedArray<NamedInputID, Input>
    public var correlations: [Correlation]
    public var options: [Option]
    public var criteria: [Criterion]
    /// Whether the criteria have given weights or only an order of importance (`weights: ranked`).
    public var criteriaWeighting = CriteriaWeighting.given
    /// Scenario-level risks (docs/scenario-language.md §6 "Shared risks"): each is copied into the
    /// `risks` of every option it applies to, after the option's own risks (`Risk.shared`).
    public var risks: IndexedArray<SharedRiskID, SharedRisk>
    /// Every distribution written in the file as an uncertain input, numbered in the order the
    /// plan evaluates them (`InputNumbering`).
    public var uncertainInputs: IndexedArray<InputID, InputDistribution>
    /// Prices and the financial case (docs/scenario-language.md, "Prices and inflation" and
    /// "The financial case"): the lines' default basis, the month whose prices "real" means (nil:
    /// start), the inflation, the month a financial year begins and the budget.
    public var prices: Prices = .real
    public var priceBase: CalendarMonth?
    public var inflation = Inflation(rates: [
        ResolvedExpr(.number(Inflation.defaultRate), at: SourceMark(file: "", line: 0, column: 0))
    ])
    public var financialYearStart = 4
    public var budget: Budget?

    public init(
        name: String, description: String? = nil, currency: String = "GBP", file: String, source: String,
        start: CalendarMonth, horizonMonths: Double, discount: Discount = .greenBook,
        discounting: Discounting = .annual, deadline: Double? = nil, deadlineMark: SourceMark? = nil,
        iterations: Int = 100_000, seed: UInt64 = 1, sampling: SamplingMethod = .latinHypercube,
        optimismBias: OptimismBias? = nil, inputs: IndexedArray<NamedInputID, Input> = .init(),
        correlations: [Correlation] = [], options: [Option] = [], criteria: [Criterion] = [],
        risks: IndexedArray<SharedRiskID, SharedRisk> = .init(),
        uncertainInputs: IndexedArray<InputID, InputDistribution> = .init()
    ) {
        self.name = name
        self.description = description
        self.currency = currency
        self.file = file
        self.source = source
        self.start = start
        self.horizonMonths = horizonMonths
        self.discount = discount
        self.discounting = discounting
        self.deadline = deadline
        self.deadlineMark = deadlineMark
        self.iterations = iterations
        self.seed = seed
        self.sampling = sampling
        self.optimismBias = optimismBias
        self.inputs = inputs
        self.correlations = correlations
        self.options = options
        self.criteria = criteria
        self.risks = risks
        self.uncertainInputs = uncertainInputs
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
    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }
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

/// Green Book optimism bias: uplifts on one-off amounts, recurring amounts and task durations,
/// and where they came from (`Source`: explicit percentages or a reference class).
public struct OptimismBias: Sendable, Hashable {
    public var oneOff: Double
    public var recurring: Double
    public var duration: Double
    public var source: Source
    public var mark: SourceMark
    public init(
        oneOff: Double = 0, recurring: Double = 0, duration: Double = 0, source: Source = .explicit,
        mark: SourceMark
    ) {
        self.oneOff = oneOff
        self.recurring = recurring
        self.duration = duration
        self.source = source
        self.mark = mark
    }
}

/// A named input: shared (scenario `inputs:`) or an option's own.
public struct Input: Sendable, Hashable {
    public var name: String
    public var value: ResolvedExpr
    public var mark: SourceMark
    public init(name: String, value: ResolvedExpr, mark: SourceMark) {
        self.name = name
        self.value = value
        self.mark = mark
    }
}

/// A rank correlation between two shared inputs, each a single distribution with constant
/// parameters: `a` and `b` are those distributions.
public struct Correlation: Sendable, Hashable {
    public var a: InputID
    public var b: InputID
    public var coefficient: Double
    public var mark: SourceMark
    public init(a: InputID, b: InputID, coefficient: Double, mark: SourceMark) {
        self.a = a
        self.b = b
        self.coefficient = coefficient
        self.mark = mark
    }
}

public struct Option: Sendable, Hashable {
    public var name: String
    public var label: String
    public var inputs: IndexedArray<NamedInputID, Input>
    /// Tasks in topological order (every task after the tasks it follows).
    public var tasks: IndexedArray<TaskID, Task>
    /// The task whose finish is go-live (default: the one that finishes last, decided per iteration).
    public var goLive: TaskID?
    public var optimismBias: OptimismBias?
    public var costs: [CostLine]
    public var benefits: [CostLine]
    public var risks: [Risk]
    /// The deadline in effect for the option, in months from start: its own `deadline:` or the
    /// scenario's; nil when neither is set. `deadlineMark` is where it is written.
    public var deadline: Double?
    public var deadlineMark: SourceMark?
    public var mark: SourceMark
    public init(
        name: String, label: String, inputs: IndexedArray<NamedInputID, Input> = .init(),
        tasks: IndexedArray<TaskID, Task> = .init(), goLive: TaskID? = nil,
        optimismBias: OptimismBias? = nil, costs: [CostLine] = [], benefits: [CostLine] = [],
        risks: [Risk] = [], deadline: Double? = nil, deadlineMark: SourceMark? = nil, mark: SourceMark
    ) {
        self.name = name
        self.label = label
        self.inputs = inputs
        self.tasks = tasks
        self.goLive = goLive
        self.optimismBias = optimismBias
        self.costs = costs
        self.benefits = benefits
        self.risks = risks
        self.deadline = deadline
        self.deadlineMark = deadlineMark
        self.mark = mark
    }

    /// The line of risk `index` of `risks`: lines are the costs, then the benefits, then the risks.
    public func riskLine(_ index: Int) -> LineID { LineID(costs.count + benefits.count + index) }
}

public struct Task: Sendable, Hashable {
    public var name: String
    /// The tasks it follows, each scheduled before it.
    public var after: [TaskID]
    /// Duration in months.
    public var duration: ResolvedExpr
    /// A time it may not start before; a task it refers to is scheduled before it.
    public var notBefore: ResolvedTime<SchedulePoint>?
    public var mark: SourceMark
    public init(
        name: String, after: [TaskID] = [], duration: ResolvedExpr, notBefore: ResolvedTime<SchedulePoint>? = nil,
        mark: SourceMark
    ) {
        self.name = name
        self.after = after
        self.duration = duration
        self.notBefore = notBefore
        self.mark = mark
    }
}

/// When a cost line pays.
public enum Timing: Sendable, Hashable {
    /// A one-off at a time.
    case at(ResolvedTime<TimePoint>)
    /// A one-off spread evenly over a task's span.
    case during(TaskID)
    /// A rate per month paid over `[from, until)`; nothing when `until <= from`.
    case recurring(from: ResolvedTime<TimePoint>, until: ResolvedTime<TimePoint>)
}

public struct CostLine: Sendable, Hashable {
    public var name: String
    /// For a one-off, the amount; for a recurring line, the amount per month (an `annual:` value
    /// divided by 12 is represented as `.binary(.divide, annual, 12)`).
    public var amount: ResolvedExpr
    public var timing: Timing
    /// Compounds once per appraisal year from start: amount × (1 + escalate)^year.
    public var escalate: ResolvedExpr?
    /// This organisation's share of the cost.
    public var share: ResolvedExpr?
    public var isBenefit: Bool
    /// Capital or revenue (the financial case), and whether its amounts are real or cash prices.
    public var type: LineType = .revenue
    public var prices: Prices = .real
    public var isRecurring: Bool {
        if case .recurring = timing { return true }
        return false
    }
    public var mark: SourceMark
    public init(
        name: String, amount: ResolvedExpr, timing: Timing, escalate: ResolvedExpr? = nil, share: ResolvedExpr? = nil,
        isBenefit: Bool = false, mark: SourceMark
    ) {
        self.name = name
        self.amount = amount
        self.timing = timing
        self.escalate = escalate
        self.share = share
        self.isBenefit = isBenefit
        self.mark = mark
    }
}

public struct Risk: Sendable, Hashable {
    public var name: String
    /// Probability of occurring once in the window, or per appraisal year when `perYear`.
    public var chance: ResolvedExpr
    public var perYear: Bool
    /// The window; nil bounds are the horizon's start and end (or, for a schedule risk without
    /// a window, the delayed task's span).
    public var from: ResolvedTime<TimePoint>?
    public var until: ResolvedTime<TimePoint>?
    /// The cost impacts of one occurrence: one set, or for a per-year risk one per appraisal
    /// year (each year draws its own).
    public var impacts: [RiskImpact]
    /// Schedule impact: the task lengthened and by how many months (never on a per-year risk).
    public var delays: TaskID?
    public var delay: ResolvedExpr?
    /// For an option's copy of a scenario-level risk, that risk: then `chance`, `impacts`,
    /// `delay` and the window's offsets are the same uncertain inputs in every copy, and only the
    /// window's bases and `delays` are the option's own. nil for the option's own risk.
    public var shared: SharedRiskID?
    /// Capital or revenue (the financial case), and whether its impacts are real or cash prices.
    public var type: LineType = .revenue
    public var prices: Prices = .real
    public var mark: SourceMark
    public init(
        name: String, chance: ResolvedExpr, perYear: Bool = false, from: ResolvedTime<TimePoint>? = nil,
        until: ResolvedTime<TimePoint>? = nil, impacts: [RiskImpact] = [RiskImpact()],
        delays: TaskID? = nil, delay: ResolvedExpr? = nil, shared: SharedRiskID? = nil, mark: SourceMark
    ) {
        self.name = name
        self.chance = chance
        self.perYear = perYear
        self.from = from
        self.until = until
        self.impacts = impacts
        self.delays = delays
        self.delay = delay
        self.shared = shared
        self.mark = mark
    }

    /// A risk that lengthens a task: its occurrence is drawn before the schedule.
    public var isScheduleRisk: Bool { delays != nil && delay != nil }
}

/// A scenario-level risk (docs/scenario-language.md §6 "Shared risks"): an event that does not
/// depend on the choice, with the same random numbers (occurrence, time in the window, impacts)
/// in every option it applies to. Its fields live in each option's copy (`Risk.shared`).
public struct SharedRisk: Sendable, Hashable {
    public var name: String
    /// The options it applies to, in file order (`applies-to:`; default every option).
    public var appliesTo: [OptionID]
    public var mark: SourceMark
    public init(name: String, appliesTo: [OptionID], mark: SourceMark) {
        self.name = name
        self.appliesTo = appliesTo
        self.mark = mark
    }
}

/// What one occurrence of a risk costs.
public struct RiskImpact: Sendable, Hashable {
    public var oneOff: ResolvedExpr?
    /// A cost per month running from the occurrence until the window's end, or for `recurringFor`.
    public var monthly: ResolvedExpr?
    public var recurringFor: ResolvedExpr?
    /// The recurring cost was written `annual:` (`monthly` is then `annual / 12`): its inputs
    /// are labelled `(annual)`, since their values are annual amounts.
    public var isAnnual = false
    public init(
        oneOff: ResolvedExpr? = nil, monthly: ResolvedExpr? = nil, recurringFor: ResolvedExpr? = nil,
        isAnnual: Bool = false
    ) {
        self.oneOff = oneOff
        self.monthly = monthly
        self.recurringFor = recurringFor
        self.isAnnual = isAnnual
    }
}

/// How the weights of the criteria are known (docs/scenario-language.md, "Criteria").
public enum CriteriaWeighting: String, Sendable, Hashable {
    /// Each criterion has a `weight:` expression; the weights are normalised to sum to 1 in
    /// each iteration.
    case given
    /// `weights: ranked`: only the order of importance is known (the criteria as listed, most
    /// important first); the weights are uniform on the ordered simplex.
    case ranked
}

public struct Criterion: Sendable, Hashable {
    public var name: String
    /// The weight as written: a constant (`30%`), a distribution or an expression of shared
    /// inputs, before normalisation; nil under `weights: ranked`, where its place sets it.
    public var weight: ResolvedExpr?
    /// Where the weight is written (the criterion's key when there is none).
    public var weightMark: SourceMark
    /// The score of every option.
    public var scores: IndexedArray<OptionID, ResolvedExpr>
    public var mark: SourceMark
    public init(
        name: String, weight: ResolvedExpr?, weightMark: SourceMark? = nil,
        scores: IndexedArray<OptionID, ResolvedExpr>, mark: SourceMark
    ) {
        self.name = name
        self.weight = weight
        self.weightMark = weightMark ?? mark
        self.scores = scores
        self.mark = mark
    }
}
