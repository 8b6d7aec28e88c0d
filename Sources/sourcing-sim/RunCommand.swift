import Analysis
import ArgumentParser
import Foundation
import Reports
import Sampling
import ScenarioModel
import Simulation

/// `sourcing-sim run [FILE]`: simulate every option, compare them and export the business case.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate the options of a scenario, compare them and write the business-case CSV files.",
        discussion: """
            Without FILE, runs the embedded Southwark 2017 scenario. Files go to \
            notebooks-output/<scenario-slug>/ unless --out is given; see notebooks-output/README.md.
            """
    )

    @OptionGroup var scenarioArguments: ScenarioArguments

    @ArgumentParser.Option(help: "Iterations (default: the scenario's, else 100000).")
    var iterations: Int?

    @ArgumentParser.Option(help: "Master seed (default: the scenario's).")
    var seed: UInt64?

    @ArgumentParser.Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @ArgumentParser.Option(help: "Sampling method (default: the scenario's).")
    var sampling: SamplingMethod?

    @ArgumentParser.Option(
        help: ArgumentHelp(
            "Output directory, replaced as a whole: new, empty or holding only a run's files "
                + "(default: notebooks-output/<scenario-slug>).")
    )
    var out: String?

    @Flag(help: "Also write samples.csv with every iteration.")
    var samples = false

    @ArgumentParser.Option(
        help: ArgumentHelp(
            "Add iterations until each option's mean PV has a standard error below this share of it, e.g. 0.1%.",
            valueName: "percent"))
    var precision: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Write each phase's wall time and the peak memory to standard error at the end.")
    var timings = false

    @ArgumentParser.Option(help: "Standard output format: text or json.")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    @ArgumentParser.Option(help: "Run the named variant of the scenario (`variants:`).")
    var variant: String?

    @Flag(help: "Also run every variant on the same draws as the base case; writes variants.csv.")
    var variants = false

    @ArgumentParser.Option(
        help: ArgumentHelp(
            "Also run with an uncertain input held at each of STEPS values from FROM to TO (default 11), "
                + "on the same draws; writes sweep.csv.", valueName: "name=from..to[:steps]"))
    var sweep: String?

    func validate() throws {
        if let iterations, iterations < 1 { throw ValidationError("--iterations must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if out?.isEmpty == true { throw ValidationError("--out needs a directory name (got an empty one)") }
        if let precision, Self.parsePercent(precision) == nil {
            throw ValidationError("--precision expects a percentage above 0, e.g. 0.1% (got '\(precision)')")
        }
        if [variant != nil, variants, sweep != nil].filter({ $0 }).count > 1 {
            throw ValidationError("--variant, --variants and --sweep cannot be combined: give one of them")
        }
        if precision != nil && (variants || sweep != nil) {
            throw ValidationError("--precision cannot be combined with --variants or --sweep")
        }
    }

    static func parsePercent(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let number = t.hasSuffix("%") ? Double(t.dropLast()).map { $0 / 100 } : Double(t)
        guard let v = number, v > 0, v < 1 else { return nil }
        return v
    }

    func run() async throws {
        AllocatorTuning.apply()
        let started = Date()
        let clock = PhaseTimings(enabled: timings)
        clock.begin("scenario")
        Interruption.install()
        let source = try scenarioArguments.load()
        let settingsOverrides = try scenarioArguments.overrides()
        let whatIf = try WhatIfRuns.load(
            source: source, overrides: settingsOverrides, variant: variant, allVariants: variants, sweep: sweep,
            quiet: quiet)
        let scenario = whatIf.scenario
        let plan = try PlanSource.compile(scenario, source: source)
        let engine = Engine(plan: plan)
        // A value that is not finite (or a chance outside 0...1) fails the run, never the answer.
        func stop(on problems: [ValueProblem], baseCase: Bool = false) throws {
            try ValueProblemReport.stop(
                on: problems, plan: plan, source: source, overrides: settingsOverrides,
                baseCase: baseCase, exit: Exit.runFailed)
        }
        try stop(on: engine.baseCaseProblems(), baseCase: true)
        let settings = Engine.Settings(
            iterations: iterations ?? scenario.iterations, seed: seed ?? scenario.seed,
            sampling: sampling ?? scenario.sampling,
            threads: threads ?? 0)
        let affordable = MemoryBudget.iterations(plan)
        guard settings.iterations <= affordable else {
            Terminal.error(MemoryBudget.message(iterations: settings.iterations, plan: plan))
            throw Exit.runFailed
        }
        // The output directory is checked now, so that a mistaken --out fails in milliseconds.
        let directory = RunOutput.directoryPath(out: out, scenarioName: scenario.name)
        let target: AtomicDirectory
        do {
            target = try RunOutput.directory(directory)
            // `check()` probes with a directory.
            try Interruption.whileWriting { () throws(AtomicFileError) in try target.check() }
        } catch {
            Terminal.error("error: \(error)")
            throw Exit.runFailed
        }
        try Interruption.exitIfRequested(directory: directory, replaced: false)
        if source.isDefault && !quiet && format == .text {
            Terminal.error("No file given: running the embedded default, \(DefaultScenario.fileName).")
        }
        clock.begin("simulation")
        var results = simulate(engine, settings)
        try stop(on: results.problems)
        if let text = precision, let target = Self.parsePercent(text) {
            // Each round continues the run before it: its complete chunks are kept as they are.
            var last = results
            let reached = try PrecisionTarget.reach(
                target, from: results, settings: settings, cap: min(PrecisionTarget.maximumIterations, affordable)
            ) { settings in
                let more = simulate(engine, settings, continuing: last)
                try stop(on: more.problems)
                last = more
                return more
            }
            switch reached {
            case .success(let last): results = last
            case .failure(let shortfall):
                Terminal.error(Self.unreachable(text, shortfall, option: plan.options[shortfall.option.index].name))
                throw Exit.runFailed
            }
        }
        let status = !quiet && Terminal.standardErrorIsTerminal
        let report: RunReport
        do {
            report = try RunReport(engine: engine, results: results, threads: settings.threads) { phase in
                clock.begin("analysis: " + phase.name)
                if status { Terminal.status(phase.status(iterations: results.iterations)) }
            }
        } catch {
            if status { Terminal.status("") }
            Terminal.error("error: the analysis failed: \(error)")
            throw Exit.runFailed
        }
        if status { Terminal.status("") }
        if let problem = NonFinite.check(report) {
            Terminal.error("error: \(problem)")
            throw Exit.runFailed
        }
        if !whatIf.variants.isEmpty || whatIf.sweep != nil { clock.begin("what-if cases") }
        let comparison = try whatIf.compare(
            base: report, engine: engine, source: source, overrides: settingsOverrides, settings: settings
        ) { engine, settings, pinned in
            let results = simulate(engine, settings, pinned: pinned)
            try Interruption.exitIfRequested(directory: directory, replaced: false)
            try ValueProblemReport.stop(
                on: results.problems, plan: engine.plan, source: source, overrides: settingsOverrides,
                exit: Exit.runFailed)
            return results
        }
        clock.begin("files")
        let elapsed = Date().timeIntervalSince(started)
        let metadata = RunOutput.Metadata(
            scenarioFile: source.name, scenarioSHA256: SHA256.hex(source.text.utf8), outputDirectory: directory,
            elapsedSeconds: elapsed, toolVersion: ToolVersion.current, gslVersion: GSLRuntime.version,
            overrides: scenarioArguments.assignments, variant: variant, sweep: sweep)
        let written: RunOutput.Written
        do {
            written = try Interruption.whileWriting { () throws(AtomicFileError) in
                try RunOutput.write(
                    report, metadata: metadata, to: target, samples: samples, extra: comparison.tables,
                    whatIf: comparison.figures,
                    isCancelled: { Interruption.requested }, step: { clock.begin("files: " + $0) })
            }
        } catch {
            try Interruption.exitIfRequested(directory: directory, replaced: false)
            Terminal.error("error: \(error)")
            throw Exit.runFailed
        }
        if let note = written.note { Terminal.error("warning: \(note)") }
        try Interruption.exitIfRequested(directory: directory, replaced: true)
        clock.begin("summary")
        defer { clock.finish() }
        if quiet { return }
        switch format {
        case .text:
            print(
                RunSummary(
                    report: report, elapsedSeconds: elapsed,
                    scenarioNote: source.isDefault ? "embedded default scenario" : source.name
                ).render())
            if !comparison.text.isEmpty { print(comparison.text) }
            print(RunSummary.fileList(directory: directory, files: written.files))
        case .json:
            print(RunJSON.render(report, metadata: metadata, files: written.files))
        }
    }

    /// Why `--precision` failed: the worst option's error after the last round, the iterations the
    /// target would need (if any finite number would do) and the cap (or that 8 rounds were not
    /// enough).
    static func unreachable(_ text: String, _ s: PrecisionTarget.Shortfall, option: String) -> String {
        let worst = s.relativeStandardError
        let state =
            worst.isFinite
            ? "has a relative standard error of \(Format.percent(worst, decimals: 4))"
            : "is 0 while its PV varies, so no relative precision is possible"
        let estimate = s.needed.map { ", which would take about \($0) iterations" } ?? ""
        let why =
            s.capped
            ? "a run may have at most \(s.cap) iterations"
                + (s.cap < PrecisionTarget.maximumIterations ? " on this machine (memory)" : "")
            : "\(PrecisionTarget.maximumRounds) rounds of added iterations did not reach it"
        return
            "error: --precision \(text) cannot be reached: after \(s.iterations) iterations the mean PV of \(option) "
            + "\(state)\(estimate); \(why)"
    }

    private func simulate(
        _ engine: Engine, _ settings: Engine.Settings, pinned: [InputID: Double] = [:],
        continuing earlier: SimulationResults? = nil
    ) -> SimulationResults {
        let bar = (!quiet && Terminal.standardErrorIsTerminal) ? ProgressBar(total: settings.iterations) : nil
        var progress: (@Sendable (Int) -> Void)?
        if let bar { progress = { bar.update($0) } }
        let results = engine.run(settings, pinned: pinned, continuing: earlier, progress: progress)
        bar?.finish()
        return results
    }
}
