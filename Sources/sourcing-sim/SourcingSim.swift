import ArgumentParser

@main
struct SourcingSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sourcing-sim",
        abstract: "Monte Carlo appraisal of IT sourcing options for a Green Book business case."
    )
    func run() async throws { print("sourcing-sim") }
}
