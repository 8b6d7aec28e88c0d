import Sampling
import ScenarioModel

/// Per-iteration results of one option (docs/scenario-language.md §7). Iteration `i` of every
/// column is the same draw of every shared input in every option (paired comparison).
///
/// Money that is summarised directly (PV, total) and the criteria-weighted score are kept in
/// double precision; per-line PVs and per-year cash in single precision (7 significant digits: a
/// penny on £100k, a pound on £10m), which halves the memory of a million-iteration run.
public struct OptionResults: Sendable {
    public var name: String
    public var label: String
    /// Present value of cost (benefits count negatively).
    public var pv: Column<Double>
    /// Undiscounted total over the horizon.
    public var total: Column<Double>
    /// Go-live, months from start.
    public var goLive: Column<Double>
    /// The option's deadline in effect (months from start): its own or the scenario's, if any.
    public var deadline: Double?
    /// Criteria-weighted score, when the scenario has criteria.
    public var score: Column<Double>?
    /// PV of each cost line, benefit and risk.
    public var linePV: [Column<Float>]
    /// Undiscounted cash per appraisal year.
    public var yearCash: [Column<Float>]
    /// Mean present value of each appraisal year's cash (summed per chunk, in chunk order).
    public var yearPVMean: [Double]
    /// Occurrences of each risk per iteration.
    public var riskOccurrences: [Column<UInt8>]
    /// The cash of each financial year (`Plan.financialYears`), nominal and undiscounted, of each
    /// type some line of the option has; a type without lines has none (its cash is 0).
    public var financialCash: [LineType: [Column<Float>]] = [:]

    /// Months past the deadline: `max(0, go-live - deadline)`; 0 without a deadline.
    public var extensionMonths: [Double] {
        guard let deadline else { return [Double](repeating: 0, count: goLive.count) }
        return goLive.map { max(0, $0 - deadline) }
    }
}

/// Everything a run produced, with what is needed to reproduce it.
public struct SimulationResults: Sendable {
    public var iterations: Int
    public var seed: UInt64
    public var sampling: SamplingMethod
    public var generator: String
    public var threads: Int
    public var chunks: Int
    public var options: [OptionResults]
    /// Sampled value of each uncertain input (keyed like `Plan.inputs`), empty when not kept.
    public var inputs: IndexedArray<InputID, Column<Float>>
    /// The normalised weight of each criterion in each iteration (`Plan.criteria`), kept only when
    /// the weights vary (ranked or uncertain); empty otherwise.
    public var criteriaWeights: [Column<Double>] = []
    /// The value checks that failed in some iteration (`Plan.checks` order); a run with any
    /// must not be reported as a result.
    public var problems: [ValueProblem]
    /// Per chunk, per option, per year: the sum of the year's PV over the chunk, from which
    /// `yearPVMean` is reduced in chunk order; kept so that a longer run can continue this one
    /// (`Engine.run(_:continuing:progress:)`).
    public var yearPVChunkSums: [Double] = []
}

/// Memory the per-iteration result columns take.
public enum ResultLayout {
    /// Bytes per iteration: PV, total, go-live and the criteria score in double precision per
    /// option, and each varying criteria weight; a single-precision column per line, year, kept
    /// input and financial year of each type the option's lines have; a byte per risk.
    public static func bytesPerIteration(_ plan: Plan, keepInputs: Bool = true) -> Int {
        var bytes = keepInputs ? 4 * plan.inputs.count : 0
        if let c = plan.criteria, c.varies { bytes += 8 * c.weights.count }
        for o in plan.options {
            bytes += 3 * 8 + (o.score == nil ? 0 : 8) + 4 * (o.lines.count + plan.years) + o.riskOccurrences.count
            bytes += 4 * plan.financialYears.count * o.financialTypes.count
        }
        return bytes
    }
}
