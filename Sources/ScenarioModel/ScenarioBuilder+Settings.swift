import Foundation
import ScenarioSyntax

/// The scenario's scalar settings: horizon, discount, choices, integers, deadline, optimism bias,
/// baseline.
extension ScenarioBuilder {
    /// `horizon: 69 months` / `5 years` / `69` (months): a constant duration, `0 < h <= 1200`.
    func readHorizon(_ node: Node) -> Double? {
        guard let (h, s) = constant(node, "`horizon`", kind: .duration) else { return nil }
        guard h > 0 else {
            error("`horizon` must be a positive duration, such as `69 months` or `5 years`", at: s.mark)
            return nil
        }
        guard h <= Self.maximumHorizonMonths else {
            error("`horizon` of \(format(h)) months is longer than the 100 years supported", at: s.mark)
            return nil
        }
        return h
    }

    /// `discount: green-book` or a constant annual rate `0 <= r < 100%`.
    func readDiscount(_ node: Node) -> Discount? {
        guard let s = scalarValue(node, "`discount`") else { return nil }
        if s.text == "green-book" { return .greenBook }
        let looksLikeWord = s.text.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        if looksLikeWord && !s.text.contains("(") {
            let hint = NameSuggestions.didYouMean(s.text, among: ["green-book"])
            error("`discount` is `green-book` or an annual rate such as `3.5%`, not `\(s.text)`\(hint)", at: s.mark)
            return nil
        }
        guard let (r, _) = constant(node, "`discount`", kind: .value) else { return nil }
        guard r >= 0, r < 1 else {
            error("`discount` rate must be between 0% and 100%, not \(format(r * 100))%", at: s.mark)
            return nil
        }
        return .rate(r)
    }

    /// One of a fixed set of words, with a suggestion when the word is close to one of them.
    func readChoice<T>(_ node: Node, _ key: String, _ type: T.Type, _ choices: [(String, T)]) -> T? {
        guard let s = scalarValue(node, "`\(key)`") else { return nil }
        if let match = choices.first(where: { $0.0 == s.text }) { return match.1 }
        let words = choices.map(\.0)
        let hint = NameSuggestions.didYouMean(s.text, among: words)
        let list = words.map { "`\($0)`" }.joined(separator: " or ")
        error("`\(key)` is \(list), not `\(s.text)`\(hint)", at: s.mark)
        return nil
    }

    /// `baseline: OPTION`: the option every other is compared with in the economic case (§6), by
    /// its name as written under `options:`; with its mark. A name that is not an option is an
    /// error at the value, with the closest option name or else the list of options (none when
    /// the file has no readable options: that is reported already).
    func readBaseline(_ node: Node) -> (OptionID, SourceMark)? {
        guard let s = scalarValue(node, "`baseline`") else { return nil }
        if let index = optionNames.firstIndex(of: s.text) { return (OptionID(index), s.mark) }
        guard !optionNames.isEmpty else { return nil }
        var hint = NameSuggestions.didYouMean(s.text, among: optionNames)
        if hint.isEmpty {
            hint = "; the options are " + optionNames.map { "`\($0)`" }.joined(separator: ", ")
        }
        error("`baseline` must name one of the options, not `\(s.text)`\(hint)", at: s.mark)
        return nil
    }

    /// A whole number in `minimum...maximum`: digits (with optional `_`), or a constant
    /// expression such as `100k` whose value is whole.
    func readInteger(_ node: Node, _ key: String, minimum: UInt64, maximum: UInt64) -> UInt64? {
        guard let s = scalarValue(node, "`\(key)`") else { return nil }
        let digits = s.text.replacingOccurrences(of: "_", with: "")
        let expected = "`\(key)` must be a whole number from \(minimum) to \(maximum)"
        if !digits.isEmpty, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
            guard let v = UInt64(digits), v >= minimum, v <= maximum else {
                error("\(expected), not \(s.text)", at: s.mark)
                return nil
            }
            return v
        }
        guard let (v, _) = constant(node, "`\(key)`", kind: .value) else { return nil }
        // Below 2^53 every whole Double is exact, so the conversion to UInt64 is too.
        guard v.rounded() == v, v >= Double(minimum), v <= Double(maximum), v < 9.0e15 else {
            error("\(expected), not \(format(v))", at: s.mark)
            return nil
        }
        return UInt64(v)
    }

    /// `deadline: 2017-11` (its first instant, in months from `start`) or `month 9`, with an
    /// optional constant offset. Task names and `go-live` make no sense here. At scenario level
    /// `deadline` cannot refer to itself; in an option (`option` is its name) it is the scenario's
    /// deadline, so `deadline: deadline + 6 months` is six months after it.
    func readDeadline(_ node: Node, option: String? = nil) -> Double? {
        guard let s = scalarValue(node, "`deadline`") else { return nil }
        let (parsed, ds) = ExpressionParser.parseTime(s)
        diagnostics += ds
        guard let t = parsed, !ds.contains(where: { $0.severity == .error }) else { return nil }
        var base: Double?
        switch t.base {
        case .calendar(let y, let m):
            guard let start else { return nil }
            base = Double(start.months(until: CalendarMonth(year: y, month: m)))
        case .month(let x): base = x
        case .start: base = 0
        case .end: base = horizon
        case .goLive where option != nil:
            error(
                "the `deadline` of option `\(option ?? "")` cannot be its own `go-live`: the deadline is what "
                    + "go-live is measured against; give a calendar month such as `2017-11`", at: t.mark)
        case .goLive:
            error(
                "`go-live` cannot be used in a scenario-level field such as `deadline`; "
                    + "each option has its own go-live",
                at: t.mark)
        case .deadline where option != nil:
            base = deadline
            if deadline == nil && !deadlineDeclared {
                error(
                    "`deadline` in the `deadline` of option `\(option ?? "")` means the scenario's deadline, "
                        + "but the scenario sets no `deadline`", at: t.mark)
            }
        case .deadline:
            error("`deadline` cannot refer to itself", at: t.mark)
        case .taskFinish, .taskStart:
            error("`deadline` must be a calendar month such as `2017-11` or `month 9`, not a task", at: t.mark)
        }
        guard var value = base else { return nil }
        if let offset = t.offset {
            diagnostics += ExpressionChecks.check(offset)
            guard let o = ExpressionChecks.constantValue(offset) else {
                error("the offset of `deadline` must be a constant duration", at: offset.mark)
                return nil
            }
            value += o
        }
        if value < 0, let start {
            error(
                "`deadline` \(s.text) is \(format(-value)) months before `start` (\(start)): "
                    + "a deadline must not be before the appraisal begins", at: s.mark)
            return nil
        }
        return value
    }

    /// `optimism-bias: {one-off: X%, recurring: Y%, duration: Z%}`: constant uplifts, each >= 0,
    /// missing ones 0; or `{class: C, mitigation: M}` (`readReferenceClassBias`). The mark is the
    /// `optimism-bias` key's.
    func readOptimismBias(_ entry: MappingEntry) -> OptimismBias? {
        guard let entries = mapping(entry.value, "`optimism-bias`", allowEmpty: false) else { return nil }
        let keys = ["one-off", "recurring", "duration"]
        checkKeys(entries, allowed: keys + Self.referenceClassKeys, in: "`optimism-bias`")
        if entries.contains(where: { Self.referenceClassKeys.contains($0.key.text) }) {
            return readReferenceClassBias(entries, explicitKeys: keys, mark: entry.key.mark)
        }
        var values: [String: Double] = [:]
        var ok = true
        for e in entries where keys.contains(e.key.text) {
            guard let (v, s) = constant(e.value, "optimism-bias `\(e.key.text)`", kind: .value) else {
                ok = false
                continue
            }
            guard v >= 0 else {
                error(
                    "optimism-bias `\(e.key.text)` must be an uplift of 0% or more, not \(format(v * 100))%", at: s.mark
                )
                ok = false
                continue
            }
            warnIfPercentSlip(Expr(.number(v), at: s.mark), s, what: "optimism-bias `\(e.key.text)`")
            values[e.key.text] = v
        }
        guard ok else { return nil }
        return OptimismBias(
            oneOff: values["one-off"] ?? 0, recurring: values["recurring"] ?? 0,
            duration: values["duration"] ?? 0, mark: entry.key.mark)
    }

    /// A number for messages: whole numbers without a decimal point, others to 6 significant digits.
    func format(_ x: Double) -> String {
        if x.isFinite, x.rounded() == x, abs(x) < 1e15 { return String(Int64(x)) }
        var s = String(format: "%.6g", x)
        if s.contains("e") { return s }
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
