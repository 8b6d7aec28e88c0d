/// Block structure: the document, block mappings, block sequences and the choice of node kind.
///
/// Indentation rules (YAML 1.2, restricted to the subset):
/// - a block mapping's keys all start at its indent c; a value on the following lines is indented
///   more than c, except a block sequence, which may sit at c itself;
/// - a block sequence's `-` all sit at its indent c; an entry may hold a compact mapping or
///   sequence on the `-` line (`- a: 1` then `  b: 2`), whose indent is the column of its first
///   character;
/// - after `key:` on the same line only a scalar, a flow collection or a block scalar may follow.
extension SubsetReader {
    /// Where a block node starts, which decides what it may be.
    enum Placement { case ownLine, afterDash, afterKey, afterDocumentStart }

    /// Reads the single document of the stream.
    func readDocument() -> Node? {
        pos = 0
        while true {
            guard nextContent() else { return nil }
            if col(pos) == 0 && s[pos] == "%" {
                error("directives (%YAML, %TAG) are not supported", at: pos)
                pos = endOfLine(pos)
                continue
            }
            break
        }
        var root: Node?
        if isDocumentMarker(pos) && s[pos] == "-" {
            let after = pos + 3
            pos = skipWhite(after)
            if !isBreakOrEnd(pos) && s[pos] != "#" {
                root = readBlockNode(parent: -1, placement: .afterDocumentStart)
            } else if let q = scanToContent(from: pos), !isDocumentMarker(q) {
                pos = q
                root = readBlockNode(parent: -1, placement: .ownLine)
            } else {
                root = nullNode(at: after)
            }
        } else if !isDocumentMarker(pos) {
            root = readBlockNode(parent: -1, placement: .ownLine)
        }
        readDocumentEnd()
        return root
    }

    /// After the root: an optional `...`, then nothing but blank lines and comments.
    private func readDocumentEnd() {
        guard nextContent() else { return }
        if isDocumentMarker(pos) && s[pos] == "." {
            pos += 3
            if nextContent() {
                if s[pos] == "%" {
                    error("directives (%YAML, %TAG) are not supported", at: pos)
                } else {
                    error("several documents in one file are not supported: nothing may follow '...'", at: pos)
                }
            }
        } else if isDocumentMarker(pos) {
            error("several documents in one file are not supported: a second '---' starts another document", at: pos)
        } else {
            error("this line does not fit the structure above it; check its indentation", at: pos)
        }
    }

    /// Reads the block node starting at `pos` (a content character); `parent` is the indent of
    /// the enclosing block collection (-1 at the top).
    func readBlockNode(parent: Int, placement: Placement) -> Node {
        let start = pos
        let c = s[pos]
        let sameLine = placement == .afterKey || placement == .afterDocumentStart
        if c == "-" && isBlank(pos + 1) {
            if sameLine {
                error(
                    placement == .afterKey
                        ? "a block sequence cannot start on the same line as its key; "
                            + "put each '- ' item on its own line below the key"
                        : "a block sequence cannot start on the '---' line", at: pos)
                skipLines(deeperThan: parent)
                return nullNode(at: start)
            }
            return readBlockSequence(indent: col(pos))
        }
        if let problem = unsupportedStart(at: pos, flow: false) {
            error(problem, at: pos)
            skipLines(deeperThan: parent)
            return nullNode(at: start)
        }
        if c == "|" || c == ">" { return readBlockScalar(parent: parent) }
        if looksLikeKey(at: pos) {
            if sameLine {
                error(
                    placement == .afterKey
                        ? "a mapping cannot start on the same line as its key ('a: b: c'); "
                            + "put the inner keys on their own lines, indented, or quote the value"
                        : "a mapping cannot start on the '---' line", at: pos)
                skipLines(deeperThan: parent)
                return nullNode(at: start)
            }
            return readBlockMapping(indent: col(pos))
        }
        switch c {
        case "[", "{":
            return readFlowCollection(parent: parent, key: placement == .afterKey ? pendingKey : nil)
        case "\"", "'":
            guard let scalar = readQuoted(parent: parent) else { return nullNode(at: start) }
            return .scalar(scalar)
        default:
            if !canStartPlain(at: pos, flow: false) {
                error("unexpected character '\(c)'; quote the value", at: pos)
                skipLines(deeperThan: parent)
                return nullNode(at: start)
            }
            return .scalar(readPlainInBlock(parent: parent))
        }
    }

    /// A message when the node at `p` uses a feature outside the subset (anchors, aliases, tags,
    /// complex keys, directives, reserved indicators).
    func unsupportedStart(at p: Int, flow: Bool) -> String? {
        switch s[p] {
        case "&": return "anchors ('&') are not supported; write the value out in full"
        case "*": return "aliases ('*') are not supported; write the value out in full"
        case "!": return "tags ('!', '!!') are not supported; remove the tag (quote the value if it must stay text)"
        case "?" where isBlank(p + 1) || (flow && isFlowIndicator(p + 1)):
            return "complex mapping keys ('?') are not supported; write 'key: value'"
        case "%": return "'%' cannot start a value (directives are not supported); quote the value"
        case "@", "`": return "'\(s[p])' is reserved in YAML and cannot start a value; quote the value"
        default: return nil
        }
    }

    /// Whether the line from `p` is `key:` followed by a blank: a plain or quoted key on one line,
    /// or a flow collection used as a key (which `readMappingEntry` then refuses).
    func looksLikeKey(at p: Int) -> Bool {
        var q = p
        let c = s[p]
        if c == "\"" || c == "'" {
            guard let close = closingQuoteOnLine(from: p) else { return false }
            q = close + 1
        } else if c == "[" || c == "{" {
            guard let close = closingBracketOnLine(from: p) else { return false }
            q = close + 1
        } else {
            let scan = scanPlainLine(from: p, flow: false)
            return scan.stop == .colon
        }
        q = skipWhite(q)
        return q < count && s[q] == ":" && isBlank(q + 1)
    }

    /// Index of the quote closing the one at `p` on the same line, if any.
    func closingQuoteOnLine(from p: Int) -> Int? {
        let quote = s[p]
        var q = p + 1
        while q < count && s[q] != "\n" {
            if quote == "\"" && s[q] == "\\" {
                q += 2
                continue
            }
            if s[q] == quote {
                if quote == "'" && q + 1 < count && s[q + 1] == "'" {
                    q += 2
                    continue
                }
                return q
            }
            q += 1
        }
        return nil
    }

    /// Index of the bracket closing the one at `p` on the same line (quotes ignored), if any.
    func closingBracketOnLine(from p: Int) -> Int? {
        var level = 0
        var q = p
        while q < count && s[q] != "\n" {
            switch s[q] {
            case "[", "{": level += 1
            case "]", "}":
                level -= 1
                if level == 0 { return q }
            default: break
            }
            q += 1
        }
        return nil
    }

    /// Reads a block mapping whose keys sit at indent `c`; `pos` is at the first key.
    func readBlockMapping(indent c: Int) -> Node {
        let start = pos
        guard enterNesting(at: pos) else {
            skipLines(deeperThan: c - 1)
            return nullNode(at: start)
        }
        defer { leaveNesting() }
        var entries: [MappingEntry] = []
        var seen: [String: Int] = [:]
        while true {
            let before = pos
            if let entry = readMappingEntry(indent: c, seen: &seen) { entries.append(entry) }
            if pos == before { skipLines(deeperThan: c) }
            guard let next = nextLine(atMost: c) else { break }
            if next < c || isDocumentMarker(pos) {
                pos = lineStart(pos)
                break
            }
        }
        return .mapping(entries, mark: mark(start), flow: false)
    }

    /// Moves to the next content line; lines indented more than `c` are reported and skipped.
    /// Returns the indent of the line reached, or nil at the end of input.
    private func nextLine(atMost c: Int) -> Int? {
        while true {
            guard nextContent() else { return nil }
            let indent = col(pos)
            if indent > c && !isDocumentMarker(pos) {
                error(
                    "bad indentation: this line is indented more than the entries above it (expected column \(c + 1))",
                    at: pos)
                skipLines(deeperThan: c)
                continue
            }
            return indent
        }
    }

    /// Reads one `key: value` entry at indent `c`. Nil when the entry is in error or a duplicate.
    private func readMappingEntry(indent c: Int, seen: inout [String: Int]) -> MappingEntry? {
        let keyPos = pos
        let ch = s[pos]
        var key: Scalar
        if ch == "-" && isBlank(pos + 1) {
            error("expected 'key: value' here, not a sequence item; a '- ' list must be the value of a key", at: pos)
            skipLines(deeperThan: c)
            return nil
        }
        if let problem = unsupportedStart(at: pos, flow: false) {
            error(problem, at: pos)
            skipLines(deeperThan: c)
            return nil
        }
        if ch == ":" && isBlank(pos + 1) {
            error("a key is missing before ':'", at: pos)
            skipLines(deeperThan: c)
            return nil
        }
        if ch == "[" || ch == "{" {
            error("a flow collection cannot be a mapping key; keys must be scalars", at: pos)
            skipLines(deeperThan: c)
            return nil
        }
        if ch == "\"" || ch == "'" {
            guard closingQuoteOnLine(from: pos) != nil, let k = readQuoted(parent: c) else {
                if closingQuoteOnLine(from: pos) == nil {
                    error("expected 'key: value'; a quoted key must end on its own line", at: pos)
                }
                skipLines(deeperThan: c)
                return nil
            }
            key = k
            pos = skipWhite(pos)
        } else {
            let scan = scanPlainLine(from: pos, flow: false)
            guard scan.stop == .colon, canStartPlain(at: pos, flow: false) else {
                error("expected 'key: value' but this line has no ':' followed by a space", at: pos)
                skipLines(deeperThan: c)
                return nil
            }
            key = Scalar(
                text: text(pos, scan.contentEnd), style: .plain, mark: mark(pos), end: mark(scan.contentEnd),
                firstUnsafe: firstUnsafe(pos..<scan.contentEnd).map(mark))
            pos = scan.stopIndex
        }
        guard pos < count && s[pos] == ":" && isBlank(pos + 1) else {
            error("expected ':' after the key", at: pos)
            skipLines(deeperThan: c)
            return nil
        }
        pos += 1
        let afterColon = pos
        let duplicate = seen[key.text]
        if let first = duplicate {
            let m = mark(first)
            error("duplicate key '\(key.text)' (first defined at line \(m.line), column \(m.column))", at: keyPos)
        } else {
            seen[key.text] = keyPos
        }
        let value = readMappingValue(indent: c, afterColon: afterColon, key: key)
        return duplicate == nil ? MappingEntry(key: key, value: value) : nil
    }

    /// The value after `key:`: on the same line, on the lines below (indented, or a `- ` list at
    /// the key's indent), or nothing (null).
    private func readMappingValue(indent c: Int, afterColon: Int, key: Scalar) -> Node {
        pos = skipWhite(pos)
        if isBreakOrEnd(pos) || s[pos] == "#" {
            guard let q = scanToContent(from: pos), !isDocumentMarker(q) else { return nullNode(at: afterColon) }
            let indent = col(q)
            if indent > c {
                pos = q
                return readBlockNode(parent: c, placement: .ownLine)
            }
            if indent == c && s[q] == "-" && isBlank(q + 1) {
                pos = q
                return readBlockSequence(indent: c)
            }
            return nullNode(at: afterColon)
        }
        pendingKey = key.text
        defer { pendingKey = nil }
        return readBlockNode(parent: c, placement: .afterKey)
    }

    /// Reads a block sequence whose `-` sit at indent `c`; `pos` is at the first `-`.
    func readBlockSequence(indent c: Int) -> Node {
        let start = pos
        guard enterNesting(at: pos) else {
            skipLines(deeperThan: c - 1)
            return nullNode(at: start)
        }
        defer { leaveNesting() }
        var items: [Node] = []
        while true {
            let before = pos
            items.append(readSequenceItem(indent: c))
            if pos == before { skipLines(deeperThan: c) }
            guard let next = nextLine(atMost: c) else { break }
            if next < c || isDocumentMarker(pos) || !(s[pos] == "-" && isBlank(pos + 1)) {
                pos = lineStart(pos)
                break
            }
        }
        return .sequence(items, mark: mark(start), flow: false)
    }

    private func readSequenceItem(indent c: Int) -> Node {
        let dash = pos
        pos += 1
        let afterDash = pos
        while pos < count && s[pos] == " " { pos += 1 }
        let spacesEnd = pos
        pos = skipWhite(pos)
        if isBreakOrEnd(pos) || s[pos] == "#" {
            guard let q = scanToContent(from: pos), !isDocumentMarker(q), col(q) > c else {
                return nullNode(at: afterDash)
            }
            pos = q
            return readBlockNode(parent: c, placement: .ownLine)
        }
        if pos != spacesEnd && ((s[pos] == "-" && isBlank(pos + 1)) || looksLikeKey(at: pos)) {
            error("a tab separates '-' from a nested collection; use spaces", at: spacesEnd)
            skipLines(deeperThan: c)
            return nullNode(at: dash)
        }
        return readBlockNode(parent: c, placement: .afterDash)
    }
}
