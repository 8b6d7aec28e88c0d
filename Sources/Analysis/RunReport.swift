import ScenarioModel
import Simulation

/// Everything a run answers (the files of notebooks-output/README.md), computed from the results
/// columns and, for tornado swings and switching values, deterministic re-runs of the plan.
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
        // Every summary sorts its column; they are independent, so they run on all cores.
        let currency = plan.scenario.currency
        let deadline = plan.scenario.deadline
        let pvStatistics = parallelMap(options.count) { i in
            let sorted = Quantiles.sortedWithoutNaN(pvs[i])
            return (Summary(sortedValues: sorted, missing: pvs[i].count - sorted.count),
                    OrderStatisticCI(sorted: sorted, p: 0.8))
        }
        var named: [(option: String, metric: String, unit: String)] = []
        var columns: [@Sendable () -> [Double]] = []
        for o in options {
            named.append((o.name, "total_cost", currency))
            columns.append { o.total.array }
            named.append((o.name, "go_live_month", "month"))
            columns.append { o.goLive.array }
            if let deadline {
                named.append((o.name, "extension_months", "months"))
                columns.append { o.extensionMonths }
                named.append((o.name, "live_by_deadline", "probability"))
                columns.append { o.goLive.map { $0 <= deadline + 1e-9 ? 1 : 0 } }
            }
            if let score = o.score {
                named.append((o.name, "score", "points"))
                columns.append { score.doubles }
            }
        }
        let cashColumns = options.flatMap { o in o.yearCash.map { column in { @Sendable in column.doubles } } }
        let lineColumns = options.flatMap { o in o.linePV.map { column in { @Sendable in column.doubles } } }
        let jobs = columns + cashColumns + lineColumns
        let summaries = parallelMap(jobs.count) { Summary(jobs[$0]()) }

        var metrics: [Metric] = []
        var next = 0
        for (i, o) in options.enumerated() {
            metrics.append(Metric(option: o.name, metric: "pv_cost", unit: currency, summary: pvStatistics[i].0))
            while next < named.count, named[next].option == o.name {
                metrics.append(Metric(option: o.name, metric: named[next].metric, unit: named[next].unit,
                                      summary: summaries[next]))
                next += 1
            }
        }
        self.metrics = metrics
        p80Interval = pvStatistics.map(\.1)

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
        var cashIndex = columns.count, lineIndex = columns.count + cashColumns.count
        for (o, op) in zip(options, plan.options) {
            for y in 0..<plan.years {
                cashflows.append(Cashflow(option: o.name, year: y, discountFactor: plan.schedule.yearFactors[y],
                                          cash: summaries[cashIndex], pvMean: o.yearPVMean[y]))
                cashIndex += 1
            }
            for line in op.lines {
                lines.append(Line(option: o.name, line: line.name, kind: line.kind.rawValue, sourceLine: line.mark.line,
                                  pv: summaries[lineIndex]))
                lineIndex += 1
            }
        }
        self.cashflows = cashflows
        self.lines = lines
        let tornado = Tornado(engine: engine)
        sensitivity = try Sensitivity.analyse(engine: engine, results: results, pvs: pvs, tornado: tornado)
        switching = SwitchingValues.find(engine: engine, base: base, tornado: tornado)
    }
}
