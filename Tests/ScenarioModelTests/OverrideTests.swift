import XCTest
import ScenarioSyntax
@testable import ScenarioModel
import TestSupport

/// `--set NAME=EXPR` overrides: shared inputs, `option.input`, unqualified option inputs, errors.
final class OverrideTests: XCTestCase {
    private let text = scenario(top: "inputs:\n  rate: 10k\n", optionBody: """
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

    func testSharedInputOverride() throws {
        let (s, _) = loadClean(text, overrides: [InputOverride(name: "rate", expression: "25k")])
        let input = try XCTUnwrap(s?.inputs.first)
        XCTAssertEqual(ExpressionChecks.constantValue(input.value), 25_000)
        XCTAssertEqual(input.value.mark, SourceMark(file: "--set", line: 1, column: 6))
        XCTAssertEqual(input.mark.file, "test.yaml")
    }

    func testQualifiedOptionInputOverride() throws {
        let (s, _) = loadClean(text, overrides: [InputOverride(name: "b.uplift", expression: "2")])
        let options = try XCTUnwrap(s?.options)
        XCTAssertEqual(ExpressionChecks.constantValue(options[0].inputs[0].value), 1.1)
        XCTAssertEqual(ExpressionChecks.constantValue(options[1].inputs[0].value), 2)
    }

    func testUnqualifiedOptionInputOverridesEveryOption() throws {
        let (s, _) = loadClean(text, overrides: [InputOverride(name: "uplift", expression: "3")])
        let options = try XCTUnwrap(s?.options)
        XCTAssertEqual(options.map { ExpressionChecks.constantValue($0.inputs[0].value) }, [3, 3])
    }

    func testUnknownOverrideSuggests() {
        expectDiagnostic(text, line: 1, column: 1, contains: "unknown input `rat` in `--set rat=...`; did you mean `rate`?",
                         overrides: [InputOverride(name: "rat", expression: "5")], markFile: "--set")
    }

    func testUnknownOptionInAQualifiedOverride() {
        expectDiagnostic(text, line: 1, column: 1, contains: "unknown option `bb` in `--set bb.uplift`; did you mean `b`?",
                         overrides: [InputOverride(name: "bb.uplift", expression: "5")], markFile: "--set")
    }

    func testBadOverrideExpressionIsMarkedInTheAssignment() {
        // `--set rate=pert(3, 2, 1)`: the expression starts at column 6 of the assignment, its min at 11.
        expectDiagnostic(text, line: 1, column: 11, contains: "pert min (3) must be less than max (1)",
                         overrides: [InputOverride(assignment: "rate=pert(3, 2, 1)")!], markFile: "--set")
    }

    func testOverrideMayUseOtherInputs() throws {
        let (s, _) = loadClean(text, overrides: [InputOverride(name: "a.uplift", expression: "rate / 10k")])
        XCTAssertNotNil(s)
    }

    func testOverrideWithAnUnknownName() {
        expectDiagnostic(text, line: 1, column: 6, contains: "unknown name `rte`; did you mean `rate`?",
                         overrides: [InputOverride(name: "rate", expression: "rte * 2")], markFile: "--set")
    }

    func testAssignmentSplitsAtTheFirstEquals() throws {
        let o = try XCTUnwrap(InputOverride(assignment: "a.uplift=if(rate == 1, 2, 3)"))
        XCTAssertEqual(o.name, "a.uplift")
        XCTAssertEqual(o.expression, "if(rate == 1, 2, 3)")
        XCTAssertNil(InputOverride(assignment: "no-equals"))
    }
}
