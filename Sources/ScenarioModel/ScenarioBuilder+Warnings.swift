import Foundation
import ScenarioSyntax

/// Warnings: things that load and run but are probably not what the author meant.
///
/// - an input that no expression uses (correlations do not count as a use);
/// - a risk whose window can never open: constant `until <= from`, or a constant `from` at or
///   after the end of the horizon;
/// - optimism bias with a non-zero uplift on an option that also models explicit risks of its own
///   (it may count the same uncertainty twice; a scenario-level risk, the same in every option,
///   does not count);
/// - a cost line entirely after the horizon (constant times): a one-off paid after `end`, or a
///   monthly/annual line starting at or after `end`;
/// - a one-off paid (constant `at`) before `start`, and a monthly/annual line whose constant
///   `until` is at or before its constant `from`: nothing of either is counted;
/// - a benefit whose amount (its constant or base value) is negative: it adds to the cost;
/// - an option with no cost lines;
/// - a rate or uplift that reads as a percentage written without `%` (`percentSlip`).
extension ScenarioBuilder {
    func warnUnusedInputs(shared: IndexedArray<NamedInputID, Input>, options: [Option]) {
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
        for option in options where option.risks.contains(where: { $0.shared == nil }) {
            guard let bias = option.optimismBias, bias.oneOff != 0 || bias.recurring != 0 || bias.duration != 0,
                let facts = optionFacts[option.name]
            else { continue }
            let mark = facts.ownOptimismBias ? bias.mark : (facts.risksMark ?? option.mark)
            let source = facts.ownOptimismBias ? "optimism bias" : "the scenario's optimism bias"
            warning(
                "option `\(option.name)` has \(source) and explicit risks: this may count the same uncertainty twice",
                at: mark)
        }
    }

    func warnIfWindowNeverOpens(_ risk: Risk, fromNode: Node?, untilNode: Node?) {
        let from = risk.from?.constantMonths, until = risk.until?.constantMonths
        if let from, let horizon, from >= horizon, let node = fromNode {
            warning(
                "risk `\(risk.name)` can never happen: its window opens at month \(format(from)), "
                    + "at or after the end of the horizon (month \(format(horizon)))", at: node.mark)
        } else if let from, let until, until <= from, let node = untilNode {
            warning(
                "risk `\(risk.name)` can never happen: its window closes (month \(format(until))) "
                    + "before it opens (month \(format(from)))", at: node.mark)
        } else if risk.from == nil, let until, until <= 0, let node = untilNode {
            warning(
                "risk `\(risk.name)` can never happen: its window closes at month \(format(until)), "
                    + "before it opens at start", at: node.mark)
        }
    }

    /// Constant times that leave nothing of the line inside the appraisal.
    func warnIfOutsideHorizon(_ line: CostLine, what: String) {
        switch line.timing {
        case .at(let t):
            if let at = t.constantMonths, let horizon, at > horizon {
                warning(
                    "\(what) is paid at month \(format(at)), after the horizon ends (month \(format(horizon)))",
                    at: t.mark)
            } else if let at = t.constantMonths, at < 0 {
                warning(
                    "\(what) is paid at month \(format(at)), before `start`: "
                        + "a payment before the appraisal begins is not counted",
                    at: t.mark)
            }
        case .recurring(let from, let until):
            if let f = from.constantMonths, let horizon, f >= horizon {
                warning(
                    "\(what) starts at month \(format(f)), "
                        + "at or after the horizon ends (month \(format(horizon))): nothing is counted",
                    at: from.mark)
            } else if let f = from.constantMonths, let u = until.constantMonths, u <= f {
                warning(
                    "\(what) is never paid: "
                        + "its `until` (month \(format(u))) is at or before its `from` (month \(format(f)))",
                    at: until.mark)
            }
        case .during:
            break
        }
    }

    /// A benefit with a negative constant or base value counts as a cost.
    func warnIfNegativeBenefit(_ amount: Expr, what: String) {
        guard let v = BaseValue.evaluate(amount, lookup: { _ in nil }), v < 0 else { return }
        warning(
            "\(what) is negative (\(format(v))): a benefit is taken off the cost, so a negative one adds to it; "
                + "write the benefit as a positive amount, or make it a cost line", at: amount.mark)
    }

    /// An option whose `costs` is missing or empty.
    func warnIfNoCostLines(option: String, costs: MappingEntry?, optionMark: SourceMark) {
        if let costs {
            let isEmpty = costs.value.entries?.isEmpty ?? (costs.value.scalar?.isNull == true)
            guard isEmpty else { return }  // lines, or not a mapping (an error already)
        }
        warning(
            "option `\(option)` has no cost lines: its cost is only its risks, less its benefits; "
                + "list what it pays under `costs:` (even keeping the current service costs something)",
            at: costs?.key.mark ?? optionMark)
    }

    /// A rate or uplift of magnitude 1 (100%) or more written without `%` anywhere in its text:
    /// `escalate: 2` is 200% a year and `optimism-bias: {one-off: 10}` an uplift of 1000%, where
    /// 2% and 10% were almost certainly meant. Writing the value with `%` (`200%`) says it is
    /// meant and silences the warning. The value is the constant, or the base value when the
    /// expression has distributions but no names. `per` is appended to the percentage (" a year").
    func warnIfPercentSlip(_ e: Expr, _ s: Scalar, what: String, per: String = "") {
        guard !s.text.contains("%"), let v = BaseValue.evaluate(e, lookup: { _ in nil }), v.isFinite, abs(v) >= 1 else {
            return
        }
        let constant = ExpressionChecks.constantValue(e) != nil
        let plain =
            constant
            && s.text.unicodeScalars.allSatisfy { ExpressionLexer.isDigit($0) || $0 == "." || $0 == "-" || $0 == " " }
        let written = s.text.trimmingCharacters(in: .whitespaces)
        let value = constant ? "is \(format(v))" : "has a base value of \(format(v))"
        let advice =
            plain
            ? "write `\(written)%` for \(written)%\(per), or `\(format(v * 100))%` if that is meant"
            : "write the percentages with `%` (e.g. `2%`), or `\(format(v * 100))%` if that is meant"
        warning(
            "\(what) \(value), that is \(format(v * 100))%\(per): "
                + "a rate or uplift written without `%` is a fraction; \(advice)",
            at: e.mark, fix: plain ? written + "%" : nil)
    }
}
