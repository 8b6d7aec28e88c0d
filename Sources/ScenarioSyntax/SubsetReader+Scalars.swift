import JSONOutput

/// Plain and quoted scalars.
///
/// Folding (YAML 1.2 §6.5, §7.3): a line break between two text lines becomes one space; k empty
/// lines between them become k line feeds; trailing blanks before a break and leading blanks
/// after it are dropped. In double quotes a `\` before the break removes the break (keeping the
/// blanks before the `\`). Continuation lines must be indented more than the enclosing block
/// collection (`parent`).
extension SubsetReader {
    enum PlainStop { case lineEnd, comment, colon, flowIndicator }

    struct PlainScan {
        /// One past the last non-blank character of the scalar's text on this line.
        var contentEnd: Int
        /// Where scanning stopped (the line end, `#`, `:` or the flow indicator).
        var stopIndex: Int
        var stop: PlainStop
    }

    /// Scans one line of a plain scalar from `p`: it ends at the line end, at ` #`, at `:` followed
    /// by a blank (or, in flow context, by a flow indicator), and in flow context at `,[]{}`.
    func scanPlainLine(from p: Int, flow: Bool) -> PlainScan {
        var q = p
        var contentEnd = p
        while q < count {
            let c = s[q]
            if c == "\n" { return PlainScan(contentEnd: contentEnd, stopIndex: q, stop: .lineEnd) }
            if c == " " || c == "\t" {
                q += 1
                continue
            }
            if c == "#" && q > p && (s[q - 1] == " " || s[q - 1] == "\t") {
                return PlainScan(contentEnd: contentEnd, stopIndex: q, stop: .comment)
            }
            if c == ":" && (isBlank(q + 1) || (flow && isFlowIndicator(q + 1))) {
                return PlainScan(contentEnd: contentEnd, stopIndex: q, stop: .colon)
            }
            if flow && isFlowIndicator(q) {
                return PlainScan(contentEnd: contentEnd, stopIndex: q, stop: .flowIndicator)
            }
            q += 1
            contentEnd = q
        }
        return PlainScan(contentEnd: contentEnd, stopIndex: q, stop: .lineEnd)
    }

    /// Whether a plain scalar may start at `p` (indicators may not, except `-?:` before a safe character).
    func canStartPlain(at p: Int, flow: Bool) -> Bool {
        guard p < count else { return false }
        let c = s[p]
        if c == "-" || c == "?" || c == ":" {
            return !isBlank(p + 1) && !(flow && isFlowIndicator(p + 1))
        }
        switch c {
        case ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", " ", "\t", "\n":
            return false
        default:
            return true
        }
    }

    /// The next text line of a multi-line scalar after the line end at `lineEnd`: its first
    /// non-blank character and the number of empty lines before it. Nil when the next text line
    /// is a document marker, a comment (`comments`: plain scalars; inside quotes `#` is text),
    /// or not indented more than `parent`, or at the end.
    private func continuationLine(after lineEnd: Int, parent: Int, comments: Bool = true) -> (start: Int, empties: Int)?
    {
        guard lineEnd < count else { return nil }
        var q = lineEnd + 1
        var empties = 0
        while q < count {
            if isDocumentMarker(q) { return nil }
            var r = q
            while r < count && s[r] == " " { r += 1 }
            let spaces = r - q
            r = skipWhite(r)
            if r >= count { return nil }
            if s[r] == "\n" {
                empties += 1
                q = r + 1
                continue
            }
            if spaces <= parent || (comments && s[r] == "#") { return nil }
            return (r, empties)
        }
        return nil
    }

    /// The first position in `range` holding a character of `UnsafeCharacters`.
    func firstUnsafe(_ range: Range<Int>) -> Int? {
        range.first { UnsafeCharacters.contains(s[$0]) }
    }

    private func fold(_ out: inout String.UnicodeScalarView, empties: Int) {
        if empties == 0 {
            out.append(" ")
        } else {
            for _ in 0..<empties { out.append("\n") }
        }
    }

    /// Reads a plain scalar in block context, with its continuation lines.
    func readPlainInBlock(parent: Int) -> Scalar {
        let start = pos
        var scan = scanPlainLine(from: pos, flow: false)
        var out = String.UnicodeScalarView(s[start..<scan.contentEnd])
        var end = scan.contentEnd
        var unsafe = firstUnsafe(start..<scan.contentEnd)
        while scan.stop == .lineEnd, let (r, empties) = continuationLine(after: scan.stopIndex, parent: parent) {
            let next = scanPlainLine(from: r, flow: false)
            if next.stop == .colon {
                error(
                    "this line continues the text above (it is indented more than its key) but holds 'key:'; "
                        + "check its indentation",
                    at: r)
                pos = r
                skipLines(deeperThan: parent)
                return Scalar(
                    text: String(out), style: .plain, mark: mark(start), end: mark(end), firstUnsafe: unsafe.map(mark))
            }
            fold(&out, empties: empties)
            if unsafe == nil { unsafe = empties > 0 ? scan.stopIndex : firstUnsafe(r..<next.contentEnd) }
            out.append(contentsOf: s[r..<next.contentEnd])
            end = next.contentEnd
            scan = next
        }
        pos = end
        return Scalar(
            text: String(out), style: .plain, mark: mark(start), end: mark(end), firstUnsafe: unsafe.map(mark))
    }

    /// Reads a plain scalar in flow context (it may continue on following lines); `pos` ends just
    /// after its text.
    func readPlainInFlow(parent: Int) -> Scalar {
        let start = pos
        var scan = scanPlainLine(from: pos, flow: true)
        var out = String.UnicodeScalarView(s[start..<scan.contentEnd])
        var end = scan.contentEnd
        var unsafe = firstUnsafe(start..<scan.contentEnd)
        while scan.stop == .lineEnd, let (r, empties) = continuationLine(after: scan.stopIndex, parent: parent) {
            if isFlowIndicator(r) || (s[r] == ":" && (isBlank(r + 1) || isFlowIndicator(r + 1))) { break }
            let next = scanPlainLine(from: r, flow: true)
            fold(&out, empties: empties)
            if unsafe == nil { unsafe = empties > 0 ? scan.stopIndex : firstUnsafe(r..<next.contentEnd) }
            out.append(contentsOf: s[r..<next.contentEnd])
            end = next.contentEnd
            scan = next
        }
        pos = end
        return Scalar(
            text: String(out), style: .plain, mark: mark(start), end: mark(end), firstUnsafe: unsafe.map(mark))
    }

    /// Reads a single- or double-quoted scalar at `pos`. On an unterminated one, reports it at the
    /// opening quote, leaves `pos` at the end of that line and returns nil.
    func readQuoted(parent: Int) -> Scalar? {
        let open = pos
        let quote = s[pos]
        let double = quote == "\""
        var out = String.UnicodeScalarView()
        var pendingBlanks = String.UnicodeScalarView()
        var pendingTab: Int?  // where the first tab among `pendingBlanks` stands
        var unsafe: Int?
        /// Moves the blanks before a character into the text.
        func flushBlanks() {
            out.append(contentsOf: pendingBlanks)
            if unsafe == nil { unsafe = pendingTab }
            pendingBlanks.removeAll()
            pendingTab = nil
        }
        var q = pos + 1
        while q < count {
            let c = s[q]
            if c == quote {
                if !double && q + 1 < count && s[q + 1] == "'" {
                    flushBlanks()
                    out.append("'")
                    q += 2
                    continue
                }
                flushBlanks()
                pos = q + 1
                return Scalar(
                    text: String(out), style: double ? .doubleQuoted : .singleQuoted,
                    mark: mark(open), end: mark(pos), firstUnsafe: unsafe.map(mark))
            }
            if double && c == "\\" {
                let e = q + 1
                guard e < count else { break }
                flushBlanks()
                if s[e] == "\n" {
                    guard let (next, empties) = continuationLine(after: e, parent: parent, comments: false) else {
                        break
                    }
                    for _ in 0..<empties { out.append("\n") }
                    if empties > 0 && unsafe == nil { unsafe = e }
                    q = next
                    continue
                }
                if let (scalar, length) = escape(at: e) {
                    out.append(scalar)
                    if unsafe == nil && UnsafeCharacters.contains(scalar) { unsafe = q }
                    q = e + length
                } else {
                    error(
                        "invalid escape '\\\(s[e] == "\n" ? "" : String(s[e]))' in a double-quoted string "
                            + "(valid: \\n \\t \\\\ \\\" \\/ \\0 \\a \\b \\e \\f \\r \\v \\N \\_ \\L \\P "
                            + "\\xXX \\uXXXX \\UXXXXXXXX)",
                        at: q)
                    q = e + 1
                }
                continue
            }
            if c == "\n" {
                pendingBlanks.removeAll()
                pendingTab = nil
                guard let (next, empties) = continuationLine(after: q, parent: parent, comments: false) else { break }
                fold(&out, empties: empties)
                if empties > 0 && unsafe == nil { unsafe = q }
                q = next
                continue
            }
            if c == " " || c == "\t" {
                if c == "\t" && pendingTab == nil { pendingTab = q }
                pendingBlanks.append(c)
            } else {
                flushBlanks()
                out.append(c)
                if unsafe == nil && UnsafeCharacters.contains(c) { unsafe = q }
            }
            q += 1
        }
        let what = double ? "double-quoted string: the closing '\"'" : "single-quoted string: the closing \"'\""
        error("unterminated \(what) is missing (lines it continues on must be indented more than its key)", at: open)
        pos = endOfLine(open)
        return nil
    }

    /// The character an escape stands for and the length of the escape after the backslash.
    private func escape(at e: Int) -> (Unicode.Scalar, Int)? {
        let c = s[e]
        if let v = Self.simpleEscapes[c], let scalar = Unicode.Scalar(v) { return (scalar, 1) }
        let digits: Int
        switch c {
        case "x": digits = 2
        case "u": digits = 4
        case "U": digits = 8
        default: return nil
        }
        guard e + digits < count else { return nil }
        var value: UInt32 = 0
        for k in 1...digits {
            guard let d = hexValue(s[e + k]) else { return nil }
            value = value &* 16 &+ d
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, digits + 1)
    }

    private static let simpleEscapes: [Unicode.Scalar: UInt32] = [
        "0": 0, "a": 7, "b": 8, "t": 9, "\t": 9, "n": 10, "v": 11, "f": 12, "r": 13, "e": 0x1B,
        " ": 0x20, "\"": 0x22, "/": 0x2F, "\\": 0x5C, "N": 0x85, "_": 0xA0, "L": 0x2028, "P": 0x2029
    ]

    private func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x41...0x46: return c.value - 0x41 + 10
        case 0x61...0x66: return c.value - 0x61 + 10
        default: return nil
        }
    }
}
