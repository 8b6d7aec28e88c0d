import ScenarioModel

/// A canonical text of a checked expression or time, for machine-readable reports
/// (`check --format json`). It shows what the model holds, not what the file says:
///
/// - numbers after suffixes, with Swift's shortest round-trip digits (`4.8m` is `4800000.0`,
///   `50%` is `0.5`);
/// - every operation in parentheses: `(a * b)`, `(-a)`, `(x months)`; an `annual:` amount is
///   shown as the stored monthly rate, `(annual / 12.0)`;
/// - a name as the input it resolved to (`rate`, or `option.rate` for an option's own input);
///   functions and distributions as `name(arguments)`; `a to b` as `(a to b)`;
/// - times from the resolved base: `month 9.0` for every fixed month (`start`, `deadline`,
///   `2017-11` included), `go-live`, `task`, `task.start`, then ` + OFFSET`.
///
/// Two expressions have the same text exactly when they have the same tree (marks aside).
public struct ExpressionText {
    public let scenario: Scenario
    /// The option whose own inputs and tasks names refer to; nil at scenario level.
    public let option: Option?

    public init(scenario: Scenario, option: Option?) {
        self.scenario = scenario
        self.option = option
    }

    public func text(_ e: ResolvedExpr) -> String {
        switch e.kind {
        case .number(let x): return x.description
        case .input(.shared(let id)): return scenario.inputs[id].name
        case .input(.own(let id)): return (option.map { $0.name + "." + $0.inputs[id].name }) ?? "?"
        case .negate(let a): return "(-" + text(a) + ")"
        case let .binary(op, a, b): return "(" + text(a) + " " + op.rawValue + " " + text(b) + ")"
        case let .function(f, args): return f.rawValue + "(" + args.map(text).joined(separator: ", ") + ")"
        case let .draw(id, parameters):
            let family = scenario.uncertainInputs[id].family
            if family == .interval, parameters.count == 2 {
                return "(" + text(parameters[0]) + " to " + text(parameters[1]) + ")"
            }
            return family.name + "(" + parameters.map(text).joined(separator: ", ") + ")"
        case let .duration(a, unit): return "(" + text(a) + " " + unit.rawValue + ")"
        }
    }

    /// The name of a task of the option.
    public func task(_ id: TaskID) -> String { option?.tasks[id].name ?? "?" }

    public func text(_ p: SchedulePoint) -> String {
        switch p {
        case .month(let m): return "month " + m.description
        case .taskFinish(let id): return task(id)
        case .taskStart(let id): return task(id) + ".start"
        }
    }

    public func text(_ p: TimePoint) -> String {
        switch p {
        case .scheduled(let s): return text(s)
        case .goLive: return "go-live"
        }
    }

    public func text(_ t: ResolvedTime<SchedulePoint>) -> String {
        text(t.base) + (t.offset.map { " + " + text($0) } ?? "")
    }

    public func text(_ t: ResolvedTime<TimePoint>) -> String {
        text(t.base) + (t.offset.map { " + " + text($0) } ?? "")
    }
}
