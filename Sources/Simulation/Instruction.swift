import ScenarioModel

/// A numbered column of a chunk: `chunkSize` doubles in the chunk's working buffer.
public typealias Slot = Int

/// One step of a compiled plan. Each step runs as a tight loop over the iterations of a chunk,
/// column by column, so the model is walked once per chunk rather than once per iteration.
public enum Instruction: Sendable, Hashable {
    /// `dst[i] = value`
    case constant(dst: Slot, value: Double)
    /// `dst[i] = -a[i]`
    case negate(dst: Slot, a: Slot)
    /// `dst[i] = a[i] op b[i]`; comparisons give 1 or 0.
    case binary(BinaryOperator, dst: Slot, a: Slot, b: Slot)
    /// `dst[i] = a[i] op c` for a constant right operand.
    case binaryConstant(BinaryOperator, dst: Slot, a: Slot, c: Double)
    /// `dst[i] = min(args[i])` or `max(args[i])`
    case minimum(dst: Slot, args: [Slot])
    case maximum(dst: Slot, args: [Slot])
    /// `dst[i] = cond[i] != 0 ? a[i] : b[i]`
    case select(dst: Slot, cond: Slot, a: Slot, b: Slot)
    /// Half away from zero.
    case round(dst: Slot, a: Slot)
    /// `dst[i] = min(max(x[i], lo[i]), hi[i])`
    case clamp(dst: Slot, x: Slot, lo: Slot, hi: Slot)
    /// An uncertain input whose parameters depend on other values: `dst[i] = Q(u[i]; params[i])`
    /// with `u` one of the plan's uniform columns; in a deterministic run, its base value (or
    /// fixed value) at those parameters.
    case drawDependent(dst: Slot, input: InputID, params: [Slot], u: Slot)
    /// Once-in-window risk: `occ = (u < chance) && until > from`, time uniform in `[from, until)`.
    case riskOnce(occurs: Slot, time: Slot, chance: Slot, from: Slot, until: Slot, u: Slot, v: Slot)
    /// Per-year risk, appraisal year `year`: window `[max(from, 12y), min(until, 12y + 12))`,
    /// `p = 1 - (1 - chance)^(months / 12)`, `occ = u < p`, time uniform in the window.
    case riskInYear(occurs: Slot, time: Slot, chance: Slot, from: Slot, until: Slot, year: Int, u: Slot, v: Slot)
    /// A one-off `amount` at `time`, into a cash-flow line.
    case payAt(line: LineTarget, amount: Slot, time: Slot, escalate: Slot?)
    /// A rate per month over `[from, until)` into a line; a one-off spread over a task is
    /// `amount / (until - from)` per month (or a one-off at `from` when the span is empty).
    case payOver(line: LineTarget, rate: Slot, from: Slot, until: Slot, escalate: Slot?)
    case spread(line: LineTarget, amount: Slot, from: Slot, until: Slot, escalate: Slot?)
    /// Weights uniform on the ordered simplex (w₁ ≥ … ≥ wₖ ≥ 0, Σ w = 1) into `k` columns from
    /// `dst`, from `k - 1` uniform columns: the spacings of the sorted uniforms (a Dirichlet(1, …, 1)
    /// draw), sorted in decreasing order (`CriteriaPlan`).
    case orderedSimplex(dst: Slot, count: Int, u: [Slot])
    /// Fills the price-index block from the inflation columns (`PriceIndex`).
    case priceIndex(PriceIndex)
}

/// Where a cash-flow step accrues: the line's PV column, its option's PV and total columns, its
/// option's per-year cash and PV columns and its option's per-financial-year cash of its type.
public struct LineTarget: Sendable, Hashable {
    /// Slot receiving the line's present value.
    public var pv: Slot
    /// Slots receiving the option's present value and undiscounted total.
    public var optionPV: Slot
    public var optionTotal: Slot
    /// First of the option's per-year cash slots (`years` consecutive slots).
    public var firstYear: Slot
    /// First of the option's per-year present-value slots.
    public var firstYearPV: Slot
    /// First of the option's per-financial-year cash slots of the line's type (nominal,
    /// undiscounted), and the columns of the price index.
    public var firstFinancialYear: Slot
    public var prices: Range<Slot>
    /// Whether the line's amounts are cash prices: deflated to real prices for every column
    /// but the financial years (`Accrual`).
    public var nominal: Bool
    public init(
        pv: Slot, optionPV: Slot, optionTotal: Slot, firstYear: Slot, firstYearPV: Slot, firstFinancialYear: Slot,
        prices: Range<Slot>, nominal: Bool = false
    ) {
        self.pv = pv
        self.optionPV = optionPV
        self.optionTotal = optionTotal
        self.firstYear = firstYear
        self.firstYearPV = firstYearPV
        self.firstFinancialYear = firstFinancialYear
        self.prices = prices
        self.nominal = nominal
    }
}
