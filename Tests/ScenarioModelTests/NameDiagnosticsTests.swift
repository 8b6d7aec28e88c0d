import JSONOutput
import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// Names and labels that a terminal or a spreadsheet would misread are errors at the offending
/// character: control characters (also written as escapes), tabs, line breaks, DEL, C1
/// controls, bidirectional controls, and a leading `=`, `+`, `-` or `@`.
final class NameDiagnosticsTests: XCTestCase {
    /// Loads `marked`, expects exactly one error at its `1️⃣` containing `contains`, and checks that
    /// no message holds a raw unsafe character.
    private func expectRefused(_ marked: String, contains: String, file: StaticString = #filePath, line: UInt = #line) {
        let ds = expectDiagnostic(marked, contains: contains, file: file, testLine: line)
        for d in ds {
            XCTAssertFalse(
                d.message.unicodeScalars.contains(where: UnsafeCharacters.contains),
                "raw character in \(d.message.debugDescription)", file: file, line: line)
        }
    }

    func testEscapeCharacterInAnOptionNameIsAnErrorAtTheEscape() {
        expectRefused(
            "scenario: Test\nstart: 2020-01\nhorizon: 60 months\noptions:\n"
                + "  \"red1️⃣\\e[31m\":\n    costs:\n      licence: 40k\n",
            contains: "option name `red\\u{1B}[31m` contains the control character U+001B; names must be plain text")
    }

    func testTabInsideAPlainCostLineName() {
        expectRefused(
            scenario(optionBody: "    costs:\n      licence1️⃣\tfee: 40k\n"),
            contains: "cost line name `licence\\u{9}fee` contains a tab (U+0009)")
    }

    func testDeleteInATaskName() {
        expectRefused(
            scenario(
                optionBody: "    timeline:\n      \"build1️⃣\\x7F\": 3 months\n    costs:\n      licence: 40k\n"),
            contains: "task name `build\\u{7F}` contains the control character U+007F")
    }

    func testC1ControlInARiskName() {
        expectRefused(
            scenario(
                optionBody:
                    "    costs:\n      licence: 40k\n    risks:\n"
                    + "      \"over1️⃣\\u009Brun\":\n        chance: 10%\n        one-off: 5k\n"
            ),
            contains: "risk name `over\\u{9B}run` contains the control character U+009B")
    }

    func testRawRightToLeftOverrideInACriterionName() {
        let text = scenario(
            more: "criteria:\n  quality1️⃣\u{202E}gnirts:\n    weight: 1\n    scores:\n      a: 3\n")
        expectRefused(
            text, contains: "criterion name `quality\\u{202E}gnirts` contains the bidirectional control U+202E")
    }

    func testBenefitNameWithANextLineEscape() {
        expectRefused(
            scenario(optionBody: "    costs:\n      licence: 40k\n    benefits:\n      \"saving1️⃣\\N\": 10k\n"),
            contains: "benefit name `saving\\u{85}` contains a line break (U+0085)")
    }

    func testLineBreakInALabelFromABlockScalarIsAtTheLineEnd() {
        expectRefused(
            scenario(optionBody: "    label: |\n      Two1️⃣\n      lines\n    costs:\n      licence: 40k\n"),
            contains: "label `Two\\u{A}lines\\u{A}` of option `a` contains a line break (U+000A)")
    }

    func testLineBreakFromAnEmptyLineInAQuotedLabel() {
        expectRefused(
            scenario(optionBody: "    label: \"first1️⃣\n\n      second\"\n    costs:\n      licence: 40k\n"),
            contains: "contains a line break (U+000A)")
    }

    func testTabEscapeInTheScenarioTitle() {
        expectRefused(
            "scenario: \"Q11️⃣\\tplan\"\nstart: 2020-01\nhorizon: 60 months\n"
                + "options:\n  a:\n    costs:\n      licence: 40k\n",
            contains: "scenario title `Q1\\u{9}plan` contains a tab")
    }

    /// An input name is refused for the character, without the "not an identifier" error too.
    func testEscapeInAnInputNameIsOneError() {
        expectRefused(
            scenario(top: "inputs:\n  \"rate1️⃣\\e\": 5\n"),
            contains: "input name `rate\\u{1B}` contains the control character U+001B")
    }

    func testCurrencyWithAnEscape() {
        expectRefused(
            scenario(top: "currency: \"GBP1️⃣\\e[2J\"\n"),
            contains: "currency `GBP\\u{1B}[2J` contains the control character")
    }

    func testFormulaStartsAreRefusedAtTheFirstCharacter() {
        expectRefused(
            scenario(optionBody: "    costs:\n      1️⃣=HYPERLINK(\"http://x\"): 40k\n"),
            contains:
                "cost line name `=HYPERLINK(\"http://x\")` begins with `=`, which a spreadsheet would run as a formula")
        expectRefused(scenario(optionBody: "    costs:\n      \"1️⃣@SUM(A1)\": 40k\n"), contains: "begins with `@`")
        expectRefused(
            scenario(optionBody: "    costs:\n      '1️⃣+1 contingency': 40k\n"), contains: "begins with `+`")
        expectRefused(
            scenario(optionBody: "    timeline:\n      1️⃣-prep: 3 months\n    costs:\n      licence: 40k\n"),
            contains: "task name `-prep` begins with `-`")
        expectRefused(
            scenario(optionBody: "    label: 1️⃣=1+1\n    costs:\n      licence: 40k\n"),
            contains: "label `=1+1` of option `a` begins with `=`")
        expectRefused(
            "scenario: Test\nstart: 2020-01\nhorizon: 60 months\noptions:\n"
                + "  1️⃣+cloud:\n    costs:\n      licence: 40k\n",
            contains: "option name `+cloud` begins with `+`")
    }

    /// What stays allowed: these characters inside a name, spaces, Unicode letters, and an
    /// escape that makes an ordinary character.
    func testOrdinaryNamesStillLoad() {
        loadClean(
            scenario(
                optionBody: "    label: \"Re-procure (single supplier) @ £4.8m = 40% + VAT\"\n"
                    + "    costs:\n      \"licence \\x41\": 40k\n      café – année 1: 10k\n"))
    }
}
