import ScenarioModel
import Sampling

/// Per-iteration results of one option (contract section 5). Iteration `i` of every column is
/// the same draw of every shared input in every option (paired comparison).
public struct OptionResults: Sendable {
    public var name: String
    public var label: String
    /// Present value of cost (benefits count negatively).
    public var pv: [Double]
    /// Undiscounted total over the horizon.
    public var total: [Double]
    /// Go-live, months from start.
    public var goLive: [Double]
    /// Months past the deadline: `max(0, go-live - deadline)`; 0 without a deadline.
    public var extensionMonths: [Double]
    /// Criteria-weighted score, when the scenario has criteria.
    public var score: [Double]?
    /// PV of each cost line, benefit and risk (single precision: ample for a line's share).
    public var linePV: [[Float]]
    /// Undiscounted cash per appraisal year.
    public var yearCash: [[Float]]
    /// Present value of each appraisal year's cash.
    public var yearPV: [[Float]]
    /// Occurrences of each risk per iteration.
    public var riskOccurrences: [[Float]]
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
    /// Sampled value of each uncertain input (same order as `Plan.inputs`).
    public var inputs: [[Float]]
}

/// Column storage shared by the chunks of a run: each chunk writes only its own rows, so
/// concurrent writers never touch the same memory.
final class ResultStore: @unchecked Sendable {
    struct OptionColumns {
        var pv, total, goLive, extensionMonths, score: UnsafeMutablePointer<Double>
        var lines, years, yearPV, risks: [UnsafeMutablePointer<Float>]
    }

    let iterations: Int
    var options: [OptionColumns] = []
    var inputs: [UnsafeMutablePointer<Float>] = []
    private var allocations: Set<UnsafeMutableRawPointer> = []

    init(plan: Plan, iterations: Int, keepInputs: Bool) {
        self.iterations = iterations
        func doubles() -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(iterations, 1))
            allocations.insert(UnsafeMutableRawPointer(p))
            return p
        }
        func floats() -> UnsafeMutablePointer<Float> {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: max(iterations, 1))
            allocations.insert(UnsafeMutableRawPointer(p))
            return p
        }
        for o in plan.options {
            options.append(OptionColumns(
                pv: doubles(), total: doubles(), goLive: doubles(), extensionMonths: doubles(),
                score: o.score == nil ? doubles() : doubles(),
                lines: o.lines.map { _ in floats() }, years: (0..<plan.years).map { _ in floats() },
                yearPV: (0..<plan.years).map { _ in floats() },
                risks: o.riskOccurrences.map { _ in floats() }))
        }
        if keepInputs { inputs = plan.inputs.map { _ in floats() } }
    }

    deinit { for p in allocations { p.deallocate() } }

    /// Copies a finished chunk's output columns into rows `offset ..< offset + n`.
    func store(plan: Plan, buffer: UnsafeMutablePointer<Double>, stride: Int, offset: Int, n: Int) {
        func copy(_ slot: Slot, _ dst: UnsafeMutablePointer<Double>) {
            (dst + offset).update(from: buffer + slot * stride, count: n)
        }
        func copy(_ slot: Slot, _ dst: UnsafeMutablePointer<Float>) {
            let src = buffer + slot * stride
            let d = dst + offset
            for i in 0..<n { d[i] = Float(src[i]) }
        }
        for (o, columns) in zip(plan.options, options) {
            copy(o.pv, columns.pv)
            copy(o.total, columns.total)
            copy(o.goLive, columns.goLive)
            copy(o.extensionMonths, columns.extensionMonths)
            if let s = o.score { copy(s, columns.score) }
            for (line, dst) in zip(o.lines, columns.lines) { copy(line.pv, dst) }
            for y in 0..<plan.years {
                copy(o.firstYear + y, columns.years[y])
                copy(o.firstYear + plan.years + y, columns.yearPV[y])
            }
            for (risk, dst) in zip(o.riskOccurrences, columns.risks) { copy(risk.slot, dst) }
        }
        for (slot, dst) in zip(plan.inputSlots, inputs) { copy(slot, dst) }
    }

    /// Moves the columns into arrays, freeing each column as soon as it is copied, so the peak
    /// memory stays one set of columns plus one column.
    func results(plan: Plan, seed: UInt64, sampling: SamplingMethod, generator: String, threads: Int,
                 chunks: Int) -> SimulationResults {
        let n = iterations
        func array<T>(_ p: UnsafeMutablePointer<T>) -> [T] {
            let a = Array(UnsafeBufferPointer(start: p, count: n))
            if allocations.remove(UnsafeMutableRawPointer(p)) != nil { p.deallocate() }
            return a
        }
        let opts = zip(plan.options, options).map { o, c in
            OptionResults(name: o.name, label: o.label, pv: array(c.pv), total: array(c.total),
                          goLive: array(c.goLive), extensionMonths: array(c.extensionMonths),
                          score: o.score == nil ? nil : array(c.score),
                          linePV: c.lines.map(array), yearCash: c.years.map(array), yearPV: c.yearPV.map(array), riskOccurrences: c.risks.map(array))
        }
        return SimulationResults(iterations: n, seed: seed, sampling: sampling, generator: generator,
                                 threads: threads, chunks: chunks, options: opts, inputs: inputs.map(array))
    }
}

/// Memory the per-iteration result columns take.
public enum ResultLayout {
    /// Bytes per iteration: 5 double columns per option (PV, total, go-live, extension, score),
    /// and single-precision columns for each line, year (cash and PV), risk and input.
    public static func bytesPerIteration(_ plan: Plan, keepInputs: Bool = true) -> Int {
        var floats = keepInputs ? plan.inputs.count : 0
        var doubles = 0
        for o in plan.options {
            doubles += 5
            floats += o.lines.count + 2 * plan.years + o.riskOccurrences.count
        }
        return doubles * 8 + floats * 4
    }
}
