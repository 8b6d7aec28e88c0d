import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// `baseline:`, the option every other is compared with in the economic case: its default, its
/// resolution to an option, and the located errors of a value that is not an option.
final class BaselineTests: XCTestCase {
    static let options = """
        options:
          extend:
            costs:
              fee: 10k
          procure:
            costs:
              fee: 20k
          share:
            costs:
              fee: 15k

        """

    static func file(_ top: String) -> String {
        "scenario: Test\nstart: 2020-01\nhorizon: 60 months\n" + top + options
    }

    func testDefaultsToTheFirstOption() throws {
        let (scenario, _) = loadClean(Self.file(""))
        XCTAssertEqual(scenario?.baseline, OptionID(0))
        XCTAssertNil(scenario?.baselineMark)
    }

    func testNamesAnOptionByItsName() throws {
        let (scenario, _) = loadClean(Self.file("baseline: share\n"))
        XCTAssertEqual(scenario?.baseline, OptionID(2))
        XCTAssertEqual(scenario?.baselineMark?.line, 4)
        XCTAssertEqual(scenario?.baselineMark?.column, 11)
    }

    /// Written after `options:`, the key still resolves (the option names are scanned first).
    func testMayFollowTheOptions() throws {
        let (scenario, _) = loadClean(
            "scenario: Test\nstart: 2020-01\nhorizon: 60 months\n" + Self.options + "baseline: procure\n")
        XCTAssertEqual(scenario?.baseline, OptionID(1))
    }

    func testMisspeltOptionSuggestsTheClosest() {
        expectDiagnostic(
            Self.file("baseline: 1️⃣procur\n"),
            contains: "`baseline` must name one of the options, not `procur`; did you mean `procure`?")
    }

    func testUnknownOptionListsTheOptions() {
        expectDiagnostic(
            Self.file("baseline: 1️⃣business-as-usual\n"),
            contains: "`baseline` must name one of the options, not `business-as-usual`; "
                + "the options are `extend`, `procure`, `share`")
    }

    /// An option's label is not its name.
    func testALabelIsNotAName() {
        expectDiagnostic(
            "scenario: Test\nstart: 2020-01\nhorizon: 60 months\nbaseline: 1️⃣Stay put\noptions:\n"
                + "  extend:\n    label: Stay put\n    costs:\n      fee: 10k\n",
            contains: "`baseline` must name one of the options, not `Stay put`; the options are `extend`")
    }

    func testMustBeASingleValue() {
        expectDiagnostic(
            Self.file("baseline: 1️⃣[extend, share]\n"),
            contains: "`baseline` should be a single value, not a list")
        expectDiagnostic(
            Self.file("baseline:1️⃣\n"), contains: "`baseline` has no value")
    }

    func testMisspeltKeySuggestsBaseline() {
        expectDiagnostic(
            Self.file("1️⃣basline: extend\n"),
            contains: "unknown key `basline` in the scenario; did you mean `baseline`?")
    }
}
