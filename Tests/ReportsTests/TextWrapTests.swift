import XCTest

@testable import Reports

final class TextWrapTests: XCTestCase {
    func testShortLinesAreKept() {
        XCTAssertEqual(TextWrap.wrap("  short line"), ["  short line"])
        XCTAssertEqual(TextWrap.wrap(String(repeating: "x", count: 80)), [String(repeating: "x", count: 80)])
    }

    /// A long line breaks at spaces, its continuations indented two more than the line.
    func testLongLinesBreakAtSpacesWithAHangingIndent() {
        let line = "  " + (1...30).map { "word\($0)" }.joined(separator: " ")
        let wrapped = TextWrap.wrap(line, width: 40)
        XCTAssertEqual(wrapped.joined(separator: " ").split(separator: " "), line.split(separator: " "))
        XCTAssertTrue(wrapped.allSatisfy { $0.count <= 40 }, "\(wrapped)")
        XCTAssertTrue(wrapped[0].hasPrefix("  word1 "))
        XCTAssertTrue(wrapped.dropFirst().allSatisfy { $0.hasPrefix("    ") && !$0.hasPrefix("     ") })
        XCTAssertEqual(wrapped[0], "  word1 word2 word3 word4 word5 word6")
    }

    /// A word longer than the room stays whole on a line of its own.
    func testAnOverlongWordIsKeptWhole() {
        let path = "/" + String(repeating: "p", count: 90)
        XCTAssertEqual(TextWrap.wrap("Title  (\(path))"), ["Title", "  (\(path))"])
    }

    func testWrapLinesKeepsBlankLines() {
        XCTAssertEqual(TextWrap.wrapLines("a\n\nb"), ["a", "", "b"])
    }

    /// The file list wraps to 80 columns and ends with the path of report.html when there is one.
    func testFileListEndsWithTheReport() {
        let dir = "notebooks-output/southwark-core-it-infrastructure-2017"
        let names = [
            "summary.csv", "comparison.csv", "economic.csv", "ranking.csv", "cashflow.csv", "lines.csv",
            "report.html", "distributions.csv", "sensitivity.csv", "switching.csv", "run.json"
        ]
        let text = RunSummary.fileList(directory: dir, files: names.map { dir + "/" + $0 })
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(
            lines,
            [
                "Files written to \(dir)/:",
                "  summary.csv, comparison.csv, economic.csv, ranking.csv, cashflow.csv,",
                "  lines.csv, distributions.csv, sensitivity.csv, switching.csv, run.json",
                "Report: \(dir)/report.html"
            ])
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 })
        let without = RunSummary.fileList(directory: "out", files: ["out/summary.csv", "out/run.json"])
        XCTAssertEqual(without, "Files written to out/:\n  summary.csv, run.json")
    }
}
