import ScenarioModel

/// A canonical text of a checked expression or time reference, for machine-readable reports
/// (`check --format json`). It shows what the model holds, not what the file says:
///
/// - numbers after suffixes, with Swift's shortest round-trip digits (`4.8m` is `4800000.0`,
///   `50%` is `0.5`);
/// - every operation in parentheses: `(a * b)`, `(-a)`, `(x months)`; an `annual:` amount is
///   shown as the stored monthly rate, `(annual / 12.0)`;
/// - functions and distributions as `name(arguments)`; `a to b` as `(a to b)`.
///
/// Two expressions have the same text exactly when they have the same tree (marks aside).
public enum ExpressionText {
    public static func text(_ e: Expr) -> String {
        switch e.kind {
        case .number(let x): return x.description
        case .name(let n): return n
        case .negate(let a): return "(-" + text(a) + ")"
        case let .binary(op, a, b): return "(" + text(a) + " " + op.rawValue + " " + text(b) + ")"
        case let .function(f, args): return f.rawValue + "(" + args.map(text).joined(separator: ", ") + ")"
        case .distribution(let d):
            if d.family == .interval, d.parameters.count == 2 {
                return "(" + text(d.parameters[0]) + " to " + text(d.parameters[1]) + ")"
            }
            return d.family.name + "(" + d.parameters.map(text).joined(separator: ", ") + ")"
        case let .duration(a, unit): return "(" + text(a) + " " + unit.rawValue + ")"
        }
    }

    /// `start`, `end`, `deadline`, `go-live`, `2017-11`, `month 9.0`, `task`, `task.start`,
    /// followed by ` + OFFSET` when there is an offset (a duration in months, possibly negative).
    public static func text(_ t: TimeRef) -> String {
        var s: String
        switch t.base {
        case .start: s = "start"
        case .end: s = "end"
        case .deadline: s = "deadline"
        case .goLive: s = "go-live"
        case let .calendar(year, month): s = CalendarMonth(year: year, month: month).description
        case .month(let m): s = "month " + m.description
        case .taskFinish(let task): s = task
        case .taskStart(let task): s = task + ".start"
        }
        if let offset = t.offset { s += " + " + text(offset) }
        return s
    }
}
