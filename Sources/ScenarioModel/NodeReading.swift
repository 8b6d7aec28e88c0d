import ScenarioSyntax

/// Shape checks on the reader's nodes: mappings where mappings belong, single values where
/// values belong, and no unknown keys. Each failure becomes an error at the offending node.
extension ScenarioBuilder {
    /// How a node is described in messages: "a mapping", "a list", "the value `x`".
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s): return s.isNull ? "nothing" : "the value `\(s.text)`"
        }
    }

    /// The entries of a mapping. A null value (`key:` with nothing after it) reads as an empty
    /// mapping when `allowEmpty`; anything else is an error naming what was expected.
    func mapping(_ node: Node, _ what: String, allowEmpty: Bool = true) -> [MappingEntry]? {
        switch node {
        case .mapping(let entries, _, _):
            return entries
        case .scalar(let s) where s.isNull && allowEmpty:
            return []
        default:
            error("\(what) should be a mapping of `key: value` entries, not \(Self.describe(node))", at: node.mark)
            return nil
        }
    }

    /// A single (non-null) scalar, else an error.
    func scalarValue(_ node: Node, _ what: String) -> Scalar? {
        switch node {
        case .scalar(let s) where !s.isNull:
            return s
        case .scalar:
            error("\(what) has no value", at: node.mark)
            return nil
        default:
            error("\(what) should be a single value, not \(Self.describe(node))", at: node.mark)
            return nil
        }
    }

    /// Reports every key of `entries` that is not in `allowed`, with a suggestion when one is close.
    /// `misplaced` maps a known-elsewhere key to an explanation of where it belongs.
    func checkKeys(_ entries: [MappingEntry], allowed: [String], in context: String,
                   misplaced: [String: String] = [:]) {
        for entry in entries where !allowed.contains(entry.key.text) {
            let key = entry.key.text
            if let why = misplaced[key] {
                error("`\(key)` is not allowed in \(context): \(why)", at: entry.key.mark)
                continue
            }
            let hint = NameSuggestions.didYouMean(key, among: allowed)
            let list = hint.isEmpty ? "; expected one of: " + allowed.joined(separator: ", ") : hint
            error("unknown key `\(key)` in \(context)\(list)", at: entry.key.mark)
        }
    }

    /// The first entry with the given key.
    static func entry(_ entries: [MappingEntry], _ key: String) -> MappingEntry? {
        entries.first { $0.key.text == key }
    }
}
