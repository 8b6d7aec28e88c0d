import XCTest

@testable import ScenarioModel

/// Suggestions, identifiers and the dependency graph used by the builder.
final class BuilderHelperTests: XCTestCase {
    func testDistance() {
        XCTAssertEqual(NameSuggestions.distance("kitten", "sitting"), 3)
        XCTAssertEqual(NameSuggestions.distance("one_off", "one-off"), 0)
        XCTAssertEqual(NameSuggestions.distance("", "abc"), 3)
    }

    func testSuggestsOnlyCloseNames() {
        XCTAssertEqual(NameSuggestions.closest(to: "horizn", among: ["horizon", "start"]), "horizon")
        XCTAssertNil(NameSuggestions.closest(to: "colour", among: ["horizon", "start", "seed"]))
        XCTAssertEqual(NameSuggestions.closest(to: "bb", among: ["a", "b"]), "b")
        XCTAssertEqual(NameSuggestions.didYouMean("zzz", among: ["abc"]), "")
    }

    func testIdentifierSuggestion() {
        XCTAssertEqual(NameSuggestions.identifier(from: "extension per month"), "extension_per_month")
        XCTAssertEqual(NameSuggestions.identifier(from: "2nd-rate"), "_2nd_rate")
        XCTAssertTrue(NameSuggestions.isIdentifier("_a1"))
        XCTAssertFalse(NameSuggestions.isIdentifier("1a"))
        XCTAssertFalse(NameSuggestions.isIdentifier("a-b"))
    }

    func testCyclesAreReportedOnceFromTheirFirstNode() {
        let g = DependencyGraph(nodes: ["a", "b", "c", "d"], edges: ["a": ["b"], "b": ["c"], "c": ["a"], "d": ["d"]])
        XCTAssertEqual(g.cycles(), [["a", "b", "c", "a"], ["d", "d"]])
    }

    func testStableTopologicalOrder() {
        let g = DependencyGraph(nodes: ["x", "y", "z"], edges: ["z": ["x"]])
        XCTAssertEqual(g.topologicalOrder(), ["y", "z", "x"])
    }

    func testLongChainNeedsNoRecursion() {
        let names = (0..<1000).map { "t\($0)" }
        var edges: [String: [String]] = [:]
        for i in 1..<names.count { edges[names[i]] = [names[i - 1]] }
        let g = DependencyGraph(nodes: names, edges: edges)
        XCTAssertTrue(g.cycles().isEmpty)
        XCTAssertEqual(g.topologicalOrder().first, "t999")
    }
}
