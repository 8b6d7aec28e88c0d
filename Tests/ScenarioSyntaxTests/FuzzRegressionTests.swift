import Foundation
import XCTest

@testable import ScenarioSyntax

/// Inputs the fuzzer found troublesome (kept in FuzzRegressions/), plus a few hand-made hostile
/// ones. Each must be read without crashing or hanging; its diagnostics must have sensible marks,
/// and an accepted input must render to JSON the test JSON reader parses.
final class FuzzRegressionTests: XCTestCase {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzRegressions")
    }

    private func check(_ bytes: [UInt8], _ name: String) {
        let (root, diagnostics) = ScenarioReader.read(bytes: bytes, file: name)
        for d in diagnostics {
            XCTAssertGreaterThanOrEqual(d.mark.line, 1, name)
            XCTAssertGreaterThanOrEqual(d.mark.column, 1, name)
            XCTAssertFalse(d.message.isEmpty, name)
        }
        XCTAssertEqual(Set(diagnostics.map(\.mark)).count, diagnostics.count, "\(name): one error per position")
        if diagnostics.isEmpty {
            XCTAssertNotNil(JSONValue.parseStream(NodeJSON.render(root)), name)
        }
    }

    func testStoredFindings() throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? []
        XCTAssertFalse(files.isEmpty, "FuzzRegressions/ holds the fuzzer's findings")
        for name in files.sorted() {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
            check([UInt8](data), name)
        }
    }

    func testHostileInputs() {
        let inputs: [String] = [
            "", "\n", "-", "- ", ":", "? ", "---", "...", "--- ---", "[", "{", "]", "}", "\"", "'", "|", ">",
            "a: |", "a: >-2", "- - - - -", "[[[[", "{{{{", "a: [b, {c: [d, {e", "\"\\", "'''", "\t", "\u{0}",
            "a:\n\t- b", "#", "a: 'x\n---\n'", "a: \"\\\n", String(repeating: "- [", count: 500),
            String(repeating: "a:\n ", count: 300), "a: b\n" + String(repeating: " ", count: 10_000) + "c"
        ]
        for (i, text) in inputs.enumerated() {
            check(Array(text.utf8), "hostile-\(i).yaml")
        }
    }
}
