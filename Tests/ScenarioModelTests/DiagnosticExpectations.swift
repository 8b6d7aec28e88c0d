import XCTest
import ScenarioSyntax
@testable import ScenarioModel

/// The marker written in test YAML where a diagnostic is expected. It is removed before the
/// text is loaded; its line and column (1-based, counting Unicode scalars) are the expected mark.
let here: Unicode.Scalar = "⟪"

/// Removes the marker and returns the clean text and the marker's line and column.
func locateMarker(_ marked: String) -> (text: String, line: Int, column: Int)? {
    var line = 1, column = 1
    var out = String.UnicodeScalarView()
    var found: (Int, Int)?
    for s in marked.unicodeScalars {
        if s == here { found = (line, column); continue }
        out.append(s)
        if s == "\n" { line += 1; column = 1 } else { column += 1 }
    }
    guard let (l, c) = found else { return nil }
    return (String(out), l, c)
}

extension XCTestCase {
    /// Loads `yaml` and asserts a diagnostic of `severity` at `line`:`column` (in `markFile`)
    /// whose message contains `contains`. For errors, the scenario must be nil; with
    /// `onlyError`, it must be the only error (no follow-on errors). For warnings, there must be
    /// no errors at all.
    @discardableResult
    func expectDiagnostic(_ yaml: String, line: Int, column: Int, contains: String,
                          severity: Diagnostic.Severity = .error, onlyError: Bool = true,
                          overrides: [InputOverride] = [], markFile: String = "test.yaml",
                          file: StaticString = #filePath, testLine: UInt = #line) -> [Diagnostic] {
        let (scenario, ds) = ScenarioLoader.load(text: yaml, file: "test.yaml", overrides: overrides)
        let hit = ds.contains {
            $0.severity == severity && $0.mark.file == markFile && $0.mark.line == line
                && $0.mark.column == column && $0.message.contains(contains)
        }
        XCTAssertTrue(hit, "expected \(severity) at \(markFile):\(line):\(column) containing \"\(contains)\"; got:\n"
                      + ds.map(\.description).joined(separator: "\n"), file: file, line: testLine)
        if severity == .error {
            XCTAssertNil(scenario, "a scenario with errors must not load", file: file, line: testLine)
            if onlyError {
                let errors = ds.filter { $0.severity == .error }
                XCTAssertEqual(errors.count, 1, "expected exactly one error; got:\n"
                               + errors.map(\.description).joined(separator: "\n"), file: file, line: testLine)
            }
        } else {
            XCTAssertFalse(ds.contains { $0.severity == .error }, "unexpected errors:\n"
                           + ds.map(\.description).joined(separator: "\n"), file: file, line: testLine)
            XCTAssertNotNil(scenario, file: file, line: testLine)
        }
        return ds
    }

    /// The same, with the expected position given by the `⟪` marker inside `marked`.
    @discardableResult
    func expectDiagnostic(_ marked: String, contains: String, severity: Diagnostic.Severity = .error,
                          onlyError: Bool = true, overrides: [InputOverride] = [],
                          file: StaticString = #filePath, testLine: UInt = #line) -> [Diagnostic] {
        guard let (text, line, column) = locateMarker(marked) else {
            XCTFail("no ⟪ marker in the test YAML", file: file, line: testLine)
            return []
        }
        return expectDiagnostic(text, line: line, column: column, contains: contains, severity: severity,
                                onlyError: onlyError, overrides: overrides, file: file, testLine: testLine)
    }

    /// Loads text that must have no errors (and no warnings unless `allowWarnings`).
    @discardableResult
    func loadClean(_ yaml: String, overrides: [InputOverride] = [], allowWarnings: Bool = false,
                   file: StaticString = #filePath, testLine: UInt = #line) -> (Scenario?, [Diagnostic]) {
        let (scenario, ds) = ScenarioLoader.load(text: yaml, file: "test.yaml", overrides: overrides)
        let unexpected = ds.filter { allowWarnings ? $0.severity == .error : true }
        XCTAssertTrue(unexpected.isEmpty, "unexpected diagnostics:\n" + unexpected.map(\.description).joined(separator: "\n"),
                      file: file, line: testLine)
        XCTAssertNotNil(scenario, file: file, line: testLine)
        return (scenario, ds)
    }
}

/// A small valid scenario around the parts under test, inserted verbatim: `top` at column 1
/// before `options:`, `optionBody` under option `a` (4-space indent), `more` after the options.
func scenario(top: String = "", optionBody: String = "    costs:\n      licence: 40k\n", more: String = "") -> String {
    "scenario: Test\nstart: 2020-01\nhorizon: 60 months\n" + top + "options:\n  a:\n" + optionBody + more
}
