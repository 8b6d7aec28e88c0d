import JSONOutput
import XCTest

@testable import ScenarioSyntax

/// What the renderer prints: never a raw control character, never an unbounded line, and the
/// caret under the character the diagnostic points at.
final class DiagnosticRendererTests: XCTestCase {
    private func render(_ text: String, line: Int, column: Int, _ message: String = "boom", fix: String? = nil)
        -> String
    {
        let d = Diagnostic.error(message, at: SourceMark(file: "s.yaml", line: line, column: column), fix: fix)
        return DiagnosticRenderer(sources: ["s.yaml": text]).render(d)
    }

    private func assertNoRawUnsafe(_ out: String, file: StaticString = #filePath, line: UInt = #line) {
        let raw = out.unicodeScalars.filter { UnsafeCharacters.contains($0) && $0 != "\n" }
        XCTAssertTrue(
            raw.isEmpty, "raw \(raw.map { UnsafeCharacters.escape($0) }) in \(out.debugDescription)", file: file,
            line: line)
    }

    /// The reader's own errors for raw ESC, DEL and U+009B in the file: the line shows their
    /// escapes and each caret sits under its own escape's backslash.
    func testControlCharactersInTheSourceLineAreEscapedAndTheCaretStaysAligned() {
        let text = "a: 1\nname: x\u{1B}[31my\u{7F}z\u{9B}w\n"
        let (_, diagnostics) = ScenarioReader.read(text, file: "s.yaml")
        let out = DiagnosticRenderer(sources: ["s.yaml": text]).render(diagnostics)
        assertNoRawUnsafe(out)
        XCTAssertEqual(diagnostics.map(\.mark.column), [8, 14, 16])
        let shown = "\n  name: x\\u{1B}[31my\\u{7F}z\\u{9B}w\n  "
        // Before ESC: `name: x` (7); before DEL: + `\u{1B}` (6) + `[31my` (5); before U+009B: + `\u{7F}z` (7).
        for (column, before) in [(8, 7), (14, 18), (16, 25)] {
            XCTAssertTrue(out.contains("s.yaml:2:\(column): error: the character U+"), out)
            XCTAssertTrue(
                out.contains(shown + String(repeating: " ", count: before) + "^\n"), "column \(column):\n" + out)
        }
    }

    func testTabsShowAsOneSpace() {
        XCTAssertEqual(render("k:\tv w\n", line: 1, column: 6), "s.yaml:1:6: error: boom\n  k: v w\n       ^\n")
    }

    /// The message, the file name and the fix are escaped too.
    func testMessageAndFixAreEscaped() {
        let d = Diagnostic.error(
            "unknown option `a\u{1B}]0;x\u{7}`", at: SourceMark(file: "f\u{202E}.yaml", line: 1, column: 1),
            fix: "b:\n  c\u{1B}")
        let out = DiagnosticRenderer().render(d)
        assertNoRawUnsafe(out)
        XCTAssertEqual(
            out, "f\\u{202E}.yaml:1:1: error: unknown option `a\\u{1B}]0;x\\u{7}`\n  fix: b:\n         c\\u{1B}\n")
    }

    /// A 100,000-character line shows 160 characters around the caret, `...` on each side.
    func testALongLineShowsAWindowAroundTheCaret() {
        let body = (0..<100_000).map { i in Character(Unicode.Scalar(UInt8(97 + i % 26))) }
        let text = "first: 1\n" + String(body) + "\nlast: 2\n"
        let out = render(text, line: 2, column: 50_001)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 4, out)
        let shown = String(lines[1]), caret = String(lines[2])
        XCTAssertEqual(shown.count, 2 + 3 + 160 + 3)
        XCTAssertTrue(shown.hasPrefix("  ...") && shown.hasSuffix("..."), shown)
        // The caret column in `shown` holds the line's 50,001st character.
        let caretIndex = caret.count - 1
        XCTAssertEqual(caret.last, "^")
        XCTAssertEqual(Array(shown)[caretIndex], body[50_000])
        XCTAssertEqual(caretIndex, 2 + 3 + 80)
        // Near the start and at the very end of the line the window is pushed against the end.
        let start = render(text, line: 2, column: 3).split(separator: "\n").map(String.init)
        XCTAssertEqual(start[1], "  " + String(body[0..<160]) + "...")
        XCTAssertEqual(start[2], "    ^")
        let end = render(text, line: 2, column: 100_001).split(separator: "\n").map(String.init)
        XCTAssertEqual(end[1], "  ..." + String(body[(100_000 - 160)...]))
        XCTAssertEqual(end[2].count, 2 + 3 + 160 + 1)
    }

    /// Two hundred diagnostics on one 2 MB line print a bounded amount, in one pass.
    func testManyDiagnosticsOnAHugeLineStayBounded() {
        let text = String(repeating: "x", count: 2_000_000)
        let ds = (0..<200).map {
            Diagnostic.error("e\($0)", at: SourceMark(file: "s.yaml", line: 1, column: 1 + $0 * 10_000))
        }
        let out = DiagnosticRenderer(sources: ["s.yaml": text]).render(ds)
        XCTAssertLessThan(out.utf8.count, 200 * 400)
        XCTAssertTrue(
            out.hasPrefix("s.yaml:1:1: error: e0\n  " + String(repeating: "x", count: 160) + "...\n  ^\n"),
            String(out.prefix(400)))
        XCTAssertTrue(
            out.contains("s.yaml:1:1990001: error: e199\n  ..." + String(repeating: "x", count: 160) + "...\n"))
    }

    /// A message quoting a huge name loses its middle; a fix keeps at most 40 lines of 160.
    func testLongMessagesAndFixesAreCut() {
        let name = String(repeating: "n", count: 10_000)
        let fix = (0..<100).map { _ in String(repeating: "f", count: 500) }.joined(separator: "\n")
        let out = render("k: v\n", line: 1, column: 1, "unknown key `\(name)` in the scenario", fix: fix)
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0].count, DiagnosticRenderer.headerLength)
        XCTAssertTrue(lines[0].hasPrefix("s.yaml:1:1: error: unknown key `nnn"), lines[0])
        XCTAssertTrue(lines[0].hasSuffix("nnn` in the scenario"), lines[0])
        XCTAssertTrue(lines[0].contains(" ... "), lines[0])
        XCTAssertEqual(lines.count, 3 + 41)
        XCTAssertEqual(lines[3], "  fix: " + String(repeating: "f", count: 157) + "...")
        XCTAssertEqual(lines.last, "       ...")
    }

    /// CR and CRLF end lines as the reader counts them; a mark past the last line shows no line.
    func testLineEndsAndMissingLines() {
        XCTAssertEqual(render("a: 1\r\nb: 2\rc: 3", line: 3, column: 4), "s.yaml:3:4: error: boom\n  c: 3\n     ^\n")
        XCTAssertEqual(render("\u{FEFF}a: 1\n", line: 1, column: 1), "s.yaml:1:1: error: boom\n  a: 1\n  ^\n")
        XCTAssertEqual(render("a: 1\n", line: 9, column: 1), "s.yaml:9:1: error: boom\n")
        XCTAssertEqual(render("a: 1\n", line: 1, column: 5), "s.yaml:1:5: error: boom\n  a: 1\n      ^\n")
    }
}
