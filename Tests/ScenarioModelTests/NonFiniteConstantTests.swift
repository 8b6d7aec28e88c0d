import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// A constant (sub-)expression that is not finite is an error when the file is read, at its
/// origin: the smallest constant part that is not finite. The `1️⃣` marker is the expected mark.
final class NonFiniteConstantTests: XCTestCase {
    func testDivisionByZeroInAnAmount() {
        expectDiagnostic(
            scenario(optionBody: "    costs:\n      licence: 1️⃣1m / 0\n"),
            contains: "division by zero: the value is not a finite number")
    }

    func testZeroOverZeroInATimeOffset() {
        expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          licence:
                            one-off: 10k
                            at: start + 1️⃣0/0

                    """), contains: "0 / 0 is not a number")
    }

    func testReportedOnceAtTheOrigin() {
        expectDiagnostic(
            scenario(optionBody: "    costs:\n      licence: 2 * (1️⃣0 / 0) + 1\n"),
            contains: "0 / 0 is not a number")
    }

    func testDivisionOfAnInputByAConstantZero() {
        expectDiagnostic(
            scenario(
                top: "inputs:\n  x: pert(1, 2, 3)\n", optionBody: "    costs:\n      licence: 1️⃣x / (1 - 1)\n"),
            contains: "division by zero: the value is not a finite number")
    }

    func testOverflowAndPowers() {
        expectDiagnostic(
            scenario(optionBody: "    costs:\n      licence: 1️⃣10 ^ 400\n"),
            contains: "the value is too large to be a finite number (it overflows)")
        expectDiagnostic(
            scenario(optionBody: "    costs:\n      licence: (1️⃣-8) ^ 0.5\n"),
            contains: "a negative number to a fractional power is not a number")
        expectDiagnostic(
            scenario(optionBody: "    costs:\n      licence: 1️⃣0 ^ -1\n"),
            contains: "zero to a negative power is not a finite number")
    }

    func testInADurationAndInAChance() {
        expectDiagnostic(
            scenario(optionBody: "    timeline:\n      build: 1️⃣3 / 0 months\n    costs:\n      fee: 1k\n"),
            contains: "division by zero: the value is not a finite number")
        // Not reported a second time as a chance outside 0...1.
        expectDiagnostic(
            scenario(
                optionBody: """
                        risks:
                          outage:
                            chance: 1️⃣0/0
                            one-off: 10k

                    """), contains: "0 / 0 is not a number")
    }

    /// Division by an expression that may be zero, and a guarded division, load: they are
    /// checked in every iteration of the run instead.
    func testNonConstantDivisionsLoad() {
        loadClean(
            scenario(
                top: "inputs:\n  n: discrete(0, 50%, 2, 50%)\n",
                optionBody: "    costs:\n      licence: if(n > 0, 10k / n, 0)\n"))
    }
}
