import ScenarioSyntax
import XCTest

@testable import ScenarioModel

/// Values: literals, suffixes, precedence, functions and distributions.
final class ExpressionParserTests: XCTestCase {
    func testNumbersAndSuffixes() {
        XCTAssertEqual(exprConstant("1200"), 1200)
        XCTAssertEqual(exprConstant("1_200"), 1200)
        XCTAssertEqual(exprConstant("4.8m"), 4_800_000)
        XCTAssertEqual(exprConstant("650k"), 650_000)
        XCTAssertEqual(exprConstant("1.2bn"), 1_200_000_000)
        XCTAssertEqual(exprConstant("£4.8m"), 4_800_000)
        XCTAssertEqual(exprConstant("£1.5m"), 1_500_000)
        XCTAssertEqual(exprConstant("4.8M"), 4_800_000)
        XCTAssertEqual(exprConstant("650K"), 650_000)
        XCTAssertEqual(exprConstant("£250"), 250)
        XCTAssertEqual(exprConstant(".5"), 0.5)
        XCTAssertEqual(exprConstant("3.5%")!, 0.035, accuracy: 1e-15)
        XCTAssertEqual(exprConstant("100%"), 1)
        XCTAssertEqual(exprConstant("-£2k"), -2000)
    }

    func testPrecedence() {
        XCTAssertEqual(exprValue("1 + 2 * 3"), "(+ 1 (* 2 3))")
        XCTAssertEqual(exprValue("(1 + 2) * 3"), "(* (+ 1 2) 3)")
        XCTAssertEqual(exprValue("8 - 4 - 2"), "(- (- 8 4) 2)")
        XCTAssertEqual(exprValue("8 / 4 / 2"), "(/ (/ 8 4) 2)")
        XCTAssertEqual(exprValue("2^3^2"), "(^ 2 (^ 3 2))")
        XCTAssertEqual(exprValue("-2^2"), "(neg (^ 2 2))")
        XCTAssertEqual(exprValue("2^-1"), "(^ 2 (neg 1))")
        XCTAssertEqual(exprValue("a + 1 < b * 2"), "(< (+ a 1) (* b 2))")
        XCTAssertEqual(exprValue("+5"), "5")
        XCTAssertEqual(exprConstant("-2^2"), -4)
        XCTAssertEqual(exprConstant("2^3^2"), 512)
        XCTAssertEqual(exprConstant("2 * 3 + 4 ^ 0.5 / 2"), 7)
        XCTAssertEqual(exprConstant("--3"), 3)
    }

    func testComparisons() {
        XCTAssertEqual(exprConstant("1 < 2"), 1)
        XCTAssertEqual(exprConstant("2 <= 2"), 1)
        XCTAssertEqual(exprConstant("1 > 2"), 0)
        XCTAssertEqual(exprConstant("2 >= 3"), 0)
        XCTAssertEqual(exprConstant("2 == 2"), 1)
        XCTAssertEqual(exprConstant("2 != 2"), 0)
        XCTAssertEqual(exprValue("a == 1"), "(== a 1)")
    }

    func testFunctions() {
        XCTAssertEqual(exprValue("min(a, 2, 3)"), "(min a 2 3)")
        XCTAssertEqual(exprConstant("min(4, 2, 3)"), 2)
        XCTAssertEqual(exprConstant("max(4, 2, 3)"), 4)
        XCTAssertEqual(exprConstant("max(7)"), 7)
        XCTAssertEqual(exprConstant("if(1 > 0, 10, 20)"), 10)
        XCTAssertEqual(exprConstant("if(0, 10, 20)"), 20)
        XCTAssertEqual(exprConstant("round(2.5)"), 3)
        XCTAssertEqual(exprConstant("round(-2.5)"), -3)
        XCTAssertEqual(exprConstant("round(2.4)"), 2)
        XCTAssertEqual(exprConstant("clamp(5, 0, 3)"), 3)
        XCTAssertEqual(exprConstant("clamp(-1, 0, 3)"), 0)
        XCTAssertEqual(exprConstant("clamp(2, 0, 3)"), 2)
        XCTAssertEqual(exprValue("MIN(1, 2)"), "(min 1 2)", "spreadsheet capitals are accepted")
    }

    func testEveryDistribution() {
        let cases = [
            "normal(1, 2)", "lognormal(1, 2)", "triangular(1, 2, 3)", "pert(1, 2, 3)", "pert(1, 2, 3, 6)",
            "uniform(1, 2)", "beta(1, 2)", "gamma(1, 2)", "weibull(1, 2)", "exponential(1)", "poisson(1)",
            "binomial(10, 0.5)", "bernoulli(0.5)", "chance(0.5)", "discrete(1, 0.5, 2, 0.5)"
        ]
        for text in cases {
            let (e, d) = ExpressionParser.parseValue(exprScalar(text))
            XCTAssertEqual(d, [], text)
            guard let e, case .distribution(let dist) = e.kind else { return XCTFail(text) }
            XCTAssertEqual(dist.family.name, String(text.prefix { $0 != "(" }), text)
            XCTAssertEqual(dist.mark, SourceMark(file: "s.yaml", line: 7, column: 12))
        }
        XCTAssertEqual(
            exprValue("incumbent_run_rate * pert(0.85, 0.93, 1.05)"),
            "(* incumbent_run_rate (pert 0.85 0.93 1.05))")
        XCTAssertEqual(
            exprValue("if(incumbent_wins, pert(1, 2, 3), pert(4, 6, 9))"),
            "(if incumbent_wins (pert 1 2 3) (pert 4 6 9))")
    }

    func testIntervals() {
        XCTAssertEqual(exprValue("1m to 5m"), "(interval 1000000 5000000)")
        XCTAssertEqual(exprValue("(1 to 2) * 3"), "(* (interval 1 2) 3)")
        XCTAssertEqual(exprValue("1 + 1 to 2 * 3"), "(interval (+ 1 1) (* 2 3))")
        let (e, _) = ExpressionParser.parseValue(exprScalar("x + 1 to 5"))
        guard case .distribution(let d)? = e?.kind else { return XCTFail() }
        XCTAssertEqual(d.mark.column, 12, "an interval is marked at its first character")
    }

    func testMarksOfSubexpressions() {
        let (e, _) = ExpressionParser.parseValue(exprScalar("a * pert(1, 2, 3)"))
        guard case .binary(_, let a, let p)? = e?.kind, case .distribution(let d) = p.kind else { return XCTFail() }
        XCTAssertEqual(a.mark.column, 12)
        XCTAssertEqual(d.mark.column, 16)
        XCTAssertEqual(d.parameters.map(\.mark.column), [21, 24, 27])
        // A double-quoted scalar: one column more for the quote.
        let (q, _) = ExpressionParser.parseValue(exprScalar("1 + x", style: .doubleQuoted))
        guard case .binary(_, _, let x)? = q?.kind else { return XCTFail() }
        XCTAssertEqual(x.mark.column, 17)
        // A scalar folded from several lines: the scalar's own mark.
        let multi = Scalar(
            text: "pert(1,\n2, 3) + y", style: .plain, mark: SourceMark(file: "s.yaml", line: 7, column: 12),
            end: SourceMark(file: "s.yaml", line: 8, column: 10))
        let (m, _) = ExpressionParser.parseValue(multi)
        guard case .binary(_, _, let y)? = m?.kind else { return XCTFail() }
        XCTAssertEqual(y.mark, SourceMark(file: "s.yaml", line: 7, column: 12))
    }

    func testNamesAndUnicode() {
        XCTAssertEqual(exprValue("_x1 + towers"), "(+ _x1 towers)")
        XCTAssertEqual(exprValue("normal"), "normal", "a function name without '(' is a name")
    }
}

/// Durations: units, bare months, units inside sub-expressions.
final class ExpressionDurationTests: XCTestCase {
    func testDurations() {
        XCTAssertEqual(exprDuration("uniform(2, 6) months"), "(months (uniform 2 6))")
        XCTAssertEqual(exprDuration("18 months"), "(months 18)")
        XCTAssertEqual(exprDuration("2 years"), "(years 2)")
        XCTAssertEqual(exprDuration("3 weeks"), "(weeks 3)")
        XCTAssertEqual(exprDuration("1 year"), "(years 1)")
        XCTAssertEqual(exprDuration("1 month"), "(months 1)")
        XCTAssertEqual(exprDuration("1 week"), "(weeks 1)")
        XCTAssertEqual(exprDuration("18months"), "(months 18)")
        XCTAssertEqual(exprDuration("pert(6, 8, 12)"), "(pert 6 8 12)")
        XCTAssertEqual(exprDuration("2 years + 3 months"), "(+ (years 2) (months 3))")
        XCTAssertEqual(exprDuration("2 to 4 months"), "(months (interval 2 4))")
        XCTAssertEqual(exprConstant("2 years + 3 months", duration: true), 27)
        XCTAssertEqual(exprConstant("5 years", duration: true), 60)
        XCTAssertEqual(exprConstant("6 / 2 years", duration: true), 36)
        XCTAssertEqual(exprConstant("52 weeks", duration: true)!, 12, accuracy: 1e-12)
        XCTAssertEqual(exprConstant("1.5", duration: true), 1.5)
    }

    func testUnitErrors() {
        XCTAssertEqual(exprValue("3 months"), "7:14: a duration is not allowed here: 'months' needs a duration field")
        XCTAssertEqual(
            exprDuration("1 years months"),
            "7:20: a second unit 'months': write one unit per amount, e.g. '2 years + 3 months'")
        XCTAssertEqual(exprDuration("months"), "7:12: 'months' is a unit and needs a number before it, e.g. '3 months'")
    }
}
