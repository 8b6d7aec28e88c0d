import XCTest

@testable import Analysis
@testable import Statistics

/// `CaseFigures.preferred` and `SweepFigures.switches`.
final class CaseFiguresTests: XCTestCase {
    private func figures(_ name: String, _ means: [Double]) -> CaseFigures {
        CaseFigures(
            name: name,
            options: means.enumerated().map { i, m in
                CaseFigures.Option(name: "o\(i)", pv: Summary([m, m]), pCheapest: 0)
            })
    }

    func testPreferredIsTheLowestMeanFirstOnATie() {
        XCTAssertEqual(figures("c", [3, 1, 2]).preferredName, "o1")
        XCTAssertEqual(figures("c", [2, 1, 1]).preferredName, "o1")
    }

    func testSwitchesAreBetweenNeighbouringValues() {
        let sweep = SweepFigures(
            input: "x", values: [1, 2, 3, 4],
            cases: [figures("1", [1, 2]), figures("2", [1.5, 2]), figures("3", [2.5, 2]), figures("4", [1, 2])])
        XCTAssertEqual(
            sweep.switches,
            [
                SweepFigures.Switch(lower: 2, upper: 3, from: "o0", to: "o1"),
                SweepFigures.Switch(lower: 3, upper: 4, from: "o1", to: "o0")
            ])
        XCTAssertEqual(SweepFigures(input: "x", values: [1, 2], cases: [figures("1", [1, 2]), figures("2", [1, 2])]).switches, [])
    }
}
