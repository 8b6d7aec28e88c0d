import Dispatch
import Foundation
import Sampling
import ScenarioModel
import Synchronization

/// Runs a plan over fixed-size chunks of iterations on several threads (`ChunkRunner`).
///
/// Chunk `c` covers iterations `c × chunkSize ..< min((c + 1) × chunkSize, n)` and draws from its
/// own generator seeded with `SeedMix.chunkSeed(master: seed, chunk: c)`. Chunks are handed out
/// to threads in any order, but each writes only its own rows, so the results are the same
/// bytes whatever the number of threads.
public struct Engine: Sendable {
    public let plan: Plan
    /// The plan's discounting and horizon, prepared once for every chunk.
    let accrual: Accrual

    public init(plan: Plan) {
        GSLRuntime.configure()
        self.plan = plan
        accrual = Accrual(
            schedule: plan.schedule, horizon: plan.scenario.horizonMonths, prices: plan.priceIndex,
            financialYears: plan.financialYears)
    }

    public struct Settings: Sendable {
        public var iterations: Int
        public var seed: UInt64
        public var sampling: SamplingMethod
        public var threads: Int
        /// Keep every sampled input (needed for sensitivity analysis).
        public var keepInputs: Bool
        public init(iterations: Int, seed: UInt64, sampling: SamplingMethod, threads: Int = 0, keepInputs: Bool = true)
        {
            self.iterations = iterations
            self.seed = seed
            self.sampling = sampling
            self.threads = threads
            self.keepInputs = keepInputs
        }
    }

    /// Number of threads used when `threads` is 0: the machine's active processors.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Monte Carlo run. `progress` is called with the number of finished iterations (from any thread).
    /// `pinned` holds inputs at a value in every iteration (`run --sweep`); they are still drawn,
    /// so every other input has the same draws as in a run without them (common random numbers).
    ///
    /// With `continuing`, an earlier run of this engine with the same seed and sampling, no
    /// more iterations and no failed value checks, its complete chunks are taken as they are
    /// (a chunk's draws depend only on the master seed and its index) and only the rest run,
    /// the earlier partial last chunk included: the results are the same bits as a run from
    /// the start. An earlier run that does not qualify is ignored.
    public func run(
        _ settings: Settings, pinned: [InputID: Double] = [:], continuing earlier: SimulationResults? = nil,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> SimulationResults {
        let runner = ChunkRunner(iterations: settings.iterations, seed: settings.seed, threads: settings.threads)
        let store = ResultStore(
            plan: plan, iterations: runner.iterations, chunks: runner.chunks,
            keepInputs: settings.keepInputs)
        var first = 0
        if let earlier, earlier.seed == settings.seed, earlier.sampling == settings.sampling,
            earlier.problems.isEmpty, earlier.iterations <= runner.iterations,
            earlier.options.count == plan.options.count,
            earlier.inputs.count == (settings.keepInputs ? plan.inputs.count : 0),
            earlier.yearPVChunkSums.count == earlier.chunks * plan.options.count * plan.years
        {
            first = earlier.iterations / runner.chunkSize
            store.adopt(earlier, plan: plan, chunks: first, chunkSize: runner.chunkSize)
        }
        let done = Atomic<Int>(first * runner.chunkSize)
        let plan = self.plan, accrual = self.accrual
        let lhs = settings.sampling == .latinHypercube
        runner.run(from: first) { next in
            let stride = runner.chunkSize
            let buffer = UnsafeMutablePointer<Double>.allocate(capacity: max(plan.slotCount, 1) * stride)
            defer { buffer.deallocate() }
            Self.fillConstants(plan: plan, accrual: accrual, buffer: buffer, stride: stride)
            while let chunk = next() {
                let c = chunk.index, offset = chunk.offset, count = chunk.count
                var draws = ChunkDraws(plan: plan, stream: chunk.stream(), latinHypercube: lhs, pinned: pinned)
                Self.runChunk(plan: plan, accrual: accrual, buffer: buffer, stride: stride, n: count, draws: &draws)
                let problems = ValueScan.scan(plan: plan, buffer: buffer, stride: stride, n: count, offset: offset)
                if !problems.isEmpty { store.record(problems, chunk: c) }
                store.store(plan: plan, chunk: c, buffer: buffer, stride: stride, offset: offset, n: count)
                let finished = done.add(count, ordering: .relaxed).newValue
                progress?(finished)
            }
        }
        return store.results(
            plan: plan, seed: settings.seed, sampling: settings.sampling,
            generator: RandomStream.Generator.mt19937.rawValue, threads: runner.workers)
    }

    /// One deterministic iteration: every input at its base value unless `fixed` says otherwise,
    /// no risk occurring. Returns PV, total, go-live and extension months per option.
    public func deterministic(_ fixed: [InputID: FixedValue] = [:]) -> [DeterministicResult] {
        deterministicRun(fixed, figures)
    }

    /// The inflation of each appraisal year in the base case (every input at its base value).
    public func baseInflation() -> [Double] {
        deterministicRun([:]) { buffer in plan.priceIndex.rates.map { buffer[$0] } }
    }

    /// The checks (`Plan.checks`) that fail in the base case: every input at its base value, no
    /// risk occurring. Each problem counts 1 of 1 iteration.
    public func baseCaseProblems() -> [ValueProblem] {
        deterministicRun([:]) { ValueScan.scan(plan: plan, buffer: $0, stride: 1, n: 1, offset: 0) }
    }

    /// Runs one deterministic iteration into a fresh one-row buffer and reads it with `body`.
    private func deterministicRun<R>(_ fixed: [InputID: FixedValue], _ body: (UnsafeMutablePointer<Double>) -> R) -> R {
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: max(plan.slotCount, 1))
        defer { buffer.deallocate() }
        var draws = ChunkDraws(plan: plan, stream: nil, latinHypercube: false, fixed: fixed)
        Self.fillConstants(plan: plan, accrual: accrual, buffer: buffer, stride: 1)
        Self.runChunk(plan: plan, accrual: accrual, buffer: buffer, stride: 1, n: 1, draws: &draws)
        return body(buffer)
    }

    /// Each option's figures in row 0 of a deterministic buffer.
    private func figures(_ buffer: UnsafeMutablePointer<Double>) -> [DeterministicResult] {
        plan.options.map { o in
            var result = DeterministicResult(
                option: o.name, pv: buffer[o.pv], total: buffer[o.total], goLive: buffer[o.goLive],
                extensionMonths: buffer[o.extensionMonths],
                linePV: o.lines.map { buffer[$0.pv] },
                yearCash: (0..<plan.years).map { buffer[o.firstYear + $0] },
                tasks: o.tasks.map { ScheduledTask(name: $0.name, start: buffer[$0.start], finish: buffer[$0.finish]) })
            let count = plan.financialYears.count
            for type in LineType.allCases {
                let first = o.financialSlot(type, years: count)
                result.financialCash[type] = (0..<count).map { buffer[first + $0] }
            }
            return result
        }
    }

    /// Fills the constant columns of a working buffer, for all its `stride` rows.
    static func fillConstants(plan: Plan, accrual: Accrual, buffer: UnsafeMutablePointer<Double>, stride: Int) {
        let machine = ChunkInterpreter(
            buffer: buffer, stride: stride, n: stride, accrual: accrual, scratch: plan.scratch)
        let draws = ChunkDraws(plan: plan, stream: nil, latinHypercube: false)
        for instruction in plan.instructions.prefix(plan.constantCount) {
            machine.execute(instruction, draws: draws)
        }
    }

    /// Draws a chunk's columns, then runs the program (after the constant fills, which
    /// `fillConstants` did once for the buffer) over it block by block (`Plan.blockSize`
    /// iterations at a time, so the program's columns stay in cache). Blocks only change where
    /// the loops start: every instruction is element-wise, so the results are the same.
    static func runChunk(
        plan: Plan, accrual: Accrual, buffer: UnsafeMutablePointer<Double>, stride: Int, n: Int,
        draws: inout ChunkDraws
    ) {
        draws.drawColumns(buffer: buffer, stride: stride, n: n)
        let program = plan.instructions[plan.constantCount...]
        for start in Swift.stride(from: 0, to: n, by: Plan.blockSize) {
            let machine = ChunkInterpreter(
                buffer: buffer + start, stride: stride, n: min(Plan.blockSize, n - start),
                accrual: accrual, scratch: plan.scratch)
            for instruction in program {
                machine.execute(instruction, draws: draws)
            }
        }
    }
}

/// The deterministic figures of one option.
public struct DeterministicResult: Sendable, Hashable {
    public var option: String
    public var pv: Double
    public var total: Double
    public var goLive: Double
    public var extensionMonths: Double
    public var linePV: [Double]
    public var yearCash: [Double]
    /// Start and finish of each task (months from start).
    public var tasks: [ScheduledTask]
    /// Each financial year's cash of each type, nominal and undiscounted.
    public var financialCash: [LineType: [Double]] = [:]
}

/// A task's start and finish in one iteration, months from start.
public struct ScheduledTask: Sendable, Hashable {
    public var name: String
    public var start: Double
    public var finish: Double
}
