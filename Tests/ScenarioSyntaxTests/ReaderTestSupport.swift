import XCTest

@testable import ScenarioSyntax

/// Reads `text`, asserting there is no diagnostic, and returns the root.
func readClean(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Node? {
    let (root, diagnostics) = ScenarioReader.read(text, file: "test.yaml")
    XCTAssertEqual(diagnostics.map(\.description), [], file: file, line: line)
    return root
}

/// The JSON of `text` with whitespace removed, for compact expectations.
func compactJSON(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    let root = readClean(text, file: file, line: line)
    var out = ""
    var inString = false
    var escaped = false
    for ch in NodeJSON.render(root) {
        if inString {
            out.append(ch)
            if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
            continue
        }
        if ch == "\"" { inString = true }
        if ch == " " || ch == "\n" { continue }
        out.append(ch)
    }
    return out
}
