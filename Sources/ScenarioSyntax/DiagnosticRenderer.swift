import JSONOutput

/// Renders diagnostics the way compilers do:
///
///     file:line:col: error: message
///       <the source line>
///       <spaces>^
///       fix: <suggestion, possibly several lines>
///
/// Nothing it prints is raw input a terminal could act on: every character of
/// `UnsafeCharacters` in the header, the source line or the fix is shown as its escape
/// (`\u{1B}`), and tabs in the source line as spaces, the caret staying under its character.
/// Nothing is unbounded either: a source line longer than `lineWidth` is shown as a window of
/// that many characters around the caret with `...` marks (`SourceExcerpt`), a header longer
/// than `headerLength` loses its middle to ` ... `, and a fix shows at most `fixLines` lines
/// of at most `lineWidth` characters.
public struct DiagnosticRenderer: Sendable {
    /// Source text per file name, used to show the offending line.
    public var sources: [String: String]

    /// The most characters of a source line or a fix line shown.
    public static let lineWidth = 160
    /// The longest header (`file:line:col: error: message`) shown whole.
    public static let headerLength = 400
    /// The most lines of a fix shown.
    public static let fixLines = 40

    public init(sources: [String: String] = [:]) { self.sources = sources }

    public func render(_ d: Diagnostic) -> String {
        render([d])
    }

    /// Renders each diagnostic in turn; each file's text is scanned once for all of them.
    public func render(_ ds: [Diagnostic]) -> String {
        var excerpts = [SourceExcerpt?](repeating: nil, count: ds.count)
        for (file, indices) in Dictionary(grouping: ds.indices, by: { ds[$0].mark.file }) {
            guard let text = sources[file] else { continue }
            let found = SourceExcerpt.excerpts(
                of: text, at: indices.map { (ds[$0].mark.line, ds[$0].mark.column) },
                width: Self.lineWidth)
            for (i, e) in zip(indices, found) { excerpts[i] = e }
        }
        return zip(ds, excerpts).map { render($0, excerpt: $1) }.joined()
    }

    private func render(_ d: Diagnostic, excerpt: SourceExcerpt?) -> String {
        // Cut before escaping (a message may quote a megabyte) and again after (escapes are longer).
        let header = Self.shortened(d.description, to: Self.headerLength)
        var out = Self.shortened(UnsafeCharacters.escaped(header), to: Self.headerLength) + "\n"
        if let excerpt {
            out += "  " + excerpt.shown + "\n"
            out += "  " + String(repeating: " ", count: excerpt.caret) + "^\n"
        }
        if let fix = d.fix {
            var lines = fix.split(separator: "\n", omittingEmptySubsequences: false).prefix(Self.fixLines + 1)
                .map {
                    Self.clipped(
                        UnsafeCharacters.escaped(Self.clipped(String($0), to: Self.lineWidth)), to: Self.lineWidth)
                }
            if lines.count > Self.fixLines { lines[Self.fixLines] = "..." }
            out += "  fix: " + lines.joined(separator: "\n       ") + "\n"
        }
        return out
    }

    /// `text` with its middle replaced by ` ... ` when it has more than `limit` characters.
    static func shortened(_ text: String, to limit: Int) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        let tail = limit / 4
        return String(String.UnicodeScalarView(scalars.prefix(limit - tail - 5))) + " ... "
            + String(String.UnicodeScalarView(scalars.suffix(tail)))
    }

    /// `text` cut to `limit` characters, the last three being `...`, when it is longer.
    static func clipped(_ text: String, to limit: Int) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(limit - 3))) + "..."
    }

    /// The 1-based `n`th line of `text`, without its line end (LF, CRLF or CR), BOM removed.
    public static func line(_ n: Int, of text: String) -> String? {
        guard n >= 1 else { return nil }
        var current = 1
        var buffer = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        var previousWasCR = false
        while let s = iterator.next() {
            if s == "\u{FEFF}" && current == 1 && buffer.isEmpty { continue }
            if s == "\n" {
                if previousWasCR {
                    previousWasCR = false
                    continue
                }
                if current == n { return String(buffer) }
                current += 1
                buffer.removeAll()
                continue
            }
            if s == "\r" {
                previousWasCR = true
                if current == n { return String(buffer) }
                current += 1
                buffer.removeAll()
                continue
            }
            previousWasCR = false
            if current == n { buffer.append(s) }
        }
        return current == n ? String(buffer) : nil
    }
}
