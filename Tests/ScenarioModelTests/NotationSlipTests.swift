import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// Notation slips that would parse as something else: `m` (million) in a field of months and
/// a comma inside a number. Scalars start at line 7, column 12.
final class NotationSlipTests: XCTestCase {
    private func fixes(_ d: (Expr?, [Diagnostic])) -> [String?] { d.1.map(\.fix) }

    // MARK: - `m` is million, never months

    func testMillionInADurationIsAnErrorWithTheMonthsFix() {
        XCTAssertEqual(
            exprDuration("18m"), "7:12: `18m` is 18 million: `m` means million, never months; write `18 months`")
        XCTAssertEqual(fixes(ExpressionParser.parseDuration(exprScalar("18m"))), ["18 months"])
        XCTAssertEqual(
            exprDuration("1.5M"), "7:12: `1.5M` is 1.5 million: `m` means million, never months; write `1.5 months`")
    }

    func testEveryMillionInADistributionIsReportedAndTheFixRewritesThemAll() {
        let parsed = ExpressionParser.parseDuration(exprScalar("pert(2m, 3, 4m)"))
        XCTAssertEqual(parsed.1.map { "\($0.mark.column)" }, ["17", "24"])
        XCTAssertEqual(fixes(parsed), ["pert(2 months, 3, 4 months)", "pert(2 months, 3, 4 months)"])
        XCTAssertEqual(exprDuration("pert(2 months, 3, 4 months)"), "(pert (months 2) 3 (months 4))")
    }

    func testMillionStaysMillionInAmounts() {
        XCTAssertEqual(exprConstant("18m"), 18_000_000)
        XCTAssertEqual(exprConstant("1000k", duration: true), 1_000_000)
    }

    func testMillionInATimeOffset() throws {
        let (t, ds) = ExpressionParser.parseTime(exprScalar("go-live + 12m"))
        XCTAssertNil(t)
        XCTAssertEqual(
            ds.map { "\($0.mark.line):\($0.mark.column): \($0.message)" },
            ["7:22: `12m` is 12 million: `m` means million, never months; write `12 months`"])
        XCTAssertEqual(ds.first?.fix, "go-live + 12 months")
    }

    func testMillionInMonthNAndInABareTime() {
        let (_, month) = ExpressionParser.parseTime(exprScalar("month 18m"))
        XCTAssertEqual(
            month.map { "\($0.mark.column): \($0.message)" },
            ["18: `18m` is 18 million: `m` means million, never months; write `month 18`"])
        XCTAssertEqual(month.first?.fix, "month 18")
        let (_, bare) = ExpressionParser.parseTime(exprScalar("18m"))
        XCTAssertEqual(
            bare.map { "\($0.mark.column): \($0.message)" },
            ["12: `18m` is 18 million: `m` means million, never months; write `month 18`"])
        XCTAssertEqual(bare.first?.fix, "month 18")
    }

    func testMillionInATaskDurationInAScenario() throws {
        let ds = expectDiagnostic(
            scenario(
                optionBody: """
                        timeline:
                          procurement: 1️⃣18m
                        costs:
                          licence: 40k

                    """), contains: "`18m` is 18 million: `m` means million, never months; write `18 months`")
        XCTAssertEqual(ds.first { $0.severity == .error }?.fix, "18 months")
    }

    // MARK: - A comma inside a number

    func testDecimalCommaInACall() {
        XCTAssertEqual(
            exprValue("pert(1,5, 6, 9)"),
            "7:17: `1,5` looks like one number written with a decimal comma: write `1.5`; "
                + "if they are separate arguments, put a space after the comma")
        XCTAssertEqual(fixes(ExpressionParser.parseValue(exprScalar("pert(1,5, 6, 9)"))), ["pert(1.5, 6, 9)"])
    }

    func testThousandsCommaInACall() {
        XCTAssertEqual(
            exprValue("min(1,200k, 900k)"),
            "7:16: `1,200k` looks like one number written with a thousands comma: write `1200k`; "
                + "if they are separate arguments, put a space after the comma")
        XCTAssertEqual(fixes(ExpressionParser.parseValue(exprScalar("min(1,200k, 900k)"))), ["min(1200k, 900k)"])
    }

    func testSeveralThousandsCommasInACall() {
        XCTAssertEqual(
            exprValue("max(1,000,000, x)"),
            "7:16: `1,000,000` looks like one number written with thousands commas: write `1_000_000` or `1m`; "
                + "if they are separate arguments, put a space after the comma")
    }

    func testCommasBetweenArgumentsAreNotNumbers() {
        XCTAssertEqual(exprValue("pert(1, 2, 3)"), "(pert 1 2 3)")
        XCTAssertEqual(exprValue("pert(1,2,3)"), "(pert 1 2 3)")
        XCTAssertEqual(exprValue("min(1,200k,900k)"), "(min 1 200000 900000)")
        XCTAssertEqual(exprValue("pert(1 ,5, 6)"), "(pert 1 5 6)")
        XCTAssertEqual(exprValue("pert(1, x,5)"), "(pert 1 x 5)")
        XCTAssertEqual(exprValue("pert(1k,5, 6)"), "(pert 1000 5 6)")
    }

    func testCommaInANumberOutsideACall() {
        XCTAssertEqual(
            exprValue("1,000,000"),
            "7:12: a number cannot contain a comma: `1,000,000` looks like one number written with thousands "
                + "commas; write `1_000_000` or `1m`")
        XCTAssertEqual(fixes(ExpressionParser.parseValue(exprScalar("1,000,000"))), ["1_000_000"])
        XCTAssertEqual(
            exprValue("2,500,000"),
            "7:12: a number cannot contain a comma: `2,500,000` looks like one number written with thousands "
                + "commas; write `2_500_000` or `2.5m`")
        XCTAssertEqual(
            exprValue("£12,500"),
            "7:12: a number cannot contain a comma: `£12,500` looks like one number written with a thousands "
                + "comma; write `£12500`")
        XCTAssertEqual(
            exprValue("(1,5)"),
            "7:13: a number cannot contain a comma: `1,5` looks like one number written with a decimal comma; "
                + "write `1.5`")
        XCTAssertEqual(exprValue("1, 5"), "7:13: unexpected ',' after the expression")
        let huge = "1" + String(repeating: ",000", count: 30)
        XCTAssertEqual(
            exprValue(huge),
            "7:12: a number cannot contain a comma: `\(huge)` looks like one number written "
                + "with thousands commas; write `1" + String(repeating: "_000", count: 30) + "`")
    }

    func testCommaInANumberInAScenario() throws {
        let ds = expectDiagnostic(
            scenario(
                optionBody: """
                        costs:
                          licence: pert(1️⃣1,5m, 2m, 3m)

                    """), contains: "`1,5m` looks like one number written with a decimal comma: write `1.5m`")
        XCTAssertEqual(ds.first?.fix, "pert(1.5m, 2m, 3m)")
    }
}
