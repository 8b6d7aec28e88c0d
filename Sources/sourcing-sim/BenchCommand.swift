import Analysis
import ArgumentParser
import Foundation
import Reports
import ScenarioModel
import Simulation

/// `sourcing-sim bench [FILE]`: engine speed and memory at 1,000,000 iterations, against the
/// sampling floor measured in the same process, and the full run (engine, analysis on all
/// threads, the CSV and JSON files written to a temporary directory). A figure, not a test.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "Measure the engine (wall time on 1 and all threads, iterations per second, sampling floor), the full run and peak memory."
    )

    @OptionGroup var scenarioFile: ScenarioFileArgument

    @ArgumentParser.Option(help: "Iterations.")
    var iterations = 1_000_000

    @ArgumentParser.Option(help: "Repetitions of each timing; the minimum is reported.")
    var repeats = 3

    func run() async throws {
        AllocatorTuning.apply()
        let source = try scenarioFile.load()
        let scenario = try source.scenario(quiet: true)
        let plan = try PlanSource.compile(scenario, source: source)
        let engine = Engine(plan: plan)
        guard iterations >= 1, iterations <= MemoryBudget.iterations(plan) else {
            Terminal.error(
                iterations < 1
                    ? "error: --iterations must be at least 1"
                    : MemoryBudget.message(iterations: iterations, plan: plan))
            throw Exit.runFailed
        }
        let all = Engine.defaultThreads
        /// Best and first of `repeats` timings.
        func time(_ body: () -> Void) -> (best: Double, first: Double) {
            var times: [Double] = []
            for _ in 0..<max(1, repeats) {
                let t0 = DispatchTime.now().uptimeNanoseconds
                body()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            }
            return (times.min() ?? .nan, times[0])
        }
        func settings(_ threads: Int) -> Engine.Settings {
            Engine.Settings(iterations: iterations, seed: scenario.seed, sampling: scenario.sampling, threads: threads)
        }
        let (floor1, _) = time {
            SamplingFloor.run(
                plan: plan, iterations: iterations, seed: scenario.seed,
                sampling: scenario.sampling, threads: 1)
        }
        let (floorAll, _) = time {
            SamplingFloor.run(
                plan: plan, iterations: iterations, seed: scenario.seed,
                sampling: scenario.sampling, threads: all)
        }
        // The engine's first run in the process also pays for the kernel to clear the fresh pages
        // of its result columns; later runs reuse them (see ColumnStorage).
        let (engine1, engine1First) = time { _ = engine.run(settings(1)) }
        let (engineAll, _) = time { _ = engine.run(settings(all)) }
        // The full run as `run` does it, minus loading: engine, analysis and files, all threads.
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("sourcing-sim-bench-\(ProcessInfo.processInfo.processIdentifier)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var failure: String?
        var analysis = Double.nan
        let (full, _) = time {
            let results = engine.run(settings(all))
            let t0 = DispatchTime.now().uptimeNanoseconds
            do {
                let report = try RunReport(engine: engine, results: results, threads: all)
                analysis = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                let metadata = RunOutput.Metadata(
                    scenarioFile: source.name, scenarioSHA256: "", outputDirectory: scratch, elapsedSeconds: 0,
                    toolVersion: ToolVersion.current, gslVersion: "")
                _ = try RunOutput.write(report, metadata: metadata, to: RunOutput.directory(scratch), samples: false)
            } catch {
                failure = "\(error)"
            }
        }
        if let failure {
            Terminal.error("error: the full run failed: \(failure)")
            throw Exit.runFailed
        }
        let peak = PeakMemory.megabytes()
        let perIteration = ResultLayout.bytesPerIteration(plan)
        let draws = plan.inputs.count
        print(
            """
            scenario: \(scenario.name) (\(source.isDefault ? "embedded default" : source.name))
            iterations: \(iterations), sampling: \(scenario.sampling.rawValue), uncertain inputs: \(draws), \
            chunk size: \(Plan.chunkSize), best of \(repeats)
            plan: \(plan.instructions.count) instructions over \(plan.slotCount) columns
            engine, 1 thread:      \(Format.fixed(engine1, 3)) s  \
            (\(Format.fixed(Double(iterations) / engine1, 0)) iterations/s); \
            first run, on fresh memory: \(Format.fixed(engine1First, 3)) s
            engine, \(all) threads:     \(Format.fixed(engineAll, 3)) s  \
            (\(Format.fixed(Double(iterations) / engineAll, 0)) iterations/s)
            sampling floor, 1 thread:  \(Format.fixed(floor1, 3)) s
            sampling floor, \(all) threads: \(Format.fixed(floorAll, 3)) s
            engine / floor: \(Format.fixed(engine1 / floor1, 2)) (1 thread), \
            \(Format.fixed(engineAll / floorAll, 2)) (\(all) threads)
            full run, \(all) threads:   \(Format.fixed(full, 3)) s  \
            (engine, analysis \(Format.fixed(analysis, 3)) s in the last repeat, files)
            peak memory (max RSS): \(Format.fixed(peak, 1)) MB; \
            result columns: \(perIteration) bytes per iteration \
            (\(Format.fixed(Double(perIteration * iterations) / 1_048_576, 1)) MB)
            """)
    }
}

/// Peak resident memory of this process, from getrusage (kilobytes on Linux).
enum PeakMemory {
    static func megabytes() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
