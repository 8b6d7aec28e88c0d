import ScenarioSyntax

/// Shared and option inputs: identifier names, no shadowing, overrides applied, every name
/// resolved and no cycles among inputs.
///
/// Shared inputs may refer to any shared input (earlier or later in the file); an option's
/// inputs may refer to shared inputs and to the same option's inputs.
extension ScenarioBuilder {
    func readSharedInputs(_ node: Node) -> IndexedArray<NamedInputID, Input> {
        readInputs(node, option: nil)
    }

    /// Reads an `inputs:` mapping (shared when `option` is nil).
    func readInputs(_ node: Node, option: String?) -> IndexedArray<NamedInputID, Input> {
        let what = option.map { "the inputs of option `\($0)`" } ?? "`inputs`"
        guard let entries = mapping(node, what) else { return .init() }
        let scope = Scope(option: option, tasks: nil, allowsGoLive: false)
        var inputs = IndexedArray<NamedInputID, Input>()
        for entry in entries {
            let name = entry.key.text
            guard checkName(entry.key, "input name") else { continue }
            guard NameSuggestions.isIdentifier(name) else {
                error(
                    "input name `\(name)` is not an identifier (a letter or _, then letters, digits or _); "
                        + "did you mean `\(NameSuggestions.identifier(from: name))`?", at: entry.key.mark)
                continue
            }
            if let option, sharedInputNames.contains(name) {
                error(
                    "input `\(name)` of option `\(option)` shadows the shared input `\(name)`; rename one of them",
                    at: entry.key.mark)
                continue
            }
            let override = overrideTable.override(option: option, name: name)
            let value: CheckedExpr?
            if let override {
                value = expression(override.scalar, scope: scope)
            } else {
                value = expression(entry.value, "input `\(name)`", scope: scope)
            }
            if let value {
                inputs.append(Input(name: name, value: value.resolved, mark: entry.key.mark))
                inputValues[InputKey(option: option, name: name)] = value.parsed
            }
        }
        reportInputCycles(inputs, option: option)
        return inputs
    }

    /// "input cycle: a -> b -> a", at the first input of the cycle (edges: a uses b).
    func reportInputCycles(_ inputs: IndexedArray<NamedInputID, Input>, option: String?) {
        let names = inputs.map(\.name)
        let own = Set(names)
        var edges: [String: [String]] = [:]
        for input in inputs {
            let value = inputValues[InputKey(option: option, name: input.name)]
            edges[input.name] = value.map { ExpressionChecks.names(in: $0).map(\.name).filter(own.contains) } ?? []
        }
        let marks = Dictionary(inputs.map { ($0.name, $0.mark) }, uniquingKeysWith: { a, _ in a })
        for cycle in DependencyGraph(nodes: names, edges: edges).cycles() {
            guard let first = cycle.first, let mark = marks[first] else { continue }
            error("input cycle: " + cycle.joined(separator: " -> "), at: mark)
        }
    }
}
