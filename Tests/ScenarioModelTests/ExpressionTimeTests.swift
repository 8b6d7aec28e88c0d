import ScenarioSyntax
import XCTest

@testable import ScenarioModel

/// Time references, chances and calendar months.
final class ExpressionTimeTests: XCTestCase {
    private func time(_ text: String) -> String {
        let (r, d) = ExpressionParser.parseTime(exprScalar(text))
        guard let r else {
            return d.map { "\($0.mark.line):\($0.mark.column): \($0.message)" }.joined(separator: " | ")
        }
        let base: String
        switch r.base {
        case .start: base = "start"
        case .end: base = "end"
        case .deadline: base = "deadline"
        case .goLive: base = "go-live"
        case .calendar(let y, let m): base = "calendar \(y)-\(m)"
        case .month(let m): base = "month \(m)"
        case .taskFinish(let t): base = "finish of \(t)"
        case .taskStart(let t): base = "start of \(t)"
        }
        return base + (r.offset.map { " " + exprPrefixForm($0) } ?? "")
    }

    func testBases() {
        XCTAssertEqual(time("start"), "start")
        XCTAssertEqual(time("end"), "end")
        XCTAssertEqual(time("deadline"), "deadline")
        XCTAssertEqual(time("go-live"), "go-live")
        XCTAssertEqual(time("2017-11"), "calendar 2017-11")
        XCTAssertEqual(time("month 9"), "month 9.0")
        XCTAssertEqual(time("month 8.4"), "month 8.4")
        XCTAssertEqual(time("procurement"), "finish of procurement")
        XCTAssertEqual(time("legal and TUPE"), "finish of legal and TUPE")
        XCTAssertEqual(time("market engagement"), "finish of market engagement")
        XCTAssertEqual(time("shared-service cutover"), "finish of shared-service cutover")
        XCTAssertEqual(time("procurement.start"), "start of procurement")
        XCTAssertEqual(time("retained team.start"), "start of retained team")
        XCTAssertEqual(time("procurement.finish"), "finish of procurement")
    }

    func testOffsets() {
        XCTAssertEqual(time("go-live + 12 months"), "go-live (months 12)")
        XCTAssertEqual(time("procurement.start - 2 months"), "start of procurement (neg (months 2))")
        XCTAssertEqual(time("deadline + 1.5"), "deadline 1.5")
        XCTAssertEqual(time("deadline+1"), "deadline 1")
        XCTAssertEqual(time("2017-11 + 1 year"), "calendar 2017-11 (years 1)")
        XCTAssertEqual(time("month 9 - 2 weeks"), "month 9.0 (neg (weeks 2))")
        XCTAssertEqual(time("legal and TUPE + 3 months"), "finish of legal and TUPE (months 3)")
        XCTAssertEqual(time("go-live - uniform(1, 2) months"), "go-live (neg (months (uniform 1 2)))")
        XCTAssertEqual(time("go-live + (1 + 2) months"), "go-live (months (+ 1 2))")
        XCTAssertEqual(time("x - 1 - 2"), "finish of x (- (neg 1) 2)", "offsets chain left to right")
        XCTAssertEqual(time("go-live + 2 years + 3 months"), "go-live (+ (years 2) (months 3))")
        XCTAssertEqual(time("start + review_period"), "start review_period")
    }

    func testMarks() {
        let (r, _) = ExpressionParser.parseTime(exprScalar("  go-live + 12 months"))
        XCTAssertEqual(r?.mark.column, 14)
        XCTAssertEqual(r?.offset?.mark.column, 24)
        let (s, _) = ExpressionParser.parseTime(exprScalar("go-live - 2 months"))
        XCTAssertEqual(s?.offset?.mark.column, 20, "a negative offset is marked at its '-'")
    }

    func testErrors() {
        XCTAssertEqual(time("2017-13"), "7:17: month 13 is not between 1 and 12 in a calendar month YYYY-MM")
        XCTAssertEqual(time("2017-1x"), "7:12: expected a calendar month YYYY-MM, e.g. 2017-02")
        XCTAssertEqual(time("go-live + 3 monts"), "7:24: unexpected 'monts' after the expression")
        XCTAssertEqual(time("12"), "7:12: a bare amount is not a time: write 'month 12' or 'start + 12'")
        XCTAssertTrue(time("").hasPrefix("7:12: empty time: a time is start, end, deadline"))
        XCTAssertTrue(time("phase (b)").hasPrefix("7:18: unexpected '(' in a time"))
        XCTAssertEqual(time("month x"), "7:18: 'month N' needs a constant number of months, e.g. 'month 9'")
        XCTAssertEqual(time(".start"), "7:12: missing task name before '.start'")
    }

    func testLongTimeIsRefusedQuickly() {
        let text = Array(repeating: "a +", count: 700).joined(separator: " ")
        let (r, d) = ExpressionParser.parseTime(exprScalar(text))
        XCTAssertNil(r)
        XCTAssertFalse(d.isEmpty)
        let many = "x" + String(repeating: " + 1", count: 30)
        let (m, e) = ExpressionParser.parseTime(exprScalar(many))
        XCTAssertEqual(e, [])
        XCTAssertEqual(m.flatMap { $0.offset.flatMap(ExpressionChecks.constantValue) }, 30)
        let tooMany = "x" + String(repeating: " + 1", count: 40)
        let (_, f) = ExpressionParser.parseTime(exprScalar(tooMany))
        // The 33rd sign is at offset 1 + 32·4 + 1 = 130, column 12 + 130.
        XCTAssertEqual(
            f.map { "\($0.mark.column): \($0.message)" },
            ["142: time reference has too many '+' and '-' (more than 32); add up the offset in a named input"])
        // Near the length limit, a sign-free text that fails everywhere is still quick.
        let long = String(repeating: "a", count: 1_990) + " + ("
        XCTAssertNil(ExpressionParser.parseTime(exprScalar(long)).0)
    }

    func testChance() {
        func chance(_ text: String) -> (String, Bool) {
            let (e, perYear, d) = ExpressionParser.parseChance(exprScalar(text))
            return (
                e.map(exprPrefixForm) ?? d.map { "\($0.mark.column): \($0.message)" }.joined(separator: " | "), perYear
            )
        }
        XCTAssertTrue(chance("5% per year") == ("0.05", true))
        XCTAssertTrue(chance("pert(5%, 7%, 10%)") == ("(pert 0.05 0.07 0.1)", false))
        XCTAssertTrue(chance("pert(5%, 7%, 10%) per year") == ("(pert 0.05 0.07 0.1)", true))
        XCTAssertTrue(chance("60%") == ("0.6", false))
        XCTAssertTrue(chance("5% per month") == ("19: only 'per year' is supported: write the chance per year", false))
        let (text, perYear) = chance("per year")
        XCTAssertEqual(text, "12: empty expression: expected a value")
        XCTAssertTrue(perYear)
        XCTAssertTrue(
            chance("5% years") == ("15: a duration is not allowed here: 'years' needs a duration field", false))
    }

    func testCalendarMonth() {
        XCTAssertEqual(
            ExpressionParser.parseCalendarMonth(exprScalar("2017-02")).0, CalendarMonth(year: 2017, month: 2))
        XCTAssertEqual(
            ExpressionParser.parseCalendarMonth(exprScalar("2017-12")).0, CalendarMonth(year: 2017, month: 12))
        XCTAssertEqual(ExpressionParser.parseCalendarMonth(exprScalar("2017-2")).0, CalendarMonth(year: 2017, month: 2))
        let (bad, d) = ExpressionParser.parseCalendarMonth(exprScalar("2017-00"))
        XCTAssertNil(bad)
        XCTAssertEqual(d.map(\.mark.column), [17])
        XCTAssertEqual(d.first?.message, "month 0 is not between 1 and 12 in a calendar month YYYY-MM")
        let (_, e) = ExpressionParser.parseCalendarMonth(exprScalar("Feb 2017"))
        XCTAssertEqual(e.map(\.message), ["expected a calendar month YYYY-MM, e.g. 2017-02"])
        XCTAssertEqual(e.map(\.mark.column), [12])
    }
}
