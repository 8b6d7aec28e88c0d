import ScenarioSyntax

/// Test input that carries its expected positions, marked the way swift-syntax and swift-format
/// mark theirs: a keycap emoji `1️⃣`, `2️⃣`, … `9️⃣` (a digit, U+FE0F, U+20E3) written just
/// before the character it marks.
///
///     let input = MarkedText("a: 1️⃣[1, 2")
///     input.text        // "a: [1, 2"
///     input["1️⃣"]      // test.yaml:1:4
///
/// Positions are 1-based lines and columns counted in Unicode scalars, as `SourceMark` counts
/// them. A marker written at the end of the text marks the end of the input. Each marker may
/// appear once; a repeated one is listed in `repeated` (the assertions fail on it).
public struct MarkedText: Sendable {
    /// The text with the markers removed.
    public let text: String
    /// Each marker's name and position, in the order of the names (`1️⃣` first).
    public let marks: [(name: String, mark: SourceMark)]
    /// Markers written more than once.
    public let repeated: [String]

    public init(_ marked: String, file: String = "test.yaml") {
        var out = String.UnicodeScalarView()
        var found: [String: SourceMark] = [:]
        var repeated: [String] = []
        var line = 1, column = 1
        let c = Array(marked.unicodeScalars)
        var i = 0
        while i < c.count {
            if let name = Self.marker(in: c, at: i) {
                if found[name] != nil { repeated.append(name) }
                found[name] = SourceMark(file: file, line: line, column: column)
                i += 3
                continue
            }
            out.append(c[i])
            if c[i] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        text = String(out)
        marks = found.sorted { $0.key < $1.key }.map { (name: $0.key, mark: $0.value) }
        self.repeated = repeated
    }

    /// The position of the marker `name` (e.g. "1️⃣"), if the text has it.
    public subscript(name: String) -> SourceMark? { marks.first { $0.name == name }?.mark }

    /// The marker starting at `i`: a digit followed by U+FE0F U+20E3.
    static func marker(in c: [Unicode.Scalar], at i: Int) -> String? {
        guard i + 2 < c.count, ("0"..."9").contains(c[i]), c[i + 1] == "\u{FE0F}", c[i + 2] == "\u{20E3}" else {
            return nil
        }
        return String(String.UnicodeScalarView(c[i...i + 2]))
    }

    /// Why the marks cannot be checked, if they cannot: no marker, or a repeated one.
    func problem(expecting count: Int? = nil) -> String? {
        if !repeated.isEmpty { return "marker \(repeated[0]) appears more than once in the test input" }
        if marks.isEmpty { return "the test input has no 1️⃣ marker" }
        if let count, marks.count != count { return "the test input has \(marks.count) markers, expected \(count)" }
        return nil
    }
}
