import JSONOutput
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
    func checkKeys(
        _ entries: [MappingEntry], allowed: [String], in context: String,
        misplaced: [String: String] = [:]
    ) {
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

    /// The characters a name may not begin with: a spreadsheet opening the CSV files would run
    /// a cell starting with one of them as a formula (`=HYPERLINK(...)`, `+1+cmd|...`, `@SUM`).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@"]

    /// Refuses a name or label (`what`, e.g. "option name", and `owner`, e.g. "option `a`" for
    /// "label `x` of option `a`") that would reach a terminal or a
    /// spreadsheet as something other than text: one holding a character of `UnsafeCharacters`
    /// (a control character, tab, line break or bidirectional control, also when written as an
    /// escape such as `"\e"`) is an error at that character; one beginning with `=`, `+`, `-`
    /// or `@` is an error at its first character. The messages quote the name escaped.
    /// Returns whether the name is acceptable.
    @discardableResult
    func checkName(_ name: Scalar, _ what: String, of owner: String? = nil) -> Bool {
        let subject =
            "\(what) `\(UnsafeCharacters.escaped(name.text))`"
            + (owner.map { " of " + UnsafeCharacters.escaped($0) } ?? "")
        if let c = name.text.unicodeScalars.first(where: UnsafeCharacters.contains) {
            error(
                "\(subject) contains \(UnsafeCharacters.describe(c)); names must be plain text "
                    + "without control characters, tabs, line breaks or bidirectional controls",
                at: name.firstUnsafe ?? name.mark)
            return false
        }
        if let first = name.text.unicodeScalars.first, Self.formulaStarts.contains(first) {
            let quoted = name.style == .singleQuoted || name.style == .doubleQuoted
            error(
                "\(subject) begins with `\(first)`, which a spreadsheet would run as a formula "
                    + "when it opens the CSV files; start it with a letter or a digit",
                at: quoted ? name.mark.advanced(by: 1) : name.mark)
            return false
        }
        return true
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
        let advice =
            owner.map {
                "if it belongs to \(kind) `\($0.key.text)`, indent it one level deeper, under `\($0.key.text)`"
            }
            ?? "indent it under the \(kind) it belongs to"
        error("`\(key)` is read as a \(kind) named `\(key)` because of its indentation; \(advice)", at: entry.key.mark)
        return true
    }
}
