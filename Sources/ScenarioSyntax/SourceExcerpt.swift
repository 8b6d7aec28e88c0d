import JSONOutput

/// The part of a source line shown under a diagnostic, and where its caret goes.
///
/// A line of at most `width` characters is shown whole. A longer one is shown as the `width`
/// characters around the caret (the caret near the middle, or the window pushed against the
/// line's start or end), with `...` where the line goes on; so a 100 MB one-line file prints
/// at most `width` + 6 characters per diagnostic. Each character of `UnsafeCharacters` is
/// shown as its escape (`\u{1B}`), a tab as one space, and the caret counts those widths.
/// Lines are counted as the reader counts them: LF, CRLF and CR each end one, and a
/// byte-order mark at the very start is dropped.
struct SourceExcerpt: Equatable {
    /// The text to print.
    var shown: String
    /// How many display columns precede the caret.
    var caret: Int

    /// The excerpt for each (line, column), in the order given; nil for a line past the end.
    /// One pass over `text`, whatever the number of positions (it stops after the last line
    /// asked for); each position keeps at most 2 × `width` + 1 characters while scanning.
    static func excerpts(of text: String, at positions: [(line: Int, column: Int)], width: Int) -> [SourceExcerpt?] {
        var result = [SourceExcerpt?](repeating: nil, count: positions.count)
        let order = positions.indices.sorted {
            (positions[$0].line, positions[$0].column) < (positions[$1].line, positions[$1].column)
        }
        var captured = [[Unicode.Scalar]](repeating: [], count: positions.count)
        func captureStart(_ r: Int) -> Int { Swift.max(1, positions[r].column - width) }
        func captureEnd(_ r: Int) -> Int { positions[r].column + width }

        var next = 0  // the first request (in `order`) not yet finished
        var line = 1, column = 0  // the line being read and the scalars read on it
        var groupEnd = next, active = next, started = next
        /// Finds the requests for `line`: order[next..<groupEnd].
        func enterLine() {
            while next < order.count && positions[order[next]].line < line { next += 1 }
            groupEnd = next
            while groupEnd < order.count && positions[order[groupEnd]].line == line { groupEnd += 1 }
            active = next
            started = next
        }
        func finishLine() {
            for k in next..<groupEnd {
                let r = order[k]
                result[r] = make(
                    captured[r], from: captureStart(r), caret: positions[r].column, length: column, width: width)
            }
            next = groupEnd
            line += 1
            column = 0
            enterLine()
        }
        enterLine()
        var previousWasCR = false
        for c in text.unicodeScalars {
            if next >= order.count { break }
            if c == "\u{FEFF}" && line == 1 && column == 0 { continue }
            if c == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = c == "\r"
            if c == "\n" || c == "\r" {
                finishLine()
                continue
            }
            column += 1
            guard next < groupEnd else { continue }
            while started < groupEnd && captureStart(order[started]) <= column { started += 1 }
            while active < started && captureEnd(order[active]) < column { active += 1 }
            for k in active..<started { captured[order[k]].append(c) }
        }
        if next < order.count { finishLine() }
        return result
    }

    /// The window of a line of `length` characters whose characters from column `from` on are
    /// `captured`, with the caret before column `caret`.
    static func make(_ captured: [Unicode.Scalar], from: Int, caret: Int, length: Int, width: Int) -> SourceExcerpt {
        var first = 1, last = length
        if length > width {
            first = Swift.max(1, Swift.min(caret, length + 1) - width / 2)
            last = first + width - 1
            if last > length {
                last = length
                first = length - width + 1
            }
        }
        var shown = first > 1 ? "..." : ""
        var caretAt = shown.count
        if last >= first {
            for col in first...last {
                let c = captured[col - from]
                let piece = c == "\t" ? " " : (UnsafeCharacters.contains(c) ? UnsafeCharacters.escape(c) : String(c))
                if col < caret { caretAt += piece.count }
                shown += piece
            }
        }
        if caret > last + 1 { caretAt += caret - last - 1 }
        if last < length { shown += "..." }
        return SourceExcerpt(shown: shown, caret: caretAt)
    }
}
