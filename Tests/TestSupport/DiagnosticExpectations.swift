import ScenarioModel
import ScenarioSyntax
import XCTest

// Expectations on diagnostics, with the expected positions written into the test input as
// `MarkedText` markers (`1️⃣`, `2️⃣`, …).

/// Reads `marked` with the scenario reader and checks that its errors sit exactly at the markers,
/// one error per marker, and that the error at the k-th marker (in the order of the names)
/// contains `messages[k]`.
@discardableResult
public func assertErrors(
    _ marked: String, _ messages: [String] = [],
    file: StaticString = #filePath, line: UInt = #line
) -> [Diagnostic] {
    let input = MarkedText(marked)
    let (_, diagnostics) = ScenarioReader.read(input.text, file: "test.yaml")
    let errors = diagnostics.filter { $0.severity == .error }.sorted { $0.mark < $1.mark }
    if let problem = input.problem() ?? (messages.count > input.marks.count ? "more messages than markers" : nil) {
        XCTFail(problem, file: file, line: line)
        return errors
    }
    XCTAssertEqual(
        errors.map(\.mark), input.marks.map(\.mark).sorted(),
        "errors: " + errors.map(\.description).joined(separator: " | "), file: file, line: line)
    for (expected, marker) in zip(messages, input.marks) {
        guard let error = errors.first(where: { $0.mark == marker.mark }) else { continue }
        XCTAssertTrue(
            error.message.contains(expected), "\(marker.name) '\(error.message)' should mention '\(expected)'",
            file: file, line: line)
    }
    return errors
}

/// Removes the single marker from `marked` and returns the clean text and the marker's line and
/// column; nil when there is not exactly one marker.
public func locateMarker(_ marked: String) -> (text: String, line: Int, column: Int)? {
    let input = MarkedText(marked)
    guard input.problem(expecting: 1) == nil, let mark = input.marks.first?.mark else { return nil }
    return (input.text, mark.line, mark.column)
}

extension XCTestCase {
    /// Loads `yaml` and asserts a diagnostic of `severity` at `line`:`column` (in `markFile`)
    /// whose message contains `contains`. For errors, the scenario must be nil; with
    /// `onlyError`, it must be the only error (no follow-on errors). For warnings, there must be
    /// no errors at all.
    @discardableResult
    public func expectDiagnostic(
        _ yaml: String, line: Int, column: Int, contains: String,
        severity: Diagnostic.Severity = .error, onlyError: Bool = true,
        overrides: [InputOverride] = [], markFile: String = "test.yaml",
        file: StaticString = #filePath, testLine: UInt = #line
    ) -> [Diagnostic] {
        let (scenario, ds) = ScenarioLoader.load(text: yaml, file: "test.yaml", overrides: overrides)
        let hit = ds.contains {
            $0.severity == severity && $0.mark.file == markFile && $0.mark.line == line
                && $0.mark.column == column && $0.message.contains(contains)
        }
        XCTAssertTrue(
            hit,
            "expected \(severity) at \(markFile):\(line):\(column) containing \"\(contains)\"; got:\n"
                + ds.map(\.description).joined(separator: "\n"), file: file, line: testLine)
        if severity == .error {
            XCTAssertNil(scenario, "a scenario with errors must not load", file: file, line: testLine)
            if onlyError {
                let errors = ds.filter { $0.severity == .error }
                XCTAssertEqual(
                    errors.count, 1,
                    "expected exactly one error; got:\n"
                        + errors.map(\.description).joined(separator: "\n"), file: file, line: testLine)
            }
        } else {
            XCTAssertFalse(
                ds.contains { $0.severity == .error },
                "unexpected errors:\n"
                    + ds.map(\.description).joined(separator: "\n"), file: file, line: testLine)
            XCTAssertNotNil(scenario, file: file, line: testLine)
        }
        return ds
    }

    /// The same, with the expected position given by the one marker (`1️⃣`) inside `marked`.
    @discardableResult
    public func expectDiagnostic(
        _ marked: String, contains: String, severity: Diagnostic.Severity = .error,
        onlyError: Bool = true, overrides: [InputOverride] = [],
        file: StaticString = #filePath, testLine: UInt = #line
    ) -> [Diagnostic] {
        let input = MarkedText(marked)
        if let problem = input.problem(expecting: 1) {
            XCTFail(problem, file: file, line: testLine)
            return []
        }
        let mark = input.marks[0].mark
        return expectDiagnostic(
            input.text, line: mark.line, column: mark.column, contains: contains, severity: severity,
            onlyError: onlyError, overrides: overrides, file: file, testLine: testLine)
    }

    /// Loads text that must have no errors (and no warnings unless `allowWarnings`).
    @discardableResult
    public func loadClean(
        _ yaml: String, overrides: [InputOverride] = [], allowWarnings: Bool = false,
        file: StaticString = #filePath, testLine: UInt = #line
    ) -> (Scenario?, [Diagnostic]) {
        let (scenario, ds) = ScenarioLoader.load(text: yaml, file: "test.yaml", overrides: overrides)
        let unexpected = ds.filter { allowWarnings ? $0.severity == .error : true }
        XCTAssertTrue(
            unexpected.isEmpty, "unexpected diagnostics:\n" + unexpected.map(\.description).joined(separator: "\n"),
            file: file, line: testLine)
        XCTAssertNotNil(scenario, file: file, line: testLine)
        return (scenario, ds)
    }
}

/// A small valid scenario around the parts under test, inserted verbatim: `top` at column 1
/// before `options:`, `optionBody` under option `a` (4-space indent), `more` after the options.
public func scenario(top: String = "", optionBody: String = "    costs:\n      licence: 40k\n", more: String = "")
    -> String
{
    "scenario: Test\nstart: 2020-01\nhorizon: 60 months\n" + top + "options:\n  a:\n" + optionBody + more
}
