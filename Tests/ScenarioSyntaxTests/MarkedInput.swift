import XCTest
@testable import ScenarioSyntax

/// Test inputs that carry their expected error positions.
///
/// Convention: `⟨^⟩` written in a test input marks the character just after it as the place
/// where the reader must report an error. `MarkedInput` removes the markers and remembers their
/// positions (1-based line and column, columns counted in Unicode scalars, as `SourceMark` does).
/// `assertErrors` then requires that the reader's errors sit at exactly the marked positions,
/// one each, and that each message contains the expected words.
struct MarkedInput {
    static let marker = "⟨^⟩"
    var text: String
    var marks: [SourceMark]

    init(_ marked: String, file: String = "test.yaml") {
        var out = String.UnicodeScalarView()
        var marks: [SourceMark] = []
        var line = 1, column = 1
        let m = Array(Self.marker.unicodeScalars)
        let c = Array(marked.unicodeScalars)
        var i = 0
        while i < c.count {
            if i + m.count <= c.count && Array(c[i..<i + m.count]) == m {
                marks.append(SourceMark(file: file, line: line, column: column))
                i += m.count
                continue
            }
            out.append(c[i])
            if c[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        text = String(out)
        self.marks = marks
    }
}

/// Reads `marked` and checks that the errors sit exactly at its `⟨^⟩` marks, and that each
/// message (in mark order) contains the corresponding entry of `messages`.
@discardableResult
func assertErrors(_ marked: String, _ messages: [String] = [], file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
    let input = MarkedInput(marked)
    let (_, diagnostics) = ScenarioReader.read(input.text, file: "test.yaml")
    let errors = diagnostics.filter { $0.severity == .error }.sorted { $0.mark < $1.mark }
    XCTAssertFalse(input.marks.isEmpty, "test input has no ⟨^⟩ mark", file: file, line: line)
    XCTAssertEqual(errors.map(\.mark), input.marks,
                   "errors: " + errors.map(\.description).joined(separator: " | "), file: file, line: line)
    for (error, expected) in zip(errors, messages) {
        XCTAssertTrue(error.message.contains(expected), "'\(error.message)' should mention '\(expected)'", file: file, line: line)
    }
    return errors
}

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
