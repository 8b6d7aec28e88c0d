/// Renders diagnostics the way compilers do:
///
///     file:line:col: error: message
///       <the source line>
///       <spaces>^
///       fix: <suggestion, possibly several lines>
public struct DiagnosticRenderer: Sendable {
    /// Source text per file name, used to show the offending line.
    public var sources: [String: String]

    public init(sources: [String: String] = [:]) { self.sources = sources }

    public func render(_ d: Diagnostic) -> String {
        var out = d.description + "\n"
        if let text = sources[d.mark.file], let line = Self.line(d.mark.line, of: text) {
            let shown = line.replacingTabs()
            out += "  " + shown + "\n"
            let caretColumn = Self.displayColumn(of: d.mark.column, in: line)
            out += "  " + String(repeating: " ", count: max(0, caretColumn - 1)) + "^\n"
        }
        if let fix = d.fix {
            let lines = fix.split(separator: "\n", omittingEmptySubsequences: false)
            out += "  fix: " + lines.joined(separator: "\n       ") + "\n"
        }
        return out
    }

    public func render(_ ds: [Diagnostic]) -> String {
        ds.map(render).joined()
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
                if previousWasCR { previousWasCR = false; continue }
                if current == n { return String(buffer) }
                current += 1; buffer.removeAll()
                continue
            }
            if s == "\r" {
                previousWasCR = true
                if current == n { return String(buffer) }
                current += 1; buffer.removeAll()
                continue
            }
            previousWasCR = false
            if current == n { buffer.append(s) }
        }
        return current == n ? String(buffer) : nil
    }

    /// Column on screen of the `column`th scalar, counting a tab as one space (tabs are shown as spaces).
    static func displayColumn(of column: Int, in line: String) -> Int { column }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
    }
}
