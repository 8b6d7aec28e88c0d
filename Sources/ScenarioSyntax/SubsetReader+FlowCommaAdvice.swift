/// The error for an expression that a flow collection cut at its commas, with the fix.
///
/// `{duration: pert(1, 2, 3)}` reads, by YAML's rules, as the keys `duration`, `2` and `3)`:
/// inside `{...}` or `[...]` a comma ends a plain value. The reader notices a plain value with an
/// unclosed `(` followed by a comma, and shows the collection rewritten in block style (entries as
/// indented `key: value` lines, or `- ` items) and the quoted alternative.
extension SubsetReader {
    func reportCommaSplit(valueAt scalar: Scalar, open: Int) {
        let isMapping = s[open] == "{"
        let kind = isMapping ? "{...}" : "[...]"
        let close = rawFlowEnd(from: open, parent: -1) ?? endOfLine(open)
        let inner = Array(s[min(open + 1, close)..<close])
        let parts = splitTopLevel(inner)
        // The part holding the cut value, found by its offset from the opening bracket.
        let valueOffset = index(of: scalar.mark) - (open + 1)
        var expression = scalar.text
        var offset = 0
        for part in parts {
            let length = part.unicodeScalars.count + 1
            if valueOffset >= offset && valueOffset < offset + length {
                var piece = part.trimmingBlanks()
                if isMapping, let value = piece.valueAfterColon() {
                    piece = value
                }
                expression = piece
            }
            offset += length
        }
        var lines = parts.map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
        if !isMapping { lines = lines.map { "- " + $0 } }
        var block: String
        if open == flowOuterOpen, let key = flowKey {
            block = ([key + ":"] + lines.map { "  " + $0 }).joined(separator: "\n")
        } else {
            block = lines.joined(separator: "\n")
        }
        let quoted = "\"" + expression.replacingQuotes() + "\""
        block += "\n(or quote the expression: \(quoted))"
        error(
            "inside \(kind) a comma ends a value, so '\(expression)' is cut at its first comma; "
                + "write the \(isMapping ? "mapping" : "list") in block style, one entry per line, "
                + "or quote the expression",
            at: index(of: scalar.mark), fix: block)
    }

    /// The position of a mark made by this reader.
    private func index(of m: SourceMark) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            let mm = mark(mid)
            if (mm.line, mm.column) < (m.line, m.column) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Splits flow text at commas outside brackets, parentheses and quotes.
    private func splitTopLevel(_ text: [Unicode.Scalar]) -> [String] {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        var quote: Unicode.Scalar?
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
                current.append(c)
                continue
            }
            switch c {
            case "\"", "'":
                if current.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) || current.last == " " { quote = c }
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case "," where depth <= 0:
                parts.append(String(current))
                current.removeAll()
                continue
            default: break
            }
            current.append(c)
        }
        parts.append(String(current))
        return parts
    }
}

extension String {
    fileprivate func trimmingBlanks() -> String {
        let scalars = Array(unicodeScalars)
        var a = 0, b = scalars.count
        while a < b && (scalars[a] == " " || scalars[a] == "\t" || scalars[a] == "\n") { a += 1 }
        while b > a && (scalars[b - 1] == " " || scalars[b - 1] == "\t" || scalars[b - 1] == "\n") { b -= 1 }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[a..<b])
        return String(v).collapsingLines()
    }

    /// The text after the first `: ` (a flow entry's value), trimmed.
    fileprivate func valueAfterColon() -> String? {
        let scalars = Array(unicodeScalars)
        for i in 0..<max(0, scalars.count - 1) where scalars[i] == ":" && scalars[i + 1] == " " {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[(i + 1)...])
            return String(v).trimmingBlanks()
        }
        return nil
    }

    fileprivate func collapsingLines() -> String {
        split(separator: "\n").map { $0.trimmingPrefixBlanks() }.joined(separator: " ")
    }

    fileprivate func replacingQuotes() -> String {
        var out = ""
        for c in unicodeScalars {
            if c == "\"" || c == "\\" { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }
}

extension Substring {
    fileprivate func trimmingPrefixBlanks() -> String {
        String(drop { $0 == " " || $0 == "\t" })
    }
}
