import Reports
import XCTest

/// Where a run's files go: `--out` as given, else `notebooks-output/<slug>` of the scenario name.
final class RunOutputPathTests: XCTestCase {
    func testDefaultDirectoryIsTheSlugUnderNotebooksOutput() {
        XCTAssertEqual(
            RunOutput.directoryPath(out: nil, scenarioName: "Southwark core IT infrastructure, 2017"),
            "notebooks-output/southwark-core-it-infrastructure-2017")
        XCTAssertEqual(
            RunOutput.directoryPath(out: nil, scenarioName: "  --Café & Co. (v2)--  "),
            "notebooks-output/caf-co-v2")
        XCTAssertEqual(RunOutput.directoryPath(out: nil, scenarioName: "£€"), "notebooks-output/scenario")
    }

    func testOutIsTakenAsGiven() {
        XCTAssertEqual(RunOutput.directoryPath(out: "results/", scenarioName: "Any"), "results/")
        XCTAssertEqual(RunOutput.directoryPath(out: "/tmp/x y", scenarioName: "Any"), "/tmp/x y")
    }
}
