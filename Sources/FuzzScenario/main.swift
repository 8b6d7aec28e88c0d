import ScenarioModel
import ScenarioSyntax
import Simulation

/// libFuzzer harness for the scenario reader, the scenario model and the plan compiler.
///
/// Built with `-DFUZZING` (see docs/fuzzing.md) libFuzzer supplies `main` and calls
/// `LLVMFuzzerTestOneInput` with each input. In a plain build, the program runs every file given
/// as an argument through the same function and prints the JSON or the diagnostics, so crash
/// inputs can be replayed without the fuzzer.
#if canImport(Glibc)
    import Glibc
#endif

/// How far each input goes, from the environment variable `FUZZ_LEVEL`, read once:
/// `reader` (the reader and its JSON only), `model` (also the model, the plan compiler and the
/// base case) or `engine` (also the Monte Carlo runs; the default).
enum FuzzLevel: Int {
    case reader, model, engine
    static let current: FuzzLevel = {
        guard let raw = getenv("FUZZ_LEVEL") else { return .engine }
        switch String(cString: raw) {
        case "reader": return .reader
        case "model": return .model
        default: return .engine
        }
    }()
}

/// Reads the bytes as a scenario; when the reader accepts them, renders the JSON too. Valid
/// UTF-8 also goes through the scenario model (every check) and, when that accepts it, the plan
/// compiler, one deterministic base-case run and a short Monte Carlo run (64 iterations of each
/// sampling method, one thread). Returns what a user would see.
@discardableResult
func exercise(_ bytes: [UInt8]) -> String {
    let (root, diagnostics) = ScenarioReader.read(bytes: bytes, file: "input.yaml")
    let text = String(decoding: bytes, as: UTF8.self)
    var out =
        diagnostics.isEmpty
        ? NodeJSON.render(root)
        : DiagnosticRenderer(sources: ["input.yaml": text]).render(diagnostics)
    guard FuzzLevel.current != .reader, diagnostics.isEmpty,
        let valid = String(validating: bytes, as: UTF8.self)
    else { return out }
    let (scenario, modelDiagnostics) = ScenarioLoader.load(text: valid, file: "input.yaml")
    out += DiagnosticRenderer(sources: ["input.yaml": valid]).render(modelDiagnostics)
    guard let scenario else { return out }
    let (plan, planDiagnostics) = PlanBuilder.build(scenario)
    out += DiagnosticRenderer(sources: ["input.yaml": valid]).render(planDiagnostics)
    guard let plan else { return out }
    let engine = Engine(plan: plan)
    for result in engine.deterministic() {
        out += "\(result.option): PV \(result.pv), go-live \(result.goLive)\n"
    }
    guard FuzzLevel.current == .engine else { return out }
    for sampling in [SamplingMethod.latinHypercube, .monteCarlo] {
        let results = engine.run(.init(iterations: 64, seed: 1, sampling: sampling, threads: 1))
        for option in results.options {
            out += "\(option.name) \(sampling.rawValue): mean PV \(option.pv.reduce(0, +) / 64)\n"
        }
    }
    return out
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else {
        exercise([])
        return 0
    }
    exercise(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if !FUZZING
    import Foundation

    /// Replays every file named on the command line through `exercise` and prints the result.
    /// (A global declaration rather than a statement, so the file also parses in the fuzzing build,
    /// where it is compiled as a library and libFuzzer supplies `main`.)
    let replayed: Void = {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read")
                continue
            }
            print("== \(path)")
            print(exercise([UInt8](data)))
        }
    }()
#endif
