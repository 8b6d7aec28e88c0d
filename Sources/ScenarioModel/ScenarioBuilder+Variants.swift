import ScenarioSyntax

/// A named what-if case under `variants:` (docs/scenario-language.md §7).
public struct Variant: Sendable, Hashable {
    public var name: String
    /// The variant's name as written under `variants:`.
    public var mark: SourceMark
    /// The keys it changes, in file order: inputs (`name`, `option.name`) and settings.
    public var keys: [String]

    public init(name: String, mark: SourceMark, keys: [String]) {
        self.name = name
        self.mark = mark
        self.keys = keys
    }

    /// The settings a variant may change.
    public static let settings = ["horizon", "discount", "discounting", "deadline", "inflation", "optimism-bias"]
}

/// `variants:`: each variant is a mapping of changes in the form of `--set` (an input, or an
/// option's own input as `option.input`, to an expression) or of a setting a variant may change
/// (`variantSettings`) to its value as it would be written at the top of the file.
///
/// The base case reads only the variants' shape (a mapping of mappings, no key that is a setting
/// a variant cannot change). Building the scenario *as* a variant (`variant` set) also replaces
/// the top-level settings by the variant's and resolves its inputs exactly as `--set`s
/// (`resolveOverrides`), so a name that is not an input is the same error with the same
/// suggestion, at the variant's key; each value is read where the original would be, with its
/// own mark in the file.
extension Scenario {
    /// The uncertain inputs a variant holds at constants, when that is all it does: every change is
    /// of an input (no setting), the base case has it as one distribution and the variant as a
    /// constant. Running the base case's plan with these inputs pinned (`Engine.run(pinned:)`) is
    /// the variant, on exactly the base case's draws for every other input; nil when the variant
    /// does anything else (it is then compiled to its own plan).
    public func pinnedInputs(of variant: Scenario) -> [InputID: Double]? {
        guard let v = variants.first(where: { $0.name == variant.variant }), !v.keys.isEmpty else { return nil }
        var pinned: [InputID: Double] = [:]
        for key in v.keys {
            guard !Variant.settings.contains(key) else { return nil }
            let before = inputs(named: key), after = variant.inputs(named: key)
            guard before.count == after.count, !before.isEmpty else { return nil }
            for (b, a) in zip(before, after) {
                guard case .draw(let id, _) = b.input.value.kind, let value = a.input.value.constant else { return nil }
                pinned[id] = value
            }
        }
        return pinned
    }

    /// Why `name` is not a variant of this scenario: the closest variant's name, else the list.
    public func unknownVariantMessage(_ name: String) -> String {
        let names = variants.map(\.name)
        guard !names.isEmpty else { return "the scenario has no `variants:`, so there is no variant `\(name)`" }
        var hint = NameSuggestions.didYouMean(name, among: names)
        if hint.isEmpty { hint = "; the variants are " + names.map { "`\($0)`" }.joined(separator: ", ") }
        return "the scenario has no variant `\(name)`" + hint
    }
}

extension ScenarioBuilder {
    static let variantSettings = Variant.settings

    /// The entries of the variant being built, or nil (base case, or no such variant: reported).
    func selectedVariantEntries(_ entries: [MappingEntry]) -> [MappingEntry]? {
        guard let name = variant else { return nil }
        guard let all = Self.entry(entries, "variants")?.value.entries,
            let chosen = Self.entry(all, name)?.value.entries
        else {
            error("the scenario has no variant `\(name)`", at: SourceMark(file: file, line: 1, column: 1))
            return nil
        }
        return chosen
    }

    /// The top-level entries with the variant's settings in place of the file's (added when the
    /// file has none), each with the variant's marks.
    func applyingVariantSettings(_ entries: [MappingEntry]) -> [MappingEntry] {
        guard let chosen = selectedVariantEntries(entries) else { return entries }
        var result = entries
        for change in chosen where Self.variantSettings.contains(change.key.text) {
            if let i = result.firstIndex(where: { $0.key.text == change.key.text }) {
                result[i] = change
            } else {
                result.append(change)
            }
        }
        return result
    }

    /// Checks the shape of `variants:` and lists the variants; when building a variant, adds its
    /// input changes to the overrides (before `resolveOverrides`).
    func readVariants(_ entries: [MappingEntry]) -> [Variant] {
        guard let node = Self.entry(entries, "variants")?.value,
            let list = mapping(node, "`variants`")
        else { return [] }
        var variants: [Variant] = []
        for entry in list {
            let name = entry.key.text
            _ = checkName(entry.key, "variant name")
            guard let changes = mapping(entry.value, "variant `\(name)`", allowEmpty: false) else { continue }
            if name == "base" {
                error("`base` is the name of the base case in variants.csv; give the variant another name", at: entry.key.mark)
            }
            for change in changes {
                let key = change.key.text
                if Self.variantSettings.contains(key) { continue }
                if Self.topKeys.contains(key) || key == "variants" {
                    error(
                        "`\(key)` cannot be changed in a variant (in variant `\(name)`); a variant sets inputs "
                            + "and the settings " + Self.variantSettings.map { "`\($0)`" }.joined(separator: ", "),
                        at: change.key.mark)
                    continue
                }
                guard variant == name else { continue }
                let what = "`\(key)` in variant `\(name)`"
                guard let value = change.value.scalar else {
                    error("\(what) should be a single expression, not \(Self.describe(change.value))", at: change.value.mark)
                    continue
                }
                var text = value
                if value.isNull { text.text = "" }
                overrides.append(InputOverride(variant: name, key: change.key, value: text))
            }
            variants.append(Variant(name: name, mark: entry.key.mark, keys: changes.map(\.key.text)))
        }
        return variants
    }

    /// The message for a variant key that is neither an input nor a setting a variant may change.
    func unknownVariantKey(_ key: String, variant: String, inputs: [String]) -> String {
        "unknown input or setting `\(key)` in variant `\(variant)`"
            + NameSuggestions.didYouMean(key, among: inputs + Self.variantSettings)
    }
}
