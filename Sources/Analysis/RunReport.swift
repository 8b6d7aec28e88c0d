import ScenarioModel
import Simulation

/// Everything a run answers (contract section 5), computed from the results columns and, for
/// tornado swings and switching values, deterministic re-runs of the plan.
public struct RunReport: Sendable {
    public struct Metric: Sendable {
        public var option: String
        /// `pv_cost`, `total_cost`, `go_live_month`, `extension_months`, `live_by_deadline`, `score`.
        public var metric: String
        public var unit: String
        public var summary: Summary
    }

    public struct Pair: Sendable {
        public var a: String
        public var b: String
        /// Summary of PV(a) - PV(b) per iteration; P(a cheaper than b), ties counted half.
        public var comparison: PairedComparison
    }

    public struct Ranking: Sendable {
        public var option: String
        public var pCheapest: Double
        public var pBestScore: Double?
        public var baseCasePV: Double
    }

    public struct Cashflow: Sendable {
        public var option: String
        public var year: Int
        public var discountFactor: Double
        public var cash: Summary
        public var pvMean: Double
    }

    public struct Line: Sendable {
        public var option: String
        public var line: String
        public var kind: String
        public var sourceLine: Int
        public var pv: Summary
    }

    public var plan: Plan
    public var results: SimulationResults
    /// Every input at its base value, no risk occurring.
    public var base: [DeterministicResult]
    public var metrics: [Metric]
    /// 95% distribution-free confidence interval of each option's P80 of PV.
    public var p80Interval: [OrderStatisticCI]
    public var pairs: [Pair]
    public var ranking: [Ranking]
    public var evpi: EVPI
    public var cashflows: [Cashflow]
    public var lines: [Line]
    public var sensitivity: [Sensitivity.Row]
    public var switching: [SwitchingValues.Row]
    /// Index of the option with the lowest expected PV of cost.
    public var preferred: Int
    /// Index of the option with the lowest base-case PV.
    public var preferredBase: Int
    /// Indices of the two options with the lowest expected PV (the "two best"), when there are two.
    public var twoBest: (Int, Int)?

    /// Analyses a finished run. `engine` re-runs the plan deterministically for swings and
    /// switching values.
    public init(engine: Engine, results: SimulationResults) throws(AnalysisError) {
        let plan = engine.plan
        self.plan = plan
        self.results = results
        base = engine.deterministic()
        let options = results.options
        let pvs = options.map(\.pv.array)
        var metrics: [Metric] = []
        var intervals: [OrderStatisticCI] = []
        for (o, pv) in zip(options, pvs) {
            let pvSorted = Quantiles.sortedWithoutNaN(pv)
            metrics.append(Metric(option: o.name, metric: "pv_cost", unit: plan.scenario.currency,
                                  summary: Summary(sortedValues: pvSorted, missing: o.pv.count - pvSorted.count)))
            intervals.append(OrderStatisticCI(sorted: pvSorted, p: 0.8))
            metrics.append(Metric(option: o.name, metric: "total_cost", unit: plan.scenario.currency, summary: Summary(o.total.array)))
            metrics.append(Metric(option: o.name, metric: "go_live_month", unit: "month", summary: Summary(o.goLive.array)))
            if let deadline = plan.scenario.deadline {
                metrics.append(Metric(option: o.name, metric: "extension_months", unit: "months", summary: Summary(o.extensionMonths)))
                metrics.append(Metric(option: o.name, metric: "live_by_deadline", unit: "probability",
                                      summary: Summary(o.goLive.map { $0 <= deadline + 1e-9 ? 1 : 0 })))
            }
            if let score = o.score {
                metrics.append(Metric(option: o.name, metric: "score", unit: "points", summary: Summary(score.doubles)))
            }
        }
        self.metrics = metrics
        p80Interval = intervals

        var pairs: [Pair] = []
        for i in options.indices {
            for j in options.indices where j > i {
                pairs.append(Pair(a: options[i].name, b: options[j].name,
                                  comparison: try PairedComparison(pvs[i], pvs[j])))
            }
        }
        self.pairs = pairs
        let pCheapest = try probabilityCheapest(pvs)
        let scores = options.compactMap { $0.score?.doubles }
        let pBest = scores.count == options.count && !scores.isEmpty
            ? try probabilityBest(scores, higherIsBetter: true) : nil
        let base = self.base
        ranking = options.indices.map {
            Ranking(option: options[$0].name, pCheapest: pCheapest[$0], pBestScore: pBest?[$0], baseCasePV: base[$0].pv)
        }
        let evpi = try EVPI(costs: pvs)
        self.evpi = evpi
        preferred = evpi.bestOption
        preferredBase = base.indices.min { base[$0].pv < base[$1].pv } ?? 0
        let byMean = options.indices.sorted { evpi.expectedCosts[$0] < evpi.expectedCosts[$1] }
        twoBest = byMean.count >= 2 ? (byMean[0], byMean[1]) : nil

        var cashflows: [Cashflow] = []
        var lines: [Line] = []
        for (o, op) in zip(options, plan.options) {
            for y in 0..<plan.years {
                cashflows.append(Cashflow(option: o.name, year: y, discountFactor: plan.schedule.yearFactors[y],
                                          cash: Summary(o.yearCash[y].doubles),
                                          pvMean: o.yearPVMean[y]))
            }
            for (k, line) in op.lines.enumerated() {
                lines.append(Line(option: o.name, line: line.name, kind: line.kind.rawValue, sourceLine: line.mark.line,
                                  pv: Summary(o.linePV[k].doubles)))
            }
        }
        self.cashflows = cashflows
        self.lines = lines
        let tornado = Tornado(engine: engine)
        sensitivity = try Sensitivity.analyse(engine: engine, results: results, pvs: pvs, tornado: tornado)
        switching = SwitchingValues.find(engine: engine, base: base, tornado: tornado)
    }
}
