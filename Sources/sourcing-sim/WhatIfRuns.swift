import Analysis
import ArgumentParser
import Reports
import ScenarioModel
import Simulation

/// What `run --variant`, `run --variants` and `run --sweep` add to a run
/// (docs/scenario-language.md §7).
///
/// The file is read once: the base case and each variant are built from the same node tree
/// (`ScenarioLoader.loadWithVariants`), and each variant is compiled to its own plan from its
/// built model (a variant may change the horizon or the discounting, which change the plan),
/// except a variant that only holds uncertain inputs at constants: it runs the base plan with
/// them pinned (`Scenario.pinnedInputs(of:)`), keeping every other draw of the base case.
/// A sweep needs no new plan at all: every step runs the base plan's engine with the swept
/// input pinned (`Engine.run(pinned:)`). Every case runs on the run's seed and iterations, so
/// the cases share their random numbers, and is summarised only as `CaseFigures` (no
/// sensitivity or tornado per case).
struct WhatIfRuns {
    /// The scenario the run's own files describe: the base case, or the variant of `--variant`.
    var scenario: Scenario
    /// With `--variants`: every variant, in file order.
    var variants: [Scenario] = []
    /// With `--sweep`: the argument and its resolution in `scenario`.
    var sweep: (request: SweepRequest, resolved: SweepRequest.Resolved)?

    /// Builds what the flags ask for, printing every diagnostic: an unknown `--variant` is a
    /// usage error (exit 64) naming the closest variant; a scenario or variant in error, or a
    /// `--sweep` that does not resolve, exits 2.
    static func load(
        source: ScenarioSource, overrides: [InputOverride], variant: String?, allVariants: Bool, sweep: String?,
        quiet: Bool
    ) throws -> WhatIfRuns {
        if allVariants {
            let (base, variants) = try source.scenarioWithVariants(overrides: overrides, quiet: quiet)
            if variants.isEmpty {
                Terminal.error("error: --variants: the scenario has no `variants:`")
                throw ExitCode(64)
            }
            return WhatIfRuns(scenario: base, variants: variants)
        }
        let base = try source.scenario(overrides: overrides, quiet: quiet)
        var runs = WhatIfRuns(scenario: base)
        if let variant {
            guard base.variants.contains(where: { $0.name == variant }) else {
                Terminal.error("error: --variant: " + base.unknownVariantMessage(variant))
                throw ExitCode(64)
            }
            runs.scenario = try source.scenario(overrides: overrides, quiet: quiet, variant: variant)
        }
        if let sweep {
            let request: SweepRequest
            do { request = try SweepRequest.parse(sweep) } catch {
                Terminal.error("error: \(error)")
                throw ExitCode(64)
            }
            let (resolved, diagnostics) = request.resolve(in: base)
            if !diagnostics.isEmpty {
                Terminal.diagnostics(diagnostics, sources: [SweepRequest.file: sweep])
            }
            guard let resolved else { throw Exit.invalidScenario }
            runs.sweep = (request, resolved)
        }
        return runs
    }

    /// The comparison's files and terminal text: nothing without `--variants` or `--sweep`.
    /// `base` is the run's own report; `simulate` runs an engine with the given settings (the
    /// run's, without keeping the inputs) and pinned inputs, and stops the command on a value
    /// problem.
    func compare(
        base: RunReport, engine: Engine, source: ScenarioSource, overrides: [InputOverride],
        settings: Engine.Settings,
        simulate: (Engine, Engine.Settings, [InputID: Double]) throws -> SimulationResults
    ) throws -> (tables: [(String, CSVTable)], text: String, figures: WhatIfComparison) {
        var light = settings
        light.keepInputs = false
        let currency = scenario.currency
        if !variants.isEmpty {
            var cases = [CaseFigures(name: "base", report: base)]
            for variant in variants {
                // A variant that only holds uncertain inputs at constants runs the base plan.
                if let pinned = scenario.pinnedInputs(of: variant) {
                    cases.append(try figures(variant.variant ?? "", try simulate(engine, light, pinned), light))
                    continue
                }
                let plan = try PlanSource.compile(variant, source: source)
                let engine = Engine(plan: plan)
                try ValueProblemReport.stop(
                    on: engine.baseCaseProblems(), plan: plan, source: source, overrides: overrides, baseCase: true,
                    exit: Exit.runFailed)
                cases.append(try figures(variant.variant ?? "", try simulate(engine, light, [:]), light))
            }
            return (
                [("variants.csv", WhatIfFiles.variants(cases))],
                WhatIfFiles.variantsText(cases, currency: currency, seed: settings.seed),
                WhatIfComparison(variants: cases)
            )
        }
        if let (_, resolved) = sweep {
            var cases: [CaseFigures] = []
            for value in resolved.values {
                let pinned = Dictionary(uniqueKeysWithValues: resolved.inputs.map { ($0, value) })
                cases.append(try figures(Format.quantity(value), try simulate(engine, light, pinned), light))
            }
            let figures = SweepFigures(input: resolved.name, values: resolved.values, cases: cases)
            return (
                [("sweep.csv", WhatIfFiles.sweep(figures))],
                WhatIfFiles.sweepText(figures, currency: currency, quantity: Format.quantity),
                WhatIfComparison(sweep: figures)
            )
        }
        return ([], "", WhatIfComparison())
    }

    private func figures(_ name: String, _ results: SimulationResults, _ settings: Engine.Settings) throws
        -> CaseFigures
    {
        do { return try CaseFigures(name: name, results: results, threads: settings.threads) } catch {
            Terminal.error("error: the analysis of case \(name) failed: \(error)")
            throw Exit.runFailed
        }
    }
}

extension ScenarioSource {
    /// The base case and every variant, read once; prints every diagnostic (each once); exit 2
    /// on an error in any of them.
    func scenarioWithVariants(overrides: [InputOverride], strict: Bool = false, quiet: Bool) throws
        -> (Scenario, [Scenario])
    {
        let (base, variants, diagnostics) = ScenarioLoader.loadWithVariants(text: text, file: name, overrides: overrides)
        if !diagnostics.isEmpty && !(quiet && !diagnostics.contains { $0.severity == .error }) {
            Terminal.diagnostics(diagnostics, sources: sources(overrides: overrides))
        }
        let failed = diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        guard let base, let variants, !failed else { throw Exit.invalidScenario }
        return (base, variants)
    }
}
