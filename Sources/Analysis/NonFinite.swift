import Foundation
import ScenarioSyntax
import Simulation

/// Guards against silent wrong answers.
///
/// - `diagnostics` turns the value checks that failed during a run (`ValueProblem`: a time,
///   duration, amount, input or score that is NaN or infinite, a chance or share outside 0...1,
///   a distribution whose parameters are invalid for some draws) into errors at their
///   expressions, with the number of iterations affected and the first of them as an example:
///   the value there and the uncertain inputs it depends on. Only root problems are reported
///   (`ValueProblem.roots`).
/// - `check` is the last line of defence: a PV that is NaN or infinite in any iteration, or in
///   the base case, fails the run with the option and the number of iterations affected.
public enum NonFinite {
    /// At most this many input values are named in one message.
    static let exampleInputs = 6

    /// Errors for the failed checks of a run, or of the base case when `baseCase`.
    public static func diagnostics(_ problems: [ValueProblem], plan: Plan, baseCase: Bool = false) -> [Diagnostic] {
        ValueProblem.roots(problems, plan: plan).map { .error(message($0, baseCase: baseCase), at: $0.check.mark) }
    }

    /// "the duration of task `build` of option `a` is not a finite number in 312 of 10000
    /// iterations; the first is iteration 18, where build_mode = 9.42: it is NaN". The inputs
    /// named are the uncertain inputs the value depends on, with their values in that iteration.
    static func message(_ p: ValueProblem, baseCase: Bool) -> String {
        let fails: String, detail: String
        switch p.check.kind {
        case .finite:
            fails = "is not a finite number"
            detail = "it is \(number(p.value))"
        case .probability:
            fails = "must be between 0% and 100% but is not"
            detail = "it is " + (p.value.isFinite ? percent(p.value) : number(p.value))
        case .nonNegative:
            fails = "must be 0 or more but is not"
            detail = "it is \(number(p.value))"
        case .draw:
            fails = "has invalid parameters"
            detail = p.reason ?? "its parameters are invalid"
        }
        var text = "\(p.check.what) \(fails) "
        text +=
            baseCase
            ? "in the base case (every input at its base value, no risk occurring)"
            : "in \(p.count) of \(p.iterations) iterations; the first is iteration \(p.firstIteration)"
        if !p.inputs.isEmpty {
            let shown = p.inputs.prefix(exampleInputs).map { "\($0.name) = \(number($0.value))" }
            let more = p.inputs.count > exampleInputs ? " and \(p.inputs.count - exampleInputs) more inputs" : ""
            text += ", where " + shown.joined(separator: ", ") + more
        }
        return text + ": " + detail
    }

    /// Six significant digits; `NaN`, `infinity`, `-infinity`.
    static func number(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-infinity" : "infinity" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(format: "%.6g", v)
    }

    static func percent(_ v: Double) -> String { number(v * 100) + "%" }

    public static func check(_ report: RunReport) -> String? {
        for o in report.results.options {
            let bad = o.pv.filter { !$0.isFinite }.count
            if bad > 0 {
                return
                    "option '\(o.name)': the PV of cost is not a finite number in \(bad) of \(o.pv.count) iterations "
                    + "(a division by zero, or a distribution whose parameters are invalid for some draws); "
                    + "check its expressions"
            }
        }
        for o in report.options where !o.base.pv.isFinite {
            return "option '\(o.name)': the base-case PV is not a finite number; check its expressions"
        }
        return nil
    }
}
