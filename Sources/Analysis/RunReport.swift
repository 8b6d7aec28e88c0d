import ScenarioModel
import Simulation
import Statistics

/// Everything a run answers (the files of notebooks-output/README.md), as a tree of typed values: per option, per
/// pair of options, per uncertain input, per appraisal year and per line. The CSV files, the
/// JSON, the terminal summary and any later report read this tree; the names they give its
/// figures (`pv_cost`, column headers, JSON keys) are theirs.
///
/// Computed from the result columns and, for the base case, tornado swings and switching
/// values, from deterministic re-runs of the plan (`RunReport.init(engine:results:threads:)`).
public struct RunReport: Sendable {
    /// One option: the distribution of its figures, its chance of being cheapest, its base case,
    /// its years and lines, and what drives its PV.
    public struct Option: Sendable {
        public var id: OptionID
        public var name: String
        public var label: String
        /// Present value of cost (benefits count negatively).
        public var pv: Summary
        /// 95% distribution-free confidence interval of the P80 of PV (`OrderStatisticCI`).
        public var pvP80Interval: OrderStatisticCI
        /// Undiscounted total over the horizon.
        public var total: Summary
        /// Go-live, months from start.
        public var goLive: Summary
        /// With a deadline: months past it, max(0, go-live - deadline).
        public var extensionMonths: Summary?
        /// With a deadline: 1 in an iteration where go-live <= deadline (to 1e-9), else 0; its
        /// mean is P(live by the deadline).
        public var liveByDeadline: Summary?
        /// With criteria: the weighted score.
        public var score: Summary?
        /// P(this option has the lowest PV), ties shared (`ProbabilityBest.cheapest`).
        public var pCheapest: Double
        /// With criteria: P(this option has the highest score), ties shared: its rank
        /// acceptability for rank 1 (`RunReport.criteria`).
        public var pBestScore: Double?
        /// Every input at its base value, no risk occurring.
        public var base: DeterministicResult
        /// Each appraisal year's cash, in year order (as many as `RunReport.years`).
        public var years: [YearCash]
        /// Each cost line, benefit and risk.
        public var lines: IndexedArray<LineID, Line>
        /// What drives the PV: one row per input that can move it, by decreasing contribution
        /// to variance (empty with fewer than two iterations or a PV that is NaN somewhere).
        public var drivers: [Sensitivity.Row]
        /// The financial case: each financial year's cash by type, nominal and undiscounted
        /// (`RunReport+Affordability`).
        public var financialYears: [FinancialYear] = []
        /// The 99-point quantile grids of PV, total and go-live (`quantiles.csv`, the report's
        /// S-curves), from the same sorted columns as `pv`, `total` and `goLive`.
        public var quantiles = QuantileGrids()

        /// The summaries the option has, in a fixed order: PV, total, go-live, then with a
        /// deadline extension months and live by deadline, then with criteria the score.
        public var metrics: [(metric: Metric, summary: Summary)] {
            var out: [(Metric, Summary)] = [(.pv, pv), (.total, total), (.goLive, goLive)]
            if let extensionMonths { out.append((.extensionMonths, extensionMonths)) }
            if let liveByDeadline { out.append((.liveByDeadline, liveByDeadline)) }
            if let score { out.append((.score, score)) }
            return out
        }
    }

    /// An option's quantile grids (p = 0.01 … 0.99, `QuantileGrid`).
    public struct QuantileGrids: Sendable {
        public var pv = QuantileGrid([])
        public var total = QuantileGrid([])
        public var goLive = QuantileGrid([])
        public init() {}
    }

    /// The figures of an option that are summarised per iteration (`Option.metrics`).
    public enum Metric: Sendable, Hashable, CaseIterable {
        case pv, total, goLive, extensionMonths, liveByDeadline, score
    }

    /// One appraisal year of one option.
    public struct YearCash: Sendable {
        /// Undiscounted cash in the year.
        public var cash: Summary
        /// Mean present value of the year's cash.
        public var pvMean: Double
    }

    /// One appraisal year of the run.
    public struct Year: Sendable {
        /// 0 for the first year.
        public var index: Int
        /// D(y) of the discount schedule.
        public var discountFactor: Double
    }

    /// One cost line, benefit or risk of an option.
    public struct Line: Sendable {
        public var id: LineID
        public var name: String
        public var kind: OptionPlan.Line.Kind
        /// The line of the scenario file it is written on.
        public var sourceLine: Int
        public var pv: Summary
        /// Capital or revenue, and the prices its amounts are written in.
        public var type: LineType = .revenue
        public var prices: Prices = .real
    }

    /// Two options a < b compared on the same iterations.
    public struct Pair: Sendable {
        public var a: OptionID
        public var b: OptionID
        /// Summary of PV(a) - PV(b) per iteration; P(a cheaper than b), ties counted half.
        public var comparison: PairedComparison
        /// What drives PV(a) - PV(b), by decreasing contribution to variance.
        public var drivers: [Sensitivity.Row]
    }

    /// One uncertain input: where it is written and its tornado runs.
    public struct Input: Sendable {
        public var id: InputID
        public var label: String
        public var sourceLine: Int
        /// The option whose model it belongs to; nil for a shared input.
        public var option: OptionID?
        /// A criteria score: it moves a weighted score, never a PV.
        public var isCriterion: Bool
        /// Every option's deterministic result with this input at its P10 (`low`) and at its P90
        /// (`high`), every other input at its base value and no risk occurring.
        public var low: IndexedArray<OptionID, DeterministicResult>
        public var high: IndexedArray<OptionID, DeterministicResult>
    }

    public var plan: Plan
    public var results: SimulationResults
    public var options: IndexedArray<OptionID, Option>
    /// Every pair a < b, in the order (0, 1), (0, 2), ..., (1, 2), ...; look one up with
    /// `pair(_:_:)`.
    public var pairs: [Pair]
    public var inputs: IndexedArray<InputID, Input>
    /// The appraisal years, ⌈horizon / 12⌉ of them.
    public var years: [Year]
    /// Switching values of the inputs that move the decision most, widest swing first.
    public var switching: [SwitchingValues.Row]
    public var evpi: EVPI
    /// The EVPPI of each uncertain input but criteria scores and of each risk's occurrence,
    /// largest first, and the estimator's noise floor (`ValueOfInformation`).
    public var valueOfInformation = ValueOfInformation()
    /// The option with the lowest expected PV of cost (the first, on a tie).
    public var preferred: OptionID
    /// The option with the lowest base-case PV (the first, on a tie).
    public var preferredBase: OptionID
    /// The two options with the lowest expected PV, cheapest first, when there are two.
    public var twoBest: (OptionID, OptionID)?
    /// The option every other is compared with in the economic case (`Scenario.baseline`).
    public var baseline = OptionID(0)
    /// The economic case of every option, in file order: NPV against `baseline` (none for the
    /// baseline itself), NPSV and BCR (`Economic`). The option with the highest expected NPV is
    /// `preferred`, the one with the lowest expected PV.
    public var economic = IndexedArray<OptionID, Economic>()

    /// The options other than the baseline with their economic case, in file order.
    public var againstBaseline: [(option: Option, economic: Economic, npv: PairedComparison)] {
        options.compactMap { o in economic[o.id].npv.map { (o, economic[o.id], $0) } }
    }

    /// With criteria: rank acceptability and central weights (`RunReport+Criteria`).
    public var criteria: Criteria?

    /// The inflation of each appraisal year in the base case (every input at its base value).
    public var inflationBase: [Double] = []

    /// The comparison of two different options, in either order (it is stored as a < b); nil
    /// for an option with itself or an identity out of range.
    ///
    /// - Complexity: O(1).
    public func pair(_ x: OptionID, _ y: OptionID) -> Pair? {
        let (i, j) = (min(x.index, y.index), max(x.index, y.index))
        let m = options.count
        guard i >= 0, i < j, j < m else { return nil }
        // Pairs before row i: (m - 1) + (m - 2) + ... + (m - i).
        return pairs[i * m - i * (i + 1) / 2 + (j - i - 1)]
    }

    /// The drivers of a target: an option's PV, or the difference of PVs of two options (the
    /// drivers of PV(a) - PV(b) with a < b; the same inputs drive PV(b) - PV(a)).
    public func drivers(of target: Sensitivity.Target) -> [Sensitivity.Row] {
        switch target {
        case .pv(let option): return options[option].drivers
        case .difference(let a, let b): return pair(a, b)?.drivers ?? []
        }
    }

    /// Every sensitivity row of an input, with its target: options' PVs first, then pairs.
    public func sensitivity(of input: InputID) -> [(target: Sensitivity.Target, row: Sensitivity.Row)] {
        var out: [(Sensitivity.Target, Sensitivity.Row)] = []
        for o in options {
            out += o.drivers.filter { $0.driver == .input(input) }.map { (.pv(o.id), $0) }
        }
        for p in pairs {
            out += p.drivers.filter { $0.driver == .input(input) }.map { (.difference(p.a, p.b), $0) }
        }
        return out
    }

    /// The switching value of an input, when it is one of those examined.
    public func switchingValue(of input: InputID) -> SwitchingValues.Row? {
        switching.first { $0.input == input }
    }
}
