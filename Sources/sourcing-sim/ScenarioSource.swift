import ArgumentParser
import Foundation
import ScenarioModel
import ScenarioSyntax

/// Exit codes of the tool (documented in README.md and `sourcing-sim --help`).
enum Exit {
    static let runFailed = ExitCode(1)
    static let invalidScenario = ExitCode(2)
    static let cannotRead = ExitCode(66)
}

/// A scenario's text and the name diagnostics use for it.
struct ScenarioSource {
    var name: String
    var text: String
    var isDefault: Bool

    /// Reads `path`, or the embedded Southwark scenario when `path` is nil.
    static func load(_ path: String?) throws -> ScenarioSource {
        guard let path else {
            return ScenarioSource(name: DefaultScenario.fileName, text: DefaultScenario.text, isDefault: true)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let why = !exists ? "no such file" : isDirectory.boolValue ? "it is a directory" : "permission denied"
            Terminal.error("error: cannot read scenario '\(path)': \(why)")
            throw Exit.cannotRead
        }
        let bytes = [UInt8](data)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // Let the reader locate the invalid byte.
            let (_, diagnostics) = ScenarioReader.read(bytes: bytes, file: path)
            Terminal.diagnostics(diagnostics, sources: [:])
            throw Exit.invalidScenario
        }
        return ScenarioSource(name: path, text: text, isDefault: false)
    }

    /// The texts diagnostics quote: the file, and the `--set`s as lines of the pseudo-file
    /// `--set`, so that an error in one shows it with a caret.
    func sources(overrides: [InputOverride]) -> [String: String] {
        let settings = overrides.sorted { $0.argument < $1.argument }.map { "\($0.name)=\($0.expression)" }
        return [name: text, InputOverride.file: settings.joined(separator: "\n")]
    }

    /// Reads and checks the scenario; prints every diagnostic; throws exit 2 on errors
    /// (or on warnings when `strict`). With `variant`, the scenario as that variant.
    func scenario(overrides: [InputOverride] = [], strict: Bool = false, quiet: Bool = false, variant: String? = nil)
        throws -> Scenario
    {
        let (scenario, diagnostics) = ScenarioLoader.load(text: text, file: name, overrides: overrides, variant: variant)
        if !diagnostics.isEmpty && !(quiet && !diagnostics.contains { $0.severity == .error }) {
            Terminal.diagnostics(diagnostics, sources: sources(overrides: overrides))
        }
        let failed = diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        guard let scenario, !failed else { throw Exit.invalidScenario }
        return scenario
    }
}

/// Standard error output.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func diagnostics(_ ds: [Diagnostic], sources: [String: String]) {
        let renderer = DiagnosticRenderer(sources: sources)
        let errors = ds.filter { $0.severity == .error }.count
        let warnings = ds.filter { $0.severity == .warning }.count
        var text = renderer.render(ds)
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        if !counts.isEmpty { text += counts.joined(separator: " and ") + " generated.\n" }
        error(text)
    }

    static var standardErrorIsTerminal: Bool { isatty(2) != 0 }

    /// A one-line status on the terminal, replacing the previous one (empty: clear it).
    static func status(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }
}
