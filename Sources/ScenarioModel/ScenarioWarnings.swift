import ScenarioSyntax

/// Warnings: things that load and run but are probably not what the author meant.
///
/// - an input that no expression uses (correlations do not count as a use);
/// - a risk whose window can never open: constant `until <= from`, or a constant `from` at or
///   after the end of the horizon;
/// - optimism bias with a non-zero uplift on an option that also models explicit risks (it may
///   count the same uncertainty twice);
/// - a cost line entirely after the horizon (constant times): a one-off paid after `end`, or a
///   monthly/annual line starting at or after `end`.
extension ScenarioBuilder {
    func warnUnusedInputs(shared: [Input], options: [Option]) {
        for input in shared where !used.contains(InputKey(option: nil, name: input.name)) {
            warning("input `\(input.name)` is never used", at: input.mark)
        }
        for option in options {
            for input in option.inputs where !used.contains(InputKey(option: option.name, name: input.name)) {
                warning("input `\(input.name)` of option `\(option.name)` is never used", at: input.mark)
            }
        }
    }

    func warnOptimismBiasWithRisks(_ options: [Option]) {
        for option in options where !option.risks.isEmpty {
            guard let bias = option.optimismBias, bias.oneOff != 0 || bias.recurring != 0 || bias.duration != 0,
                  let facts = optionFacts[option.name] else { continue }
            let mark = facts.ownOptimismBias ? bias.mark : (facts.risksMark ?? option.mark)
            let source = facts.ownOptimismBias ? "optimism bias" : "the scenario's optimism bias"
            warning("option `\(option.name)` has \(source) and explicit risks: this may count the same uncertainty twice",
                    at: mark)
        }
    }

    func warnIfWindowNeverOpens(_ risk: Risk, fromNode: Node?, untilNode: Node?) {
        let from = constantTime(risk.from), until = constantTime(risk.until)
        if let from, let horizon, from >= horizon, let node = fromNode {
            warning("risk `\(risk.name)` can never happen: its window opens at month \(format(from)), "
                    + "at or after the end of the horizon (month \(format(horizon)))", at: node.mark)
        } else if let from, let until, until <= from, let node = untilNode {
            warning("risk `\(risk.name)` can never happen: its window closes (month \(format(until))) "
                    + "before it opens (month \(format(from)))", at: node.mark)
        } else if risk.from == nil, let until, until <= 0, let node = untilNode {
            warning("risk `\(risk.name)` can never happen: its window closes at month \(format(until)), "
                    + "before it opens at start", at: node.mark)
        }
    }

    func warnIfAfterHorizon(_ line: CostLine, what: String) {
        guard let horizon else { return }
        switch line.timing {
        case .at(let t):
            if let at = constantTime(t), at > horizon {
                warning("\(what) is paid at month \(format(at)), after the horizon ends (month \(format(horizon)))", at: t.mark)
            }
        case .recurring(let from, _):
            if let f = constantTime(from), f >= horizon {
                warning("\(what) starts at month \(format(f)), at or after the horizon ends (month \(format(horizon))): nothing is counted",
                        at: from.mark)
            }
        case .during:
            break
        }
    }
}
