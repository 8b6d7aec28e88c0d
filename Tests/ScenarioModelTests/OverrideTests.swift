import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// `--set NAME=EXPR` overrides: shared inputs, `option.input`, unqualified option inputs, errors.
final class OverrideTests: XCTestCase {
    private let text = scenario(
        top: "inputs:\n  rate: 10k\n",
        optionBody: """
                inputs:
                  uplift: 1.1
                costs:
                  licence: rate * uplift
              b:
                inputs:
                  uplift: 1.2
                costs:
                  licence: rate * uplift

            """)

    /// `--set` arguments split at their first `=`, are numbered from 1 in order and keep the
    /// expression as written; one without `=` or without a name is refused with the argument.
    func testParsingSetArguments() throws {
        let parsed = try InputOverride.parse(["rate=25k", " b.uplift\t= 2 ", "x=a=b", "empty="])
        XCTAssertEqual(
            parsed,
            [
                InputOverride(name: "rate", expression: "25k", argument: 1),
                InputOverride(name: "b.uplift", expression: " 2 ", argument: 2),
                InputOverride(name: "x", expression: "a=b", argument: 3),
                InputOverride(name: "empty", expression: "", argument: 4)
            ])
        XCTAssertEqual(try InputOverride.parse([]), [])
        for bad in ["rate", "=5", " \t=5", ""] {
            XCTAssertThrowsError(try InputOverride.parse(["rate=1", bad])) { error in
                XCTAssertEqual(
                    (error as? InputOverride.AssignmentError)?.description,
                    "--set expects NAME=EXPRESSION, e.g. --set incumbent_run_rate=5.2m (got '\(bad)')")
            }
        }
    }

    func testSharedInputOverride() throws {
        let (s, _) = loadClean(text, overrides: [InputOverride(name: "rate", expression: "25k")])
        let input = try XCTUnwrap(s?.inputs.first)
        XCTAssertEqual(input.value.constant, 25_000)
        XCTAssertEqual(input.value.mark, SourceMark(file: "--set", line: 1, column: 6))
        XCTAssertEqual(input.mark.file, "test.yaml")
    }

    func testQualifiedOptionInputOverride() throws {
        let (s, _) = loadClean(text, overrides: [InputOverride(name: "b.uplift", expression: "2")])
        let options = try XCTUnwrap(s?.options)
        XCTAssertEqual(options[0].inputs.first?.value.constant, 1.1)
        XCTAssertEqual(options[1].inputs.first?.value.constant, 2)
    }

    func testUnqualifiedOptionInputOverridesEveryOption() throws {
        let (s, _) = loadClean(text, overrides: [InputOverride(name: "uplift", expression: "3")])
        let options = try XCTUnwrap(s?.options)
        XCTAssertEqual(options.map { $0.inputs.first?.value.constant }, [3, 3])
    }

    func testUnknownOverrideSuggests() {
        expectDiagnostic(
            text, line: 1, column: 1, contains: "unknown input `rat` in `--set rat=...`; did you mean `rate`?",
            overrides: [InputOverride(name: "rat", expression: "5")], markFile: "--set")
    }

    func testUnknownOptionInAQualifiedOverride() {
        expectDiagnostic(
            text, line: 1, column: 1, contains: "unknown option `bb` in `--set bb.uplift`; did you mean `b`?",
            overrides: [InputOverride(name: "bb.uplift", expression: "5")], markFile: "--set")
    }

    func testBadOverrideExpressionIsMarkedInTheAssignment() {
        // `--set rate=pert(3, 2, 1)`: the expression starts at column 6 of the assignment, its min at 11.
        expectDiagnostic(
            text, line: 1, column: 11, contains: "pert min (3) must be less than max (1)",
            overrides: [InputOverride(assignment: "rate=pert(3, 2, 1)")!], markFile: "--set")
    }

    func testOverrideMayUseOtherInputs() throws {
        let (s, _) = loadClean(text, overrides: [InputOverride(name: "a.uplift", expression: "rate / 10k")])
        XCTAssertNotNil(s)
    }

    func testOverrideWithAnUnknownName() {
        expectDiagnostic(
            text, line: 1, column: 6, contains: "unknown name `rte`; did you mean `rate`?",
            overrides: [InputOverride(name: "rate", expression: "rte * 2")], markFile: "--set")
    }

    /// A second `--set` of the same input is an error at its name (`--set:2:1`), whether it
    /// repeats the name or names the same input another way.
    func testRepeatedOverrideIsAnError() {
        expectDiagnostic(
            text, line: 2, column: 1,
            contains: "`--set rate` is given twice (first at --set:1); give each input one --set",
            overrides: [
                InputOverride(name: "rate", expression: "5", argument: 1),
                InputOverride(name: "rate", expression: "6", argument: 2)
            ], markFile: "--set")
        expectDiagnostic(
            text, line: 2, column: 1,
            contains: "`--set b.uplift` sets input `uplift` of option `b`, already set by `--set uplift` "
                + "(at --set:1); give each input one --set",
            overrides: [
                InputOverride(name: "uplift", expression: "5", argument: 1),
                InputOverride(name: "b.uplift", expression: "6", argument: 2)
            ], markFile: "--set")
        loadClean(
            text,
            overrides: [
                InputOverride(name: "a.uplift", expression: "5", argument: 1),
                InputOverride(name: "b.uplift", expression: "6", argument: 2)
            ])
    }

    // MARK: overrides of correlated inputs

    private let correlated = scenario(
        top: """
            inputs:
              a1: pert(1, 2, 3)
              a2: pert(4, 5, 6)
              a3: pert(7, 8, 9)
            correlations:
              - [a1, a2, 0.5]
              - [a2, a3, 0.3]

            """, optionBody: "    costs:\n      licence: a1 + a2 + a3\n")

    /// A constant `--set` of a correlated input drops its correlations with a warning at each;
    /// the others remain.
    func testConstantOverrideDropsTheInputsCorrelations() throws {
        let ds = expectDiagnostic(
            correlated, line: 9, column: 5,
            contains: "the correlation between `a1` and `a2` is dropped: `--set a1` makes `a1` "
                + "a value that is not a single distribution",
            severity: .warning, overrides: [InputOverride(name: "a1", expression: "2")])
        XCTAssertEqual(ds.count, 1, ds.map(\.description).joined(separator: "\n"))
        let (s, _) = ScenarioLoader.load(
            text: correlated, file: "test.yaml", overrides: [InputOverride(name: "a1", expression: "2")])
        let scenario = try XCTUnwrap(s)
        XCTAssertEqual(
            scenario.correlations.map { [scenario.uncertainInputs[$0.a].label, scenario.uncertainInputs[$0.b].label] },
            [["a2", "a3"]])
    }

    /// Dropping every pair leaves no correlation at all.
    func testOverrideThatLeavesNoPairDropsTheCorrelation() throws {
        let overrides = [InputOverride(name: "a2", expression: "5")]
        let ds = expectDiagnostic(
            correlated, line: 10, column: 5,
            contains: "the correlation between `a2` and `a3` is dropped: `--set a2` makes `a2` "
                + "a value that is not a single distribution",
            severity: .warning, overrides: overrides)
        XCTAssertEqual(ds.filter { $0.message.contains("is dropped") }.map(\.mark.line), [9, 10])
        let (s, _) = ScenarioLoader.load(text: correlated, file: "test.yaml", overrides: overrides)
        XCTAssertEqual(s?.correlations.count, 0)
    }

    /// An override that is still a single distribution stays correlated, without a warning.
    func testDistributionOverrideStaysCorrelated() throws {
        let (s, _) = loadClean(correlated, overrides: [InputOverride(name: "a1", expression: "pert(0, 1, 2)")])
        XCTAssertEqual(s?.correlations.count, 2)
    }

    func testAssignmentSplitsAtTheFirstEquals() throws {
        let o = try XCTUnwrap(InputOverride(assignment: "a.uplift=if(rate == 1, 2, 3)"))
        XCTAssertEqual(o.name, "a.uplift")
        XCTAssertEqual(o.expression, "if(rate == 1, 2, 3)")
        XCTAssertNil(InputOverride(assignment: "no-equals"))
    }
}
