import ScenarioModel
import Synchronization

/// Column storage shared by the chunks of a run: each chunk writes only its own rows (and its
/// own entry of the per-chunk sums), so concurrent writers never touch the same memory, and the
/// reduction runs in chunk order, so the bytes never depend on the number of threads.
final class ResultStore: @unchecked Sendable {
    struct OptionColumns {
        var pv, total, goLive: ColumnStorage<Double>
        var score: ColumnStorage<Double>?
        var lines, years: [ColumnStorage<Float>]
        var risks: [ColumnStorage<UInt8>]
        /// Per type of `OptionPlan.financialTypes`, each financial year's cash.
        var financial: [[ColumnStorage<Float>]] = []
    }

    let iterations: Int
    let years: Int
    let chunks: Int
    let options: [OptionColumns]
    let inputs: IndexedArray<InputID, ColumnStorage<Float>>
    /// Each criterion's normalised weight, when the weights vary.
    let weights: [ColumnStorage<Double>]
    /// Per chunk, per option, per year: the sum of that year's present value over the chunk.
    let yearPVSums: ColumnStorage<Double>
    /// The failed value checks of each chunk that had any (rare: kept under a lock).
    let problems = Mutex<[Int: [ValueProblem]]>([:])

    init(plan: Plan, iterations n: Int, chunks: Int, keepInputs: Bool) {
        iterations = n
        years = plan.years
        self.chunks = chunks
        options = plan.options.map { o in
            OptionColumns(
                pv: .init(count: n), total: .init(count: n), goLive: .init(count: n),
                score: o.score == nil ? nil : .init(count: n),
                lines: o.lines.map { _ in .init(count: n) }, years: (0..<plan.years).map { _ in .init(count: n) },
                risks: o.riskOccurrences.map { _ in .init(count: n) },
                financial: o.financialTypes.map { _ in (0..<plan.financialYears.count).map { _ in .init(count: n) } })
        }
        inputs = IndexedArray(keepInputs ? plan.inputs.map { _ in .init(count: n) } : [])
        weights = plan.criteria.map { $0.varies ? $0.weights.map { _ in .init(count: n) } : [] } ?? []
        yearPVSums = .init(count: max(chunks, 1) * plan.options.count * plan.years)
    }

    /// Copies a finished chunk's output columns into rows `offset ..< offset + n`.
    func store(plan: Plan, chunk: Int, buffer: UnsafeMutablePointer<Double>, stride: Int, offset: Int, n: Int) {
        func copy(_ slot: Slot, _ dst: ColumnStorage<Double>) {
            (dst.base + offset).update(from: buffer + slot * stride, count: n)
        }
        func copy(_ slot: Slot, _ dst: ColumnStorage<Float>) {
            let src = buffer + slot * stride, d = dst.base + offset
            for i in 0..<n { d[i] = Float(src[i]) }
        }
        func copy(_ slot: Slot, _ dst: ColumnStorage<UInt8>) {
            let src = buffer + slot * stride, d = dst.base + offset
            for i in 0..<n { d[i] = UInt8(clamping: Int(src[i])) }
        }
        for (k, (o, columns)) in zip(plan.options, options).enumerated() {
            copy(o.pv, columns.pv)
            copy(o.total, columns.total)
            copy(o.goLive, columns.goLive)
            if let s = o.score, let dst = columns.score { copy(s, dst) }
            for (line, dst) in zip(o.lines, columns.lines) { copy(line.pv, dst) }
            let sums = yearPVSums.base + (chunk * plan.options.count + k) * years
            for y in 0..<years {
                copy(o.firstYear + y, columns.years[y])
                let src = buffer + (o.firstYear + years + y) * stride
                var s = 0.0
                for i in 0..<n { s += src[i] }
                sums[y] = s
            }
            for (risk, dst) in zip(o.riskOccurrences, columns.risks) { copy(risk.slot, dst) }
            for (type, years) in zip(o.financialTypes, columns.financial) {
                let first = o.financialSlot(type, years: plan.financialYears.count)
                for (j, dst) in years.enumerated() { copy(first + j, dst) }
            }
        }
        for (input, dst) in zip(plan.inputs, inputs) { copy(input.slot, dst) }
        for (slot, dst) in zip(plan.criteria?.weights ?? [], weights) { copy(slot, dst) }
    }

    /// Takes the first `chunks` chunks' rows and per-chunk sums from an earlier run of the same
    /// plan, seed and sampling (whose chunks are the same draws: a chunk's numbers depend only
    /// on its index), so that only the later chunks need to run.
    func adopt(_ earlier: SimulationResults, plan: Plan, chunks kept: Int, chunkSize: Int) {
        let rows = min(kept * chunkSize, earlier.iterations, iterations)
        func take<T>(_ from: Column<T>, _ to: ColumnStorage<T>) { to.base.update(from: from.storage.base, count: rows) }
        for (o, c) in zip(earlier.options, options) {
            take(o.pv, c.pv)
            take(o.total, c.total)
            take(o.goLive, c.goLive)
            if let s = o.score, let d = c.score { take(s, d) }
            for (s, d) in zip(o.linePV, c.lines) { take(s, d) }
            for (s, d) in zip(o.yearCash, c.years) { take(s, d) }
            for (s, d) in zip(o.riskOccurrences, c.risks) { take(s, d) }
        }
        for (k, (o, c)) in zip(plan.options, options).enumerated() {
            for (type, years) in zip(o.financialTypes, c.financial) {
                for (s, d) in zip(earlier.options[k].financialCash[type] ?? [], years) { take(s, d) }
            }
        }
        for (s, d) in zip(earlier.inputs, inputs) { take(s, d) }
        for (s, d) in zip(earlier.criteriaWeights, weights) { take(s, d) }
        let sums = min(kept * options.count * years, earlier.yearPVChunkSums.count)
        earlier.yearPVChunkSums.withUnsafeBufferPointer { yearPVSums.base.update(from: $0.baseAddress!, count: sums) }
    }

    /// Keeps a chunk's failed value checks.
    func record(_ found: [ValueProblem], chunk: Int) {
        problems.withLock { $0[chunk] = found }
    }

    /// The finished results: the columns themselves, no copy; per-year PV means reduced in
    /// chunk order.
    func results(plan: Plan, seed: UInt64, sampling: SamplingMethod, generator: String, threads: Int)
        -> SimulationResults
    {
        let n = iterations
        let opts = zip(plan.options, options).enumerated().map { k, pair in
            let (o, c) = pair
            var yearPV = [Double](repeating: 0, count: years)
            for y in 0..<years {
                var s = 0.0
                for chunk in 0..<chunks { s += yearPVSums.base[(chunk * plan.options.count + k) * years + y] }
                yearPV[y] = n > 0 ? s / Double(n) : .nan
            }
            var results = OptionResults(
                name: o.name, label: o.label, pv: Column(storage: c.pv), total: Column(storage: c.total),
                goLive: Column(storage: c.goLive), deadline: plan.scenario.options[k].deadline,
                score: c.score.map(Column.init), linePV: c.lines.map(Column.init),
                yearCash: c.years.map(Column.init), yearPVMean: yearPV,
                riskOccurrences: c.risks.map(Column.init))
            for (type, years) in zip(o.financialTypes, c.financial) {
                results.financialCash[type] = years.map(Column.init)
            }
            return results
        }
        let byChunk = problems.withLock { found in found.keys.sorted().map { found[$0]! } }
        var results = SimulationResults(
            iterations: n, seed: seed, sampling: sampling, generator: generator,
            threads: threads, chunks: chunks, options: opts, inputs: IndexedArray(inputs.map(Column.init)),
            problems: ValueProblem.merge(byChunk, iterations: n),
            yearPVChunkSums: Array(UnsafeBufferPointer(start: yearPVSums.base, count: chunks * options.count * years)))
        results.criteriaWeights = weights.map(Column.init)
        return results
    }
}
