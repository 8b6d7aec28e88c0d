import Foundation
import XCTest

/// Hostile or careless files: what reaches the terminal is escaped and bounded.
final class HostileInputTests: XCTestCase {
    private func rawUnsafe(_ text: String) -> [String] {
        text.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}"
        }
        .map { "U+" + String($0.value, radix: 16) }
    }

    /// An option name written with YAML's `\e` escape is refused at the escape, exit 2, and
    /// neither the message nor the quoted line carries a raw ESC.
    func testEscapeSequenceInAnOptionNameIsRefusedAndNeverPrintedRaw() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(
            """
            scenario: hostile
            start: 2024-01
            horizon: 12 months
            options:
              "\\e[2J\\e[31mcheap":
                costs:
                  fee: 10k
            """, named: "hostile.yaml", in: dir)
        let run = try Tool.run(["check", file])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(rawUnsafe(run.stderr), [])
        XCTAssertTrue(
            run.stderr.contains(
                "\(file):5:4: error: option name `\\u{1B}[2J\\u{1B}[31mcheap` contains the control character U+001B"),
            run.stderr)
        XCTAssertTrue(run.stderr.contains("\n    \"\\e[2J\\e[31mcheap\":\n     ^\n"), run.stderr)
    }

    /// A raw ESC in the file is the reader's error; the line it shows has `\u{1B}` instead.
    func testRawControlCharacterInTheFileIsShownEscaped() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write("scenario: x\u{1B}]0;owned\u{07}\n", named: "raw.yaml", in: dir)
        let run = try Tool.run(["check", file])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(rawUnsafe(run.stderr), [])
        XCTAssertTrue(run.stderr.contains("\n  scenario: x\\u{1B}]0;owned\\u{7}\n             ^\n"), run.stderr)
    }

    /// A 1 MB one-line file: the unknown 1 MB key and the missing keys print a few kilobytes
    /// (each diagnostic used to quote the whole line, and the unknown key's message the key).
    func testAHugeOneLineFilePrintsBoundedDiagnostics() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(String(repeating: "x", count: 1_000_000) + ": 1", named: "huge.yaml", in: dir)
        let run = try Tool.run(["check", file])
        XCTAssertEqual(run.status, 2)
        XCTAssertLessThan(run.stderr.utf8.count, 10_000, String(run.stderr.prefix(2_000)))
        XCTAssertTrue(
            run.stderr.contains(
                "\(file):1:1: error: missing required key `scenario`\n  "
                    + String(repeating: "x", count: 160) + "...\n  ^\n"), String(run.stderr.prefix(2_000)))
    }

    /// `parse` escapes DEL, C1 and bidirectional controls in its JSON as well as C0 ones.
    func testParseEscapesUnsafeCharactersInJSON() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write("a: \"x\\u202Ey\\x7F\\x9B\"\n", named: "p.yaml", in: dir)
        let run = try Tool.run(["parse", file])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(rawUnsafe(run.stdout), [])
        XCTAssertTrue(run.stdout.contains(#""a": "x\u202ey\u007f\u009b""#), run.stdout)
    }
}
