import JSONOutput
import ScenarioModel
import ScenarioSyntax
import Simulation

/// `check --format json`: the checked model as JSON, for tools that compare what a file says with
/// what the checker made of it (scripts/mutate-check.py).
///
/// Every part of the model that has a place in the file carries `line` and `column` (1-based,
/// of its key for named parts, of its first character for expressions and times). Expressions
/// and times are `{"text", "line", "column"}` with the canonical text of `ExpressionText`.
/// Defaults the checker filled in appear as such: a recurring line without `until:` has
/// `until` = `end`, marked at the line's key. Alongside the model, each option lists the lines
/// the plan computes (`plan_lines`, with their base-case PV) and its base case, as
/// `CheckSummary` prints them.
public enum CheckJSON {
    public static func render(plan: Plan, base: [DeterministicResult]) -> String {
        let s = plan.scenario
        var options: [JSONValue] = []
        for (option, result) in zip(s.options, base) {
            let lines = plan.options.first { $0.name == option.name }?.lines ?? []
            let planLines: [JSONValue] = zip(lines, result.linePV).map { line, pv in
                .object(marked(line.mark) + [("name", .string(line.name)), ("kind", .string(line.kind.rawValue)),
                                             ("base_case_pv", .number(pv))])
            }
            options.append(.object(named(option.name, option.mark) + [
                ("label", .string(option.label)),
                ("go_live", option.goLive.map { .string($0) } ?? .null),
                ("optimism_bias", option.optimismBias.map(bias) ?? .null),
                ("inputs", .array(option.inputs.map(input))),
                ("tasks", .array(option.tasks.map(task))),
                ("costs", .array(option.costs.map(costLine))),
                ("benefits", .array(option.benefits.map(costLine))),
                ("risks", .array(option.risks.map(risk))),
                ("plan_lines", .array(planLines)),
                ("base_case", .object([
                    ("go_live_month", .number(result.goLive)), ("extension_months", .number(result.extensionMonths)),
                    ("pv", .number(result.pv)), ("undiscounted", .number(result.total)),
                ])),
            ]))
        }
        let discount: JSONValue
        switch s.discount {
        case .greenBook: discount = "green-book"
        case .rate(let r): discount = .number(r)
        }
        let settings: JSONValue = .object([
            ("name", .string(s.name)), ("description", s.description.map { .string($0) } ?? .null),
            ("currency", .string(s.currency)), ("file", .string(s.file)), ("start", .string(s.start.description)),
            ("horizon_months", .number(s.horizonMonths)), ("discount", discount),
            ("discounting", .string(s.discounting.rawValue)),
            ("deadline_month", s.deadline.map { .number($0) } ?? .null),
            ("deadline_line", s.deadlineMark.map { .int($0.line) } ?? .null),
            ("iterations", .int(s.iterations)), ("seed", .string(String(s.seed))),
            ("sampling", .string(s.sampling.rawValue)),
            ("optimism_bias", s.optimismBias.map(bias) ?? .null),
        ])
        let criteria: [JSONValue] = s.criteria.map { c in
            .object(named(c.name, c.mark) + [
                ("weight", expr(c.weight)),
                ("scores", .array(c.scores.map { .object([("option", .string($0.option)), ("score", expr($0.score))]) })),
            ])
        }
        let correlations: [JSONValue] = s.correlations.map { c in
            .object(marked(c.mark) + [("a", .string(c.a)), ("b", .string(c.b)), ("coefficient", .number(c.coefficient))])
        }
        let value: JSONValue = .object([
            ("scenario", settings),
            ("inputs", .array(s.inputs.map(input))),
            ("correlations", .array(correlations)),
            ("options", .array(options)),
            ("criteria", .array(criteria)),
            ("uncertain_inputs", .int(plan.inputs.count)),
        ])
        return value.rendered()
    }

    private static func marked(_ m: SourceMark) -> [(String, JSONValue)] {
        [("line", .int(m.line)), ("column", .int(m.column))]
    }

    private static func named(_ name: String, _ m: SourceMark) -> [(String, JSONValue)] {
        [("name", .string(name))] + marked(m)
    }

    private static func expr(_ e: Expr) -> JSONValue {
        .object([("text", .string(ExpressionText.text(e)))] + marked(e.mark))
    }

    private static func expr(_ e: Expr?) -> JSONValue { e.map(expr) ?? .null }

    private static func time(_ t: TimeRef) -> JSONValue {
        .object([("text", .string(ExpressionText.text(t)))] + marked(t.mark))
    }

    private static func time(_ t: TimeRef?) -> JSONValue { t.map(time) ?? .null }

    private static func bias(_ b: OptimismBias) -> JSONValue {
        .object([("one_off", .number(b.oneOff)), ("recurring", .number(b.recurring)),
                 ("duration", .number(b.duration))] + marked(b.mark))
    }

    private static func input(_ i: Input) -> JSONValue {
        .object(named(i.name, i.mark) + [("value", expr(i.value))])
    }

    private static func task(_ t: Task) -> JSONValue {
        .object(named(t.name, t.mark) + [
            ("after", .array(t.after.map { .string($0) })), ("duration", expr(t.duration)),
            ("not_before", time(t.notBefore)),
        ])
    }

    private static func costLine(_ c: CostLine) -> JSONValue {
        let timing: JSONValue
        switch c.timing {
        case .at(let t): timing = .object([("kind", "at"), ("at", time(t))])
        case .during(let task): timing = .object([("kind", "during"), ("task", .string(task))])
        case let .recurring(from, until): timing = .object([("kind", "recurring"), ("from", time(from)), ("until", time(until))])
        }
        return .object(named(c.name, c.mark) + [
            ("amount", expr(c.amount)), ("timing", timing), ("escalate", expr(c.escalate)), ("share", expr(c.share)),
        ])
    }

    private static func risk(_ r: Risk) -> JSONValue {
        .object(named(r.name, r.mark) + [
            ("chance", expr(r.chance)), ("per_year", .bool(r.perYear)), ("from", time(r.from)), ("until", time(r.until)),
            ("one_off", expr(r.oneOff)), ("monthly", expr(r.monthly)), ("for", expr(r.recurringFor)),
            ("delays", r.delays.map { .string($0) } ?? .null), ("delay", expr(r.delay)),
        ])
    }
}
