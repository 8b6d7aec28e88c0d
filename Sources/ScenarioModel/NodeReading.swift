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

extension ScenarioBuilder {
    /// A key of an entry's body written at the level of the entries: under `costs:` a dedented
    /// `from: go-live` reads as a cost line named `from` (and so on for tasks and risks). When
    /// `entry` is named like one of `bodyKeys` and its value is not a mapping, reports an error
    /// that suggests indenting it under the entry before it, and returns true.
    func reportMisindentedKey(_ index: Int, of entries: [MappingEntry], bodyKeys: [String], kind: String) -> Bool {
        let entry = entries[index]
        guard bodyKeys.contains(entry.key.text), entry.value.entries == nil else { return false }
        let key = entry.key.text
        let owner = entries[..<index].last { $0.value.entries != nil }
        let advice = owner.map { "if it belongs to \(kind) `\($0.key.text)`, indent it one level deeper, under `\($0.key.text)`" }
            ?? "indent it under the \(kind) it belongs to"
        error("`\(key)` is read as a \(kind) named `\(key)` because of its indentation; \(advice)", at: entry.key.mark)
        return true
    }
}
