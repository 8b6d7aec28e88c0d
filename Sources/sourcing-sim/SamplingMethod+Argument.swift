import ArgumentParser
import ScenarioModel

/// `run --sampling monte-carlo|latin-hypercube`: the values of the scenario's `sampling` key
/// (the raw values, `CaseIterable` order), which `--help` lists; any other value is a usage
/// error (exit 64) that names it and lists them.
extension SamplingMethod: ExpressibleByArgument {}
