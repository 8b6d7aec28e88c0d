import ScenarioSyntax

/// `correlations:` a list of `[a, b, rho]` triples between shared inputs whose values are single
/// distributions with constant parameters (so they can be rank-correlated), `rho` a constant in
/// [-1, 1], no input paired with itself and no pair given twice (in either order). Whether the whole matrix is positive
/// semi-definite is checked (and repaired) later, by the engine.
///
/// A `--set` that replaces a correlated input by something other than a single distribution (a
/// constant, say, to try a what-if) drops each correlation of that input, with a warning at the
/// correlation, rather than failing: the other inputs stay correlated among themselves, and a
/// matrix left without pairs means no correlation at all.
extension ScenarioBuilder {
    func readCorrelations(_ node: Node, inputs: IndexedArray<NamedInputID, Input>) -> [Correlation] {
        if node.scalar?.isNull == true { return [] }
        guard let items = node.items else {
            error(
                "`correlations` should be a list of [input, input, coefficient] triples, not \(Self.describe(node))",
                at: node.mark)
            return []
        }
        var result: [Correlation] = []
        var seen: [Set<String>: SourceMark] = [:]
        for item in items {
            guard let parts = item.items, parts.count == 3, parts.allSatisfy({ $0.scalar?.isNull == false }),
                let a = parts[0].scalar, let b = parts[1].scalar
            else {
                error(
                    "a correlation is a triple [input, input, coefficient], not \(Self.describe(item))", at: item.mark)
                continue
            }
            let dropped = [a, b].filter { overriddenAway($0.text, inputs: inputs) }.map(\.text)
            let drawA = dropped.contains(a.text) ? nil : correlated(a, inputs: inputs)
            let drawB = dropped.contains(b.text) ? nil : correlated(b, inputs: inputs)
            let okA = dropped.contains(a.text) || drawA != nil
            let okB = dropped.contains(b.text) || drawB != nil
            guard let (rho, rhoScalar) = constant(parts[2], "the correlation coefficient", kind: .value) else {
                continue
            }
            guard (-1...1).contains(rho) else {
                error("a correlation coefficient must be between -1 and 1, not \(format(rho))", at: rhoScalar.mark)
                continue
            }
            guard okA, okB else { continue }
            if !dropped.isEmpty {
                let sets = dropped.map { "`--set \($0)`" }.joined(separator: " and ")
                let makes =
                    dropped.count == 1
                    ? "makes `\(dropped[0])` a value that is not a single distribution"
                    : "make them values that are not single distributions"
                warning(
                    "the correlation between `\(a.text)` and `\(b.text)` is dropped: \(sets) \(makes)", at: item.mark)
                continue
            }
            if a.text == b.text {
                error("`\(a.text)` is correlated with itself; a correlation needs two different inputs", at: item.mark)
                continue
            }
            let pair: Set<String> = [a.text, b.text]
            if let first = seen[pair] {
                error(
                    "duplicate correlation between `\(a.text)` and `\(b.text)` (first given at line \(first.line))",
                    at: item.mark)
                continue
            }
            seen[pair] = item.mark
            guard let drawA, let drawB else { continue }
            result.append(Correlation(a: drawA, b: drawB, coefficient: rho, mark: item.mark))
        }
        return result
    }

    /// Whether the name is a shared input that a `--set` replaced by something other than a
    /// single distribution.
    func overriddenAway(_ name: String, inputs: IndexedArray<NamedInputID, Input>) -> Bool {
        guard overrideTable.shared[name] != nil, let input = inputs.elements.first(where: { $0.name == name }) else {
            return false
        }
        if case .draw = input.value.kind { return false }
        return true
    }

    /// The distribution (by reading number) that is the value of the shared input named `s`;
    /// nil after reporting a name that is not a shared input whose value is a single
    /// distribution with constant parameters.
    func correlated(_ s: Scalar, inputs: IndexedArray<NamedInputID, Input>) -> InputID? {
        let name = s.text
        guard sharedInputNames.contains(name) else {
            if let owner = optionNames.first(where: { optionInputNames[$0]?.contains(name) == true }) {
                error("correlations are between shared inputs; `\(name)` is an input of option `\(owner)`", at: s.mark)
            } else {
                error(
                    "unknown input `\(name)` in a correlation"
                        + NameSuggestions.didYouMean(name, among: sharedInputNames),
                    at: s.mark)
            }
            return nil
        }
        guard let input = inputs.elements.first(where: { $0.name == name }) else { return nil }  // already reported
        guard case .draw(let draw, let parameters) = input.value.kind else {
            error(
                "`\(name)` cannot be correlated: its value is not a single distribution "
                    + "(correlate the distributions it is made of instead)", at: s.mark)
            return nil
        }
        guard parameters.allSatisfy({ $0.constant != nil }) else {
            error(
                "`\(name)` cannot be correlated: its parameters depend on other inputs; "
                    + "only distributions with constant parameters can be correlated", at: s.mark)
            return nil
        }
        return draw
    }
}
