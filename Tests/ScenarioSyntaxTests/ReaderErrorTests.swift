import TestSupport
import XCTest

@testable import ScenarioSyntax

/// Every refusal rule, with the expected error positions marked in the input by `1️⃣`, `2️⃣`, …
/// (see `MarkedText` in TestSupport).
final class ReaderErrorTests: XCTestCase {
    func testFeaturesOutsideTheSubsetAreNamed() {
        assertErrors("a: 1️⃣&anchor value\n", ["anchors"])
        assertErrors("a: 1\nb: 1️⃣*alias\n", ["aliases"])
        assertErrors("a: 1️⃣!!str 1\n", ["tags"])
        assertErrors("- 1️⃣!local x\n", ["tags"])
        assertErrors("a: [1, 1️⃣&x 2]\n", ["anchors"])
        assertErrors("1️⃣%YAML 1.2\n---\na: 1\n", ["directives"])
        assertErrors("1️⃣%TAG ! tag:example.com,2000:\n---\na: 1\n", ["directives"])
        assertErrors("1️⃣? complex\n: value\n", ["complex mapping keys"])
        assertErrors("a: {1️⃣? b: c}\n", ["complex mapping keys"])
    }

    func testSeveralDocumentsAreRefused() {
        assertErrors("a: 1\n1️⃣---\nb: 2\n", ["several documents"])
        assertErrors("---\na: 1\n...\n1️⃣b: 2\n", ["several documents"])
        assertErrors("a: 1\n...\n1️⃣---\nb: 2\n", ["several documents"])
    }

    func testNonScalarKeysAreRefused() {
        assertErrors("1️⃣[a, b]: c\n", ["flow collection cannot be a mapping key"])
        assertErrors("x: 1\n1️⃣{a: b}: c\n", ["flow collection cannot be a mapping key"])
        assertErrors("m: {1️⃣[a]: b}\n", ["flow collection cannot be a mapping key"])
        assertErrors("s: [1️⃣a: b]\n", ["pairs inside [...]"])
    }

    func testDuplicateKeysSayWhereTheFirstWas() {
        assertErrors("a: 1\nb: 2\n1️⃣a: 3\n", ["duplicate key 'a' (first defined at line 1, column 1)"])
        assertErrors("x:\n  k: 1\n  1️⃣k: 2\n  2️⃣k: 3\n", ["line 2, column 3", "line 2, column 3"])
        assertErrors("m: {k: 1, 1️⃣k: 2}\n", ["duplicate key 'k'"])
        assertErrors("\"q\": 1\n1️⃣q: 2\n", ["duplicate key 'q'"])
    }

    func testTabsInIndentation() {
        assertErrors("a:\n1️⃣\tb: 1\n", ["tab"])
        assertErrors("a:\n  1️⃣\tb: 1\n", ["tab"])
        assertErrors("a: |\n1️⃣\t\nb: 1\n", ["tab"])
        // A tab inside a line, or in a comment line, is fine.
        XCTAssertEqual(compactJSON("a:\tb\n\t# note\nc: d\n"), #"{"a":"b","c":"d"}"#)
    }

    func testBadIndentation() {
        assertErrors("a:\n    b: 1\n  1️⃣c: 2\n", ["bad indentation"])
        assertErrors("a: 1\n  1️⃣b: 2\n", ["check its indentation"])
        assertErrors("a:\n  - x\n 1️⃣- y\n", ["bad indentation"])
        assertErrors("a: b\n1️⃣plain line\n", ["no ':'"])
        assertErrors("top\n1️⃣x: 1\n", ["check its indentation"])
    }

    func testSameLineCollectionsAreRefused() {
        assertErrors("a: 1️⃣b: c\n", ["same line as its key"])
        assertErrors("a: 1️⃣- b\n", ["same line as its key"])
        assertErrors("--- 1️⃣a: b\n", ["'---' line"])
    }

    func testUnterminatedQuotes() {
        assertErrors("a: 1️⃣\"abc\nb: 1\n", ["unterminated double-quoted"])
        assertErrors("a: 1️⃣'abc\nb: 1\n", ["unterminated single-quoted"])
        assertErrors("- 1️⃣\"never closed\n", ["unterminated"])
        assertErrors("a: [1️⃣'x, y]\n", ["unterminated"])
    }

    func testUnterminatedFlowCollections() {
        assertErrors("a: 1️⃣[b, c\nd: e\n", ["'[' is never closed"])
        assertErrors("a: 1️⃣{b: c\n", ["'{' is never closed"])
        assertErrors("a: 1️⃣[[1, 2], [3\n", ["never closed"])
    }

    func testOtherInvalidInput() {
        assertErrors("a: \"bad 1️⃣\\q escape\"\n", ["invalid escape"])
        assertErrors("a: \"1️⃣\\uD800\"\n", ["invalid escape"])
        assertErrors("a: [1,1️⃣, 2]\n", ["entry is missing"])
        assertErrors("a: [1 1️⃣}\n", ["expected ',' or ']'"])
        assertErrors("a: \"x\"1️⃣#c\n", ["comment needs a space"])
        assertErrors("a: |1️⃣xy\n", ["invalid block scalar header"])
        assertErrors("1️⃣: no key\n", ["key is missing"])
        assertErrors("a: 1️⃣@x\n", ["reserved"])
        assertErrors("a: b1️⃣\u{01}\n", ["U+1"])
    }

    func testErrorsAreCollectedNotOnlyTheFirst() {
        let errors = assertErrors(
            """
            a: 1️⃣&x 1
            b: 2️⃣*y
            c: 1
            3️⃣c: 2
            d: {e: 4️⃣pert(1, 2, 3)}
            f: 5️⃣"open

            """)
        XCTAssertEqual(errors.count, 5)
        XCTAssertEqual(Set(errors.map(\.mark)).count, errors.count, "one error per position")
    }

    func testFlowCommaSplitExplainsAndShowsTheBlockFix() throws {
        let errors = assertErrors(
            "optimism-bias: {one-off: 10%, duration: 1️⃣pert(1, 2, 3)}\n",
            ["inside {...} a comma ends a value, so 'pert(1, 2, 3)' is cut at its first comma"])
        let fix = try XCTUnwrap(errors.first?.fix)
        XCTAssertEqual(
            fix,
            """
            optimism-bias:
              one-off: 10%
              duration: pert(1, 2, 3)
            (or quote the expression: "pert(1, 2, 3)")
            """)
        let seq = assertErrors("after: [1️⃣max(a, b), c]\n", ["inside [...] a comma ends a value"])
        XCTAssertEqual(seq.first?.fix, "after:\n  - max(a, b)\n  - c\n(or quote the expression: \"max(a, b)\")")
        // Nested in a sequence item: the inner mapping alone is shown in block style.
        let nested = assertErrors("- {d: 1️⃣uniform(2, 6)}\n", ["comma ends a value"])
        XCTAssertEqual(nested.first?.fix, "d: uniform(2, 6)\n(or quote the expression: \"uniform(2, 6)\")")
        // Quoted or block style is fine.
        XCTAssertEqual(
            compactJSON("a: {d: \"pert(1, 2, 3)\"}\nb:\n  d: pert(1, 2, 3)\n"),
            #"{"a":{"d":"pert(1, 2, 3)"},"b":{"d":"pert(1, 2, 3)"}}"#)
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let flow = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let (_, d1) = ScenarioReader.read("a: " + flow + "\n", file: "deep.yaml")
        XCTAssertEqual(d1.count, 1)
        XCTAssertTrue(d1.first?.message.contains("deeper than 64") ?? false)
        // The root mapping is one level, so the 64th bracket is the first too deep.
        XCTAssertEqual(d1.first?.mark.column, 4 + ScenarioReader.maxDepth - 1)

        var block = ""
        for i in 0..<200 { block += String(repeating: " ", count: i) + "k\(i):\n" }
        let (_, d2) = ScenarioReader.read(block, file: "deep.yaml")
        XCTAssertEqual(d2.count, 1)
        XCTAssertEqual(d2.first?.mark.line, ScenarioReader.maxDepth + 1)

        let dashes = String(repeating: "- ", count: 3000) + "x\n"
        let (_, d3) = ScenarioReader.read(dashes, file: "deep.yaml")
        XCTAssertEqual(d3.count, 1)

        // 64 levels are fine.
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertNotNil(readClean(ok))
    }

    func testInvalidUTF8IsAnErrorWithItsPosition() {
        let bytes: [UInt8] = Array("a: 1\nb: x".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let (root, diagnostics) = ScenarioReader.read(bytes: bytes, file: "bad.yaml")
        XCTAssertNil(root)
        XCTAssertEqual(diagnostics.map(\.mark), [SourceMark(file: "bad.yaml", line: 2, column: 5)])
        XCTAssertTrue(diagnostics[0].message.contains("not valid UTF-8"))
        let truncated = ScenarioReader.read(bytes: [0x61, 0xE2, 0x82], file: "t.yaml").diagnostics
        XCTAssertEqual(truncated.map(\.mark.column), [2])
    }

    func testRendererShowsLineAndCaret() {
        let text = "a: 1\nb: {c: pert(1, 2)}\n"
        let (_, diagnostics) = ScenarioReader.read(text, file: "s.yaml")
        let out = DiagnosticRenderer(sources: ["s.yaml": text]).render(diagnostics)
        XCTAssertTrue(out.hasPrefix("s.yaml:2:8: error: inside {...} a comma ends a value"), out)
        XCTAssertTrue(out.contains("\n  b: {c: pert(1, 2)}\n         ^\n  fix: b:\n         c: pert(1, 2)\n"), out)
    }
}
