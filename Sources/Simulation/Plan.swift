import Sampling
import ScenarioModel
import ScenarioSyntax

/// One uncertain input of the plan: the model's description of the distribution (its label,
/// mark, family and option: `Scenario.uncertainInputs`), the column it is drawn into and, when
/// its parameters are constants, its sampler.
public struct UncertainInput: Sendable {
    public var definition: InputDistribution
    /// Its column in a chunk.
    public var slot: Slot
    /// Set when every parameter is a constant: drawn before the program runs.
    public var spec: DistributionSpec?
    /// Base value (docs/scenario-language.md §3) when the parameters are constants.
    public var baseValue: Double?
    /// Quantile table of a PERT input, built once per shape for Latin hypercube sampling.
    public var pertTable: PertQuantileTable?

    public var label: String { definition.label }
    public var mark: SourceMark { definition.mark }
    public var family: Distribution.Family { definition.family }
    /// The option it belongs to; nil for shared inputs.
    public var option: OptionID? { definition.option }
    /// A criteria score: it affects the weighted score, never a PV.
    public var isCriterion: Bool { definition.isCriterion }
}

/// What an option's columns are called in a chunk.
public struct OptionPlan: Sendable {
    public struct Line: Sendable {
        public enum Kind: String, Sendable { case cost, benefit, risk }
        public var name: String
        public var kind: Kind
        public var mark: SourceMark
        public var pv: Slot
        /// Capital or revenue, and the prices its amounts are written in.
        public var type: LineType = .revenue
        public var prices: Prices = .real
    }

    public var name: String
    public var label: String
    public var pv: Slot
    public var total: Slot
    public var goLive: Slot
    public var extensionMonths: Slot
    /// Criteria-weighted score, when the scenario has criteria.
    public var score: Slot?
    public var lines: [Line]
    /// First of `years` per-year cash slots, followed by `years` per-year present-value slots.
    public var firstYear: Slot
    /// Start and finish columns of each task, in schedule order.
    public var tasks: [(name: String, mark: SourceMark, start: Slot, finish: Slot)]
    /// Occurrence count of each risk (0/1, or the number of years it happened).
    public var riskOccurrences: [(name: String, mark: SourceMark, slot: Slot)]
    /// First of the option's financial-year cash slots: `financialYears.count` slots of revenue,
    /// then as many of capital (nominal, undiscounted). `financialTypes` are the types some line
    /// of the option has (revenue first): only their columns are kept.
    public var firstFinancialYear: Slot = 0
    public var financialTypes: [LineType] = []

    /// The first financial-year slot of `type`.
    public func financialSlot(_ type: LineType, years: Int) -> Slot {
        firstFinancialYear + (type == .capital ? years : 0)
    }
}

/// A scenario compiled to numbered columns and a flat, ordered list of instructions.
public struct Plan: Sendable {
    public var scenario: Scenario
    /// Every uncertain input, in the model's numbering (`Scenario.uncertainInputs`).
    public var inputs: IndexedArray<InputID, UncertainInput>
    public var instructions: [Instruction]
    /// The leading instructions that fill the constant columns. Nothing else writes those
    /// columns, so a worker fills them once for its whole buffer and then runs only the rest.
    public var constantCount: Int
    /// Uniform columns on (0, 1) drawn with the inputs, before the program runs (risk occurrence
    /// and timing, dependent draws); stratified under Latin hypercube sampling. A deterministic
    /// run sets each to its `fixed` value (1 for an occurrence, so that no risk occurs).
    public var uniforms: [(slot: Slot, fixed: Double)]
    public var slotCount: Int
    /// First of two scratch columns used by the accrual kernels.
    public var scratch: Slot
    public var options: [OptionPlan]
    /// The values verified in every iteration (times, durations, amounts, inputs, scores,
    /// chances, shares): a failure fails the run (`ValueProblem`).
    public var checks: [ValueCheck]
    /// Appraisal years covered by the horizon: `⌈horizon / 12⌉`.
    public var years: Int
    public var schedule: DiscountSchedule
    /// Inputs correlated by Iman–Conover and their rank-correlation matrix (after any repair).
    public var correlated: [InputID]
    public var correlationMatrix: CorrelationMatrix?
    /// Iman–Conover scores and factors for a full chunk (a shorter last chunk makes its own).
    public var imanConover: ImanConoverPlan?
    /// Warnings raised while compiling (a repaired correlation matrix).
    public var warnings: [Diagnostic]
    /// The deflator index's columns (`PriceIndex`) and the financial years of the appraisal.
    public var priceIndex: PriceIndex
    public var financialYears: FinancialYears
    /// The criteria weights, when the scenario has criteria.
    public var criteria: CriteriaPlan? = nil

    /// Iterations per chunk. Fixed, so the chunk layout never depends on the thread count.
    public static let chunkSize = 1024
    /// Iterations the program runs at a time within a chunk, so that its columns stay in the
    /// processor's cache: `slotCount` × 512 × 8 bytes, about 1 MB for the Southwark scenario's
    /// 235 columns (`sourcing-sim bench` prints a scenario's count).
    public static let blockSize = 512
}
