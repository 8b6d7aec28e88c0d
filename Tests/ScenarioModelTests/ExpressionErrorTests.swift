import ScenarioSyntax
import XCTest

@testable import ScenarioModel

/// Errors point at the offending token: the scalar starts at line 7, column 12.
final class ExpressionErrorTests: XCTestCase {
    func testLexicalErrors() {
        XCTAssertEqual(exprValue("1 # 2"), "7:14: unexpected character '#'")
        XCTAssertEqual(
            exprValue("4.8x"), "7:15: unknown suffix 'x' on a number: use k (thousand), m (million), bn (billion) or %")
        XCTAssertEqual(exprValue("5k%"), "7:14: a number cannot have both 'k' and '%'")
        XCTAssertEqual(exprValue("1.2.3"), "7:12: malformed number '1.2.3'")
        XCTAssertEqual(exprValue("5."), "7:13: a digit must follow the decimal point in '5.'")
        XCTAssertEqual(exprValue("£x"), "7:12: '£' must be followed by a number, e.g. £4.8m")
        XCTAssertEqual(exprValue("$5"), "7:12: unexpected '$': only '£' may decorate a number; write the amount alone")
        XCTAssertEqual(exprValue("a = b"), "7:14: unexpected '=': write '==' to compare")
        XCTAssertEqual(
            exprValue("1e999999"),
            "7:13: unknown suffix 'e999999' on a number: use k (thousand), m (million), bn (billion) or %")
    }

    func testCollectsSeveralErrors() {
        XCTAssertEqual(
            exprValue("4.8x + 2y"),
            "7:15: unknown suffix 'x' on a number: use k (thousand), m (million), bn (billion) or % | "
                + "7:20: unknown suffix 'y' on a number: use k (thousand), m (million), bn (billion) or %")
        XCTAssertEqual(
            exprValue("pert(1, 2) + foo(3)"),
            "7:12: pert takes (min, mode, max) or (min, mode, max, lambda), found 2 arguments | "
                + "7:25: unknown function 'foo'; "
                + "the functions are min, max, if, round and clamp, and the distributions "
                + "normal, lognormal, triangular, pert, uniform, loguniform, beta, gamma, weibull, exponential, "
                + "poisson, binomial, bernoulli, chance, discrete")
    }

    func testStructuralErrors() {
        XCTAssertEqual(exprValue(""), "7:12: empty expression: expected a value")
        XCTAssertEqual(exprValue("1 +"), "7:14: missing value after '+'")
        XCTAssertEqual(exprValue("* 2"), "7:12: missing value before '*'")
        XCTAssertEqual(exprValue("(1 + 2"), "7:12: '(' is never closed: missing ')'")
        XCTAssertEqual(exprValue("1 + 2)"), "7:17: unmatched ')'")
        XCTAssertEqual(exprValue("()"), "7:12: empty parentheses: expected a value inside '()'")
        XCTAssertEqual(exprValue("1 2"), "7:14: unexpected '2' after the expression")
        XCTAssertEqual(exprValue("pert(1, 2, 3"), "7:16: 'pert(' is never closed: missing ')'")
        XCTAssertEqual(exprValue("pert(1, 2 3)"), "7:22: expected ',' or ')' in the arguments of pert, found '3'")
        XCTAssertEqual(exprValue("pert(1, 2,)"), "7:21: missing value after ','")
        XCTAssertEqual(exprValue("pert(1, , 3)"), "7:20: missing value before ','")
        XCTAssertEqual(exprValue("(1 2)"), "7:15: expected ')' to close the '(', found '2'")
        XCTAssertEqual(exprValue("to 5"), "7:12: missing value before 'to'")
        XCTAssertEqual(exprValue("1 to"), "7:14: missing value after 'to'")
        XCTAssertEqual(exprValue("1 to 2 to 3"), "7:19: 'to' cannot be chained: write one interval 'a to b'")
        XCTAssertEqual(
            exprValue("pert 1, 2, 3"),
            "7:12: 'pert' needs parentheses around its arguments: "
                + "pert takes (min, mode, max) or (min, mode, max, lambda)"
        )
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
            ("discrete(1, 0.5, 2)", "discrete takes value-probability pairs (v1, p1, v2, p2, ...), found 3 arguments")
        ]
        for (text, message) in expected {
            XCTAssertEqual(exprValue("x + " + text), "7:16: " + message, text)
        }
    }

    func testDidYouMean() {
        XCTAssertEqual(exprValue("prt(1, 2, 3)"), "7:12: unknown function 'prt'; did you mean 'pert'?")
        XCTAssertEqual(
            exprValue("2 * lognormel(1, 2)"), "7:16: unknown function 'lognormel'; did you mean 'lognormal'?")
        XCTAssertEqual(exprValue("uniforn(1, 2)"), "7:12: unknown function 'uniforn'; did you mean 'uniform'?")
        XCTAssertEqual(exprValue("clmp(1, 2, 3)"), "7:12: unknown function 'clmp'; did you mean 'clamp'?")
    }

    func testQuotedScalarColumns() {
        let (_, d) = ExpressionParser.parseValue(exprScalar("1 + ", style: .singleQuoted))
        XCTAssertEqual(d.map(\.mark.column), [15])
    }

    func testDepthLimits() {
        let nested = String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)
        XCTAssertEqual(
            exprValue(nested),
            "7:112: expression is nested too deeply (more than 100 levels of parentheses, calls or signs)")
        XCTAssertEqual(
            exprValue(String(repeating: "-", count: 300) + "1"),
            "7:112: expression is nested too deeply (more than 100 levels of parentheses, calls or signs)")
        let (e, d) = ExpressionParser.parseValue(exprScalar(Array(repeating: "1", count: 300).joined(separator: "+")))
        XCTAssertNil(e)
        XCTAssertEqual(d.count, 1)
        XCTAssertTrue(d[0].message.hasPrefix("expression is too long or too deeply nested"))
        // 100 nested calls are fine.
        let calls = String(repeating: "max(", count: 90) + "1" + String(repeating: ")", count: 90)
        XCTAssertEqual(exprConstant(calls), 1)
    }

    /// Random token soups (fixed seed) through every entry point: nothing traps, and an expression
    /// comes back exactly when there are no diagnostics.
    func testRandomInputsNeverCrash() {
        let pieces = [
            "1", "4.8m", "5%", "£", "x", "to", "months", "(", ")", ",", "+", "-", "*", "/", "^", "<=", "==",
            "=", "pert(", "min(", "foo(", " ", " ", "2017-11", "go-live", ".start", "per year", "#", "\n", "é"
        ]
        var state: UInt64 = 20_170_207
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407  // 64-bit LCG (Knuth MMIX)
            return Int(state >> 33)
        }
        for _ in 0..<2_000 {
            let text = (0..<(next() % 12)).map { _ in pieces[next() % pieces.count] }.joined()
            let s = exprScalar(text)
            let (v, dv) = ExpressionParser.parseValue(s)
            XCTAssertEqual(v == nil, !dv.isEmpty, text)
            let (u, du) = ExpressionParser.parseDuration(s)
            XCTAssertEqual(u == nil, !du.isEmpty, text)
            let (t, dt) = ExpressionParser.parseTime(s)
            XCTAssertEqual(t == nil, !dt.isEmpty, text)
            let (c, _, dc) = ExpressionParser.parseChance(s)
            XCTAssertEqual(c == nil, !dc.isEmpty, text)
            for e in [v, u, c].compactMap({ $0 }) {
                _ = ExpressionChecks.check(e)
                _ = BaseValue.evaluate(e) { _ in 1 }
            }
        }
    }

    func testNoCrashOnOddInput() {
        let inputs = [
            "(", ")", ",", "(((", ")))", "pert(", "pert(,", "1 +* 2", "£", "%", "to", "to to", "^", "-",
            "1 ^", "a(", "min(,)", "\u{0}", "é + ü", "1_", "_", "1..2", "month", "per year", "1 months months"
        ]
        for text in inputs {
            _ = ExpressionParser.parseValue(exprScalar(text))
            _ = ExpressionParser.parseDuration(exprScalar(text))
            _ = ExpressionParser.parseTime(exprScalar(text))
            _ = ExpressionParser.parseChance(exprScalar(text))
            let (e, d) = ExpressionParser.parseCalendarMonth(exprScalar(text))
            XCTAssertTrue(e == nil && !d.isEmpty, text)
        }
    }
}
