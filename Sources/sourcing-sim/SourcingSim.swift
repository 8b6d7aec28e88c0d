import ArgumentParser

/// `sourcing-sim`: Monte Carlo appraisal of IT sourcing options for a Green Book business case.
///
/// Exit codes: 0 success; 1 a run failed (output could not be written, numbers not finite, the
/// iterations would not fit in memory);
/// 2 the scenario file is invalid (diagnostics on standard error), or has warnings under
/// `--strict`; 64 bad command-line usage; 66 the scenario file cannot be read; 130 and 143 the
/// run was stopped by SIGINT or SIGTERM (`Interruption`).
@main
struct SourcingSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sourcing-sim",
        abstract: "Monte Carlo appraisal of IT sourcing options for a Green Book business case.",
        discussion: """
            Exit codes: 0 success; 1 the run failed; 2 the scenario is invalid (or has warnings \
            under --strict); 64 bad usage; 66 the scenario file cannot be read; 130 and 143 \
            stopped by SIGINT (Ctrl-C) or SIGTERM.
            """,
        version: ToolVersion.description,
        subcommands: [RunCommand.self, CheckCommand.self, ParseCommand.self, BenchCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
