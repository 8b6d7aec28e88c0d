import ScenarioSyntax

/// `correlations:` a list of `[a, b, rho]` triples between shared inputs whose values are single
/// distributions (so they can be rank-correlated), `rho` a constant in [-1, 1], no input paired
/// with itself and no pair given twice (in either order). Whether the whole matrix is positive
/// semi-definite is checked (and repaired) later, by the engine.
///
/// A `--set` that replaces a correlated input by something other than a single distribution (a
/// constant, say, to try a what-if) drops each correlation of that input, with a warning at the
/// correlation, rather than failing: the other inputs stay correlated among themselves, and a
/// matrix left without pairs means no correlation at all.
extension ScenarioBuilder {
    func readCorrelations(_ node: Node, inputs: [Input]) -> [Correlation] {
        if node.scalar?.isNull == true { return [] }
        guard let items = node.items else {
            error("`correlations` should be a list of [input, input, coefficient] triples, not \(Self.describe(node))",
                  at: node.mark)
            return []
        }
        var result: [Correlation] = []
        var seen: [Set<String>: SourceMark] = [:]
        for item in items {
            guard let parts = item.items, parts.count == 3, parts.allSatisfy({ $0.scalar?.isNull == false }),
                  let a = parts[0].scalar, let b = parts[1].scalar else {
                error("a correlation is a triple [input, input, coefficient], not \(Self.describe(item))", at: item.mark)
                continue
            }
            let dropped = [a, b].filter { overriddenAway($0.text, inputs: inputs) }.map(\.text)
            let okA = dropped.contains(a.text) || checkCorrelated(a, inputs: inputs)
            let okB = dropped.contains(b.text) || checkCorrelated(b, inputs: inputs)
            guard let (rho, rhoScalar) = constant(parts[2], "the correlation coefficient", kind: .value) else { continue }
            guard (-1...1).contains(rho) else {
                error("a correlation coefficient must be between -1 and 1, not \(format(rho))", at: rhoScalar.mark)
                continue
            }
            guard okA, okB else { continue }
            if !dropped.isEmpty {
                let sets = dropped.map { "`--set \($0)`" }.joined(separator: " and ")
                let makes = dropped.count == 1
                    ? "makes `\(dropped[0])` a value that is not a single distribution"
                    : "make them values that are not single distributions"
                warning("the correlation between `\(a.text)` and `\(b.text)` is dropped: \(sets) \(makes)", at: item.mark)
                continue
            }
            if a.text == b.text {
                error("`\(a.text)` is correlated with itself; a correlation needs two different inputs", at: item.mark)
                continue
            }
            let pair: Set<String> = [a.text, b.text]
            if let first = seen[pair] {
                error("duplicate correlation between `\(a.text)` and `\(b.text)` (first given at line \(first.line))",
                      at: item.mark)
                continue
            }
            seen[pair] = item.mark
            result.append(Correlation(a: a.text, b: b.text, coefficient: rho, mark: item.mark))
        }
        return result
    }

    /// Whether the name is a shared input that a `--set` replaced by something other than a
    /// single distribution.
    func overriddenAway(_ name: String, inputs: [Input]) -> Bool {
        guard overrideTable.shared[name] != nil, let input = inputs.first(where: { $0.name == name }) else { return false }
        if case .distribution = input.value.kind { return false }
        return true
    }

    /// Whether the name is a shared input whose value is a single distribution.
    func checkCorrelated(_ s: Scalar, inputs: [Input]) -> Bool {
        let name = s.text
        guard sharedInputNames.contains(name) else {
            if let owner = optionNames.first(where: { optionInputNames[$0]?.contains(name) == true }) {
                error("correlations are between shared inputs; `\(name)` is an input of option `\(owner)`", at: s.mark)
            } else {
                error("unknown input `\(name)` in a correlation" + NameSuggestions.didYouMean(name, among: sharedInputNames),
                      at: s.mark)
            }
            return false
        }
        guard let input = inputs.first(where: { $0.name == name }) else { return false }  // already reported
        guard case .distribution = input.value.kind else {
            error("`\(name)` cannot be correlated: its value is not a single distribution "
                  + "(correlate the distributions it is made of instead)", at: s.mark)
            return false
        }
        return true
    }
}
