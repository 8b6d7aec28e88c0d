/// JSON for a node tree: what `sourcing-sim parse` prints and the fuzz harness renders, and what
/// the conformance tests compare with the YAML test suite.
///
/// Plain scalars are typed by the YAML 1.2 core schema:
/// - `null`, `Null`, `NULL`, `~` and the empty scalar → `null`;
/// - `true`/`True`/`TRUE`, `false`/`False`/`FALSE` → booleans;
/// - `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+` → integers (written in decimal);
/// - `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` → numbers (rewritten as valid JSON:
///   `+1.` → `1.0`, `.5` → `0.5`);
/// - `.inf`, `-.inf`, `.nan` (and their capitalised forms) have no JSON number: they are written
///   as strings holding the YAML text;
/// - everything else is a string. Quoted and block scalars are always strings.
/// Keys keep file order; output is pretty-printed with a 2-space indent and ends without a newline.
public enum NodeJSON {
    public static func render(_ node: Node?) -> String {
        guard let node else { return "null" }
        var out = ""
        write(node, indent: 0, into: &out)
        return out
    }

    /// Nesting is bounded by the reader's depth limit, so this recursion is bounded too.
    private static func write(_ node: Node, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent + 2)
        let closePad = String(repeating: " ", count: indent)
        switch node {
        case .scalar(let scalar):
            out += scalarJSON(scalar)
        case .sequence(let items, _, _):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                write(item, indent: indent + 2, into: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += closePad + "]"
        case .mapping(let entries, _, _):
            if entries.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, entry) in entries.enumerated() {
                out += pad + quote(entry.key.text) + ": "
                write(entry.value, indent: indent + 2, into: &out)
                out += i + 1 < entries.count ? ",\n" : "\n"
            }
            out += closePad + "}"
        }
    }

    /// The JSON text of a scalar, typed by the core schema when plain.
    public static func scalarJSON(_ scalar: Scalar) -> String {
        guard scalar.style == .plain else { return quote(scalar.text) }
        let t = scalar.text
        switch t {
        case "", "~", "null", "Null", "NULL": return "null"
        case "true", "True", "TRUE": return "true"
        case "false", "False", "FALSE": return "false"
        default: break
        }
        if let number = CoreSchema.number(t) { return number }
        return quote(t)
    }

    /// A JSON string literal: `"` and `\` escaped, the control characters below U+0020 as
    /// `\n \r \t \b \f` or `\u00XX`, the rest of `UnsafeCharacters` (DEL, the C1 controls,
    /// the bidirectional controls, U+2028, U+2029, U+FEFF) as `\uXXXX` so that none reaches a
    /// terminal raw, everything else as it is (RFC 8259, section 7).
    public static func quote(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if UnsafeCharacters.contains(c) {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}
