/// libFuzzer harness for the scenario reader.
///
/// Built with `-DFUZZING` (see docs/fuzzing.md) libFuzzer supplies `main` and calls
/// `LLVMFuzzerTestOneInput` with each input. In a plain build, the program runs every file given
/// as an argument through the same function and prints the JSON or the diagnostics, so crash
/// inputs can be replayed without the fuzzer.
import ScenarioSyntax

/// Reads the bytes as a scenario; when they are accepted, renders the JSON too. Returns the JSON
/// or the rendered diagnostics.
@discardableResult
func exercise(_ bytes: [UInt8]) -> String {
    let (root, diagnostics) = ScenarioReader.read(bytes: bytes, file: "input.yaml")
    if diagnostics.isEmpty {
        return NodeJSON.render(root)
    }
    let text = String(decoding: bytes, as: UTF8.self)
    return DiagnosticRenderer(sources: ["input.yaml": text]).render(diagnostics)
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
