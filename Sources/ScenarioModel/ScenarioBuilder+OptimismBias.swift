import Foundation
import ScenarioSyntax

/// `optimism-bias: {class: C, mitigation: M}`: the uplifts of a Green Book reference class
/// (`OptimismBias.ReferenceClass`), each its upper bound × (1 − M).
///
/// - `class` is one of the reference classes (a near miss gets "did you mean"; otherwise the
///   message lists them). The error is at the value.
/// - `mitigation` is a constant from 0% to 100% (default 0%: the upper bounds). Outside that
///   range it is an error at the value; a plain number above 1 (`60`) gets the fix `60%`, and a
///   plain `1` (100%) the percent-slip warning the explicit uplifts get.
/// - `mitigation` without `class` is an error at `mitigation`: it only makes sense as a
///   reduction of a class's upper bounds.
/// - A class with any of `one-off`, `recurring`, `duration` is an error at each of those keys:
///   the uplifts come from one source, so the output can say which; to depart from a class's
///   figures, write all three explicitly.
extension ScenarioBuilder {
    static let referenceClassKeys = ["class", "mitigation"]

    func readReferenceClassBias(
        _ entries: [MappingEntry], explicitKeys: [String], mark: SourceMark
    ) -> OptimismBias? {
        let classEntry = Self.entry(entries, "class"), mitigationEntry = Self.entry(entries, "mitigation")
        guard let classEntry else {
            if let m = mitigationEntry {
                error(
                    "`mitigation` in `optimism-bias` needs a `class`: it reduces that reference class's upper "
                        + "bounds (explicit uplifts are written as they apply, already mitigated)", at: m.key.mark)
            }
            return nil
        }
        var ok = true
        for e in entries where explicitKeys.contains(e.key.text) {
            error(
                "`optimism-bias` takes either a `class` (with `mitigation`) or explicit uplifts, not both: remove "
                    + "`\(e.key.text)`, or write all of `one-off`, `recurring` and `duration` without the class",
                at: e.key.mark)
            ok = false
        }
        let referenceClass = readReferenceClass(classEntry.value)
        var mitigation = 0.0
        if let m = mitigationEntry {
            if let v = readMitigation(m.value) { mitigation = v } else { ok = false }
        }
        guard ok, let referenceClass else { return nil }
        return OptimismBias(referenceClass: referenceClass, mitigation: mitigation, mark: mark)
    }

    /// A reference class's name, as the table writes it.
    func readReferenceClass(_ node: Node) -> OptimismBias.ReferenceClass? {
        guard let s = scalarValue(node, "optimism-bias `class`") else { return nil }
        if let c = OptimismBias.ReferenceClass(rawValue: s.text) { return c }
        let names = OptimismBias.ReferenceClass.names
        let hint = NameSuggestions.didYouMean(s.text, among: names)
        let list = hint.isEmpty ? "; the Green Book reference classes are " + names.joined(separator: ", ") : hint
        error("unknown optimism-bias class `\(s.text)`\(list)", at: s.mark)
        return nil
    }

    /// The mitigation factor: a constant in 0 ... 1.
    func readMitigation(_ node: Node) -> Double? {
        guard let (v, s) = constant(node, "optimism-bias `mitigation`", kind: .value) else { return nil }
        guard v >= 0, v <= 1 else {
            let written = s.text.trimmingCharacters(in: .whitespaces)
            let plain =
                !written.isEmpty && written.unicodeScalars.allSatisfy { ExpressionLexer.isDigit($0) || $0 == "." }
            let slip = plain && v <= 100
            error(
                "optimism-bias `mitigation` must be between 0% and 100%, not \(format(v * 100))%"
                    + (slip ? "; write `\(written)%` for \(written)%" : ""), at: s.mark, fix: slip ? written + "%" : nil
            )
            return nil
        }
        warnIfPercentSlip(Expr(.number(v), at: s.mark), s, what: "optimism-bias `mitigation`")
        return v
    }
}
