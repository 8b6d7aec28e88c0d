/// The state of one read: the normalized scalars, the current position, the collected diagnostics.
///
/// Positions are indices into `s` (line ends already normalized to LF). Indentation is counted in
/// spaces from the start of a line (0-based); a node "at indent c" starts in 0-based column c.
/// Every loop of the reader advances `pos` or exits, and every recursion passes through
/// `enterNesting`, which stops at `ScenarioReader.maxDepth` levels.
final class SubsetReader {
    let s: [Unicode.Scalar]
    let file: String
    let count: Int
    /// Index of the first scalar of every line.
    private let lineStarts: [Int]
    var pos = 0
    var diagnostics: [Diagnostic] = []
    private var reported = Set<Int>()
    var depth = 0
    /// The block key whose value is being read on the same line (for the comma fix).
    var pendingKey: String?
    /// The outermost open bracket of the flow collection being read, its block key and indent.
    var flowOuterOpen = 0
    var flowKey: String?
    var flowKeyIndent = -1

    init(scalars: [Unicode.Scalar], file: String) {
        s = scalars
        self.file = file
        count = scalars.count
        var starts = [0]
        for (i, c) in scalars.enumerated() where c == "\n" { starts.append(i + 1) }
        lineStarts = starts
    }

    // MARK: Marks and diagnostics

    /// The 0-based index of the line holding position `p` (binary search).
    func lineIndex(_ p: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= p { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    func lineStart(_ p: Int) -> Int { lineStarts[lineIndex(p)] }

    /// 0-based column of position `p`.
    func col(_ p: Int) -> Int { p - lineStart(p) }

    func mark(_ p: Int) -> SourceMark {
        let li = lineIndex(p)
        return SourceMark(file: file, line: li + 1, column: p - lineStarts[li] + 1)
    }

    /// Records an error unless one was already recorded at the same position.
    func error(_ message: String, at p: Int, fix: String? = nil) {
        guard diagnostics.count < ScenarioReader.maxDiagnostics else { return }
        guard reported.insert(p).inserted else { return }
        diagnostics.append(.error(message, at: mark(p), fix: fix))
    }

    var hasErrors: Bool { !diagnostics.isEmpty }

    /// Increments the nesting depth; past the limit reports an error and returns false.
    func enterNesting(at p: Int) -> Bool {
        depth += 1
        if depth > ScenarioReader.maxDepth {
            depth -= 1
            error("nesting is deeper than \(ScenarioReader.maxDepth) levels", at: p)
            return false
        }
        return true
    }

    func leaveNesting() { depth -= 1 }

    // MARK: Character classes

    func char(_ p: Int) -> Unicode.Scalar? { p < count ? s[p] : nil }
    func isWhite(_ p: Int) -> Bool { p < count && (s[p] == " " || s[p] == "\t") }
    func isBreakOrEnd(_ p: Int) -> Bool { p >= count || s[p] == "\n" }
    /// Space, tab, line end or end of input.
    func isBlank(_ p: Int) -> Bool { p >= count || s[p] == " " || s[p] == "\t" || s[p] == "\n" }
    func isFlowIndicator(_ p: Int) -> Bool {
        guard p < count else { return false }
        let c = s[p]
        return c == "," || c == "[" || c == "]" || c == "{" || c == "}"
    }
    func atLineStart(_ p: Int) -> Bool { p == 0 || (p <= count && s[p - 1] == "\n") }

    /// `---` or `...` at the start of a line followed by a blank or the end.
    func isDocumentMarker(_ p: Int) -> Bool {
        guard atLineStart(p), p + 2 < count else { return false }
        let c = s[p]
        guard c == "-" || c == "." else { return false }
        return s[p + 1] == c && s[p + 2] == c && isBlank(p + 3)
    }

    func endOfLine(_ p: Int) -> Int {
        var q = p
        while q < count && s[q] != "\n" { q += 1 }
        return q
    }

    func skipWhite(_ p: Int) -> Int {
        var q = p
        while isWhite(q) { q += 1 }
        return q
    }

    func text(_ from: Int, _ to: Int) -> String {
        var v = String.UnicodeScalarView()
        if from < to { v.append(contentsOf: s[from..<to]) }
        return String(v)
    }

    // MARK: Moving between lines

    /// From `p`, finds the first content character of the next line that has any, skipping the
    /// rest of the current line (which must be blank or a comment), blank lines and comment lines.
    /// Reports text left over on the current line and tabs used as indentation. Nil at the end.
    func scanToContent(from p: Int) -> Int? {
        var q = p
        if !atLineStart(q) {
            q = skipWhite(q)
            if q < count && s[q] == "#" && q > 0 && (s[q - 1] == " " || s[q - 1] == "\t") {
                q = endOfLine(q)
            } else if q < count && s[q] != "\n" {
                error("unexpected text after the value; a comment needs a space before '#'", at: q)
                q = endOfLine(q)
            }
            if q >= count { return nil }
            q += 1
        }
        while q < count {
            var r = q
            while r < count && s[r] == " " { r += 1 }
            let spacesEnd = r
            r = skipWhite(r)
            if r >= count { return nil }
            if s[r] == "\n" {
                q = r + 1
                continue
            }
            if s[r] == "#" {
                q = endOfLine(r) + 1
                continue
            }
            if r != spacesEnd {
                error("a tab is used for indentation here; indent with spaces", at: spacesEnd)
                q = endOfLine(r) + 1
                continue
            }
            return r
        }
        return nil
    }

    /// Moves `pos` to the next content; false (and `pos` at the end) when there is none.
    func nextContent() -> Bool {
        if let q = scanToContent(from: pos) {
            pos = q
            return true
        }
        pos = count
        return false
    }

    /// Error recovery: skips the rest of the current line and every following line that is blank,
    /// a comment, or indented more than `indent`. Leaves `pos` at the end of the last skipped line.
    func skipLines(deeperThan indent: Int) {
        pos = endOfLine(pos)
        while pos < count {
            let start = pos + 1
            var r = start
            while r < count && s[r] == " " { r += 1 }
            let spaces = r - start
            r = skipWhite(r)
            let blank = r >= count || s[r] == "\n" || s[r] == "#"
            if isDocumentMarker(start) { return }
            if blank || spaces > indent || r != start + spaces {
                pos = endOfLine(r)
                continue
            }
            return
        }
    }

    func nullNode(at p: Int) -> Node {
        let m = mark(p)
        return .scalar(Scalar(text: "", style: .plain, mark: m, end: m))
    }
}
