import Workbook

/// A small writer of well-formed XML text (the report's XHTML and its inline SVG): every text
/// and attribute value goes through `escape`, so a name from the scenario such as
/// `<script>alert(1)</script>` is shown as text and never read as markup.
///
/// Elements are written in order with `element(_:_:_:)` (a body closure), `leaf(_:_:text:)` or
/// `empty(_:_:)`; the writer closes each element it opens, so the output nests by construction.
/// Only `raw` (for the report's own constant style sheet) bypasses escaping.
struct XMLWriter {
    private(set) var text = ""

    /// An attribute list in document order.
    typealias Attributes = KeyValuePairs<String, String>

    init() { text.reserveCapacity(1 << 16) }

    /// `s` with `&`, `<`, `>`, `"` and `'` as entities, and every character XML 1.0 does not
    /// allow (`XMLText.isAllowed`: C0 controls other than tab, LF and CR; U+FFFE, U+FFFF) as
    /// U+FFFD.
    static func escape(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(c)
            default:
                out.unicodeScalars.append(XMLText.isAllowed(c) ? c : "\u{FFFD}")
            }
        }
        return out
    }

    private mutating func start(_ name: String, _ attributes: Attributes) {
        text += "<" + name
        for (key, value) in attributes { text += " " + key + "=\"" + Self.escape(value) + "\"" }
    }

    /// `<name attrs>` body `</name>`.
    mutating func element(_ name: String, _ attributes: Attributes = [:], _ body: (inout XMLWriter) -> Void) {
        start(name, attributes)
        text += ">"
        body(&self)
        text += "</" + name + ">"
    }

    /// `<name attrs>text</name>`, the text escaped.
    mutating func leaf(_ name: String, _ attributes: Attributes = [:], text content: String) {
        start(name, attributes)
        text += ">" + Self.escape(content) + "</" + name + ">"
    }

    /// `<name attrs/>`.
    mutating func empty(_ name: String, _ attributes: Attributes = [:]) {
        start(name, attributes)
        text += "/>"
    }

    /// Escaped text.
    mutating func text(_ content: String) { text += Self.escape(content) }

    /// Text written as it is: only for the report's own constant markup (its style sheet).
    mutating func raw(_ markup: String) { text += markup }

    /// A line break in the source, to keep the file readable.
    mutating func newline() { text += "\n" }
}

/// Coordinates in SVG attributes: at most two decimals, no trailing zeros, `0` for -0
/// (locale-independent).
func svgNumber(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    let r = (x * 100).rounded() / 100
    if r == r.rounded() { return String(Int(r)) }
    var t = Format.fixed(r, 2)
    while t.hasSuffix("0") { t.removeLast() }
    return t
}
