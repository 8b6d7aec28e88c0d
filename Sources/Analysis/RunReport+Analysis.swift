import ScenarioModel
import Simulation
import Statistics

extension RunReport {
    /// Analyses a finished run. `engine` re-runs the plan deterministically for the base case,
    /// the tornado swings and the switching values. The independent pieces (each column's
    /// summary, each column's ranks, each sensitivity target) run on up to `threads` threads
    /// (0: all cores) through `Parallel.map`, so the report is the same on any number.
    /// `phase` is called on the calling thread as each step begins (`AnalysisPhase`, in order).
    public init(
        engine: Engine, results: SimulationResults, threads: Int = 0,
        phase: (AnalysisPhase) -> Void = { _ in }
    ) throws(StatisticsError) {
        let plan = engine.plan
        let optionIDs = (0..<results.options.count).map(OptionID.init)
        let columns = results.options
        let pvs = columns.map(\.pv.array)
        let base = engine.deterministic()

        phase(.summaries)
        // The summaries are independent, so they run in parallel; none sorts its column.
        let pvStatistics = Parallel.map(columns.count, threads: threads) { i in
            let s = columns[i].pv.withUnsafeBufferPointer { ColumnStatistics($0, grid: true, intervalP: 0.8) }
            return (s.summary, s.interval!, s.grid!)
        }
        var jobs = SummaryJobs()
        for (id, o) in zip(optionIDs, columns) {
            jobs.add(.total(id), grid: o.total)
            if let deadline = o.deadline {
                jobs.add([.goLive(id), .extensionMonths(id), .liveByDeadline(id)]) {
                    let (s, grid) = Self.goLiveSummaries(o, deadline: deadline)
                    return [(s[0], grid), (s[1], nil), (s[2], nil)]
                }
            } else {
                jobs.add(.goLive(id), grid: o.goLive)
            }
            if let score = o.score { jobs.add(.score(id), doubles: score) }
            for (y, column) in o.yearCash.enumerated() { jobs.add(.year(id, y), floats: column) }
            for (l, column) in o.linePV.enumerated() { jobs.add(.line(id, LineID(l)), floats: column) }
        }
        let summaries = jobs.run(threads: threads)

        phase(.decision)
        let pCheapest = try ProbabilityBest.cheapest(pvs)
        let criteria = try Self.criteria(plan: plan, results: results)
        let pBest = criteria.map { c in optionIDs.map { c.probability($0, rank: 1) } }
        let years = (0..<plan.years).map { Year(index: $0, discountFactor: plan.schedule.yearFactors[$0]) }

        phase(.tornado)
        let tornado = Tornado(engine: engine)
        phase(.sensitivity)
        let sensitivity = try Sensitivity.analyse(
            engine: engine, results: results, pvs: pvs, tornado: tornado,
            threads: threads)

        var options = IndexedArray<OptionID, Option>()
        for (id, (o, op)) in zip(optionIDs, zip(columns, plan.options)) {
            let lines = op.lines.enumerated().map { l, line in
                Line(
                    id: LineID(l), name: line.name, kind: line.kind, sourceLine: line.mark.line,
                    pv: summaries[.line(id, LineID(l))], type: line.type, prices: line.prices)
            }
            options.append(
                Option(
                    id: id, name: o.name, label: o.label,
                    pv: pvStatistics[id.index].0, pvP80Interval: pvStatistics[id.index].1,
                    total: summaries[.total(id)], goLive: summaries[.goLive(id)],
                    extensionMonths: o.deadline.map { _ in summaries[.extensionMonths(id)] },
                    liveByDeadline: o.deadline.map { _ in summaries[.liveByDeadline(id)] },
                    score: o.score.map { _ in summaries[.score(id)] },
                    pCheapest: pCheapest[id.index], pBestScore: pBest?[id.index], base: base[id.index],
                    years: years.map { YearCash(cash: summaries[.year(id, $0.index)], pvMean: o.yearPVMean[$0.index]) },
                    lines: IndexedArray(lines),
                    drivers: sensitivity[.pv(id)] ?? []))
        }

        phase(.pairs)
        var ab: [(OptionID, OptionID)] = []
        for a in optionIDs {
            for b in optionIDs where b > a { ab.append((a, b)) }
        }
        // Each pair sorts its differences; they are independent, so they run in parallel.
        let jobPairs = ab
        let comparisons = Parallel.map(jobPairs.count, threads: threads) { k in
            let (a, b) = jobPairs[k]
            return Result { () throws(StatisticsError) in try PairedComparison(pvs[a.index], pvs[b.index]) }
        }
        var pairs: [Pair] = []
        for ((a, b), comparison) in zip(ab, comparisons) {
            pairs.append(
                Pair(a: a, b: b, comparison: try comparison.get(), drivers: sensitivity[.difference(a, b)] ?? []))
        }

        var inputs = IndexedArray<InputID, Input>()
        for (k, input) in plan.inputs.enumerated {
            inputs.append(
                Input(
                    id: k, label: input.label, sourceLine: input.mark.line, option: input.option,
                    isCriterion: input.isCriterion,
                    low: IndexedArray(tornado.low[k]), high: IndexedArray(tornado.high[k])))
        }

        phase(.switching)
        let evpi = try EVPI(costs: pvs)
        let byMean = optionIDs.sorted { evpi.expectedCosts[$0.index] < evpi.expectedCosts[$1.index] }
        self.init(
            plan: plan, results: results, options: options, pairs: pairs, inputs: inputs, years: years,
            switching: SwitchingValues.find(engine: engine, base: base, tornado: tornado),
            evpi: evpi, preferred: OptionID(evpi.bestOption),
            preferredBase: optionIDs.min { base[$0.index].pv < base[$1.index].pv } ?? OptionID(0),
            twoBest: byMean.count >= 2 ? (byMean[0], byMean[1]) : nil)
        phase(.economic)
        baseline = plan.scenario.baseline
        self.criteria = criteria
        economic = try Self.economicCase(
            baseline: baseline, pvs: pvs, options: options, pairs: pairs, threads: threads)
        let financial = Self.affordability(plan: plan, results: results, threads: threads)
        for id in optionIDs {
            self.options[id].financialYears = financial[id.index]
            self.options[id].quantiles.pv = pvStatistics[id.index].2
            if let total = summaries.grid(.total(id)) { self.options[id].quantiles.total = total }
            if let goLive = summaries.grid(.goLive(id)) { self.options[id].quantiles.goLive = goLive }
        }
        inflationBase = engine.baseInflation()
        phase(.valueOfInformation)
        valueOfInformation = try ValueOfInformation.analyse(plan: plan, results: results, pvs: pvs, threads: threads)
    }
}

extension RunReport {
    /// Go-live, extension months and live-by-deadline of an option with a deadline, from one
    /// selection of go-live's order statistics (`ColumnStatistics`): months past the deadline,
    /// max(0, g - deadline), is a non-decreasing map of go-live, so its order statistics are
    /// those of go-live mapped; live by the deadline (g <= deadline + 1e-9) is 1 for c
    /// iterations and 0 for the rest, so its sorted column is n - c zeros then c ones. The
    /// summaries equal those of the columns themselves; with a NaN go-live (where max(0, NaN)
    /// is 0 and the comparison false) the columns are summarised as they are. The go-live
    /// quantile grid comes from the same selection.
    static func goLiveSummaries(_ o: OptionResults, deadline: Double) -> ([Summary], QuantileGrid) {
        let goLive = o.goLive.withUnsafeBufferPointer { ColumnStatistics($0, grid: true) }
        let grid = goLive.grid!
        guard goLive.count == o.goLive.count else {
            return (
                [
                    goLive.summary, Summary(o.extensionMonths), Summary(o.goLive.map { $0 <= deadline + 1e-9 ? 1 : 0 })
                ], grid
            )
        }
        let n = goLive.count
        var live = 0
        for g in o.goLive where g <= deadline + 1e-9 { live += 1 }
        var flags = [Double](repeating: 0, count: n)
        for k in (n - live)..<n { flags[k] = 1 }
        let months = o.goLive.withUnsafeBufferPointer {
            goLive.summary(ofNonDecreasing: { max(0, $0 - deadline) }, values: $0)
        }
        return ([goLive.summary, months, Summary(sortedValues: flags)], grid)
    }
}

/// The columns `RunReport` summarises, each named by what it is, summarised all at once.
private struct SummaryJobs {
    enum Key: Hashable {
        case total(OptionID)
        case goLive(OptionID)
        case extensionMonths(OptionID)
        case liveByDeadline(OptionID)
        case score(OptionID)
        case year(OptionID, Int)
        case line(OptionID, LineID)
    }

    private var keys: [[Key]] = []
    private var jobs: [@Sendable () -> [(Summary, QuantileGrid?)]] = []

    /// Adds a double-precision column, read in place.
    mutating func add(_ key: Key, doubles column: Column<Double>) {
        add([key]) { [(column.withUnsafeBufferPointer { Summary($0) }, nil)] }
    }

    /// Adds a double-precision column with its `QuantileGrid`, both from one selection.
    mutating func add(_ key: Key, grid column: Column<Double>) {
        add([key]) {
            let s = column.withUnsafeBufferPointer { ColumnStatistics($0, grid: true) }
            return [(s.summary, s.grid)]
        }
    }

    /// Adds a single-precision column, sorted as it is stored (`Summary.init(_:)` of floats).
    mutating func add(_ key: Key, floats column: Column<Float>) {
        add([key]) { [(column.withUnsafeBufferPointer { Summary($0) }, nil)] }
    }

    /// Adds a job that gives the summaries (and, where it has one, the quantile grid) of several
    /// keys, in their order.
    mutating func add(_ keys: [Key], _ job: @escaping @Sendable () -> [(Summary, QuantileGrid?)]) {
        self.keys.append(keys)
        jobs.append(job)
    }

    struct Summaries {
        fileprivate var byKey: [Key: (Summary, QuantileGrid?)]
        subscript(key: Key) -> Summary {
            guard let s = byKey[key] else { preconditionFailure("no summary for \(key)") }
            return s.0
        }
        func grid(_ key: Key) -> QuantileGrid? { byKey[key]?.1 }
    }

    func run(threads: Int) -> Summaries {
        let jobs = self.jobs
        let values = Parallel.map(jobs.count, threads: threads) { jobs[$0]() }
        return Summaries(byKey: Dictionary(uniqueKeysWithValues: zip(keys.joined(), values.joined())))
    }
}
