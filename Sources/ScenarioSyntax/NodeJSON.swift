import JSONOutput

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
    /// The tree as pretty-printed JSON text (`JSONValue.rendered()`); `null` for no document.
    public static func render(_ node: Node?) -> String {
        guard let node else { return "null" }
        return value(node).rendered()
    }

    /// The tree as a JSON value. Nesting is bounded by the reader's depth limit
    /// (`ScenarioReader.maxDepth`), so this recursion is bounded too.
    public static func value(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar): return scalarValue(scalar)
        case .sequence(let items, _, _): return .array(items.map(value))
        case .mapping(let entries, _, _): return .object(entries.map { ($0.key.text, value($0.value)) })
        }
    }

    /// The JSON text of a scalar, typed by the core schema when plain.
    public static func scalarJSON(_ scalar: Scalar) -> String {
        scalarValue(scalar).rendered()
    }

    /// A scalar as a JSON value, typed by the core schema when plain (numbers keep the text
    /// `CoreSchema` rewrote them to, as `.numberText`).
    public static func scalarValue(_ scalar: Scalar) -> JSONValue {
        guard scalar.style == .plain else { return .string(scalar.text) }
        let t = scalar.text
        switch t {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let number = CoreSchema.number(t) { return .numberText(number) }
        return .string(t)
    }
}
