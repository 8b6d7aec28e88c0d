import XCTest
import ScenarioSyntax
@testable import ScenarioModel

/// Errors point at the offending token: the scalar starts at line 7, column 12.
final class ExpressionErrorTests: XCTestCase {
    func testLexicalErrors() {
        XCTAssertEqual(parsedValue("1 # 2"), "7:14: unexpected character '#'")
        XCTAssertEqual(parsedValue("4.8x"), "7:15: unknown suffix 'x' on a number: use k (thousand), m (million), bn (billion) or %")
        XCTAssertEqual(parsedValue("5k%"), "7:14: a number cannot have both 'k' and '%'")
        XCTAssertEqual(parsedValue("1.2.3"), "7:12: malformed number '1.2.3'")
        XCTAssertEqual(parsedValue("5."), "7:13: a digit must follow the decimal point in '5.'")
        XCTAssertEqual(parsedValue("£x"), "7:12: '£' must be followed by a number, e.g. £4.8m")
        XCTAssertEqual(parsedValue("$5"), "7:12: unexpected '$': only '£' may decorate a number; write the amount alone")
        XCTAssertEqual(parsedValue("a = b"), "7:14: unexpected '=': write '==' to compare")
        XCTAssertEqual(parsedValue("1e999999"),
                       "7:13: unknown suffix 'e999999' on a number: use k (thousand), m (million), bn (billion) or %")
    }

    func testCollectsSeveralErrors() {
        XCTAssertEqual(parsedValue("4.8x + 2y"),
                       "7:15: unknown suffix 'x' on a number: use k (thousand), m (million), bn (billion) or % | "
                       + "7:20: unknown suffix 'y' on a number: use k (thousand), m (million), bn (billion) or %")
        XCTAssertEqual(parsedValue("pert(1, 2) + foo(3)"),
                       "7:12: pert takes (min, mode, max) or (min, mode, max, lambda), found 2 arguments | "
                       + "7:25: unknown function 'foo'; the functions are min, max, if, round and clamp, and the distributions "
                       + "normal, lognormal, triangular, pert, uniform, beta, gamma, weibull, exponential, poisson, binomial, "
                       + "bernoulli, chance, discrete")
    }

    func testStructuralErrors() {
        XCTAssertEqual(parsedValue(""), "7:12: empty expression: expected a value")
        XCTAssertEqual(parsedValue("1 +"), "7:14: missing value after '+'")
        XCTAssertEqual(parsedValue("* 2"), "7:12: missing value before '*'")
        XCTAssertEqual(parsedValue("(1 + 2"), "7:12: '(' is never closed: missing ')'")
        XCTAssertEqual(parsedValue("1 + 2)"), "7:17: unmatched ')'")
        XCTAssertEqual(parsedValue("()"), "7:12: empty parentheses: expected a value inside '()'")
        XCTAssertEqual(parsedValue("1 2"), "7:14: unexpected '2' after the expression")
        XCTAssertEqual(parsedValue("pert(1, 2, 3"), "7:16: 'pert(' is never closed: missing ')'")
        XCTAssertEqual(parsedValue("pert(1, 2 3)"), "7:22: expected ',' or ')' in the arguments of pert, found '3'")
        XCTAssertEqual(parsedValue("pert(1, 2,)"), "7:21: missing value after ','")
        XCTAssertEqual(parsedValue("pert(1, , 3)"), "7:20: missing value before ','")
        XCTAssertEqual(parsedValue("(1 2)"), "7:15: expected ')' to close the '(', found '2'")
        XCTAssertEqual(parsedValue("to 5"), "7:12: missing value before 'to'")
        XCTAssertEqual(parsedValue("1 to"), "7:14: missing value after 'to'")
        XCTAssertEqual(parsedValue("1 to 2 to 3"), "7:19: 'to' cannot be chained: write one interval 'a to b'")
        XCTAssertEqual(parsedValue("pert 1, 2, 3"),
                       "7:12: 'pert' needs parentheses around its arguments: pert takes (min, mode, max) or (min, mode, max, lambda)")
    }

    func testArityMessages() {
        let expected: [(String, String)] = [
            ("min()", "min takes one or more values: min(a, b, ...), found 0 arguments"),
            ("if(1, 2)", "if takes (condition, value if true, value if false), found 2 arguments"),
            ("round(1, 2)", "round takes one value: round(x), found 2 arguments"),
            ("clamp(1)", "clamp takes (x, lo, hi), found 1 argument"),
            ("normal(1)", "normal takes (mean, sd), found 1 argument"),
            ("lognormal(1, 2, 3)", "lognormal takes (median, p95), found 3 arguments"),
            ("triangular(1, 2)", "triangular takes (min, mode, max), found 2 arguments"),
            ("pert(1, 2, 3, 4, 5)", "pert takes (min, mode, max) or (min, mode, max, lambda), found 5 arguments"),
            ("uniform(1)", "uniform takes (min, max), found 1 argument"),
            ("beta(1)", "beta takes (a, b), found 1 argument"),
            ("gamma(1)", "gamma takes (shape, scale), found 1 argument"),
            ("weibull(1)", "weibull takes (scale, shape), found 1 argument"),
            ("exponential(1, 2)", "exponential takes (mean), found 2 arguments"),
            ("poisson()", "poisson takes (mean), found 0 arguments"),
            ("binomial(1)", "binomial takes (n, p), found 1 argument"),
            ("bernoulli(1, 2)", "bernoulli takes (p), found 2 arguments"),
            ("chance(1, 2)", "chance takes (p), found 2 arguments"),
            ("discrete(1, 0.5, 2)", "discrete takes value-probability pairs (v1, p1, v2, p2, ...), found 3 arguments"),
        ]
        for (text, message) in expected {
            XCTAssertEqual(parsedValue("x + " + text), "7:16: " + message, text)
        }
    }

    func testDidYouMean() {
        XCTAssertEqual(parsedValue("prt(1, 2, 3)"), "7:12: unknown function 'prt'; did you mean 'pert'?")
        XCTAssertEqual(parsedValue("2 * lognormel(1, 2)"), "7:16: unknown function 'lognormel'; did you mean 'lognormal'?")
        XCTAssertEqual(parsedValue("uniforn(1, 2)"), "7:12: unknown function 'uniforn'; did you mean 'uniform'?")
        XCTAssertEqual(parsedValue("clmp(1, 2, 3)"), "7:12: unknown function 'clmp'; did you mean 'clamp'?")
    }

    func testQuotedScalarColumns() {
        let (_, d) = ExpressionParser.parseValue(scalar("1 + ", style: .singleQuoted))
        XCTAssertEqual(d.map(\.mark.column), [15])
    }

    func testDepthLimits() {
        let nested = String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)
        XCTAssertEqual(parsedValue(nested),
                       "7:112: expression is nested too deeply (more than 100 levels of parentheses, calls or signs)")
        XCTAssertEqual(parsedValue(String(repeating: "-", count: 300) + "1"),
                       "7:112: expression is nested too deeply (more than 100 levels of parentheses, calls or signs)")
        let (e, d) = ExpressionParser.parseValue(scalar(Array(repeating: "1", count: 300).joined(separator: "+")))
        XCTAssertNil(e)
        XCTAssertEqual(d.count, 1)
        XCTAssertTrue(d[0].message.hasPrefix("expression is too long or too deeply nested"))
        // 100 nested calls are fine.
        let calls = String(repeating: "max(", count: 90) + "1" + String(repeating: ")", count: 90)
        XCTAssertEqual(constant(calls), 1)
    }

    func testNoCrashOnOddInput() {
        let inputs = ["(", ")", ",", "(((", ")))", "pert(", "pert(,", "1 +* 2", "£", "%", "to", "to to", "^", "-",
                      "1 ^", "a(", "min(,)", "\u{0}", "é + ü", "1_", "_", "1..2", "month", "per year", "1 months months"]
        for text in inputs {
            _ = ExpressionParser.parseValue(scalar(text))
            _ = ExpressionParser.parseDuration(scalar(text))
            _ = ExpressionParser.parseTime(scalar(text))
            _ = ExpressionParser.parseChance(scalar(text))
            let (e, d) = ExpressionParser.parseCalendarMonth(scalar(text))
            XCTAssertTrue(e == nil && !d.isEmpty, text)
        }
    }
}
