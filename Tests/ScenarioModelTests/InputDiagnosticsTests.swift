import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// Broken inputs and correlations. The `1️⃣` marker is where the diagnostic must point.
final class InputDiagnosticsTests: XCTestCase {
    func testInputNameMustBeAnIdentifier() {
        expectDiagnostic(
            scenario(top: "inputs:\n  1️⃣extension per month: 10k\n"),
            contains: "input name `extension per month` is not an identifier", onlyError: true)
        expectDiagnostic(
            scenario(top: "inputs:\n  1️⃣extension per month: 10k\n"),
            contains: "did you mean `extension_per_month`?")
    }

    func testUnknownNameSuggestsAVisibleInput() {
        expectDiagnostic(
            scenario(
                top: "inputs:\n  extension_per_month: 10k\n",
                optionBody: """
                        costs:
                          extension:
                            monthly: 1️⃣extension_per_mnth

                    """), contains: "unknown name `extension_per_mnth`; did you mean `extension_per_month`?",
            onlyError: false)
    }

    func testAnotherOptionsInputIsNotVisible() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        inputs:
                          rate: 10k
                        costs:
                          licence: rate
                      b:
                        costs:
                          licence: 1️⃣rate * 2

                    """), contains: "unknown name `rate`; it is an input of option `a` and can be used only there")
    }

    func testInputCycleListsTheCycle() {
        expectDiagnostic(
            scenario(
                top: """
                    inputs:
                      1️⃣x: y + 1
                      y: z * 2
                      z: x
                    """ + "\n", optionBody: "    costs:\n      licence: x\n"), contains: "input cycle: x -> y -> z -> x"
        )
    }

    func testInputReferringToItself() {
        expectDiagnostic(
            scenario(top: "inputs:\n  1️⃣x: x + 1\n", optionBody: "    costs:\n      licence: x\n"),
            contains: "input cycle: x -> x")
    }

    func testOptionInputCycle() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        inputs:
                          1️⃣p: q
                          q: p
                        costs:
                          licence: p

                    """), contains: "input cycle: p -> q -> p")
    }

    func testOptionInputMayNotShadowASharedInput() {
        expectDiagnostic(
            scenario(
                top: "inputs:\n  rate: 10k\n",
                optionBody: """
                        inputs:
                          1️⃣rate: 20k
                        costs:
                          licence: rate

                    """), contains: "input `rate` of option `a` shadows the shared input `rate`")
    }

    func testSharedInputsMayReferToLaterInputs() throws {
        let (s, _) = loadClean(
            scenario(
                top: "inputs:\n  total: base * 2\n  base: 10k\n",
                optionBody: "    costs:\n      licence: total\n"))
        XCTAssertEqual(try XCTUnwrap(s).inputs.map(\.name), ["total", "base"])
        XCTAssertEqual(s?.inputs.first?.mark.line, 5)
    }

    // MARK: correlations

    private let two = "inputs:\n  a1: pert(1, 2, 3)\n  a2: pert(4, 5, 6)\n  fixed: 100k\n"
    private let useAll = "    costs:\n      licence: a1 + a2 + fixed\n"

    func testDuplicateCorrelationInEitherOrder() {
        expectDiagnostic(
            scenario(top: two + "correlations:\n  - [a1, a2, 0.5]\n  - 1️⃣[a2, a1, 0.3]\n", optionBody: useAll),
            contains: "duplicate correlation between `a2` and `a1` (first given at line 9)")
    }

    func testCorrelationOfANonDistribution() {
        expectDiagnostic(
            scenario(top: two + "correlations:\n  - [a1, 1️⃣fixed, 0.5]\n", optionBody: useAll),
            contains: "`fixed` cannot be correlated: its value is not a single distribution")
    }

    /// Only inputs drawn before the program runs (constant parameters) can be reordered by
    /// Iman–Conover: the model refuses the others, at the name in the correlation.
    func testCorrelationOfADistributionWithDependentParameters() {
        expectDiagnostic(
            scenario(
                top: "inputs:\n  a1: pert(1, 2, 3)\n  a2: pert(a1, 5, 6)\n"
                    + "correlations:\n  - [a1, 1️⃣a2, 0.5]\n",
                optionBody: "    costs:\n      licence: a1 + a2\n"),
            contains: "`a2` cannot be correlated: its parameters depend on other inputs; "
                + "only distributions with constant parameters can be correlated")
    }

    func testCorrelationOfAnUnknownInput() {
        expectDiagnostic(
            scenario(top: two + "correlations:\n  - [1️⃣a3, a1, 0.5]\n", optionBody: useAll),
            contains: "unknown input `a3` in a correlation; did you mean `a1`?")
    }

    func testCorrelationCoefficientOutOfRange() {
        expectDiagnostic(
            scenario(top: two + "correlations:\n  - [a1, a2, 1️⃣1.5]\n", optionBody: useAll),
            contains: "a correlation coefficient must be between -1 and 1, not 1.5")
    }

    func testCorrelationWithItself() {
        expectDiagnostic(
            scenario(top: two + "correlations:\n  - 1️⃣[a1, a1, 0.5]\n", optionBody: useAll),
            contains: "`a1` is correlated with itself")
    }

    func testCorrelationMustBeATriple() {
        expectDiagnostic(
            scenario(top: two + "correlations:\n  - 1️⃣[a1, a2]\n", optionBody: useAll),
            contains: "a correlation is a triple [input, input, coefficient], not a list")
    }

    func testCorrelationsMustBeAList() {
        expectDiagnostic(
            scenario(top: two + "correlations:\n  1️⃣a1: a2\n", optionBody: useAll),
            contains: "`correlations` should be a list of [input, input, coefficient] triples, not a mapping")
    }

    func testCorrelationOfAnOptionInput() {
        expectDiagnostic(
            scenario(
                top: two + "correlations:\n  - [a1, 1️⃣own, 0.5]\n",
                optionBody: """
                        inputs:
                          own: pert(1, 2, 3)
                        costs:
                          licence: a1 + a2 + fixed + own

                    """), contains: "correlations are between shared inputs; `own` is an input of option `a`")
    }

    func testCorrelationsAreKept() throws {
        let (s, _) = loadClean(scenario(top: two + "correlations:\n  - [a1, a2, -0.4]\n", optionBody: useAll))
        let c = try XCTUnwrap(s?.correlations.first)
        XCTAssertEqual(s?.uncertainInputs[c.a].label, "a1")
        XCTAssertEqual(s?.uncertainInputs[c.b].label, "a2")
        XCTAssertEqual(c.coefficient, -0.4)
        XCTAssertEqual(c.mark.line, 9)
    }
}
