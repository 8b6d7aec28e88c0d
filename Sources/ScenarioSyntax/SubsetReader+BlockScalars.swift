import JSONOutput

/// Literal (`|`) and folded (`>`) block scalars.
///
/// Header: the indicator, then at most one chomping indicator (`-` strip, `+` keep, none clip)
/// and one indentation digit 1-9 in either order, then an optional comment.
/// Content indent: `parent + digit` when given, else the indent of the first non-empty line
/// (which must exceed `parent`; no leading empty line may have more spaces than it).
/// Folding (`>`): a line break between two lines that do not start with a blank becomes a space
/// (k empty lines between them become k line feeds); breaks next to more-indented lines are kept.
/// Chomping: strip drops the final line break and trailing empty lines; clip keeps the final
/// break only; keep keeps them all.
extension SubsetReader {
    private enum Chomping { case strip, clip, keep }

    private struct BlockLine {
        var text: ArraySlice<Unicode.Scalar>
        var isEmpty: Bool
        var hasBreak: Bool
        var end: Int
    }

    func readBlockScalar(parent: Int) -> Node {
        let start = pos
        let literal = s[pos] == "|"
        pos += 1
        var chomping = Chomping.clip
        var chompingSet = false
        var explicit: Int?
        while pos < count {
            let c = s[pos]
            if (c == "-" || c == "+") && !chompingSet {
                chomping = c == "-" ? .strip : .keep
                chompingSet = true
            } else if c.value >= 0x31 && c.value <= 0x39 && explicit == nil {
                explicit = Int(c.value - 0x30)
            } else {
                break
            }
            pos += 1
        }
        let afterHeader = pos
        var q = skipWhite(pos)
        if q < count && s[q] != "\n" {
            if s[q] == "#" && q > afterHeader {
                q = endOfLine(q)
            } else {
                error(
                    "invalid block scalar header: after '\(literal ? "|" : ">")' only '-' or '+', "
                        + "an indentation digit 1-9 and a comment may follow",
                    at: q)
                skipLines(deeperThan: parent)
                return nullNode(at: start)
            }
        }
        if explicit != nil && parent < 0 {
            error("an indentation indicator on a top-level block scalar is not supported", at: start)
            skipLines(deeperThan: parent)
            return nullNode(at: start)
        }
        let first = q < count ? q + 1 : count
        guard let indent = contentIndent(from: first, parent: parent, explicit: explicit) else {
            skipLines(deeperThan: parent)
            return nullNode(at: start)
        }
        // Collect the lines.
        var lines: [BlockLine] = []
        var p = first
        while p < count {
            if isDocumentMarker(p) { break }
            var r = p
            while r < count && s[r] == " " { r += 1 }
            let spaces = r - p
            let eol = endOfLine(p)
            // The end of input counts as the last line's break (as YAML processors read it).
            let hasBreak = true
            if spaces < indent && r < eol && s[r] == "\t" && skipWhite(r) == eol {
                error("a tab is used for indentation in this block scalar; indent with spaces", at: r)
                pos = r
                skipLines(deeperThan: parent)
                return nullNode(at: start)
            }
            if r == eol {
                if spaces > indent {
                    lines.append(BlockLine(text: s[(p + indent)..<eol], isEmpty: false, hasBreak: hasBreak, end: eol))
                } else {
                    lines.append(BlockLine(text: [], isEmpty: true, hasBreak: hasBreak, end: eol))
                }
            } else if spaces >= indent {
                lines.append(BlockLine(text: s[(p + indent)..<eol], isEmpty: false, hasBreak: hasBreak, end: eol))
            } else {
                break
            }
            p = eol < count ? eol + 1 : count
        }
        pos = p
        let lastContent = lines.lastIndex { !$0.isEmpty }
        var out = String.UnicodeScalarView()
        var endIndex = q
        // Where the first line break kept in the text stands (the end of the line it ends).
        var firstBreak: Int?
        if let lc = lastContent {
            if literal {
                for i in 0...lc {
                    if i > 0 {
                        out.append("\n")
                        firstBreak = firstBreak ?? lines[i - 1].end
                    }
                    out.append(contentsOf: lines[i].text)
                }
            } else {
                fold(lines[0...lc], into: &out, firstBreak: &firstBreak)
            }
            endIndex = lines[lc].end
            if chomping != .strip && lines[lc].hasBreak {
                out.append("\n")
                firstBreak = firstBreak ?? lines[lc].end
            }
            if chomping == .keep {
                for line in lines[(lc + 1)...] where line.hasBreak {
                    out.append("\n")
                    firstBreak = firstBreak ?? line.end
                }
            }
        } else if chomping == .keep {
            for line in lines where line.hasBreak {
                out.append("\n")
                firstBreak = firstBreak ?? line.end
            }
        }
        let content = lastContent.map { lines[...$0] } ?? []
        let raw = content.lazy.compactMap { $0.text.firstIndex(where: UnsafeCharacters.contains) }.first
        let unsafe = [raw, firstBreak].compactMap { $0 }.min()
        return .scalar(
            Scalar(
                text: String(out), style: literal ? .literal : .folded, mark: mark(start), end: mark(endIndex),
                firstUnsafe: unsafe.map(mark)))
    }

    /// The content indent, or nil after reporting a leading empty line indented past the text.
    private func contentIndent(from first: Int, parent: Int, explicit: Int?) -> Int? {
        if let m = explicit { return parent + m }
        var p = first
        var widest = 0
        var widestAt = first
        while p < count {
            if isDocumentMarker(p) { break }
            var r = p
            while r < count && s[r] == " " { r += 1 }
            let spaces = r - p
            if r >= count {
                if spaces > widest {
                    widest = spaces
                    widestAt = p
                }
                break
            }
            if s[r] == "\n" {
                if spaces > widest {
                    widest = spaces
                    widestAt = p
                }
                p = r + 1
                continue
            }
            if spaces > parent {
                if widest > spaces {
                    error(
                        "an empty line at the start of this block scalar has more spaces than its first line of text",
                        at: widestAt)
                    return nil
                }
                return spaces
            }
            break
        }
        return max(widest, parent + 1)
    }

    /// Folds `lines` into `out`; `firstBreak` gets the end of the line before the first line
    /// break kept (if it is still nil).
    private func fold(_ lines: ArraySlice<BlockLine>, into out: inout String.UnicodeScalarView, firstBreak: inout Int?)
    {
        enum Kind { case none, folded, spaced }
        var previous = Kind.none
        var empties = 0
        var previousEnd: Int?  // the end of the line before this one
        for line in lines {
            defer { previousEnd = line.end }
            if line.isEmpty {
                empties += 1
                continue
            }
            let spaced = line.text.first == " " || line.text.first == "\t"
            let breaks = previous == .none || (previous == .folded && !spaced) ? empties > 0 : true
            switch previous {
            case .none:
                for _ in 0..<empties { out.append("\n") }
            case .folded where !spaced:
                if empties == 0 { out.append(" ") } else { for _ in 0..<empties { out.append("\n") } }
            default:
                for _ in 0...empties { out.append("\n") }
            }
            if breaks { firstBreak = firstBreak ?? previousEnd }
            out.append(contentsOf: line.text)
            previous = spaced ? .spaced : .folded
            empties = 0
        }
    }
}
