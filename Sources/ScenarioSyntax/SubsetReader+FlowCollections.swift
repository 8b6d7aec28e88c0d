/// Flow collections `[a, b]` and `{k: v}`, nested and spread over lines.
///
/// Inside a flow collection a comma, `[`, `]`, `{`, `}` end a plain scalar, and continuation
/// lines must be indented more than the enclosing block collection. The first error inside a
/// flow collection abandons it: the reader reports once, skips to the matching bracket (or, when
/// there is none, past the collection's lines) and goes on with the block structure.
extension SubsetReader {
    struct FlowAbort: Error {}

    /// Reads the flow collection at `pos` in block context. `key` is the block key it is the value
    /// of (used in the block-style fix of the comma error).
    func readFlowCollection(parent: Int, key: String?) -> Node {
        let open = pos
        flowOuterOpen = open
        flowKey = key
        flowKeyIndent = parent
        defer { flowKey = nil }
        do {
            return try readFlowNode(parent: parent)
        } catch {
            if let close = rawFlowEnd(from: open, parent: parent) {
                pos = close + 1
            } else {
                pos = endOfLine(open)
                skipLines(deeperThan: parent)
            }
            return nullNode(at: open)
        }
    }

    private func unterminatedFlow() -> FlowAbort {
        let open = flowOuterOpen
        let (name, close) = s[open] == "[" ? ("sequence", "]") : ("mapping", "}")
        error(
            "unterminated flow \(name): '\(s[open])' is never closed by '\(close)' "
                + "(lines inside it must be indented more than its key)",
            at: open)
        return FlowAbort()
    }

    /// Skips blanks, line ends and comments inside a flow collection.
    private func skipFlowSpace(parent: Int) throws {
        while true {
            guard pos < count else { throw unterminatedFlow() }
            let c = s[pos]
            if c == " " || c == "\t" {
                pos += 1
                continue
            }
            if c == "#" && pos > 0 && (s[pos - 1] == " " || s[pos - 1] == "\t" || s[pos - 1] == "\n") {
                pos = endOfLine(pos)
                continue
            }
            if c == "\n" {
                let next = pos + 1
                if isDocumentMarker(next) { throw unterminatedFlow() }
                var r = next
                while r < count && s[r] == " " { r += 1 }
                let spaces = r - next
                r = skipWhite(r)
                if r < count && s[r] != "\n" && s[r] != "#" && spaces <= parent { throw unterminatedFlow() }
                pos = next
                continue
            }
            return
        }
    }

    private func readFlowNode(parent: Int) throws -> Node {
        let c = s[pos]
        if c == "[" { return try readFlowSequence(parent: parent) }
        if c == "{" { return try readFlowMapping(parent: parent) }
        if c == "\"" || c == "'" {
            guard let scalar = readQuoted(parent: parent) else { throw FlowAbort() }
            return .scalar(scalar)
        }
        if let problem = unsupportedStart(at: pos, flow: true) {
            error(problem, at: pos)
            throw FlowAbort()
        }
        if c == "|" || c == ">" {
            error("block scalars ('|', '>') cannot appear inside a flow collection", at: pos)
            throw FlowAbort()
        }
        if c == "-" && isBlank(pos + 1) {
            error("a '- ' item cannot appear inside a flow collection; separate entries with commas", at: pos)
            throw FlowAbort()
        }
        guard canStartPlain(at: pos, flow: true) else {
            error("unexpected character '\(c)' inside a flow collection; quote the value", at: pos)
            throw FlowAbort()
        }
        return .scalar(readPlainInFlow(parent: parent))
    }

    /// Reports an expression cut by a comma: a plain scalar with an unclosed `(` followed by `,`.
    private func checkCommaSplit(_ node: Node, open: Int) throws {
        guard pos < count, s[pos] == ",", case .scalar(let scalar) = node, scalar.style == .plain else { return }
        var balance = 0
        for ch in scalar.text.unicodeScalars {
            if ch == "(" { balance += 1 } else if ch == ")" { balance -= 1 }
        }
        guard balance > 0 else { return }
        reportCommaSplit(valueAt: scalar, open: open)
        throw FlowAbort()
    }

    private func readFlowSequence(parent: Int) throws -> Node {
        let open = pos
        guard enterNesting(at: pos) else { throw FlowAbort() }
        defer { leaveNesting() }
        pos += 1
        var items: [Node] = []
        while true {
            try skipFlowSpace(parent: parent)
            if s[pos] == "]" {
                pos += 1
                break
            }
            if s[pos] == "," {
                error("unexpected ',': an entry is missing before it", at: pos)
                throw FlowAbort()
            }
            let entry = pos
            let item = try readFlowNode(parent: parent)
            try skipFlowSpace(parent: parent)
            if s[pos] == ":" {
                error(
                    "'key: value' pairs inside [...] are not supported; write {key: value} or quote the text", at: entry
                )
                throw FlowAbort()
            }
            try checkCommaSplit(item, open: open)
            items.append(item)
            if s[pos] == "," {
                pos += 1
                continue
            }
            if s[pos] == "]" {
                pos += 1
                break
            }
            error("expected ',' or ']' here", at: pos)
            throw FlowAbort()
        }
        return .sequence(items, mark: mark(open), flow: true)
    }

    private func readFlowMapping(parent: Int) throws -> Node {
        let open = pos
        guard enterNesting(at: pos) else { throw FlowAbort() }
        defer { leaveNesting() }
        pos += 1
        var entries: [MappingEntry] = []
        var seen: [String: Int] = [:]
        while true {
            try skipFlowSpace(parent: parent)
            let c = s[pos]
            if c == "}" {
                pos += 1
                break
            }
            if c == "," {
                error("unexpected ',': an entry is missing before it", at: pos)
                throw FlowAbort()
            }
            let keyPos = pos
            if c == "[" || c == "{" {
                error("a flow collection cannot be a mapping key; keys must be scalars", at: pos)
                throw FlowAbort()
            }
            if c == ":" && (isBlank(pos + 1) || isFlowIndicator(pos + 1)) {
                error("a key is missing before ':'", at: pos)
                throw FlowAbort()
            }
            guard case .scalar(let key) = try readFlowNode(parent: parent) else { throw FlowAbort() }
            if key.mark.line != key.end.line {
                error("a mapping key must fit on one line", at: keyPos)
                throw FlowAbort()
            }
            try skipFlowSpace(parent: parent)
            var value: Node
            if s[pos] == ":" {
                let afterColon = pos + 1
                pos += 1
                try skipFlowSpace(parent: parent)
                if s[pos] == "," || s[pos] == "}" {
                    value = nullNode(at: afterColon)
                } else {
                    value = try readFlowNode(parent: parent)
                    try skipFlowSpace(parent: parent)
                }
            } else {
                value = nullNode(at: pos)
            }
            try checkCommaSplit(.scalar(key), open: open)
            try checkCommaSplit(value, open: open)
            if let first = seen[key.text] {
                let m = mark(first)
                error("duplicate key '\(key.text)' (first defined at line \(m.line), column \(m.column))", at: keyPos)
                throw FlowAbort()
            }
            seen[key.text] = keyPos
            entries.append(MappingEntry(key: key, value: value))
            if s[pos] == "," {
                pos += 1
                continue
            }
            if s[pos] == "}" {
                pos += 1
                break
            }
            error("expected ',' or '}' here", at: pos)
            throw FlowAbort()
        }
        return .mapping(entries, mark: mark(open), flow: true)
    }

    /// Index of the bracket matching the one at `open`, skipping quoted text and comments; nil if
    /// the collection is not closed before the end, a document marker, or a line indented no more
    /// than `parent`. Iterative, so any nesting depth is safe.
    func rawFlowEnd(from open: Int, parent: Int) -> Int? {
        var level = 0
        var q = open
        while q < count {
            let c = s[q]
            switch c {
            case "\n":
                let next = q + 1
                if isDocumentMarker(next) { return nil }
                var r = next
                while r < count && s[r] == " " { r += 1 }
                let spaces = r - next
                r = skipWhite(r)
                if r < count && s[r] != "\n" && s[r] != "#" && spaces <= parent { return nil }
            case "[", "{":
                level += 1
            case "]", "}":
                level -= 1
                if level <= 0 { return q }
            case "\"", "'":
                let prev: Unicode.Scalar = q > 0 ? s[q - 1] : " "
                if " \t\n[{,:".unicodeScalars.contains(prev) {
                    var r = q + 1
                    var closed = false
                    while r < count {
                        if c == "\"" && s[r] == "\\" {
                            r += 2
                            continue
                        }
                        if s[r] == c {
                            if c == "'" && r + 1 < count && s[r + 1] == "'" {
                                r += 2
                                continue
                            }
                            closed = true
                            break
                        }
                        r += 1
                    }
                    if !closed { return nil }
                    q = r
                }
            case "#":
                if q > 0 && (s[q - 1] == " " || s[q - 1] == "\t") {
                    q = endOfLine(q)
                    continue
                }
            default:
                break
            }
            q += 1
        }
        return nil
    }
}
